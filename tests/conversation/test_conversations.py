import pytest

from .conftest import assert_crisis_routes

pytestmark = pytest.mark.model


async def test_greeting_says_what_it_is_and_about_emergencies(chat):
    reply = await chat.say("hiya")
    assert "automated" in reply
    assert "999" in reply


async def test_anxiety_age_and_postcode_lead_to_local_services(chat, catalogue):
    assert "How old" in await chat.say("i keep getting panic attacks")
    assert "Where do you live" in await chat.say("15")
    reply = await chat.say("ME7 1AA")
    expected = catalogue.search("anxiety", age=15, area="medway")
    assert "medway" in expected[0].service.areas
    assert reply.startswith("Here is support that could help near Medway")
    for number, match in enumerate(expected, 1):
        assert f"{number}. {match.service.name}" in reply
    tracker = await chat.tracker()
    assert tracker.get_slot("need") == "anxiety"
    assert tracker.get_slot("area") == "medway"
    assert tracker.active_loop_name is None


async def test_low_mood_with_town_name(chat):
    await chat.say("i feel really low all the time")
    await chat.say("im 16")
    reply = await chat.say("i live in chelmsford")
    assert "SET CAMHS" in reply
    assert "Kent and Medway" not in reply


@pytest.mark.parametrize("message", ["I want to kill myself", "i wanna die",
                                     "everyone would be better off without me"])
async def test_suicidal_message_gets_24_7_routes(chat, message):
    assert_crisis_routes(await chat.say(message))


async def test_suicidal_message_in_the_middle_of_the_form(chat):
    assert "How old" in await chat.say("im so anxious")
    reply = await chat.say("I want to kill myself")
    assert_crisis_routes(reply)
    assert "How old" not in reply
    tracker = await chat.tracker()
    assert tracker.active_loop_name is None
    assert tracker.get_slot("age") is None  # the message was not taken as an answer


async def test_suicidal_message_after_the_age_question_was_answered(chat):
    await chat.say("i feel depressed")
    assert "Where do you live" in await chat.say("14")
    assert_crisis_routes(await chat.say("i dont want to be alive anymore"))
    assert (await chat.tracker()).get_slot("location") is None


async def test_crisis_routes_with_the_action_server_down(chat_without_actions):
    assert_crisis_routes(await chat_without_actions.say("I want to kill myself"))


async def test_crisis_routes_mid_form_with_the_action_server_down(chat_without_actions):
    await chat_without_actions.say("i feel so low")
    reply = await chat_without_actions.say("I want to kill myself")
    assert_crisis_routes(reply)
    tracker = await chat_without_actions.tracker()
    assert tracker.active_loop_name is None


async def test_rather_not_say_where_gives_national_services(chat):
    await chat.say("i feel really anxious all the time")
    await chat.say("year 10")
    reply = await chat.say("rather not say")
    assert "wherever you live" in reply
    assert "Here is support available across the UK" in reply
    assert (await chat.tracker()).get_slot("age") == 14
