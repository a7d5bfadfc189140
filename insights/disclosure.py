"""Statistical disclosure control for the published tables.

The rules (docs/dpia.md; the strictest of the NHS and ONS rules, docs/insights-reference.md):

1. **Primary suppression.** A count of conversations from 0 to 9 is published as ``*``.
2. **Rounding.** Every other count is rounded to the nearest 5, totals included, each
   computed from the unrounded counts.
3. **Percentages** only when the unrounded denominator is at least 20 and numerator and
   denominator are both published; computed from the published (rounded) counts, so that a
   percentage tells nothing the counts do not.
4. **Secondary suppression.** Every count of a period is a cell, named by what it counts
   (:data:`Key`: area kent and need anxiety, say), wherever it appears: the same cell has one
   value in every table of the period. From the cells published, the relations anyone can see
   are derived (a total is the sum of its parts; a need count is at most its total). A motivated
   intruder with every table of the period solves for each suppressed cell the smallest and
   largest value those relations and the published values (each a range, because of
   rounding) allow (:func:`audit`, linear programming). Where that range is narrower than the
   ten values 0-9 a ``*`` stands for, one more cell of a relation holding it is suppressed (the
   smallest published one), and the audit runs again, until no suppressed cell can be narrowed.

The cells and their relations are plain data, so the tests' intruder can attack exactly what
is published.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Dict, FrozenSet, Iterable, List, Mapping, Optional, Sequence, Set, Tuple

#: A cell: what it counts, as (dimension, value) pairs. A dimension left out means "any".
Key = FrozenSet[Tuple[str, str]]

SMALL = 10          # counts below this are suppressed
BASE = 5            # others are rounded to a multiple of this
MIN_DENOMINATOR = 20
#: A suppressed cell must stay this uncertain: at least as wide as the 0-9 a "*" stands for.
PROTECTION = SMALL - 1


def key(**parts: str) -> Key:
    return frozenset((dim, str(value)) for dim, value in parts.items())


def round5(value: int) -> int:
    return BASE * int((value + BASE / 2) // BASE)


@dataclass
class Hierarchy:
    """How the cells of a dimension add up: ``children[value]`` partition ``value`` ("*" is
    the whole). Multi-valued dimensions (a session can have several needs) have no partition:
    a cell of them is only at most its whole."""
    children: Dict[str, Tuple[str, ...]]
    multi: bool = False


@dataclass
class Relation:
    """``total`` = sum(``parts``) (or, with ``at_most``, each part <= total)."""
    total: Key
    parts: Tuple[Key, ...]
    at_most: bool = False


@dataclass
class Published:
    """The published value of every cell of a period (None: suppressed)."""
    values: Dict[Key, Optional[int]]
    counts: Dict[Key, int]                       # the true counts (never published)
    primary: Set[Key] = field(default_factory=set)
    secondary: Set[Key] = field(default_factory=set)
    #: Denominators a percentage was shown for (the intruder learns they are >= 20) or withheld
    #: for although published (they learn < 20).
    percent_shown: Set[Key] = field(default_factory=set)
    percent_withheld: Set[Key] = field(default_factory=set)

    def shown(self, cell: Key) -> str:
        value = self.values.get(cell)
        return "*" if value is None else str(value)

    def percent(self, numerator: Key, denominator: Key) -> Optional[int]:
        """Whole-number percentage from the published counts, None when not publishable."""
        top, bottom = self.values.get(numerator), self.values.get(denominator)
        if top is None or not bottom or self.counts.get(denominator, 0) < MIN_DENOMINATOR:
            return None
        return int(100 * top / bottom + 0.5)


def relations(cells: Iterable[Key], hierarchies: Mapping[str, Hierarchy]) -> List[Relation]:
    """Every relation between cells that follows from what they count.

    Cells that are not published but lie between published ones in a hierarchy (Kent and
    Medway together, when only Kent, Medway and the grand total are published) are added as
    unknowns, so that relations spanning several levels (the total is the sum of the eight
    areas) are found too."""
    parent_of: Dict[str, Dict[str, str]] = {
        dim: {child: value for value, children in h.children.items() for child in children}
        for dim, h in hierarchies.items() if not h.multi}
    nodes = set(cells)
    todo = list(nodes)
    while todo:  # every ancestor, along every dimension, of every cell
        cell = todo.pop()
        given = dict(cell)
        for dim, parents in parent_of.items():
            value = given.get(dim)
            if value is None or value not in parents:
                continue
            others = [p for p in cell if p[0] != dim]
            parent = parents[value]
            ancestor = frozenset(others + ([] if parent == "*" else [(dim, parent)]))
            if ancestor not in nodes:
                nodes.add(ancestor)
                todo.append(ancestor)
    found: List[Relation] = []
    for cell in nodes:
        given = dict(cell)
        for dim, hierarchy in hierarchies.items():
            if hierarchy.multi:
                if dim in given:
                    whole = frozenset(p for p in cell if p[0] != dim)
                    if whole in nodes:
                        found.append(Relation(whole, (cell,), at_most=True))
                continue
            children = hierarchy.children.get(given.get(dim, "*"))
            if not children:
                continue
            others = [p for p in cell if p[0] != dim]
            parts = tuple(frozenset(others + [(dim, child)]) for child in children)
            if all(part in nodes for part in parts):
                found.append(Relation(cell, parts))
    return found


def bounds_of(published: Published, cell: Key) -> Tuple[float, Optional[float]]:
    """What anyone knows of a cell from its own published value."""
    value = published.values.get(cell)
    if value is None:
        low, high = 0.0, None
    else:
        low, high = max(SMALL, value - BASE // 2), value + BASE // 2
    if cell in published.percent_shown:
        low = max(low, MIN_DENOMINATOR)
    if cell in published.percent_withheld and value is not None:
        high = min(high, MIN_DENOMINATOR - 1) if high is not None else MIN_DENOMINATOR - 1
    return low, high


class _Solver:
    """The intruder's linear programme over one connected set of cells, kept between solves
    (HiGHS through highspy: each solve starts from the previous one's basis, which makes the
    hundreds of solves of a period several times faster than starting afresh)."""

    def __init__(self, published: Published, rels: Sequence[Relation], cells: Set[Key]) -> None:
        import highspy
        import numpy as np

        self.variables = sorted(cells, key=sorted)
        self.index = {cell: i for i, cell in enumerate(self.variables)}
        self.inf = highspy.kHighsInf
        self.highs = highspy.Highs()
        self.highs.setOptionValue("output_flag", False)
        count = len(self.variables)
        self.highs.addVars(count, np.zeros(count), np.full(count, self.inf))
        for relation in rels:
            if relation.at_most:       # part - total <= 0
                for part in relation.parts:
                    self._row([self.index[part], self.index[relation.total]], [1.0, -1.0],
                              -self.inf, 0.0)
            else:                      # total - sum(parts) = 0
                members = [self.index[relation.total]] + [self.index[p] for p in relation.parts]
                self._row(members, [1.0] + [-1.0] * len(relation.parts), 0.0, 0.0)
        self.bounds: List[Tuple[float, float]] = [(0.0, self.inf)] * count
        self.update(published)

    def _row(self, columns: List[int], values: List[float], low: float, high: float) -> None:
        import numpy as np

        merged: Dict[int, float] = {}
        for column, value in zip(columns, values):
            merged[column] = merged.get(column, 0.0) + value
        self.highs.addRow(low, high, len(merged), np.array(list(merged), dtype=np.int32),
                          np.array(list(merged.values()), dtype=float))

    def update(self, published: Published) -> None:
        """Each cell's bounds from what is published now (after more cells were hidden)."""
        for cell, i in self.index.items():
            low, high = bounds_of(published, cell)
            bound = (float(low), self.inf if high is None else float(high))
            if bound != self.bounds[i]:
                self.bounds[i] = bound
                self.highs.changeColBounds(i, *bound)

    def solve(self, costs: Mapping[int, float], caps: Mapping[int, float] = {}
              ) -> Tuple[str, Any]:
        """Minimise sum(cost * x) with some upper bounds lowered for this solve only.
        ("optimal", x), ("unbounded", None) or ("other", None)."""
        import highspy
        import numpy as np

        for i, cap in caps.items():
            self.highs.changeColBounds(i, self.bounds[i][0], min(cap, self.bounds[i][1]))
        columns = np.array(list(costs), dtype=np.int32)
        self.highs.changeColsCost(len(columns), columns,
                                  np.array(list(costs.values()), dtype=float))
        self.highs.run()
        status = self.highs.getModelStatus()
        x = np.array(self.highs.getSolution().col_value) \
            if status == highspy.HighsModelStatus.kOptimal else None
        self.highs.changeColsCost(len(columns), columns, np.zeros(len(columns)))
        for i in caps:
            self.highs.changeColBounds(i, *self.bounds[i])
        if x is not None:
            return "optimal", x
        unbounded = status in (highspy.HighsModelStatus.kUnbounded,
                               highspy.HighsModelStatus.kUnboundedOrInfeasible)
        return ("unbounded" if unbounded else "other"), None

    def extremes(self, cell: Key) -> Tuple[float, float]:
        """The smallest and largest value the published figures allow this cell."""
        i = self.index[cell]
        status, x = self.solve({i: 1.0})
        low = float(x[i]) if x is not None else 0.0
        status, x = self.solve({i: -1.0})
        high = float(x[i]) if x is not None else float("inf")
        return low, high

    def weak(self, cells: Set[Key], truth: Mapping[Key, int], rounds: int) -> List[Key]:
        """The cells whose range is narrower than PROTECTION. Any table consistent with what
        is published gives each cell a value inside its range, so a few programmes that push
        all unproven cells up (each capped, so that the programme is bounded), then down, with
        weights spread over orders of magnitude (cells competing for one total take turns),
        prove most cells wide enough at once; the rest get their exact range, each solution
        proving others on the way."""
        import random

        rng = random.Random(len(cells))
        low = {cell: float(truth[cell]) for cell in cells}
        high = dict(low)
        left = set(cells)

        def learn(x: Any) -> None:
            nonlocal left
            for cell in left:
                value = float(x[self.index[cell]])
                low[cell], high[cell] = min(low[cell], value), max(high[cell], value)
            left = {c for c in left if high[c] - low[c] < PROTECTION - 1e-6}

        stalled = 0
        for _ in range(rounds):
            if not left or stalled >= 2:
                break
            before = len(left)
            for sign in (-1.0, 1.0):   # -1: push up (minimise -x), 1: push down
                costs = {self.index[c]: -sign * 0.01 for c in cells - left}
                costs.update({self.index[c]: sign * 10 ** rng.uniform(0, 4) for c in left})
                caps = {self.index[c]: truth[c] + PROTECTION for c in left} if sign < 0 else {}
                status, x = self.solve(costs, caps)
                if x is not None:
                    learn(x)
            stalled = stalled + 1 if len(left) == before else 0
        weak = []
        for cell in sorted(left, key=sorted):
            if cell not in left:
                continue
            i = self.index[cell]
            for cost in (-1.0, 1.0):
                status, x = self.solve({i: cost})
                if x is not None:
                    learn(x)
                elif status == "unbounded" and cost < 0:
                    left.discard(cell)
                if cell not in left:
                    break
            if cell in left:
                weak.append(cell)
        return weak


