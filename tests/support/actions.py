"""Fakes and helpers for the action server's tests: a stand-in catalogue, trackers built by
hand, and the form's validation and the service actions run through the SDK's own ``run()``."""
from __future__ import annotations

from types import SimpleNamespace
from typing import Any, Dict, List, Optional, Sequence, Tuple

from rasa_sdk import Tracker
from rasa_sdk.executor import CollectingDispatcher

from actions.forms import ValidateSignpostForm
from actions.signposting import ActionFindServices
from services_catalog.query import Match
from tests.support.domain import render

FORM_SLOTS = ["age", "location", "audience"]
DOMAIN = {
    "forms": {"signpost_form": {"required_slots": FORM_SLOTS}},
    "slots": {name: {"type": "any"} for name in (
        "age", "location", "area", "district", "need", "audience", "failed_answers",
        "location_choices", "location_question", "requested_slot")},
}


class StubCatalogue:
    """Stands in for services_catalog.query.Catalogue: the given made-up services in order, or
    else top-three service ids per audience; records each search; can be made to fail."""

    def __init__(self, services: Optional[Sequence[Any]] = None,
                 by_audience: Optional[Dict] = None, error: Optional[Exception] = None) -> None:
        self.services = None if services is None else list(services)
        self.by_audience = by_audience or {}
        self.error = error
        self.calls: List[Dict[str, Any]] = []

    def search(self, need, age=None, area=None, district=None, audience=None, limit=3,
               **kwargs):
        self.calls.append({"need": need, "age": age, "area": area, "district": district,
                           "audience": audience, "limit": limit})
        if self.error:
            raise self.error
        if self.services is not None:
            matches = [Match(s, "made up") for s in self.services]
        else:
            ids = self.by_audience.get(audience, ("a", "b", "c"))
            matches = [SimpleNamespace(service=SimpleNamespace(id=i)) for i in ids]
        return matches if limit is None else matches[:limit]


def form_tracker(slot, value, intent="inform", history=(), **slots) -> Tracker:
    """The form has asked for ``slot`` and the person answered ``value``; ``history`` holds
    their earlier messages (the form reads them to tell whether a young person is writing)."""
    earlier = [{"event": "user", "text": text} for text in history]
    return Tracker(
        sender_id="test", slots={**slots, "requested_slot": slot, slot: value},
        latest_message={"text": value, "intent": {"name": intent, "confidence": 0.9}},
        events=earlier + [{"event": "user", "text": value},
                          {"event": "slot", "name": slot, "value": value}],
        paused=False, followup_action=None, active_loop={"name": "signpost_form"},
        latest_action_name="action_listen",
    )


async def answer(slot, value, intent="inform", history=(), **slots
                 ) -> Tuple[Dict[str, Any], List[str]]:
    """Run the validation action on one answer; the slots it sets (in order) and its replies."""
    dispatcher = CollectingDispatcher()
    events = await ValidateSignpostForm().run(
        dispatcher, form_tracker(slot, value, intent, history, **slots), DOMAIN)
    assert all(e["event"] == "slot" for e in events), events
    return {e["name"]: e["value"] for e in events}, [render(m) for m in dispatcher.messages]


def tracker(said: str = "", **slots) -> Tracker:
    """A conversation whose form has just finished with these slots (and whose last message,
    if given, was ``said``)."""
    return Tracker(sender_id="test", slots=slots, latest_message={"text": said} if said else {},
                   events=[], paused=False, followup_action=None, active_loop={},
                   latest_action_name="signpost_form")


async def run(action=ActionFindServices, said: str = "", **slots
              ) -> Tuple[List[Dict[str, Any]], List[str]]:
    """A service action run on a tracker with these slots: its events and its replies."""
    dispatcher = CollectingDispatcher()
    events = await action().run(dispatcher, tracker(said, **slots), {})
    return events, [render(m) for m in dispatcher.messages]
