"""Find services for the person's need, age and place: the best three, then "more".

A service list is only useful if the person can act on it now, so each entry says whether it
is open now, and when none is, the 24/7 routes follow. Professionals also see who can refer.
"""
from __future__ import annotations

import asyncio
import logging
from typing import Any, Dict, List, Optional, Text

from rasa_sdk import Action, Tracker
from rasa_sdk.events import SlotSet
from rasa_sdk.executor import CollectingDispatcher

from services_catalog.hours import now
from signposting.needs import need_label
from signposting.questions import PARENT_CARER
from signposting.replies import open_now, service_list

from .catalogue import catalogue
from .forms import search_area

logger = logging.getLogger(__name__)

PAGE = 3

#: The national 24/7 routes, for when the catalogue cannot be read or has nothing that fits.
#: Must agree with the catalogue's crisis entries (tests/test_crisis_routes.py).
ROUTES_24_7 = (
    "You can get help any time: call NHS 111 and choose option 2, text SHOUT to 85258, "
    "call Childline on 0800 1111 (under 19) or Samaritans on 116 123. "
    "In an emergency call 999."
)
CATALOGUE_DOWN = "Sorry, I can't look services up right now. " + ROUTES_24_7
NO_MATCH = "I couldn't find a service that fits exactly. " + ROUTES_24_7
NONE_OPEN = "None of these is open right now. " + ROUTES_24_7
#: When some hours are not known: no claim that they are closed, but the 24/7 routes anyway.
MAYBE_NONE_OPEN = "If you need someone right now, y" + ROUTES_24_7[1:]
NOTHING_YET = ("Tell me what you'd like support with first, for example \"I feel anxious\", "
               "and I'll find services.")


def _search(tracker: Tracker) -> List[Any]:
    age = tracker.get_slot("age")
    return catalogue().search(
        tracker.get_slot("need") or "general_wellbeing",
        age=age if isinstance(age, (int, float)) else None,  # "not given": no age filter
        area=search_area(tracker.get_slot("area")), district=tracker.get_slot("district"),
        audience=tracker.get_slot("audience"), limit=None)


def _page(dispatcher: CollectingDispatcher, tracker: Tracker, matches: List[Any], start: int,
          intro: str) -> List[Dict[Text, Any]]:
    page = [m.service for m in matches[start:start + PAGE]]
    at = now()
    lines = [intro] + service_list(page, start + 1, at, tracker.get_slot("audience"))
    status = [open_now(s, at) for s in page]
    if not any(status):
        lines.append(NONE_OPEN if all(o is False for o in status) else MAYBE_NONE_OPEN)
    if len(matches) > start + PAGE:
        lines.append("Say \"more\" to see other options.")
    others = [n for n in tracker.get_slot("other_needs") or [] if n != tracker.get_slot("need")]
    if others and start == 0:
        lines.append(f"You also mentioned {need_label(others[0])}. Just say if you'd like "
                     "support with that too.")
    dispatcher.utter_message(text="\n".join(lines))
    return [SlotSet("shown", float(start + len(page)))]


def _where(tracker: Tracker) -> Optional[str]:
    return tracker.get_slot("location") if search_area(tracker.get_slot("area")) else None


class ActionFindServices(Action):
    def name(self) -> Text:
        return "action_find_services"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker,
                  domain: Dict[Text, Any]) -> List[Dict[Text, Any]]:
        try:
            # In a worker thread: a slow or locked catalogue must not hold up the action
            # server's other conversations.
            matches = await asyncio.to_thread(_search, tracker)
        except Exception as error:  # whatever stops the catalogue, the person gets an answer
            logger.error("catalogue query failed: %s", type(error).__name__)
            dispatcher.utter_message(text=CATALOGUE_DOWN)
            return [SlotSet("shown", None)]
        if not matches:
            dispatcher.utter_message(text=NO_MATCH)
            return [SlotSet("shown", None)]
        whom = " your child" if tracker.get_slot("audience") == PARENT_CARER else ""
        where = _where(tracker)
        intro = (f"Here is support that could help{whom} near {where}:" if where else
                 f"Here is support{' for your child' if whom else ''} available across the UK:")
        return _page(dispatcher, tracker, matches, 0, intro)


class ActionMoreServices(Action):
    def name(self) -> Text:
        return "action_more_services"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker,
                  domain: Dict[Text, Any]) -> List[Dict[Text, Any]]:
        shown = tracker.get_slot("shown")
        if not shown or not tracker.get_slot("need"):
            dispatcher.utter_message(text=NOTHING_YET)
            return []
        try:
            # In a worker thread: a slow or locked catalogue must not hold up the action
            # server's other conversations.
            matches = await asyncio.to_thread(_search, tracker)
        except Exception as error:  # whatever stops the catalogue, the person gets an answer
            logger.error("catalogue query failed: %s", type(error).__name__)
            dispatcher.utter_message(text=CATALOGUE_DOWN)
            return []
        start = int(shown)
        if start >= len(matches):
            dispatcher.utter_message(text="That's everything I have for this. " + ROUTES_24_7)
            return []
        return _page(dispatcher, tracker, matches, start, "Here are more options:")
