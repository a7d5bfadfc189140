"""Whether to ask the one optional feedback question after services are shown.

Asked once a session, right after the first list of services (not when the search failed or
found nothing: the slot ``shown`` says a list went out; not after a list that offers a further
need, whose "yes" is for that need), and never in a session in
which an urgent reply or a check-in was given: someone who has just been given 24/7 routes is
not asked to rate anything. The question itself is a domain response (utter_ask_feedback),
run next as a follow-up action so that the rules for its answers (data/rules/feedback.yml)
see it; when the question is not asked, nothing is said.
"""
from __future__ import annotations

from typing import Any, Dict, List, Text

from rasa_sdk import Action, Tracker
from rasa_sdk.events import FollowupAction
from rasa_sdk.executor import CollectingDispatcher

from insights.codes import ASK_FEEDBACK, never_ask_feedback_after

from .signposting import offered_need


def should_ask(events: List[Dict[Text, Any]]) -> bool:
    """True when this session has neither been asked yet nor had an urgent reply."""
    blocked = never_ask_feedback_after() | {ASK_FEEDBACK}
    for event in reversed(events):
        if event.get("event") == "session_started":
            return True
        if event.get("event") == "action" and event.get("name") in blocked:
            return False
    return True


class ActionOfferFeedback(Action):
    def name(self) -> Text:
        return "action_offer_feedback"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker,
                  domain: Dict[Text, Any]) -> List[Dict[Text, Any]]:
        # A list that offered a further need ("You also mentioned sleep: just say") ends with
        # that offer: a "yes please" must mean yes to it, so the question waits for a later list.
        if tracker.get_slot("shown") and offered_need(tracker) is None \
                and should_ask(tracker.events):
            return [FollowupAction(ASK_FEEDBACK)]
        return []
