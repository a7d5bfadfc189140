"""A RulePolicy in which urgent messages, and messages that are plainly not an answer to the
form's question, are handled before an active form runs.

Stock RulePolicy always runs an active form first and lets rules act only if the form rejects
the message. Rejection needs the form's validation, which runs on the action server; with the
action server down, an urgent message in the middle of a form would get no reply at all. Here
the form is skipped for the turn of an urgent message, so the urgent rules (domain responses
only) answer it from the model and the domain alone.

The same holds for other interruptions ("stop", "delete my data", a new worry, "who can see
this?"): a form that asked "how old are you?" should not read "stop" as an age. Such a turn
still goes to the form when the message also carries the detail the form asked for ("I'm 15
and being bullied" answers the age question), so the answer is never lost.

Four guards come before any rule (bot/dialogue/guards.py): an action server that could not be
reached, a conversation sending too many messages, a plea for help as the answer to "are you
safe right now?", and a reply to a list of services that the model could not place.
"""
from __future__ import annotations

from typing import Any, Dict, List, Optional, Set, Text, Tuple

from rasa.core.policies.policy import PolicyPrediction
from rasa.core.policies.rule_policy import RulePolicy
from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.shared.core.constants import REQUESTED_SLOT
from rasa.shared.core.domain import Domain
from rasa.shared.core.events import ActionExecuted, UserUttered
from rasa.shared.core.trackers import DialogueStateTracker

from safety.clauses import from_the_rest
from signposting.details import plain_answer, risk_in

from .guards import Guards
from .rule_index import index_of


@DefaultV1Recipe.register(
    DefaultV1Recipe.ComponentType.POLICY_WITHOUT_END_TO_END_SUPPORT, is_trainable=True
)
class UrgentFirstRulePolicy(RulePolicy):
    @staticmethod
    def get_default_config() -> Dict[Text, Any]:
        config = RulePolicy.get_default_config()
        config["urgent_intents"] = []
        config["interrupting_intents"] = []
        # Entities that answer a requested slot: {slot: [entity, ...]}.
        config["answer_entities"] = {}
        # Actions that always return events when they work (see the module docstring).
        config["service_actions"] = []
        config["services_unavailable_action"] = None
        # Per conversation; 0 turns the limit off. Exempt intents are never limited.
        config["rate_limit_messages"] = 0
        config["rate_limit_seconds"] = 60
        config["rate_limit_action"] = None
        config["rate_limit_exempt_intents"] = []
        config["safety_question_actions"] = []
        config["not_safe_action"] = None
        config["safety_unclear_action"] = None
        config["safe_answer_action"] = None
        config["carer_support_action"] = None
        config["plea_replies"] = {}
        return config

    def __init__(self, config: Dict[Text, Any], *args: Any, **kwargs: Any) -> None:
        super().__init__(config, *args, **kwargs)
        self._urgent_intents = frozenset(config.get("urgent_intents") or [])
        self._interrupting_intents = frozenset(config.get("interrupting_intents") or [])
        self._answer_entities = {slot: frozenset(names) for slot, names in
                                 (config.get("answer_entities") or {}).items()}
        self._guards = Guards.from_config(config, self._urgent_intents)

    def predict_action_probabilities(
        self, tracker: DialogueStateTracker, domain: Domain,
        rule_only_data: Optional[Dict[Text, Any]] = None, **kwargs: Any,
    ) -> PolicyPrediction:
        action = self._guards.action(tracker)
        if action is None:
            return super().predict_action_probabilities(tracker, domain, rule_only_data, **kwargs)
        # A "no user" prediction overrules every other policy's (rasa's ensemble), as it must:
        # neither guard may be outvoted by a memorised story.
        return self._rule_prediction(self._prediction_result(action, tracker, domain),
                                     f"guard: {action}", is_no_user_prediction=True)

    def _get_possible_keys(self, lookup: Dict[Text, Text], states: List[Dict[Text, Any]]
                           ) -> Set[Text]:
        """Rasa's search, started from the rules that can match the latest state
        (bot/dialogue/rule_index.py) rather than from all of them."""
        if not states:
            return set(lookup.keys())
        possible_keys = index_of(lookup).candidates(states[-1])
        for i, state in enumerate(reversed(states)):
            possible_keys = {key for key in possible_keys
                             if self._is_rule_applicable(key, i, state)}
        return possible_keys

    def _find_action_from_loop_happy_path(
        self, tracker: DialogueStateTracker
    ) -> Tuple[Optional[Text], Optional[Text]]:
        if tracker.active_loop_name and self._interrupted_before_loop_ran(tracker):
            return None, None
        return RulePolicy._find_action_from_loop_happy_path(tracker)

    def _interrupted_before_loop_ran(self, tracker: DialogueStateTracker) -> bool:
        """True from an interrupting user message until the active loop next runs."""
        for event in reversed(tracker.events):
            if isinstance(event, ActionExecuted) and event.action_name == tracker.active_loop_name:
                return False
            if isinstance(event, UserUttered):
                intent = (event.intent or {}).get("name")
                if intent in self._urgent_intents:
                    return not self._plain_answer(tracker, event)
                return intent in self._interrupting_intents and not self._answers(tracker, event)
        return False

    @staticmethod
    def _plain_answer(tracker: DialogueStateTracker, event: UserUttered) -> bool:
        """A model-only check-in that plainly answers the question asked goes to the form,
        which reads it (signposting.details.plain_answer; actions/forms.py extracts it)."""
        safety = (event.parse_data or {}).get("safety") or {}
        if from_the_rest(safety):
            return False  # the check-in read what followed the answer (bot/nlu/clauses.py)
        slot = tracker.get_slot(REQUESTED_SLOT)
        return plain_answer(slot, event.text or "", (event.intent or {}).get("name"),
                            risk_in(safety.get("evidence") or [], slot))

    def _answers(self, tracker: DialogueStateTracker, event: UserUttered) -> bool:
        if (event.text or "").strip().isdigit():
            return True  # "15", or "2" for a numbered choice
        wanted = self._answer_entities.get(tracker.get_slot(REQUESTED_SLOT), frozenset())
        return any(e.get("entity") in wanted for e in event.entities or [])
