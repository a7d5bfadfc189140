"""Every blind message set names only contexts bench.understanding can reach: "ask_place" and
"ask_who" (the names later briefs used) once fell through to the list of services and were
scored there."""
from __future__ import annotations

import pytest
import yaml

from bench.understanding import BLIND, CONTEXT_NAMES, context_of

SETS = sorted(p for p in BLIND.glob("*/*.yml") if p.stem in ("urgent", "hard_negatives", "needs"))


@pytest.mark.parametrize("path", SETS, ids=lambda p: f"{p.parent.name}/{p.name}")
def test_every_context_named_is_one_the_bench_reaches(path):
    items = yaml.safe_load(path.read_text(encoding="utf-8")) or []
    unknown = {i.get("context") for i in items if isinstance(i, dict)} - set(CONTEXT_NAMES) - {None}
    assert not unknown, unknown


def test_the_later_names_reach_the_same_questions_and_an_unknown_one_is_an_error():
    assert context_of({"context": "ask_place"}) == context_of({"context": "ask_location"}) == "ask_location"
    assert context_of({"context": "ask_who"}) == "ask_audience"
    assert context_of({}) == "start"
    with pytest.raises(ValueError):
        context_of({"context": "ask_postcode", "text": "x"})
