"""Validation of the signposting form's answers (age, where they live)."""
from __future__ import annotations

from typing import Any, Dict, List, Text

from rasa_sdk import Action, Tracker
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.forms import FormValidationAction
from rasa_sdk.types import DomainDict

from services_catalog.locality import AMBIGUOUS, FOUND, OUTSIDE, resolve
from services_catalog.taxonomy import NATIONAL
from signposting.ages import ADULT, NOT_AN_AGE, parse_age
from signposting.answers import declines
from signposting.questions import ask_age, ask_location

#: What the area slot holds when someone lives outside the five areas: national services only.
OUTSIDE_AREA = "outside"
#: What a slot holds when the person would rather not say.
NOT_GIVEN = "not given"


class ValidateSignpostForm(FormValidationAction):
    def name(self) -> Text:
        return "validate_signpost_form"

    def validate_age(self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker,
                     domain: DomainDict) -> Dict[Text, Any]:
        if declines(str(value)):
            return {"age": NOT_GIVEN}
        answer = parse_age(str(value))
        if answer.ok:
            return {"age": answer.age}
        if answer.problem == ADULT:
            dispatcher.utter_message(
                text="This service is for young people up to 25, so I'll show you support "
                     "that's open to adults too.")
            return {"age": answer.age}
        if answer.problem == NOT_AN_AGE:
            dispatcher.utter_message(
                text="That doesn't look like an age. Please send a number, for example 15.")
        else:
            dispatcher.utter_message(
                text="Sorry, I didn't catch an age there. Please send a number, for example 15.")
        return {"age": None}

    def validate_location(self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker,
                          domain: DomainDict) -> Dict[Text, Any]:
        if declines(str(value)):
            dispatcher.utter_message(text="That's fine. I'll show you services you can use "
                                          "wherever you live in the UK.")
            return {"location": NOT_GIVEN, "area": OUTSIDE_AREA, "district": None}
        place = resolve(str(value))
        if place.status == FOUND:
            return {"location": place.label, "area": place.area, "district": place.district}
        if place.status == OUTSIDE:
            dispatcher.utter_message(
                text="That looks like somewhere outside Kent, Medway, Essex, Southend and "
                     "Thurrock, so I'll show you services available across the UK.")
            return {"location": place.matched or str(value), "area": OUTSIDE_AREA,
                    "district": None}
        if place.status == AMBIGUOUS:
            names = sorted({c.district for c in place.candidates if c.district})
            dispatcher.utter_message(
                text=f"{place.matched} covers more than one area ({', '.join(names)}). "
                     "Could you send your full postcode or the name of your town?")
        else:
            dispatcher.utter_message(
                text="Sorry, I don't recognise that place. Could you send your postcode "
                     "(like ME14 1XX) or the name of your town?")
        return {"location": None, "area": None, "district": None}


def search_area(area: Any) -> Any:
    """The area to search in: None (national only) for outside the five areas."""
    return None if area in (None, OUTSIDE_AREA, NATIONAL) else area


class ActionAskAge(Action):
    def name(self) -> Text:
        return "action_ask_age"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker,
                  domain: DomainDict) -> List[Dict[Text, Any]]:
        dispatcher.utter_message(text=ask_age(tracker.get_slot("audience")))
        return []


class ActionAskLocation(Action):
    def name(self) -> Text:
        return "action_ask_location"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker,
                  domain: DomainDict) -> List[Dict[Text, Any]]:
        dispatcher.utter_message(text=ask_location(tracker.get_slot("audience")))
        return []
