"""Validation of the signposting form's answers: age, where they live, and who is asking.

Every bad answer gets a clear re-ask that says what would work; "rather not say" and "I don't
know" move on (national services, or no age filter) rather than trapping anyone in a loop.
The questions themselves are domain responses (utter_ask_*, domain/signposting.yml), so asking
costs no call to this server.
"""
from __future__ import annotations

import asyncio

from typing import Any, Dict, List, Optional, Text

from rasa_sdk import Tracker
from rasa_sdk.events import EventType
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.forms import REQUESTED_SLOT, FormValidationAction
from rasa_sdk.types import DomainDict

from services_catalog.locality import AMBIGUOUS, FOUND, OUTSIDE, resolve
from services_catalog.taxonomy import NATIONAL
from signposting.ages import ADULT, NOT_AN_AGE, parse_age
from signposting.answers import UNSURE, declines, short_answer
from signposting.audience import parse_audience
from signposting.details import writes_as_young_person
from signposting.questions import PARENT_CARER, PROFESSIONAL, YOUNG_PERSON

from .catalogue import catalogue

#: What the area slot holds when someone lives outside the five areas: national services only.
OUTSIDE_AREA = "outside"
#: What a slot holds when the person would rather not say, or does not know.
NOT_GIVEN = "not given"
#: Children younger than this are supported through their parents and carers.
PARENT_ROUTES_BELOW = 5
#: Unusable answers in a row before the form moves on without that detail.
MOST_FAILED_ANSWERS = 2


def _declined(value: Any, tracker: Tracker) -> bool:
    intent = (tracker.latest_message.get("intent") or {}).get("name")
    return intent == "rather_not_say" or declines(str(value))


def _unsure(value: Any, tracker: Tracker) -> bool:
    intent = (tracker.latest_message.get("intent") or {}).get("name")
    return intent == "dont_know" or short_answer(str(value)) == UNSURE


def _with_inferred_audience(slots: Dict[Text, Any], tracker: Tracker) -> Dict[Text, Any]:
    """Who is asking, from how they have written so far, when nothing has said it yet."""
    if tracker.get_slot("audience") is None and "audience" not in slots:
        texts = [e.get("text") for e in tracker.events_after_latest_restart()
                 if e.get("event") == "user" and not (e.get("text") or "").startswith("/")]
        if writes_as_young_person(texts):
            return {**slots, "audience": YOUNG_PERSON}
    return slots


def _failed(slot: str, tracker: Tracker, dispatcher: CollectingDispatcher, reask: str,
            give_up: Dict[Text, Any], moving_on: str) -> Dict[Text, Any]:
    """A re-ask that says what would work; after a few misses, move on without the detail."""
    failed = int(tracker.get_slot("failed_answers") or 0) + 1
    if failed > MOST_FAILED_ANSWERS:
        dispatcher.utter_message(text=moving_on)
        return {**give_up, "failed_answers": None}
    dispatcher.utter_message(text=reask)
    return {slot: None, "failed_answers": float(failed)}


