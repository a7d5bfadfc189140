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

Two guards come before any rule, both decided from the tracker alone:

- Action server unreachable. Rasa logs a custom action that failed as executed, drops its
  events and carries on, so a need would get its acknowledgement and then silence. The
  service actions always return events when they work, so one that was executed and left
  nothing behind failed: the person is told honestly that services cannot be looked up now,
  with the 24/7 routes (a domain response).
- Flooding. One conversation sending more than ``rate_limit_messages`` within
  ``rate_limit_seconds`` gets one polite reply per window and is otherwise heard but not
  answered, so it cannot tie up the catalogue. Urgent messages are never limited. The count
  comes from the tracker's own timestamps, so it holds across several Rasa servers.
"""
from __future__ import annotations

from typing import Any, Dict, List, Optional, Set, Text, Tuple

from rasa.core.policies.policy import PolicyPrediction
from rasa.core.policies.rule_policy import RulePolicy
from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.shared.core.constants import ACTION_LISTEN_NAME, REQUESTED_SLOT
from rasa.shared.core.domain import Domain
from rasa.shared.core.events import ActionExecuted, UserUttered
from rasa.shared.core.trackers import DialogueStateTracker

from bot import action_server_calls  # noqa: F401  (bounded wait, cheap reply checks)
from bot import graph_runs, urgent_lane
from bot.rule_index import index_of

graph_runs.use_in_order()  # the model's graph run node after node, not through dask
urgent_lane.install()  # messages that look urgent wait for a turn ahead of the others


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
        return config

    def __init__(self, config: Dict[Text, Any], *args: Any, **kwargs: Any) -> None:
        super().__init__(config, *args, **kwargs)
        self._urgent_intents = frozenset(config.get("urgent_intents") or [])
        self._interrupting_intents = frozenset(config.get("interrupting_intents") or [])
        self._answer_entities = {slot: frozenset(names) for slot, names in
                                 (config.get("answer_entities") or {}).items()}
        self._service_actions = frozenset(config.get("service_actions") or [])
        self._unavailable_action = config.get("services_unavailable_action")
        self._rate_messages = int(config.get("rate_limit_messages") or 0)
        self._rate_seconds = float(config.get("rate_limit_seconds") or 60)
        self._rate_action = config.get("rate_limit_action")
        self._rate_exempt = self._urgent_intents | frozenset(
            config.get("rate_limit_exempt_intents") or [])

    def predict_action_probabilities(
        self, tracker: DialogueStateTracker, domain: Domain,
        rule_only_data: Optional[Dict[Text, Any]] = None, **kwargs: Any,
    ) -> PolicyPrediction:
        action = self._guard(tracker)
        if action is None:
            return super().predict_action_probabilities(tracker, domain, rule_only_data, **kwargs)
        # A "no user" prediction overrules every other policy's (rasa's ensemble), as it must:
        # neither guard may be outvoted by a memorised story.
        return self._rule_prediction(self._prediction_result(action, tracker, domain),
                                     f"guard: {action}", is_no_user_prediction=True)

    def _get_possible_keys(self, lookup: Dict[Text, Text], states: List[Dict[Text, Any]]
                           ) -> Set[Text]:
        """Rasa's search, started from the rules that can match the latest state
        (bot/rule_index.py) rather than from all of them."""
        if not states:
            return set(lookup.keys())
        possible_keys = index_of(lookup).candidates(states[-1])
        for i, state in enumerate(reversed(states)):
            possible_keys = {key for key in possible_keys
                             if self._is_rule_applicable(key, i, state)}
        return possible_keys

    def _guard(self, tracker: DialogueStateTracker) -> Optional[Text]:
        """The action the guards demand now, or None to let the rules decide."""
        last = tracker.events[-1] if tracker.events else None
        if (isinstance(last, ActionExecuted) and last.action_name in self._service_actions
                and self._unavailable_action):
            return self._unavailable_action  # it ran and left nothing: it failed
        # After either reply, wait: an active form would otherwise run again (and fail again).
        if tracker.latest_action_name in (self._unavailable_action, self._rate_action):
            return ACTION_LISTEN_NAME
        if isinstance(last, UserUttered) and self._over_rate_limit(tracker, last):
            return ACTION_LISTEN_NAME if self._warned_recently(tracker, last) else self._rate_action
        return None

    def _recent(self, tracker: DialogueStateTracker, latest: UserUttered) -> List[Any]:
        since = latest.timestamp - self._rate_seconds
        recent = []
        for event in reversed(tracker.events):
            if event.timestamp < since:
                break
            recent.append(event)
        return recent

    def _over_rate_limit(self, tracker: DialogueStateTracker, latest: UserUttered) -> bool:
        if not (self._rate_messages and self._rate_action):
            return False
        if (latest.intent or {}).get("name") in self._rate_exempt:
            return False
        count = sum(isinstance(e, UserUttered) for e in self._recent(tracker, latest))
        return count > self._rate_messages

    def _warned_recently(self, tracker: DialogueStateTracker, latest: UserUttered) -> bool:
        return any(isinstance(e, ActionExecuted) and e.action_name == self._rate_action
                   for e in self._recent(tracker, latest))

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
                    return True
                return intent in self._interrupting_intents and not self._answers(tracker, event)
        return False

    def _answers(self, tracker: DialogueStateTracker, event: UserUttered) -> bool:
        if (event.text or "").strip().isdigit():
            return True  # "15", or "2" for a numbered choice
        wanted = self._answer_entities.get(tracker.get_slot(REQUESTED_SLOT), frozenset())
        return any(e.get("entity") in wanted for e in event.entities or [])
