"""Find services for the person's need, age and place, and reply with the best three."""
from __future__ import annotations

import logging
from typing import Any, Dict, List, Text

from rasa_sdk import Action, Tracker
from rasa_sdk.executor import CollectingDispatcher
from sqlalchemy.exc import SQLAlchemyError

from signposting.replies import service_list

from .catalogue import catalogue
from .forms import search_area

logger = logging.getLogger(__name__)

#: The national 24/7 routes, for when the catalogue cannot be read or has nothing that fits.
#: Must agree with the catalogue's crisis entries (tests/test_crisis_routes.py).
ROUTES_24_7 = (
    "You can get help any time: call NHS 111 and choose option 2, text SHOUT to 85258, "
    "call Childline on 0800 1111 (under 19) or Samaritans on 116 123. "
    "In an emergency call 999."
)
CATALOGUE_DOWN = "Sorry, I can't look services up right now. " + ROUTES_24_7
NO_MATCH = "I couldn't find a service that fits exactly. " + ROUTES_24_7


class ActionFindServices(Action):
    def name(self) -> Text:
        return "action_find_services"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker,
                  domain: Dict[Text, Any]) -> List[Dict[Text, Any]]:
        need = tracker.get_slot("need") or "general_wellbeing"
        age = tracker.get_slot("age")
        age = age if isinstance(age, (int, float)) else None  # "not given"
        area = search_area(tracker.get_slot("area"))
        try:
            matches = catalogue().search(need, age=age, area=area,
                                         district=tracker.get_slot("district"),
                                         audience=tracker.get_slot("audience"), limit=3)
        except SQLAlchemyError:
            logger.exception("catalogue query failed")
            dispatcher.utter_message(text=CATALOGUE_DOWN)
            return []
        if not matches:
            dispatcher.utter_message(text=NO_MATCH)
            return []
        where = tracker.get_slot("location")
        intro = f"Here is support that could help near {where}:" if area else \
            "Here is support available across the UK:"
        dispatcher.utter_message(text="\n".join([intro] + service_list(m.service for m in matches)))
        return []
