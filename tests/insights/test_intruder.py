"""The motivated intruder: given every table published for a period (each area's report and
the whole footprint's, as the report command gives them), and knowing what each figure counts
and the publishing rules, try to recover any suppressed figure, or any single conversation.

The intruder reads only the published output: the JSON views, mapped back to what each row
and column counts from the tables' definitions (which the reports describe in words). Its
knowledge:

- a published figure r is the true count rounded to 5, and at least 10: within [r-2, r+2];
- a ``*`` is any whole number from 0 (the intruder does not know which are secondary);
- a percentage shown means its denominator is at least 20, one withheld with both counts
  published that it is below 20;
- every sum the categories imply, across levels and across tables (the areas add up to the
  total, Kent and Medway to their footprint, districts to their area, age bands to all ages,
  the same cell in two tables is one number), and that a need count is at most its total.

It solves a linear programme for the smallest and largest value of every suppressed figure,
then the integer programme for the narrowest ones. It succeeds if any suppressed figure is
pinned within fewer than ten values (what a ``*`` already says), or to exactly one
conversation. The test passes when it fails.
"""
from __future__ import annotations

from datetime import date
from typing import Dict, FrozenSet, List, Optional, Set, Tuple

import numpy as np
import pytest
from scipy.optimize import Bounds, LinearConstraint, linprog, milp
from scipy.sparse import lil_matrix

from insights import periods, publish, report, tables
from insights.store import InsightsStore, make_engine
from tests.insights.synthetic import records

Key = FrozenSet[Tuple[str, str]]


def published_figures(period, views) -> Tuple[Dict[Key, str], Set[Key], Set[Key]]:
    """Every published figure by what it counts; checks one cell has one value everywhere."""
    definitions = {t.name: t for t in tables.tables_for(period)}
    figures: Dict[Key, str] = {}
    shown_for: Set[Key] = set()
    withheld_for: Set[Key] = set()

    def put(cell: Key, value: str) -> None:
        assert figures.setdefault(cell, value) == value, f"{sorted(cell)}: two values"

    for view in views["scopes"].values():
        for published in view["tables"]:
            table = definitions[published["name"]]
            by_label = {label: value for value, label in table.rows}
            col_values = [value for value, _ in table.cols]
            listed = set()
            shares = {label: (top, bottom) for top, bottom, label in table.shares}
            for row in published["rows"]:
                if row.get("share"):           # a row of percentages
                    top, bottom = shares[row["label"]]
                    for col, pct in zip(col_values, row["values"]):
                        _percent(pct, table.cell(top, col), table.cell(bottom, col), figures,
                                 shown_for, withheld_for)
                    continue
                value = by_label[row["label"]]
                listed.add(value)
                for col, figure in zip(col_values, row["values"]):
                    put(table.cell(value, col), figure)
                if "percent" in row:
                    numerator, denominator, _ = table.percent
                    bottom = table.cell(value, denominator)
                    top = table.cell(value, numerator)
                    _percent(row["percent"], top, bottom, figures, shown_for, withheld_for)
            for value, _ in table.rows:    # rows left out of a long table: all "*"
                if value not in listed:
                    assert table.sparse
                    for col in col_values:
                        put(table.cell(value, col), "*")
            if published["percent_row"]:
                numerator, denominator, _ = table.percent
                for col, pct in zip(col_values, published["percent_row"]["values"]):
                    _percent(pct, table.cell(numerator, col), table.cell(denominator, col),
                             figures, shown_for, withheld_for)
    return figures, shown_for, withheld_for


def _percent(pct, top, bottom, figures, shown_for, withheld_for):
    if pct != "-":
        shown_for.add(bottom)
    elif figures.get(top, "*") != "*" and figures.get(bottom, "*") != "*":
        withheld_for.add(bottom)


