"""A RulePolicy in which an urgent message is answered before an active form runs.

Stock RulePolicy always runs an active form first and lets rules act only if the form rejects
the message. Rejection needs the form's validation, which runs on the action server; with the
action server down, an urgent message in the middle of a form would get no reply at all. Here
the form is skipped for the turn of an urgent message, so the urgent rules (domain responses
only) answer it from the model and the domain alone.
"""
from __future__ import annotations

from typing import Any, Dict, Optional, Text, Tuple

from rasa.core.policies.rule_policy import RulePolicy
from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.shared.core.events import ActionExecuted, UserUttered
from rasa.shared.core.trackers import DialogueStateTracker


@DefaultV1Recipe.register(
    DefaultV1Recipe.ComponentType.POLICY_WITHOUT_END_TO_END_SUPPORT, is_trainable=True
)
class UrgentFirstRulePolicy(RulePolicy):
    @staticmethod
    def get_default_config() -> Dict[Text, Any]:
        config = RulePolicy.get_default_config()
        config["urgent_intents"] = []
        return config

    def __init__(self, config: Dict[Text, Any], *args: Any, **kwargs: Any) -> None:
        super().__init__(config, *args, **kwargs)
        self._urgent_intents = frozenset(config.get("urgent_intents") or [])

    def _find_action_from_loop_happy_path(
        self, tracker: DialogueStateTracker
    ) -> Tuple[Optional[Text], Optional[Text]]:
        if tracker.active_loop_name and self._urgent_turn_before_loop_ran(tracker):
            return None, None
        return RulePolicy._find_action_from_loop_happy_path(tracker)

    def _urgent_turn_before_loop_ran(self, tracker: DialogueStateTracker) -> bool:
        """True from an urgent user message until the active loop next runs."""
        for event in reversed(tracker.events):
            if isinstance(event, ActionExecuted) and event.action_name == tracker.active_loop_name:
                return False
            if isinstance(event, UserUttered):
                return (event.intent or {}).get("name") in self._urgent_intents
        return False
