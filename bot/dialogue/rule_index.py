"""Which learned rules could match a conversation's latest state, found by the action and the
intent that state names.

RulePolicy checks the conversation against every learned rule on every prediction (a few
hundred rules here, two or three predictions a message; the cost is in docs/performance.md).
Rasa's own check
(``RulePolicy._is_rule_applicable``) rejects a rule whose latest state names a previous action,
or a user intent, other than the conversation's. So the rules are indexed once by those two
names, and Rasa's check then runs only on the few rules that can pass it. Rules whose latest
state names no action plainly (a conversation start, an action given by its text, "should not
be set") are always checked, and so is the intent of rules that name none. Same result, fewer
checks: tests/bot/dialogue/test_rule_index.py compares the two on every learned rule.
"""
from __future__ import annotations

import json
from typing import Any, Dict, List, Set, Text, Tuple

from rasa.shared.core.constants import PREVIOUS_ACTION, SHOULD_NOT_BE_SET, USER
from rasa.shared.nlu.constants import ACTION_NAME, INTENT

#: Index per lookup table (RulePolicy has two), by identity and size: the tables do not change
#: once the policy is trained or loaded, and training only removes rules from them.
_INDEXES: Dict[int, Tuple[Dict[Text, Any], int, "RuleIndex"]] = {}


class RuleIndex:
    def __init__(self, rule_keys: List[Text]) -> None:
        #: Rules whose latest state names no action plainly: always checked.
        self.always: Set[Text] = set()
        #: action -> rules after it whose latest state names no user intent plainly.
        self.by_action: Dict[Text, Set[Text]] = {}
        #: (action, intent) -> rules after that action whose latest state names that intent.
        self.by_action_intent: Dict[Tuple[Text, Text], Set[Text]] = {}
        for key in rule_keys:
            states = json.loads(key)
            latest = states[-1] if states else {}
            action = _plain((latest.get(PREVIOUS_ACTION) or {}).get(ACTION_NAME))
            intent = _plain((latest.get(USER) or {}).get(INTENT))
            if action is None:
                self.always.add(key)
            elif intent is None:
                self.by_action.setdefault(action, set()).add(key)
            else:
                self.by_action_intent.setdefault((action, intent), set()).add(key)

    def candidates(self, latest_state: Dict[Text, Any]) -> Set[Text]:
        action = (latest_state.get(PREVIOUS_ACTION) or {}).get(ACTION_NAME)
        intent = (latest_state.get(USER) or {}).get(INTENT)
        return (self.always | self.by_action.get(action or "", set())
                | self.by_action_intent.get((action or "", intent or ""), set()))


def _plain(value: Any) -> Any:
    """A name Rasa's check compares for equality; anything else is left to the check."""
    return value if isinstance(value, str) and value and value != SHOULD_NOT_BE_SET else None


def index_of(lookup: Dict[Text, Any]) -> RuleIndex:
    known = _INDEXES.get(id(lookup))
    if known is None or known[0] is not lookup or known[1] != len(lookup):
        known = _INDEXES[id(lookup)] = (lookup, len(lookup), RuleIndex(list(lookup)))
    return known[2]
