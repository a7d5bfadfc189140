"""The model's graph run node after node (bot/patches/graph_runs.py) gives what dask's run gives."""
import logging
from pathlib import Path
from types import SimpleNamespace

import pytest

from bot import patches
from bot.patches import graph_runs
from tests.support.processes import snapshot_model


def schema(**needs):
    return SimpleNamespace(nodes={name: SimpleNamespace(needs=dict(enumerate(deps)))
                                  for name, deps in needs.items()})


def test_each_node_runs_once_after_what_it_needs_and_only_if_a_target_needs_it():
    graph = schema(tokens=["__message__"], words=["tokens"], chars=["tokens"],
                   intent=["words", "chars", "tokens"], unused=["tokens"],
                   policy=["intent", "__tracker__"])
    order = graph_runs.execution_order(graph, ["policy"])
    assert sorted(order) == ["chars", "intent", "policy", "tokens", "words"]
    for name in order:
        for needed in graph.nodes[name].needs.values():
            assert needed not in graph.nodes or order.index(needed) < order.index(name)
    assert graph_runs.execution_order(graph, ["words", "chars"]) == ["tokens", "words", "chars"]


def test_installing_the_patches_runs_graphs_in_order_and_uninstalling_puts_dask_back():
    from rasa.engine.runner.dask import DaskGraphRunner

    patches.install({})
    assert DaskGraphRunner.run is graph_runs.run_in_order
    patches.uninstall(["graph_runs"])
    try:
        assert DaskGraphRunner.run is graph_runs.DASK_RUN
    finally:
        patches.install({})
    assert DaskGraphRunner.run is graph_runs.run_in_order


CONVERSATION = ["hello", "i feel anxious all the time", "15", "ME14 1XX", "more",
                "are you a real person", "i want to kill myself", "no", "thank you",
                "kms fr", "who can see what i type", "delete my data", "bye", "",
                "<script>alert(1)</script>", "🙂🙂", "x" * 2000]


def _comparable(events):
    """Everything but the times and the random message ids."""
    def without_ids(value):
        if isinstance(value, dict):
            return {k: without_ids(v) for k, v in value.items()
                    if k not in ("timestamp", "message_id")}
        if isinstance(value, list):
            return [without_ids(v) for v in value]
        return value
    return [without_ids(event.as_dict()) for event in events]


@pytest.fixture(scope="module")
def agent(model_path, tmp_path_factory):
    from rasa.core.agent import Agent
    from rasa.utils.endpoints import EndpointConfig
    from rasa.utils.log_utils import configure_structlog

    configure_structlog(logging.WARNING)
    model = snapshot_model(tmp_path_factory.mktemp("model"), Path(model_path))
    # No action server: service actions fail the same way under either runner.
    yield Agent.load(str(model), action_endpoint=EndpointConfig("http://127.0.0.1:9/webhook"))
    graph_runs.use_in_order()


async def test_the_trained_model_understands_and_answers_the_same_under_both(agent):
    runs = {}
    for runner, use in (("dask", graph_runs.use_dask), ("in order", graph_runs.use_in_order)):
        use()
        parses = [await agent.parse_message(text) for text in CONVERSATION]
        for text in CONVERSATION:
            await agent.handle_text(text, sender_id=f"compare-{runner}")
        tracker = await agent.tracker_store.retrieve(f"compare-{runner}")
        runs[runner] = (parses, _comparable(tracker.events))
    graph_runs.use_in_order()
    assert runs["dask"][0] == runs["in order"][0]
    assert runs["dask"][1] == runs["in order"][1]
    actions = [e.get("name") for e in runs["in order"][1] if e["event"] == "action"]
    assert "utter_crisis_suicidal" in actions and len(actions) > 2 * len(CONVERSATION)