class Intruder:
    def __init__(self, figures: Dict[Key, str], at_least_20: Set[Key], below_20: Set[Key]):
        hierarchies = tables.hierarchies()
        parents = {dim: {c: v for v, cs in h.children.items() for c in cs}
                   for dim, h in hierarchies.items() if not h.multi}
        nodes = set(figures)
        todo = list(nodes)
        while todo:
            cell = todo.pop()
            for dim, up in parents.items():
                value = dict(cell).get(dim)
                if value in up:
                    rest = [p for p in cell if p[0] != dim]
                    ancestor = frozenset(rest + ([] if up[value] == "*" else [(dim, up[value])]))
                    if ancestor not in nodes:
                        nodes.add(ancestor)
                        todo.append(ancestor)
        self.cells = sorted(nodes, key=sorted)
        self.index = {c: i for i, c in enumerate(self.cells)}
        equal: List[Tuple[Key, Tuple[Key, ...]]] = []
        below: List[Tuple[Key, Key]] = []
        for cell in self.cells:
            given = dict(cell)
            for dim, hierarchy in hierarchies.items():
                rest = [p for p in cell if p[0] != dim]
                if hierarchy.multi:
                    if dim in given and frozenset(rest) in nodes:
                        below.append((cell, frozenset(rest)))
                    continue
                children = hierarchy.children.get(given.get(dim, "*"))
                if children:
                    parts = tuple(frozenset(rest + [(dim, c)]) for c in children)
                    if all(p in nodes for p in parts):
                        equal.append((cell, parts))
        n = len(self.cells)
        self.a_eq = lil_matrix((len(equal), n))
        for row, (total, parts) in enumerate(equal):
            self.a_eq[row, self.index[total]] = 1
            for part in parts:
                self.a_eq[row, self.index[part]] -= 1
        self.a_ub = lil_matrix((max(len(below), 1), n))
        for row, (part, total) in enumerate(below):
            self.a_ub[row, self.index[part]] = 1
            self.a_ub[row, self.index[total]] = -1
        self.a_eq, self.a_ub = self.a_eq.tocsr(), self.a_ub.tocsr()
        self.b_ub = np.zeros(self.a_ub.shape[0])
        self.low = np.zeros(n)
        self.high = np.full(n, np.inf)
        for cell, figure in figures.items():
            i = self.index[cell]
            if figure != "*":
                self.low[i], self.high[i] = max(10, int(figure) - 2), int(figure) + 2
            if cell in at_least_20:
                self.low[i] = max(self.low[i], 20)
            if cell in below_20:
                self.high[i] = min(self.high[i], 19)
        self.hidden = [c for c, f in figures.items() if f == "*"]

    def _solve(self, objective, integer=False) -> Optional[np.ndarray]:
        if integer:
            result = milp(objective, integrality=np.ones(len(self.cells)),
                          bounds=Bounds(self.low, self.high),
                          constraints=[LinearConstraint(self.a_eq, 0, 0),
                                       LinearConstraint(self.a_ub, -np.inf, 0)])
            return result.x if result.success else None
        result = linprog(objective, A_eq=self.a_eq, b_eq=np.zeros(self.a_eq.shape[0]),
                         A_ub=self.a_ub, b_ub=self.b_ub,
                         bounds=list(zip(self.low, [None if np.isinf(h) else h
                                                    for h in self.high])), method="highs")
        return result.x if result.status == 0 else None

    def feasible(self, x: np.ndarray) -> bool:
        """Checks a candidate table against everything published (its own arithmetic)."""
        return bool(np.all(x >= self.low - 1e-6) and np.all(x <= self.high + 1e-6)
                    and np.allclose(self.a_eq @ x, 0, atol=1e-6)
                    and np.all(self.a_ub @ x <= 1e-6))

    def ranges(self, seed: int = 0) -> Dict[Key, Tuple[float, float]]:
        """The range of every hidden figure: first from many tables consistent with what is
        published (found with random objectives), then solving exactly for the narrow ones."""
        rng = np.random.default_rng(seed)
        low = {c: np.inf for c in self.hidden}
        high = {c: -np.inf for c in self.hidden}

        def learn(x):
            assert self.feasible(x)
            for c in self.hidden:
                v = x[self.index[c]]
                low[c], high[c] = min(low[c], v), max(high[c], v)

        capped_high = self.high.copy()
        for c in self.hidden:
            capped_high[self.index[c]] = 40
        saved = self.high
        for _ in range(12):
            for sign in (-1, 1):
                objective = np.zeros(len(self.cells))
                for c in self.hidden:
                    objective[self.index[c]] = sign * 10 ** rng.uniform(0, 4)
                self.high = capped_high
                x = self._solve(objective)
                self.high = saved
                if x is not None:
                    learn(x)
        for c in self.hidden:
            if high[c] - low[c] >= 9:
                continue
            for sign in (1, -1):
                objective = np.zeros(len(self.cells))
                objective[self.index[c]] = sign
                x = self._solve(objective)
                if x is None:  # unbounded above
                    high[c] = np.inf
                else:
                    learn(x)
        return {c: (low[c], high[c]) for c in self.hidden}

    def exact(self, cell: Key) -> Tuple[float, float]:
        """The integer programme's range of one figure."""
        found = []
        for sign in (1, -1):
            objective = np.zeros(len(self.cells))
            objective[self.index[cell]] = sign
            x = self._solve(objective, integer=True)
            found.append(np.inf if x is None else x[self.index[cell]])
        return found[0], found[1]