def weak_cells(published: Published, rels: Sequence[Relation], rounds: int = 12,
               solvers: Optional[Dict[Key, "_Solver"]] = None) -> List[Key]:
    """The primary-suppressed cells a motivated intruder, knowing every published figure and
    every relation between them, can narrow below the protection width (see _Solver.weak).
    ``solvers`` keeps each connected set's programme between rounds of :func:`protect`."""
    neighbours: Dict[Key, Set[Key]] = {}
    for relation in rels:
        members = (relation.total,) + relation.parts
        for member in members:
            neighbours.setdefault(member, set()).update(members)
    solvers = {} if solvers is None else solvers
    targets = {c for c in published.primary if published.values.get(c) is None}
    weak: List[Key] = []
    seen: Set[Key] = set()
    for target in sorted(targets, key=sorted):
        if target in seen or target not in neighbours:
            continue
        component = _component(target, neighbours)
        seen |= component
        first = min(component, key=sorted)
        solver = solvers.get(first)
        if solver is None:
            solver = solvers[first] = _Solver(
                published, [r for r in rels if r.total in component], component)
        else:
            solver.update(published)
        weak += solver.weak(component & targets, published.counts, rounds)
    return weak


def _component(start: Key, neighbours: Mapping[Key, Set[Key]]) -> Set[Key]:
    seen = {start}
    todo = [start]
    while todo:
        for other in neighbours.get(todo.pop(), ()):
            if other not in seen:
                seen.add(other)
                todo.append(other)
    return seen


