"""Rules found through the index (bot/dialogue/rule_index.py) are those Rasa's full search finds."""
import json
import logging
import random
from pathlib import Path

import pytest
from rasa.core.policies.rule_policy import RULES, RULES_FOR_LOOP_UNHAPPY_PATH, RulePolicy

from bot.dialogue.policy import UrgentFirstRulePolicy
from bot.dialogue.rule_index import RuleIndex
from tests.support.processes import snapshot_model


def test_rules_are_indexed_by_the_action_and_intent_of_their_latest_state():
    follows_greet = json.dumps([{"prev_action": {"action_name": "utter_greet"}}])
    starts = json.dumps([{"user": {"intent": "greet"}}])
    by_text = json.dumps([{"prev_action": {"action_text": "hi"}}])
    greeted = json.dumps([{"prev_action": {"action_name": "action_listen"},
                           "user": {"intent": "greet"}}])
    thanked = json.dumps([{"prev_action": {"action_name": "action_listen"},
                           "user": {"intent": "thanks"}}])
    index = RuleIndex([follows_greet, starts, by_text, greeted, thanked])
    always = {starts, by_text}
    assert index.candidates({"prev_action": {"action_name": "utter_greet"}}) == {
        follows_greet} | always
    assert index.candidates({"prev_action": {"action_name": "action_listen"},
                             "user": {"intent": "greet"}}) == {greeted} | always
    assert index.candidates({"prev_action": {"action_name": "action_listen"},
                             "user": {"text": "hello"}}) == always
    assert index.candidates({}) == always


@pytest.fixture(scope="module")
def policy(model_path, tmp_path_factory):
    """The trained model's rule policy."""
    from rasa.core.agent import Agent
    from rasa.utils.log_utils import configure_structlog

    configure_structlog(logging.WARNING)
    agent = Agent.load(str(snapshot_model(tmp_path_factory.mktemp("model"), Path(model_path))))
    policies = [node._component for node in
                agent.processor.graph_runner._instantiated_nodes.values()
                if isinstance(getattr(node, "_component", None), UrgentFirstRulePolicy)]
    assert len(policies) == 1
    return policies[0]


def conversations(policy, count=3000, seed=11):
    """Every learned rule's own states, and states mixed from different rules (near misses)."""
    keys = [key for table in (RULES, RULES_FOR_LOOP_UNHAPPY_PATH)
            for key in policy.lookup[table]]
    all_states = [state for key in keys for state in json.loads(key)]
    yield from (json.loads(key) for key in keys)
    chance = random.Random(seed)
    for _ in range(count):
        states = [dict(chance.choice(all_states)) for _ in range(chance.randint(1, 5))]
        if chance.random() < 0.2 and "user" in states[-1]:  # as Rasa's first, text-based try
            states[-1] = {**states[-1], "user": {"text": "a made-up message"}}
        yield states


@pytest.mark.parametrize("table", [RULES, RULES_FOR_LOOP_UNHAPPY_PATH])
def test_the_index_finds_exactly_the_rules_rasas_search_finds(policy, table):
    lookup = policy.lookup[table]
    assert len(lookup) > 10
    matched = 0
    for states in conversations(policy):
        ours = policy._get_possible_keys(lookup, states)
        rasas = RulePolicy._get_possible_keys(policy, lookup, states)
        assert ours == rasas, states
        matched += bool(rasas)
    assert matched > 100  # the comparison covered states that match rules, not only misses
