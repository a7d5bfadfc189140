import pytest

from tests.support.model import assert_crisis_routes


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


# --- issue 5: the whole conversation ------------------------------------------------------

async def test_need_is_heard_then_a_self_help_idea_then_the_offer(chat):
    from signposting.self_help import idea_for

    replies = await chat.replies("i cant sleep at night and im exhausted")
    texts = [r.get("text", "") for r in replies]
    assert len(texts) == 3
    assert "sleep" in texts[0].lower()                      # heard
    assert idea_for("sleep", None).text in texts[1]         # one idea, from the content file
    assert "If you'd like, I can find support" in texts[2] and "How old" in texts[2]


async def test_details_in_the_first_message_skip_the_questions(chat, catalogue):
    reply = await chat.say("my 14 year old son in dartford is being bullied")
    assert "Here is support that could help your child near Dartford" in reply
    assert "How old" not in reply and "Where" not in reply
    tracker = await chat.tracker()
    assert tracker.get_slot("age") == 14
    assert tracker.get_slot("district") == "Dartford"
    assert tracker.get_slot("audience") == "parent_carer"
    assert tracker.get_slot("relation") == "son"


async def test_a_professional_is_told_how_to_refer(chat):
    await chat.say("im a senco and one of my pupils is really anxious")
    await chat.say("13")
    reply = await chat.say("maidstone")
    assert "Referral by" in reply or "refer themselves" in reply


async def test_more_shows_the_next_services_then_says_when_there_are_none(chat):
    await chat.say("i feel so lonely")
    await chat.say("17")
    first = await chat.say("rather not say")
    assert "1. " in first and 'Say "more"' in first
    more = await chat.say("more")
    assert more.startswith("Here are more options:") and "4. " in more
    for _ in range(10):
        more = await chat.say("more")
        if "That's everything" in more:
            break
    assert "That's everything" in more and "SHOUT to 85258" in more


@pytest.mark.parametrize("reply_to_list, expected", [
    ("none of those suit him, we can't do daytimes", "Here are more options:"),
    ("been on the waiting list for the first two for ages", "Here are more options:"),
    ("how long is the wait for the 3rd one?", "I only know what the list says"),
    ("brilliant, I'll have a look at those", "You're welcome"),
    # conversations14 (development): asked for a way of contact, not for "more".
    ("do any of them do text only? i cant do phone calls", "Services I found that take texts:"),
])
async def test_a_reply_to_the_list_in_other_words_is_understood(chat, reply_to_list, expected):
    await chat.say("my son is 14 and gets really anxious")
    first = await chat.say("Maidstone")
    assert "1. " in first
    reply = await chat.say(reply_to_list)
    assert expected in reply and "not sure I understood" not in reply


async def test_risk_after_the_list_still_gets_the_crisis_reply(chat):
    await chat.say("im 15 and i get really anxious")
    assert "1. " in await chat.say("Maidstone")
    assert_crisis_routes(await chat.say("none of those will help, i just want to kill myself"))


@pytest.mark.parametrize("reply_to_list", [
    # An opening reply, then a risk the lexicon does not know, read on its own
    # (bot/nlu/clauses.py; the independent review of round 19 found such messages answered
    # with more services; these are in other words).
    "something else? i want to stop existing",
    "can i self refer, ive been thinking of ways",
])
async def test_risk_after_an_opening_reply_is_checked(chat, reply_to_list):
    await chat.say("im 15 and i get really anxious")
    assert "1. " in await chat.say("Maidstone")
    reply = await chat.say(reply_to_list)
    assert "Here are more options" not in reply and "999" in reply
    assert "Are you thinking about ending your life" in reply or "0800 068 4141" in reply


async def test_more_before_any_search_asks_what_would_help(chat):
    assert "Tell me what you'd like support with first" in await chat.say("more")


async def test_a_new_worry_in_the_middle_of_the_form_changes_the_topic(chat):
    await chat.say("im being bullied")
    reply = await chat.say("and i cant sleep either")
    assert "How old" in reply
    assert (await chat.tracker()).get_slot("need") == "sleep"
    await chat.say("13")
    await chat.say("canterbury")
    tracker = await chat.tracker()
    assert tracker.active_loop_name is None or tracker.get_slot("requested_slot") == "audience"


async def test_correcting_the_age_after_the_results_searches_again(chat):
    await chat.say("my daughter is 9 and gets so angry she breaks things")
    await chat.say("southend")
    await chat.say("sorry she's actually 11")
    assert (await chat.tracker()).get_slot("age") == 11


