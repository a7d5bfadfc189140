"""Which learned rules could match a conversation's latest state, found by its previous action.

RulePolicy checks the conversation against every learned rule on every prediction (about 290
rules here, 2.5 predictions a message): 0.5 ms of each prediction. A rule's latest state names
the action it follows; Rasa's own check (``RulePolicy._is_rule_applicable``) rejects a rule whose
latest state names an action other than the conversation's previous action. So the rules are
indexed once by that action, and Rasa's check then runs on the few rules that can pass it. Rules
whose latest state does not name an action plainly are always checked. Same result, fewer
checks: tests/bot/test_rule_index.py compares the two on every learned rule.
"""
from __future__ import annotations

import json
from typing import Any, Dict, List, Set, Text, Tuple

from rasa.shared.core.constants import PREVIOUS_ACTION, SHOULD_NOT_BE_SET
from rasa.shared.nlu.constants import ACTION_NAME

#: Index per lookup table (RulePolicy has two), by identity and size: the tables do not change
#: once the policy is trained or loaded, and training only removes rules from them.
_INDEXES: Dict[int, Tuple[Dict[Text, Any], int, "RuleIndex"]] = {}


class RuleIndex:
    def __init__(self, rule_keys: List[Text]) -> None:
        self.always: Set[Text] = set()
        self.by_action: Dict[Text, Set[Text]] = {}
        for key in rule_keys:
            states = json.loads(key)
            previous = (states[-1].get(PREVIOUS_ACTION) if states else None) or {}
            action = previous.get(ACTION_NAME)
            if isinstance(action, str) and action and action != SHOULD_NOT_BE_SET:
                self.by_action.setdefault(action, set()).add(key)
            else:  # a conversation start, an action given by text, or anything unusual
                self.always.add(key)

    def candidates(self, latest_state: Dict[Text, Any]) -> Set[Text]:
        action = (latest_state.get(PREVIOUS_ACTION) or {}).get(ACTION_NAME)
        return self.always | self.by_action.get(action, set())


def index_of(lookup: Dict[Text, Any]) -> RuleIndex:
    known = _INDEXES.get(id(lookup))
    if known is None or known[0] is not lookup or known[1] != len(lookup):
        known = _INDEXES[id(lookup)] = (lookup, len(lookup), RuleIndex(list(lookup)))
    return known[2]
