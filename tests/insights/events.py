"""Tracker events as the bot stores them (the ``data`` column of Rasa's events table), built
by hand for the coding tests: the same shapes as a real conversation's (see
tests/insights/test_conversations.py for the real ones)."""
from __future__ import annotations

from datetime import datetime
from typing import Any, Dict, List, Optional

from insights.codes import LONDON

Event = Dict[str, Any]


class Script:
    """A conversation's events, one call per thing that happened, with a clock."""

    def __init__(self, start: datetime, channel: Optional[str] = "webchat") -> None:
        self.now = start.replace(tzinfo=LONDON).timestamp() if start.tzinfo is None \
            else start.timestamp()
        self.channel = channel
        self.events: List[Event] = []

    def _add(self, event: Event, seconds: float = 0.01) -> "Script":
        self.now += seconds
        self.events.append({**event, "timestamp": self.now})
        return self

    def session(self) -> "Script":
        self._add({"event": "action", "name": "action_session_start"})
        self._add({"event": "session_started"})
        return self._add({"event": "action", "name": "action_listen"})

    def user(self, text: str, intent: str = "inform", after: float = 5.0) -> "Script":
        return self._add({"event": "user", "text": text, "input_channel": self.channel,
                          "parse_data": {"intent": {"name": intent}, "text": text}}, after)

    def slot(self, name: str, value: Any) -> "Script":
        return self._add({"event": "slot", "name": name, "value": value})

    def action(self, name: str) -> "Script":
        return self._add({"event": "action", "name": name})

    def bot(self, utter: str, text: str = "reply") -> "Script":
        return self._add({"event": "bot", "text": text, "metadata": {"utter_action": utter}})

    def say(self, utter: str) -> "Script":
        return self.action(utter).bot(utter)

    def services(self, shown: float = 3.0, local: bool = True, found: Optional[bool] = None,
                 ) -> "Script":
        self.action("action_find_services")
        self.bot("utter_service_list", "Here is support: 1. Somewhere")
        self.slot("found_local", local if found is None else found)
        self.slot("shown", shown)
        return self.slot("shown_local", local)