async def test_i_dont_know_moves_on(chat):
    await chat.say("i feel really low")
    assert "Where" in await chat.say("idk")
    assert (await chat.tracker()).get_slot("age") == "not given"


async def test_over_25_gets_adult_routes_and_under_5_gets_parent_routes(chat):
    assert "open to adults" in await chat.say("im 31 and i feel depressed")
    other = type(chat)(chat.agent, chat.sender + "-under5")
    await other.say("she gets so angry and has massive tantrums")
    reply = await other.say("3")
    assert "under 5" in reply
    assert (await other.tracker()).get_slot("audience") == "parent_carer"


async def test_a_question_mid_form_is_answered_and_the_form_carries_on(chat):
    await chat.say("i feel so low")
    reply = await chat.say("who can see this chat")
    assert "nobody reads this chat" in reply and "How old" in reply
    assert (await chat.tracker()).get_slot("age") is None


async def test_no_thanks_to_the_offer_ends_the_form_kindly(chat):
    await chat.say("i feel lonely all the time")
    reply = await chat.say("no thanks")
    assert "no problem" in reply.lower() and "SHOUT" in reply
    assert (await chat.tracker()).active_loop_name is None


async def test_stop_ends_the_conversation_politely(chat):
    await chat.say("i feel low")
    reply = await chat.say("stop")
    assert "I'll stop here" in reply
    tracker = await chat.tracker()
    assert tracker.active_loop_name is None and tracker.get_slot("need") is None


async def test_start_again_forgets_the_topic(chat):
    await chat.say("i feel anxious")
    assert "start again" in await chat.say("can we start again")
    assert (await chat.tracker()).get_slot("need") is None


async def test_two_stage_fallback_ends_with_topics_and_24_7_routes(chat):
    first = await chat.say("asdfgh qwerty")
    assert "say it another way" in first
    second = await chat.say("zxcv blorp")
    assert "worry or panic" in second and "SHOUT to 85258" in second and "999" in second


async def test_coming_back_within_the_hour_carries_on(chat):
    await chat.say("i feel anxious")
    reply = await chat.say("hi")
    assert "Hi again" in reply and "How old" in reply


async def test_coming_back_after_the_session_expired_starts_afresh(chat, tracker_db):
    import json
    import sqlite3

    await chat.say("i feel anxious")
    await chat.say("15")
    with sqlite3.connect(tracker_db) as db:  # two hours pass
        rows = db.execute("SELECT id, timestamp, data FROM events WHERE sender_id = ?",
                          (chat.sender,)).fetchall()
        for row_id, stamp, data in rows:
            event = json.loads(data)
            event["timestamp"] -= 7200
            db.execute("UPDATE events SET timestamp = ?, data = ? WHERE id = ?",
                       (stamp - 7200, json.dumps(event), row_id))
    # After two hours the server no longer keeps its copy of the conversation (it keeps them
    # 10 minutes, bot/stores/kept_trackers.py), so it reads the changed rows.
    chat.agent.tracker_store._tracker_store._kept.drop(chat.sender)
    reply = await chat.say("hello")
    assert "automated helper" in reply
    tracker = await chat.tracker()
    assert tracker.get_slot("age") is None and tracker.active_loop_name is None


async def test_delete_my_data_asks_first_then_erases_every_stored_event(chat, tracker_db):
    import sqlite3

    def stored() -> int:
        with sqlite3.connect(tracker_db) as db:
            return db.execute("SELECT COUNT(*) FROM events WHERE sender_id = ?",
                              (chat.sender,)).fetchone()[0]

    await chat.say("i feel low")
    assert "Reply yes or no" in await chat.say("delete my data")
    assert stored() > 0
    assert "I haven't deleted anything" in await chat.say("no")
    assert stored() > 0
    await chat.say("please delete everything i told you")
    assert "I've deleted this conversation" in await chat.say("yes")
    assert stored() == 0
    assert "automated helper" in await chat.say("hi")  # a fresh start


async def test_several_needs_in_one_message_are_offered_after_the_results(chat):
    await chat.say("im anxious and i cant sleep at night")
    await chat.say("17")
    reply = await chat.say("rather not say")
    if "Reply 1" in reply:
        reply = await chat.say("1")
    assert "You also mentioned" in reply


@pytest.mark.parametrize("message", ["x" * 10_000, "😭😭😭", "<script>alert(1)</script>",
                                     "'; DROP TABLE events; --", "   "])
async def test_bad_input_gets_a_clear_answer(chat, message):
    reply = await chat.say(message)
    assert reply.strip()
    assert "<script>" not in reply
