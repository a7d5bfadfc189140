"""The signposting form's questions are domain responses, worded for who is asking.

Asking for age, place and who is asking costs no call to the action server: Rasa's form asks
with utter_ask_<slot> (domain/signposting.yml), worded by conditional variations on the
audience slot. The domain is the wording's only home; these tests render the responses with
Rasa's own response generator and check them against the wording each writer must get (the
tables below).

The age question is the offer of support the first time a form run asks anything
(requested_slot still unset) and just the question on a re-ask. The last tests run Rasa's
FormAction itself, with the real validation action answering in-process, to check that the
first question really is asked with requested_slot unset (actions/forms.py,
ValidateSignpostForm.next_requested_slot) and a re-ask is not.
"""
from __future__ import annotations

import itertools
import json
from typing import Any, Dict, List, Optional

import pytest
from rasa.core.actions.action import ActionExecutionRejection, action_for_name_or_text
from rasa.core.actions.forms import FormAction
from rasa.core.channels import CollectingOutputChannel
from rasa.core.nlg import TemplatedNaturalLanguageGenerator
from rasa.core.nlg.generator import ResponseVariationFilter
from rasa.shared.core.domain import Domain
from rasa.shared.core.events import (
    ActionExecuted,
    ActionExecutionRejected,
    BotUttered,
    SlotSet,
    UserUttered,
)
from rasa.shared.core.trackers import DialogueStateTracker
from rasa.utils.endpoints import EndpointConfig
from rasa_sdk.executor import ActionExecutor

from actions import search as actions_search
from signposting.audience import PARENT_CARER, PROFESSIONAL, YOUNG_PERSON
from signposting.sms import format_turn
from tests.support.actions import StubCatalogue

DOMAIN = Domain.load("domain")
NLG = TemplatedNaturalLanguageGenerator(DOMAIN.responses)

#: What each writer is asked: a parent about their child, a professional about the young
#: person they support (asking a worried parent "how old are you?" makes people give up).
AGE = {
    YOUNG_PERSON: "How old are you?",
    PARENT_CARER: "How old is your child?",
    PROFESSIONAL: "How old is the young person you're supporting?",
    None: "How old are you (or the young person you're asking about)?",
}
LOCATION = {
    YOUNG_PERSON: "Where do you live? A postcode or the name of your town is fine.",
    PARENT_CARER: "Where does your child live? A postcode or the name of the town is fine.",
    PROFESSIONAL: "Where does the young person live? A postcode or the name of the town is fine.",
    None: "Where do you live? A postcode or the name of your town is fine.",
}
#: The place question just after "Which Leigh do you mean?": the way out of the choice.
AFTER_A_CHOICE = "If it's somewhere else, send the postcode or the name of the town."
#: ... and just after a place that could not be used ("Sorry, I don't recognise that place."):
#: how to answer, not "Where do you live?" a second time (conversations17).
AFTER_A_REASK = ("Could you send the full postcode (like ME14 1XX) or the name of the town? Or "
                 "say \"rather not say\".")
QUESTION = ("Is this for you, for your child, or for a young person you work with? "
            "Reply 1 for me, 2 for my child, 3 for someone I work with.")
BUTTONS = (("For me", "1"), ("For my child", "2"), ("Someone I work with", "3"))
#: The web chat shows the choices as buttons; by SMS and plain REST they are in the words.
QUESTION_WITH_BUTTONS = "Is this for you, for your child, or for a young person you work with?"


def ask_age(audience: Optional[str]) -> str:
    return AGE[audience]


def ask_location(audience: Optional[str]) -> str:
    return LOCATION[audience]


#: Before the first question of a form run. The domain is its only home: no code says it.
OFFER = "If you'd like, I can find support that could help. "
AUDIENCES = (None, YOUNG_PERSON, PARENT_CARER, PROFESSIONAL)
FORM_SLOTS = DOMAIN.required_slots_for_form("signpost_form")
#: Unset at the first question of a form run; otherwise the slot asked for (usually the one
#: being asked again, or the one asked before it when an answer in passing needs re-asking).
REQUESTED = (None, *FORM_SLOTS)
#: The output channels of credentials.yml (socketio, bot/*_channel.py): none has its own wording.
CHANNELS = ("rest", "webchat", "socketio", "twilio_sms")
QUESTIONS = ("utter_ask_age", "utter_ask_location", "utter_ask_audience")


def tracker_with(audience: Optional[str], requested_slot: Optional[str],
                 location_question: Optional[str] = None) -> DialogueStateTracker:
    return DialogueStateTracker.from_events(
        "questions", [ActionExecuted("action_listen"), SlotSet("audience", audience),
                      SlotSet("requested_slot", requested_slot),
                      SlotSet("location_question", location_question)],
        slots=DOMAIN.slots)


