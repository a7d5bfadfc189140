"""Validation of the signposting form's answers: age, where they live, and who is asking.

Every bad answer gets a clear re-ask that says what would work; "rather not say" and "I don't
know" move on (national services, or no age filter) rather than trapping anyone in a loop.
The questions themselves are domain responses (utter_ask_*, domain/signposting.yml), so asking
costs no call to this server; what this action says about an answer is too (utter_age_*,
utter_location_*, utter_reask_*), said by name so that channel variants apply.
"""
from __future__ import annotations

import asyncio
import json
from typing import Any, Dict, List, Optional, Sequence, Text, Tuple

from rasa_sdk import Tracker
from rasa_sdk.events import EventType
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.forms import REQUESTED_SLOT, FormValidationAction
from rasa_sdk.types import DomainDict

from services_catalog.locality import AMBIGUOUS, FOUND, OUTSIDE, Resolution, default_index, resolve
from signposting.ages import ADULT, NOT_AN_AGE, parse_age
from signposting.answers import UNSURE, asks_why, declines, short_answer
from signposting.audience import (
    PARENT_CARER,
    PROFESSIONAL,
    YOUNG_PERSON,
    parse_audience,
    writes_as_young_person,
)
from signposting.details import other_details_only, plain_answer

from .search import OUTSIDE_AREA, search

#: What a slot holds when the person would rather not say, or does not know.
NOT_GIVEN = "not given"
#: Children younger than this are supported through their parents and carers.
PARENT_ROUTES_BELOW = 5
#: Unusable answers in a row before the form moves on without that detail.
MOST_FAILED_ANSWERS = 2
#: ``location_question`` while the bot waits to hear which of several places was meant: the
#: place question is then worded as the way out of the choice (domain/signposting.yml).
WHICH_PLACE = "which"
#: ... and after a place that could not be used ("Sorry, I don't recognise that place."): the
#: place question is then the way to answer, not "Where do you live?" a second time.
PLACE_AGAIN = "again"
NO_CHOICE: Dict[Text, Any] = {"location_choices": None, "location_question": None}


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


def _plain_answer_slot(slot: str, tracker: Tracker) -> Dict[Text, Any]:
    message = tracker.latest_message or {}
    intent = (message.get("intent") or {}).get("name")
    evidence = bool((message.get("safety") or {}).get("evidence"))
    requested = tracker.get_slot(REQUESTED_SLOT)
    text = message.get("text") or ""
    if requested == slot and plain_answer(requested, text, intent, evidence):
        return {slot: text}
    return {}


def _say_outside(place: Resolution, dispatcher: CollectingDispatcher) -> None:
    """Outside the five areas: by name when a place was named ("Leeds is outside ..."), with
    the local place of the same name that was passed over, if there was one."""
    if place.kind != "place" or not place.places:
        dispatcher.utter_message(response="utter_location_outside")
    elif place.passed_over:
        dispatcher.utter_message(response="utter_location_outside_not_local",
                                 place=place.places[0].label,
                                 local=" or ".join(p.label for p in place.passed_over[:2]))
    else:
        dispatcher.utter_message(response="utter_location_outside_place",
                                 place=place.places[0].label)


def _failed(slot: str, tracker: Tracker, dispatcher: CollectingDispatcher, reask: str,
            give_up: Dict[Text, Any], moving_on: str, **values: Any) -> Dict[Text, Any]:
    """A re-ask that says what would work (the response ``reask``, filled with ``values``);
    after a few misses, move on without the detail (the response ``moving_on``)."""
    failed = int(tracker.get_slot("failed_answers") or 0) + 1
    if failed > MOST_FAILED_ANSWERS:
        dispatcher.utter_message(response=moving_on)
        return {**give_up, "failed_answers": None}
    dispatcher.utter_message(response=reask, **values)
    return {slot: None, "failed_answers": float(failed)}


#: Areas next to each other: Kent with Medway, Essex with Southend and Thurrock.
_NEIGHBOURS = ({"kent", "medway"}, {"essex", "southend", "thurrock"})


def _near_the_last_place(place: Resolution, tracker: Tracker) -> Optional[str]:
    """A name of several places said by someone whose place the bot already knows ("we just
    moved to Leigh", after Benfleet): the one in the same district, or else the only one in
    the same or a neighbouring area, is meant (conversations17); None when that does not
    settle it, and the bot asks which."""
    if place.status != AMBIGUOUS or not place.places:
        return None
    area, district = tracker.get_slot("area"), tracker.get_slot("district")
    if not area or area == OUTSIDE_AREA:
        return None
    near = next((group for group in _NEIGHBOURS if area in group), {area})
    for fits in ([p for p in place.places if district and p.locality.district == district],
                 [p for p in place.places if p.locality.area in near]):
        if len(fits) == 1:
            return fits[0].label
    return None


