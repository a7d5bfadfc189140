import pytest
from rasa_sdk import Tracker
from rasa_sdk.events import SlotSet
from rasa_sdk.executor import CollectingDispatcher

from actions.forms import OUTSIDE_AREA, ActionAskAge, ValidateSignpostForm

DOMAIN = {
    "forms": {"signpost_form": {"required_slots": ["age", "location"]}},
    "slots": {name: {"type": "any"} for name in ("age", "location", "area", "district", "need")},
}


def form_tracker(slot: str, value: str) -> Tracker:
    return Tracker(
        sender_id="test", slots={"requested_slot": slot, slot: value},
        latest_message={"text": value, "intent": {"name": "inform", "confidence": 0.9}},
        events=[{"event": "user", "text": value},
                {"event": "slot", "name": slot, "value": value}],
        paused=False, followup_action=None, active_loop={"name": "signpost_form"},
        latest_action_name="action_listen",
    )


async def validate(slot, value):
    dispatcher = CollectingDispatcher()
    events = await ValidateSignpostForm().run(dispatcher, form_tracker(slot, value), DOMAIN)
    return events, [m["text"] for m in dispatcher.messages]


@pytest.mark.parametrize("text, age", [("15", 15), ("im fourteen", 14)])
async def test_age_is_read(text, age):
    events, messages = await validate("age", text)
    assert events == [SlotSet("age", age)]
    assert messages == []


@pytest.mark.parametrize("text", ["300", "no idea", "🙂", "<b>hello</b>"])
async def test_bad_age_is_asked_again(text):
    events, messages = await validate("age", text)
    assert events == [SlotSet("age", None)]
    assert len(messages) == 1 and "for example 15" in messages[0]


async def test_adult_age_is_kept_with_a_note():
    events, messages = await validate("age", "32")
    assert events == [SlotSet("age", 32)]
    assert "up to 25" in messages[0]


async def test_postcode_sets_area_and_district():
    events, messages = await validate("location", "ME7 1AA")
    assert events == [SlotSet("location", "Medway"), SlotSet("area", "medway"),
                      SlotSet("district", "Medway")]
    assert messages == []


async def test_place_outside_the_areas_means_national():
    events, messages = await validate("location", "SW1A 1AA")
    assert events == [SlotSet("location", "SW1A 1AA"), SlotSet("area", OUTSIDE_AREA),
                      SlotSet("district", None)]
    assert "across the UK" in messages[0]


@pytest.mark.parametrize("text, words", [("DA1", "more than one area"),
                                         ("blahblahville", "don't recognise")])
async def test_unclear_place_is_asked_again(text, words):
    events, messages = await validate("location", text)
    assert events == [SlotSet("location", None), SlotSet("area", None), SlotSet("district", None)]
    assert words in messages[0]


async def test_age_question():
    dispatcher = CollectingDispatcher()
    tracker = form_tracker("age", "")
    assert await ActionAskAge().run(dispatcher, tracker, DOMAIN) == []
    assert dispatcher.messages[0]["text"].startswith("How old are you")


async def test_rather_not_say_age_moves_on():
    events, messages = await validate("age", "rather not say")
    assert events == [SlotSet("age", "not given")]


async def test_rather_not_say_place_means_national_services():
    events, messages = await validate("location", "prefer not to say")
    assert events == [SlotSet("location", "not given"), SlotSet("area", OUTSIDE_AREA),
                      SlotSet("district", None)]
    assert "wherever you live" in messages[0]