async def rendered(response: str, tracker: DialogueStateTracker, channel: str) -> Dict[str, Any]:
    """What Rasa sends for the response, after checking that it cannot pick another variation
    (it chooses at random among the conditional variations that match)."""
    eligible = ResponseVariationFilter(DOMAIN.responses).responses_for_utter_action(
        response, channel, tracker.current_slot_values())
    assert eligible, (response, tracker.current_slot_values())
    assert len({(v.get("text"), str(v.get("buttons"))) for v in eligible}) == 1, \
        f"{response} has different variations for {tracker.current_slot_values()}: {eligible}"
    message = await NLG.generate(response, tracker, channel)
    assert message is not None
    return message


def test_the_form_asks_with_these_responses_and_no_custom_action():
    form = FormAction("signpost_form", None)
    assert FORM_SLOTS == ["age", "location", "audience"]
    for slot in FORM_SLOTS:
        assert form._name_of_utterance(DOMAIN, slot) == f"utter_ask_{slot}"
    assert not [name for name in DOMAIN.user_actions if name.startswith("action_ask_")]
    assert "support_offered" not in [slot.name for slot in DOMAIN.slots]


@pytest.mark.parametrize("channel", CHANNELS)
@pytest.mark.parametrize("audience, requested_slot", itertools.product(AUDIENCES, REQUESTED))
async def test_age_question_is_worded_for_who_is_asking_and_offers_support_first(
        audience, requested_slot, channel):
    message = await rendered("utter_ask_age", tracker_with(audience, requested_slot), channel)
    expected = ask_age(audience)
    if requested_slot is None:
        expected = OFFER + expected
    assert message["text"] == expected
    assert not message.get("buttons")


@pytest.mark.parametrize("channel", CHANNELS)
@pytest.mark.parametrize("audience, requested_slot", itertools.product(AUDIENCES, REQUESTED))
async def test_location_question_is_worded_for_who_is_asking(audience, requested_slot, channel):
    message = await rendered("utter_ask_location", tracker_with(audience, requested_slot), channel)
    assert message["text"] == ask_location(audience)
    assert not message.get("buttons")


@pytest.mark.parametrize("channel", CHANNELS)
@pytest.mark.parametrize("audience", AUDIENCES)
@pytest.mark.parametrize("question, expected", [
    ("which", AFTER_A_CHOICE),   # after "Which Leigh do you mean?": the way out of the choice
    ("again", AFTER_A_REASK),    # after a place that could not be used: how to answer
])
async def test_after_a_place_question_the_location_question_follows_it(audience, channel, question,
                                                                         expected):
    tracker = tracker_with(audience, "location", location_question=question)
    message = await rendered("utter_ask_location", tracker, channel)
    assert message["text"] == expected
    assert not message.get("buttons")


@pytest.mark.parametrize("channel", CHANNELS)
@pytest.mark.parametrize("audience, requested_slot", itertools.product(AUDIENCES, REQUESTED))
async def test_audience_question_has_the_numbered_choices_once(
        audience, requested_slot, channel):
    """Buttons on the web chat; by SMS the choices are in the words, never listed twice."""
    message = await rendered("utter_ask_audience", tracker_with(audience, requested_slot), channel)
    if channel == "webchat":
        assert message["text"] == QUESTION_WITH_BUTTONS
        assert message["buttons"] == [{"title": title, "payload": payload}
                                      for title, payload in BUTTONS]
    else:
        assert message["text"] == QUESTION and not message.get("buttons")


@pytest.mark.parametrize("response", QUESTIONS)
def test_no_variation_says_anything_the_modules_do_not(response):
    """A variation for slot values the tests above do not try is checked here."""
    allowed = {
        "utter_ask_age": {ask_age(a) for a in AUDIENCES} | {OFFER + ask_age(a) for a in AUDIENCES},
        "utter_ask_location": {ask_location(a) for a in AUDIENCES} | {AFTER_A_CHOICE, AFTER_A_REASK},
        "utter_ask_audience": {QUESTION, QUESTION_WITH_BUTTONS},
    }[response]
    for variation in DOMAIN.responses[response]:
        assert variation["text"] in allowed, variation
        assert variation.get("channel") in (None, "webchat"), variation
        for condition in variation.get("condition") or []:
            assert condition["name"] in ("audience", "requested_slot", "location_question"), \
                variation
            assert condition["value"] in {"audience": AUDIENCES, "requested_slot": REQUESTED,
                                          "location_question": (None, "which", "again")}[
                                              condition["name"]], variation


# -- Rasa's form, with the real validation action answering in-process ------------------------

