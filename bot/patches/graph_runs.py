"""Running the model's graph node after node, without dask's scheduler.

Rasa 3.6 runs its prediction graph through ``dask.get`` three or four times a message (NLU once,
then each policy prediction). The graph is a small chain run in one thread, so the scheduler
has nothing to schedule: its bookkeeping (building the task graph, queues, callbacks) is pure
overhead (measured in docs/performance.md). Running the same nodes in dependency order, each
once, gives the same outputs: the nodes are Rasa's own (``GraphNode``), called with the same
arguments in an order dask could have chosen.

The order for each set of targets is worked out once. Installed on Rasa's ``DaskGraphRunner`` by
``bot.patches.install()`` (training too, where the same argument holds).
tests/bot/patches/test_graph_runs.py checks the outputs against dask's on the trained model.
"""
from __future__ import annotations

from typing import Any, Dict, List, Optional, Text, Tuple

from rasa.engine.exceptions import GraphRunError
from rasa.engine.graph import GraphSchema
from rasa.engine.runner.dask import DaskGraphRunner

#: Rasa's own run, kept for the comparison tests and to switch back.
DASK_RUN = DaskGraphRunner.run


def execution_order(schema: GraphSchema, targets: List[Text]) -> List[Text]:
    """The nodes the targets need, each after the nodes it needs (depth-first post-order)."""
    order: List[Text] = []
    seen = set()

    def visit(name: Text) -> None:
        if name in seen:
            return
        seen.add(name)
        node = schema.nodes.get(name)
        if node is None:  # an input placeholder, given with the inputs
            return
        for needed in node.needs.values():
            visit(needed)
        order.append(name)

    for target in targets:
        visit(target)
    return order


def run_in_order(self: DaskGraphRunner, inputs: Optional[Dict[Text, Any]] = None,
                 targets: Optional[List[Text]] = None) -> Dict[Text, Any]:
    run_targets = list(targets) if targets else self._graph_schema.target_names
    plans: Dict[Tuple[Text, ...], List[Text]] = self.__dict__.setdefault("_orders", {})
    key = tuple(run_targets)
    order = plans.get(key)
    if order is None:
        order = plans[key] = execution_order(self._graph_schema, run_targets)

    # As dask's run does: inputs become (name, value) results, and may not clash with nodes.
    results: Dict[Text, Any] = {name: None for name in order}
    self._add_inputs_to_graph(inputs, results)
    nodes = self._graph_schema.nodes
    try:
        for name in order:
            # An input nobody gave is passed as its name, as dask passes an unknown key;
            # GraphNode then reports the missing input.
            arguments = [results.get(needed, needed) for needed in nodes[name].needs.values()]
            results[name] = self._instantiated_nodes[name](*arguments)
        return dict(results[target] for target in run_targets)
    except RuntimeError as error:
        raise GraphRunError("Error running runner.") from error


def use_in_order() -> None:
    DaskGraphRunner.run = run_in_order


def use_dask() -> None:
    DaskGraphRunner.run = DASK_RUN