class ValidateSignpostForm(FormValidationAction):
    def name(self) -> Text:
        return "validate_signpost_form"

    async def required_slots(self, domain_slots: List[Text], dispatcher: CollectingDispatcher,
                             tracker: Tracker, domain: DomainDict) -> List[Text]:
        """Ask who is asking only when the answer would change the services shown."""
        if (tracker.get_slot("audience") is None
                and not await asyncio.to_thread(self._audience_matters, tracker)):
            return [slot for slot in domain_slots if slot != "audience"]
        return domain_slots

    async def next_requested_slot(self, dispatcher: CollectingDispatcher, tracker: Tracker,
                                  domain: DomainDict) -> Optional[EventType]:
        """The first question of a form run is left to Rasa's form when it would ask it anyway.

        At activation nothing has been requested yet. Rasa's form asks the first empty slot of
        the domain's list with requested_slot still unset, which is how utter_ask_age words
        itself as the offer of support (domain/signposting.yml); a requested_slot set here
        would be set before the question, and the offer never made.
        """
        event = await super().next_requested_slot(dispatcher, tracker, domain)
        if event is None or tracker.get_slot(REQUESTED_SLOT) is not None:
            return event
        rasas_choice = next((slot for slot in self.domain_slots(domain)
                             if tracker.get_slot(slot) is None), None)
        if event["value"] is not None and event["value"] == rasas_choice:
            return None
        return event

    @staticmethod
    def _audience_matters(tracker: Tracker) -> bool:
        age, location = tracker.get_slot("age"), tracker.get_slot("location")
        if age is None or location is None:
            return False
        try:
            results = {
                frozenset(m.service.id for m in catalogue().search(
                    tracker.get_slot("need") or "general_wellbeing",
                    age=age if isinstance(age, (int, float)) else None,
                    area=search_area(tracker.get_slot("area")),
                    district=tracker.get_slot("district"), audience=audience, limit=3))
                for audience in (YOUNG_PERSON, PARENT_CARER, PROFESSIONAL)
            }
        except Exception:  # the catalogue being down must not block the form
            return False
        return len(results) > 1

    def validate_age(self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker,
                     domain: DomainDict) -> Dict[Text, Any]:
        if _declined(value, tracker) or _unsure(value, tracker):
            dispatcher.utter_message(text="That's OK. I'll show support that isn't limited "
                                          "by age.")
            return {"age": NOT_GIVEN, "failed_answers": None}
        answer = parse_age(str(value))
        if answer.ok:
            slots: Dict[Text, Any] = {"age": answer.age, "failed_answers": None}
            if answer.age < PARENT_ROUTES_BELOW and tracker.get_slot("audience") in (None, YOUNG_PERSON):
                dispatcher.utter_message(
                    text="For a child under 5, support usually comes through their parent or "
                         "carer, so I'll show support for parents and families.")
                slots["audience"] = PARENT_CARER
            return _with_inferred_audience(slots, tracker)
        if answer.problem == ADULT:
            dispatcher.utter_message(
                text="This service is for young people up to 25, so I'll show you support "
                     "that's open to adults too.")
            return {"age": answer.age, "failed_answers": None}
        reask = ("That doesn't look like an age." if answer.problem == NOT_AN_AGE else
                 "Sorry, I didn't catch an age there.")
        return _failed("age", tracker, dispatcher,
                       reask + " Please send a number, for example 15, or say \"rather not say\".",
                       {"age": NOT_GIVEN}, "Let's move on. I'll show support that isn't "
                                           "limited by age.")

    def validate_location(self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker,
                          domain: DomainDict) -> Dict[Text, Any]:
        if _declined(value, tracker) or _unsure(value, tracker):
            dispatcher.utter_message(text="That's fine. I'll show you services you can use "
                                          "wherever you live in the UK.")
            return {"location": NOT_GIVEN, "area": OUTSIDE_AREA, "district": None,
                    "failed_answers": None}
        if value == NOT_GIVEN:
            return {"location": NOT_GIVEN, "area": OUTSIDE_AREA, "district": None,
                    "failed_answers": None}
        place = resolve(str(value))
        if place.status == FOUND:
            return _with_inferred_audience(
                {"location": place.label, "area": place.area, "district": place.district,
                 "failed_answers": None}, tracker)
        if place.status == OUTSIDE:
            dispatcher.utter_message(
                text="That looks like somewhere outside Kent, Medway, Essex, Southend and "
                     "Thurrock, so I'll show you services available across the UK.")
            return {"location": place.matched or str(value)[:60], "area": OUTSIDE_AREA,
                    "district": None, "failed_answers": None}
        if place.status == AMBIGUOUS:
            names = sorted({c.district for c in place.candidates if c.district})
            reask = (f"{place.matched} covers more than one area ({', '.join(names)}). "
                     "Could you send your full postcode or the name of your town?")
        else:
            reask = ("Sorry, I don't recognise that place. Could you send your postcode (like "
                     "ME14 1XX) or the name of your town? Or say \"rather not say\".")
        result = _failed("location", tracker, dispatcher, reask,
                         {"location": NOT_GIVEN, "area": OUTSIDE_AREA},
                         "Let's move on. I'll show services you can use wherever you live.")
        return {**result, "area": result.get("area"), "district": None}

    def validate_audience(self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker,
                          domain: DomainDict) -> Dict[Text, Any]:
        audience = value if value in (YOUNG_PERSON, PARENT_CARER, PROFESSIONAL) else \
            parse_audience(str(value))
        if audience:
            return {"audience": audience, "failed_answers": None}
        if _declined(value, tracker) or _unsure(value, tracker):
            # services a young person can use directly
            return {"audience": YOUNG_PERSON, "failed_answers": None}
        return _failed("audience", tracker, dispatcher,
                       "Sorry, I didn't follow. Reply 1 if it's for you, 2 for your child, or 3 "
                       "for a young person you work with.",
                       {"audience": YOUNG_PERSON}, "Let's move on.")


def search_area(area: Any) -> Optional[str]:
    """The area to search in: None (national only) for outside the five areas."""
    return None if area in (None, OUTSIDE_AREA, NATIONAL) else area