class InProcessActionServer(EndpointConfig):
    """The action endpoint, answered by the SDK's own executor with this project's actions."""

    def __init__(self) -> None:
        super().__init__("http://in-process/webhook")
        self.executor = ActionExecutor()
        self.executor.register_package("actions")
        self.called: List[str] = []

    async def request(self, method: str = "post", subpath: Optional[str] = None,
                      content_type: Optional[str] = "application/json", compress: bool = False,
                      **kwargs: Any) -> Any:
        self.called.append(kwargs["json"]["next_action"])
        return await self.executor.run(kwargs["json"])


class Conversation:
    """Events logged as Rasa's MessageProcessor logs them; the policy's choices are the test's."""

    def __init__(self, text: str, intent: str, **slots: Any) -> None:
        self.server = InProcessActionServer()
        self.tracker = DialogueStateTracker.from_events(
            "form", [ActionExecuted("action_listen")] + [SlotSet(k, v) for k, v in slots.items()],
            slots=DOMAIN.slots)
        self.user(text, intent)

    def user(self, text: str, intent: str = "inform") -> None:
        if self.tracker.latest_action_name != "action_listen":
            self.tracker.update(ActionExecuted("action_listen"))
        self.tracker.update(UserUttered(text, intent={"name": intent, "confidence": 1.0}))

    async def extract_slots(self) -> None:
        action = action_for_name_or_text("action_extract_slots", DOMAIN, self.server)
        self.tracker.update_with_events(
            await action.run(CollectingOutputChannel(), NLG, self.tracker, DOMAIN), DOMAIN)

    async def run(self, name: str) -> List[Dict[str, Any]]:
        """Run one action; what the bot said (text and buttons)."""
        action = action_for_name_or_text(name, DOMAIN, self.server)
        events = await action.run(CollectingOutputChannel(), NLG, self.tracker, DOMAIN)
        self.tracker.update(ActionExecuted(name))
        self.tracker.update_with_events(events, DOMAIN)
        return [{"text": e.text, "buttons": e.data.get("buttons")}
                for e in events if isinstance(e, BotUttered)]

    async def answer(self, text: str, intent: str = "inform") -> List[str]:
        self.user(text, intent)
        await self.extract_slots()
        return [m["text"] for m in await self.run("signpost_form")]

    def slot(self, name: str) -> Any:
        return self.tracker.get_slot(name)


@pytest.fixture(autouse=True)
def same_for_everyone(monkeypatch):
    """Results that do not depend on who is asking, unless a test says otherwise."""
    stub = StubCatalogue()
    monkeypatch.setattr(actions_search, "catalogue", lambda: stub)
    return stub


async def test_the_first_question_offers_support_and_a_re_ask_does_not():
    # "/need_bullying" (a button) says nothing about who is writing.
    conversation = Conversation("/need_bullying", "need_bullying", need="bullying")
    assert [m["text"] for m in await conversation.run("signpost_form")] == \
        [OFFER + ask_age(None)]
    assert conversation.slot("requested_slot") == "age"
    assert conversation.server.called == ["validate_signpost_form"]

    # An answer that is not an age: the reason, then the question alone.
    said = await conversation.answer("banana")
    assert len(said) == 2 and said[-1] == ask_age(None) and not said[0].startswith(OFFER)
    assert conversation.slot("requested_slot") == "age"

    # An interruption: the form cannot use it, the rules answer, the form asks again.
    conversation.user("are you a real person?", "bot_challenge")
    await conversation.extract_slots()
    with pytest.raises(ActionExecutionRejection, match="Failed to extract slot age"):
        await conversation.run("signpost_form")
    conversation.tracker.update(ActionExecutionRejected("signpost_form"))
    assert await conversation.run("utter_i_am_a_bot")
    assert [m["text"] for m in await conversation.run("signpost_form")] == [ask_age(None)]

    # One call to the action server per answer: the validation; the questions cost none.
    conversation.server.called.clear()
    assert await conversation.answer("15") == [ask_location(conversation.slot("audience"))]
    assert conversation.slot("age") == 15 and conversation.slot("requested_slot") == "location"
    assert conversation.server.called == ["validate_signpost_form"]


async def test_known_audience_gets_its_wording_from_the_first_question():
    conversation = Conversation("/need_bullying", "need_bullying", need="bullying",
                                audience=PARENT_CARER)
    assert [m["text"] for m in await conversation.run("signpost_form")] == \
        [OFFER + ask_age(PARENT_CARER)]
    assert await conversation.answer("12") == [ask_location(PARENT_CARER)]


async def test_age_given_in_passing_means_the_place_is_asked_first_without_the_offer():
    conversation = Conversation("/need_bullying", "need_bullying", need="bullying", age=15,
                                audience=PROFESSIONAL)
    assert [m["text"] for m in await conversation.run("signpost_form")] == \
        [ask_location(PROFESSIONAL)]
    assert conversation.slot("requested_slot") == "location"


