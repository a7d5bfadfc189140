"""One short self-help idea after the acknowledgement, or when asked ("any tips?").

Listening comes first and services after; a small thing to try now sits between them, as a
youth worker would offer it. Ideas come from signposting/content/self_help.yml, each taken
from NHS or UK charity advice with its source. An idea is offered once per need.
"""
from __future__ import annotations

from typing import Any, Dict, List, Text

from rasa_sdk import Action, Tracker
from rasa_sdk.events import SlotSet
from rasa_sdk.executor import CollectingDispatcher

from signposting.answers import asks_for_a_person
from signposting.audience import PARENT_CARER, PROFESSIONAL, about_someone_else
from signposting.needs import PREFIX, other_needs
from signposting.self_help import idea_for


class ActionSuggestSelfHelp(Action):
    def name(self) -> Text:
        return "action_suggest_self_help"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker,
                  domain: Dict[Text, Any]) -> List[Dict[Text, Any]]:
        message = tracker.latest_message or {}
        intent = (message.get("intent") or {}).get("name") or ""
        asked = intent == "ask_self_help"
        need = tracker.get_slot("need")
        given = list(tracker.get_slot("tips_given") or [])
        events: List[Dict[Text, Any]] = []
        if intent.startswith(PREFIX):
            ranking = [(r.get("name"), r.get("confidence", 0.0))
                       for r in message.get("intent_ranking") or []]
            events.append(SlotSet("other_needs",
                                  other_needs(ranking, intent, message.get("text")) or None))
        audience = tracker.get_slot("audience")
        if audience is None and about_someone_else(message.get("text") or ""):
            audience = PARENT_CARER  # worded about "your child" rather than to the child
        if not asked and audience not in (PARENT_CARER, PROFESSIONAL) \
                and asks_for_a_person(message.get("text") or ""):
            # Asked for someone to talk to: the lines that answer now, any time, instead of an
            # idea to try and before the questions for a list (development sets 53 and 55: "can
            # i talk to someone", the reason told only after the age was asked).
            dispatcher.utter_message(response="utter_talk_to_someone_now")
            return events + [SlotSet("tips_given", given + [need] if need and need not in given else given)]
        if need in given and not asked:
            return events + [SlotSet("tips_given", given)]
        idea = idea_for(need or "general_wellbeing", audience)
        if idea:
            dispatcher.utter_message(response="utter_self_help_idea", idea=idea.text)
        elif asked:
            dispatcher.utter_message(response="utter_no_self_help_idea")
        if asked and not need:
            dispatcher.utter_message(response="utter_tell_me_more")
        if need and need not in given:
            given = given + [need]
        # Always at least one event, even when nothing is said: the policy takes a service
        # action that left no events as a sign that the action server is down (bot/dialogue/policy.py).
        return events + [SlotSet("tips_given", given)]