def _which_place(choices: Sequence[str], name: Optional[str]) -> Tuple[str, Dict[Text, Any]]:
    """"Which Leigh do you mean?" with the places as buttons (a web chat shows them, a text
    message numbers them); "Which place do you mean?" when their names differ ("the island")."""
    reask = "utter_reask_location_choice" if len(choices) == 2 else "utter_reask_location_choice_3"
    values: Dict[Text, Any] = {"place": name or "place"}
    for number, choice in enumerate(choices, 1):
        values[f"option_{number}"] = choice
        values[f"payload_{number}"] = "/inform" + json.dumps({"place": choice})
    return reask, values


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

    # A model-only check-in on a plain answer to the question asked is an answer (the policy
    # lets the form run); the domain's slot mappings never take text from an urgent or check-in
    # intent, so the answer is taken here.
    async def extract_age(self, dispatcher: CollectingDispatcher, tracker: Tracker,
                          domain: DomainDict) -> Dict[Text, Any]:
        return _plain_answer_slot("age", tracker)

    async def extract_location(self, dispatcher: CollectingDispatcher, tracker: Tracker,
                               domain: DomainDict) -> Dict[Text, Any]:
        return _plain_answer_slot("location", tracker)

    async def extract_audience(self, dispatcher: CollectingDispatcher, tracker: Tracker,
                               domain: DomainDict) -> Dict[Text, Any]:
        return _plain_answer_slot("audience", tracker)

    @staticmethod
    def _audience_matters(tracker: Tracker) -> bool:
        age, location = tracker.get_slot("age"), tracker.get_slot("location")
        if age is None or location is None:
            return False
        try:
            results = {frozenset(m.service.id for m in search(tracker, 3, audience))
                       for audience in (YOUNG_PERSON, PARENT_CARER, PROFESSIONAL)}
        except Exception:  # the catalogue being down must not block the form
            return False
        return len(results) > 1

    def validate_age(self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker,
                     domain: DomainDict) -> Dict[Text, Any]:
        if _declined(value, tracker) or _unsure(value, tracker):
            dispatcher.utter_message(response="utter_age_not_given")
            return {"age": NOT_GIVEN, "failed_answers": None}
        if asks_why(str(value)):
            dispatcher.utter_message(response="utter_why_age")
            return {"age": None}
        answer = parse_age(str(value))
        if answer.ok and answer.age is not None:
            slots: Dict[Text, Any] = {"age": answer.age, "failed_answers": None}
            if (answer.age < PARENT_ROUTES_BELOW
                    and tracker.get_slot("audience") in (None, YOUNG_PERSON)):
                dispatcher.utter_message(response="utter_age_under_5")
                slots["audience"] = PARENT_CARER
            return _with_inferred_audience(slots, tracker)
        if answer.problem == ADULT:
            dispatcher.utter_message(response="utter_age_adult")
            return {"age": answer.age, "failed_answers": None}
        reask = ("utter_reask_age_not_an_age" if answer.problem == NOT_AN_AGE else
                 "utter_reask_age_unclear")
        return _failed("age", tracker, dispatcher, reask, {"age": NOT_GIVEN},
                       "utter_age_moving_on")

    def validate_location(self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker,
                          domain: DomainDict) -> Dict[Text, Any]:
        # A pending choice is cleared once the answer is settled (slots set only when needed).
        offered = tracker.get_slot("location_choices") or []
        clear = NO_CHOICE if offered or tracker.get_slot("location_question") else {}
        settled = {"failed_answers": None, **clear}
        if _declined(value, tracker) or _unsure(value, tracker):
            dispatcher.utter_message(response="utter_location_not_given")
            return {"location": NOT_GIVEN, "area": OUTSIDE_AREA, "district": None, **settled}
        if value == NOT_GIVEN:
            return {"location": NOT_GIVEN, "area": OUTSIDE_AREA, "district": None, **settled}
        if asks_why(str(value)):
            dispatcher.utter_message(response="utter_why_location")
            return {"location": None}
        # The answer to "which Leigh do you mean?": "1", "the Kent one", or another place.
        picked = default_index().choose(str(value), offered) if offered else None
        place = resolve(picked or str(value))
        nearby = None if offered else _near_the_last_place(place, tracker)
        if nearby:
            place = resolve(nearby)
        if place.status == FOUND:
            return _with_inferred_audience(
                {"location": place.label, "area": place.area, "district": place.district,
                 **settled}, tracker)
        if place.status == OUTSIDE:
            _say_outside(place, dispatcher)
            return {"location": place.matched or str(value)[:60], "area": OUTSIDE_AREA,
                    "district": None, **settled}
        values: Dict[Text, Any] = {}
        choices = place.choices if place.status == AMBIGUOUS else ()
        if choices:
            reask, values = _which_place(choices, place.matched)
        elif place.status == AMBIGUOUS:
            names = sorted({c.district for c in place.candidates if c.district})
            reask = "utter_reask_location_ambiguous"
            values = {"place": place.matched, "districts": ", ".join(names)}
        elif other_details_only(str(value)):
            # "wait its not for me its for my little bro, hes 12": an answer to another of the
            # bot's questions, read from its entities; the place is simply asked again, and
            # a choice of places offered is offered again ("it's for my child" after "Which
            # Halstead do you mean?": conversations24).
            if offered:
                reask, values = _which_place(offered, None)
                dispatcher.utter_message(response=reask, **values)
            return {"location": None}
        else:
            reask = "utter_reask_location_unknown"
        result = _failed("location", tracker, dispatcher, reask,
                         {"location": NOT_GIVEN, "area": OUTSIDE_AREA},
                         "utter_location_moving_on", **values)
        asking = result.get("location", "") is None
        question = {"location_choices": list(choices) or None,
                    "location_question": WHICH_PLACE if choices else PLACE_AGAIN}
        return {**result, "area": result.get("area"), "district": None,
                **(question if asking else clear)}

    def validate_audience(self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker,
                          domain: DomainDict) -> Dict[Text, Any]:
        audience = value if value in (YOUNG_PERSON, PARENT_CARER, PROFESSIONAL) else \
            parse_audience(str(value))
        if audience:
            return {"audience": audience, "failed_answers": None}
        if _declined(value, tracker) or _unsure(value, tracker):
            # services a young person can use directly
            return {"audience": YOUNG_PERSON, "failed_answers": None}
        return _failed("audience", tracker, dispatcher, "utter_reask_audience",
                       {"audience": YOUNG_PERSON}, "utter_audience_moving_on")