async def test_who_is_asking_is_asked_with_buttons_when_it_changes_the_services(monkeypatch):
    stub = StubCatalogue(by_audience={PARENT_CARER: ("x", "y", "z")})
    monkeypatch.setattr(actions_search, "catalogue", lambda: stub)
    conversation = Conversation("/need_bullying", "need_bullying", need="bullying", age=15,
                                location="Dartford, Kent", area="kent", district="Dartford")
    assert await conversation.run("signpost_form") == [{"text": QUESTION, "buttons": None}]
    assert conversation.slot("requested_slot") == "audience"
    assert await conversation.answer("2") == []
    assert conversation.slot("audience") == PARENT_CARER
    assert conversation.slot("requested_slot") is None and not conversation.tracker.active_loop


# -- "Which Leigh do you mean?" ---------------------------------------------------------------

LEIGHS = ("Leigh-on-Sea (Southend-on-Sea)", "Leigh (Sevenoaks, Kent)")


def payload(label: str) -> str:
    return "/inform" + json.dumps({"place": label})


async def asked_which_leigh() -> Conversation:
    conversation = Conversation("/need_bullying", "need_bullying", need="bullying", age=15)
    assert [m["text"] for m in await conversation.run("signpost_form")] == [ask_location(None)]
    conversation.user("leigh")
    await conversation.extract_slots()
    said = await conversation.run("signpost_form")
    assert said == [
        {"text": "Which Leigh do you mean?",
         "buttons": [{"title": label, "payload": payload(label)} for label in LEIGHS]},
        {"text": AFTER_A_CHOICE, "buttons": None}]
    assert conversation.slot("location_choices") == list(LEIGHS)
    assert conversation.slot("requested_slot") == "location"
    return conversation


async def test_a_place_name_of_two_places_is_asked_about_with_buttons_then_a_number_picks():
    conversation = await asked_which_leigh()
    assert await conversation.answer("2") == []
    assert (conversation.slot("location"), conversation.slot("area"),
            conversation.slot("district")) == ("Leigh, Sevenoaks, Kent", "kent", "Sevenoaks")
    assert conversation.slot("location_choices") is None
    assert conversation.slot("location_question") is None


async def test_a_button_press_picks_by_its_payload():
    conversation = await asked_which_leigh()
    # The web chat sends the payload; by SMS "1" is turned into it (signposting/sms.py).
    conversation.user(payload(LEIGHS[0]), "inform")
    conversation.tracker.latest_message.entities = [{"entity": "place", "value": LEIGHS[0]}]
    await conversation.extract_slots()
    await conversation.run("signpost_form")
    assert (conversation.slot("area"), conversation.slot("district")) == \
        ("southend", "Southend-on-Sea")


async def test_the_choice_reads_as_numbered_options_by_text_message():
    conversation = Conversation("/need_bullying", "need_bullying", need="bullying", age=15)
    await conversation.run("signpost_form")
    conversation.user("leigh")
    await conversation.extract_slots()
    turn = format_turn(await conversation.run("signpost_form"))
    assert turn.texts == [
        "Which Leigh do you mean?\n"
        "Reply 1 for Leigh-on-Sea (Southend-on-Sea); 2 for Leigh (Sevenoaks, Kent).\n\n"
        + AFTER_A_CHOICE]
    assert turn.options == {"1": payload(LEIGHS[0]), "2": payload(LEIGHS[1])}


@pytest.mark.parametrize("risk_class", ["crisis_suicidal", "crisis_self_harm", "crisis_danger",
                                        "safeguarding_disclosure"])
@pytest.mark.parametrize("audience", AUDIENCES)
async def test_the_safety_question_asked_again_offers_the_crisis_replys_own_buttons(audience, risk_class):
    # Round 31: on the web chat, a person whose answer to "is your child safe right now?" the bot
    # could not place gets the same two buttons again, so one tap answers; by SMS, words only.
    tracker = DialogueStateTracker.from_events(
        "unclear", [ActionExecuted("action_listen"), SlotSet("audience", audience),
                    SlotSet("risk_class", risk_class)], slots=DOMAIN.slots)
    crisis = await rendered(f"utter_{risk_class}", tracker, "webchat")
    again = await rendered("utter_safety_answer_unclear", tracker, "webchat")
    assert crisis.get("buttons") and again.get("buttons")
    assert [b["payload"] for b in again["buttons"]] == [b["payload"] for b in crisis["buttons"]]
    adult = audience in (PARENT_CARER, PROFESSIONAL)
    assert all(b["title"].startswith("I'm") != adult for b in again["buttons"]), again["buttons"]
    sms = await rendered("utter_safety_answer_unclear", tracker, "twilio_sms")
    assert not sms.get("buttons") and sms["text"] == again["text"]