def _width(low: float, high: float) -> float:
    import math

    if math.isinf(high):
        return math.inf
    return math.floor(high + 1e-6) - math.ceil(low - 1e-6)


def protect(counts: Mapping[Key, int], hierarchies: Mapping[str, Hierarchy],
            percents: Sequence[Tuple[Key, Key]] = (), max_rounds: int = 200) -> Published:
    """Publish every cell: primary suppression and rounding, then secondary suppression
    until the audit finds no suppressed cell it can narrow."""
    published = Published(values={}, counts=dict(counts))
    for cell, count in counts.items():
        if count < SMALL:
            published.values[cell] = None
            published.primary.add(cell)
        else:
            published.values[cell] = round5(count)
    rels = relations(counts, hierarchies)
    containing: Dict[Key, List[Relation]] = {}
    for relation in rels:
        for member in (relation.total,) + relation.parts:
            containing.setdefault(member, []).append(relation)
    _never_alone(published, rels)
    solvers: Dict[Key, _Solver] = {}
    for _ in range(max_rounds):
        _percent_knowledge(published, percents)
        weak = weak_cells(published, rels, solvers=solvers)
        if not weak:
            break
        chosen = set()
        for cell in weak:
            candidate = _cheapest_partner(cell, containing, published)
            if candidate is not None:
                chosen.add(candidate)
        if not chosen:
            break  # nothing left to suppress near them (cannot happen with totals published)
        for cell in chosen:
            published.values[cell] = None
            published.secondary.add(cell)
        _never_alone(published, rels)
    _percent_knowledge(published, percents)
    return published