def attack(period_name: str, count: int, seed: int):
    period = periods.parse(period_name)
    made = tables.build(records(count, period.start, (period.end - period.start).days,
                                seed=seed), period)
    views = {"scopes": {scope: report.view(
        made, None if scope == "all" else scope) for scope in publish.SCOPES}}
    figures, shown, withheld = published_figures(period, views)
    intruder = Intruder(figures, shown, withheld)
    ranges = intruder.ranges(seed)
    narrowest = sorted(ranges, key=lambda c: ranges[c][1] - ranges[c][0])[:15]
    exact = {c: intruder.exact(c) for c in narrowest}
    return figures, ranges, exact, made


@pytest.mark.parametrize("period, count, seed", [("2026-11", 400, 11), ("2026-Q3", 900, 12)])
def test_the_intruder_recovers_no_suppressed_figure_and_no_single_conversation(
        period, count, seed):
    figures, ranges, exact, made = attack(period, count, seed)
    hidden = [c for c, f in figures.items() if f == "*"]
    assert len(hidden) > 100                      # there was plenty to attack
    recovered = {c: r for c, r in ranges.items() if r[1] - r[0] < 9 - 1e-6}
    assert not recovered, [(sorted(c), r, made.published.counts[c])
                           for c, r in list(recovered.items())[:5]]
    for cell, (low, high) in exact.items():
        assert high - low >= 9, (sorted(cell), low, high)
        assert not (round(low) == round(high) == 1)


def test_without_secondary_suppression_the_intruder_would_succeed():
    """The attack is real: with primary suppression alone it recovers figures."""
    from insights import disclosure

    period = periods.parse("2026-11")
    records_ = records(400, period.start, 30, seed=11)
    original = disclosure.protect

    def primary_only(counts, hierarchies, percents=(), max_rounds=0):
        published = disclosure.Published(values={}, counts=dict(counts))
        for cell, n in counts.items():
            published.values[cell] = None if n < disclosure.SMALL else disclosure.round5(n)
            if n < disclosure.SMALL:
                published.primary.add(cell)
        return published

    tables.protect = primary_only
    try:
        made = tables.build(records_, period)
    finally:
        tables.protect = original
    views = {"scopes": {s: report.view(made, None if s == "all" else s) for s in publish.SCOPES}}
    figures, shown, withheld = published_figures(period, views)
    ranges = Intruder(figures, shown, withheld).ranges()
    assert any(high - low < 9 for low, high in ranges.values())


def test_published_periods_come_from_the_store_unchanged(tmp_path):
    """What the dashboard and the report command show is made once and kept."""
    store = InsightsStore(make_engine(f"sqlite:///{tmp_path / 'i.sqlite'}"))
    store.create()
    period = periods.parse("2026-10")
    with store.claim() as claim:
        claim.write(records(120, date(2026, 10, 1), 31, seed=5))
        claim.done_until(1_900_000_000.0)
    first = publish.views(store, period)
    again = publish.views(store, period)
    assert first == again and store.get_published("2026-10")
    assert publish.views(store, periods.parse("2031-01")) is None     # not final
