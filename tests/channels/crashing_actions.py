"""An action package for the action server in tests/channels/test_faults.py: the project's own
form and self-help actions, and a service lookup that raises as any unexpected fault would
(a bug, a dependency missing, a file system error). Not the actions package: nothing here
is served in production.
"""
from __future__ import annotations

from typing import Any, Dict, List, Text

from rasa_sdk import Action, Tracker
from rasa_sdk.executor import CollectingDispatcher

import actions.forms  # noqa: F401  (registered by rasa_sdk as Action subclasses)
import actions.self_help  # noqa: F401


class CrashingFindServices(Action):
    def name(self) -> Text:
        return "action_find_services"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker,
                  domain: Dict[Text, Any]) -> List[Dict[Text, Any]]:
        raise RuntimeError("an unexpected fault in the service lookup")