def _never_alone(published: Published, rels: Sequence[Relation]) -> None:
    """The usual first pass of secondary suppression: a sum with exactly one ``*`` in it gives
    that cell back as its total minus the rest, give or take the rounding. Where that leaves it
    narrower than PROTECTION, the smallest published part goes with it (the total when every
    part is hidden). Repeated until no sum narrows a lone ``*``; the audit then looks for
    subtler ways back."""
    sums = [r for r in rels if not r.at_most]
    changed = True
    while changed:
        changed = False
        for relation in sums:
            members = (relation.total,) + relation.parts
            if any(m not in published.values for m in members):
                continue  # an unpublished level in between: left to the audit
            hidden = [m for m in members if published.values[m] is None]
            if len(hidden) != 1 or _wide_alone(published, relation, hidden[0]):
                continue
            shown = [m for m in relation.parts if published.values[m] is not None] or \
                [relation.total]
            partner = min(shown, key=lambda m: (published.counts[m], sorted(m)))
            published.values[partner] = None
            published.secondary.add(partner)
            changed = True


def _wide_alone(published: Published, relation: Relation, hidden: Key) -> bool:
    """Is the one hidden cell of a sum still at least PROTECTION wide from that sum alone?"""
    ranges = [bounds_of(published, m) for m in relation.parts if m != hidden]
    low = sum(r[0] for r in ranges)
    high = sum(r[1] for r in ranges if r[1] is not None) if all(
        r[1] is not None for r in ranges) else None
    if hidden == relation.total:
        return high is None or high - low >= PROTECTION
    total_low, total_high = bounds_of(published, relation.total)
    if total_high is None:
        return True
    top = total_high - low
    bottom = max(0.0, total_low - high) if high is not None else 0.0
    return top - bottom >= PROTECTION


def _percent_knowledge(published: Published, percents: Sequence[Tuple[Key, Key]]) -> None:
    published.percent_shown.clear()
    published.percent_withheld.clear()
    for numerator, denominator in percents:
        if published.values.get(denominator) is None:
            continue
        if published.percent(numerator, denominator) is not None:
            published.percent_shown.add(denominator)
        elif published.counts.get(denominator, 0) < MIN_DENOMINATOR:
            published.percent_withheld.add(denominator)


def _cheapest_partner(cell: Key, containing: Mapping[Key, List[Relation]],
                      published: Published) -> Optional[Key]:
    """The smallest published cell sharing a relation with ``cell`` (a part rather than a
    total where there is a choice, since totals are the figures people look for)."""
    best: Optional[Tuple[int, int, List[Tuple[str, str]], Key]] = None
    for relation in containing.get(cell, []):
        for member in (relation.total,) + relation.parts:
            if member == cell or member not in published.values or \
                    published.values[member] is None:
                continue
            rank = (1 if member == relation.total else 0, published.counts[member],
                    sorted(member), member)
            if best is None or rank[:3] < best[:3]:
                best = rank
    return None if best is None else best[3]

