"""One way for the actions to search the catalogue: the search's arguments from the tracker's
slots, and the honest answer when the catalogue cannot be read.

The form (to know whether who is asking changes the services) and the service actions (to
list them) search alike, so a slot they read differently would show one list and decide on
another.
"""
from __future__ import annotations

import asyncio
import logging
from typing import Any, Dict, List, Optional

from rasa_sdk import Tracker
from rasa_sdk.executor import CollectingDispatcher

from services_catalog.taxonomy import NATIONAL

from .catalogue import catalogue

logger = logging.getLogger(__name__)

#: What the area slot holds when someone lives outside the five areas: national services only.
OUTSIDE_AREA = "outside"
#: Said when the catalogue cannot be read (a domain response, as when the action server is down).
UNAVAILABLE = "utter_services_unavailable"
_FROM_TRACKER = object()


def search_area(area: Any) -> Optional[str]:
    """The area to search in: None (national only) for outside the five areas."""
    return None if area in (None, OUTSIDE_AREA, NATIONAL) else area


def arguments(tracker: Tracker, audience: Any = _FROM_TRACKER) -> Dict[str, Any]:
    """The catalogue search the tracker's slots ask for (``audience`` to try another one)."""
    age = tracker.get_slot("age")
    return {
        "need": tracker.get_slot("need") or "general_wellbeing",
        # "not given" (rather not say, don't know) means no age filter.
        "age": int(age) if isinstance(age, (int, float)) else None,
        "area": search_area(tracker.get_slot("area")),
        "district": tracker.get_slot("district"),
        "audience": tracker.get_slot("audience") if audience is _FROM_TRACKER else audience,
    }


def search(tracker: Tracker, limit: Optional[int] = None,
           audience: Any = _FROM_TRACKER) -> List[Any]:
    return catalogue().search(**arguments(tracker, audience), limit=limit)


async def search_or_apologise(dispatcher: CollectingDispatcher,
                              tracker: Tracker) -> Optional[List[Any]]:
    """Every match, searched in a worker thread (a slow or locked catalogue must not hold up
    the action server's other conversations); None, having said so with the 24/7 routes, when
    the catalogue cannot be read, whatever the reason."""
    try:
        return await asyncio.to_thread(search, tracker)
    except Exception as error:
        logger.error("catalogue query failed: %s", type(error).__name__)
        dispatcher.utter_message(response=UNAVAILABLE)
        return None
