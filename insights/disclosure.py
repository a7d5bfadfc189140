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


def audit(published: Published, rels: Sequence[Relation], cells: Optional[Iterable[Key]] = None,
          integer: bool = False) -> Dict[Key, Tuple[float, float]]:
    """For each suppressed cell (or each of ``cells``): the smallest and largest value the
    published values and the relations allow, as a motivated intruder would solve for them
    (linear programming; ``integer`` solves the integer programme, slower, at least as tight).
    """
    targets = {c for c in (cells if cells is not None else published.values)
               if published.values.get(c) is None}
    neighbours: Dict[Key, Set[Key]] = {}
    for relation in rels:
        members = (relation.total,) + relation.parts
        for member in members:
            neighbours.setdefault(member, set()).update(members)
    result: Dict[Key, Tuple[float, float]] = {}
    for target in sorted(targets, key=sorted):
        if target in result:
            continue
        if target not in neighbours:  # in no relation: only its own bounds
            result[target] = bounds_of(published, target)[0], float("inf")
            continue
        component = _component(target, neighbours)
        problem = _Problem(published, [r for r in rels if r.total in component], component)
        for cell in sorted(component & targets, key=sorted):
            result[cell] = problem.extremes(cell, integer)
    return result


class _Problem:
    """The intruder's linear programme for one connected set of cells."""

    def __init__(self, published: Published, rels: Sequence[Relation], cells: Set[Key]) -> None:
        import numpy as np
        from scipy.sparse import lil_matrix

        self.variables = sorted(cells, key=sorted)
        self.index = {cell: i for i, cell in enumerate(self.variables)}
        equal = [r for r in rels if not r.at_most]
        at_most = [(r.total, part) for r in rels if r.at_most for part in r.parts]
        a_eq = lil_matrix((max(len(equal), 1), len(self.variables)))
        for row, relation in enumerate(equal):
            a_eq[row, self.index[relation.total]] = 1
            for part in relation.parts:
                a_eq[row, self.index[part]] -= 1
        a_ub = lil_matrix((max(len(at_most), 1), len(self.variables)))
        for row, (total, part) in enumerate(at_most):   # part - total <= 0
            a_ub[row, self.index[part]] += 1
            a_ub[row, self.index[total]] -= 1
        self.a_eq = a_eq.tocsr() if equal else None
        self.a_ub = a_ub.tocsr() if at_most else None
        self.b_eq = np.zeros(len(equal)) if equal else None
        self.b_ub = np.zeros(len(at_most)) if at_most else None
        self.bounds = [bounds_of(published, cell) for cell in self.variables]

    def prove(self, cells: Set[Key], truth: Mapping[Key, int], rounds: int) -> List[Key]:
        """The cells whose range is narrower than PROTECTION. Any table consistent with what is
        published gives each cell a value inside its range, so a few programmes that push
        all unproven cells up (capped, so that each is bounded), then down, with weights
        spread over orders of magnitude (cells competing for one total take turns), prove most
        cells wide enough at once; the rest get their exact range, each solution proving
        others on the way."""
        import random

        import numpy as np
        from scipy.optimize import linprog

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
                objective = np.zeros(len(self.variables))
                bounds = list(self.bounds)
                for cell in left:
                    i = self.index[cell]
                    objective[i] = sign * 10 ** rng.uniform(0, 4)
                    if sign < 0:
                        bounds[i] = (bounds[i][0], truth[cell] + PROTECTION)
                solved = linprog(objective, A_ub=self.a_ub, b_ub=self.b_ub, A_eq=self.a_eq,
                                 b_eq=self.b_eq, bounds=bounds, method="highs")
                if solved.status == 0:
                    learn(solved.x)
            stalled = stalled + 1 if len(left) == before else 0
        weak = []
        for cell in sorted(left, key=sorted):
            if cell not in left:
                continue
            for sign in (-1.0, 1.0):
                objective = np.zeros(len(self.variables))
                objective[self.index[cell]] = sign
                solved = linprog(objective, A_ub=self.a_ub, b_ub=self.b_ub, A_eq=self.a_eq,
                                 b_eq=self.b_eq, bounds=self.bounds, method="highs")
                if solved.status == 0:
                    learn(solved.x)
                elif solved.status == 3 and sign < 0:  # unbounded above
                    high[cell] = float("inf")
                    left.discard(cell)
                if cell not in left:
                    break
            if cell in left:
                weak.append(cell)
        return weak

    def extremes(self, cell: Key, integer: bool) -> Tuple[float, float]:
        import numpy as np
        from scipy.optimize import Bounds, LinearConstraint, linprog, milp

        found = []
        for sign in (1.0, -1.0):
            objective = np.zeros(len(self.variables))
            objective[self.index[cell]] = sign
            if integer:
                constraints = []
                if self.a_eq is not None:
                    constraints.append(LinearConstraint(self.a_eq, self.b_eq, self.b_eq))
                if self.a_ub is not None:
                    constraints.append(LinearConstraint(self.a_ub, -np.inf, self.b_ub))
                lows = np.array([b[0] for b in self.bounds])
                highs = np.array([np.inf if b[1] is None else b[1] for b in self.bounds])
                solved = milp(objective, constraints=constraints, bounds=Bounds(lows, highs),
                              integrality=np.ones(len(self.variables)))
                ok = solved.success
            else:
                solved = linprog(objective, A_ub=self.a_ub, b_ub=self.b_ub, A_eq=self.a_eq,
                                 b_eq=self.b_eq, bounds=self.bounds, method="highs")
                ok = solved.status == 0
            found.append(sign * solved.fun if ok else None)
        low = found[0] if found[0] is not None else 0.0
        high = found[1] if found[1] is not None else float("inf")
        return low, high


def weak_cells(published: Published, rels: Sequence[Relation], rounds: int = 12) -> List[Key]:
    """The primary-suppressed cells an intruder can narrow below the protection width, found
    quickly: feasible tables far from the true one (a few linear programmes that push all
    unproven cells up, then down, together) prove most cells safe at once, since the range of a
    cell spans every value it takes in any table consistent with what is published; only the
    cells left unproven get their own exact range (:func:`audit`)."""
    neighbours: Dict[Key, Set[Key]] = {}
    for relation in rels:
        members = (relation.total,) + relation.parts
        for member in members:
            neighbours.setdefault(member, set()).update(members)
    targets = {c for c in published.primary if published.values.get(c) is None}
    weak: List[Key] = []
    seen: Set[Key] = set()
    for target in sorted(targets, key=sorted):
        if target in seen or target not in neighbours:
            continue
        component = _component(target, neighbours)
        seen |= component
        problem = _Problem(published, [r for r in rels if r.total in component], component)
        weak += problem.prove(component & targets, published.counts, rounds)
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


def exposed(published: Published, ranges: Mapping[Key, Tuple[float, float]]) -> List[Key]:
    """Primary-suppressed cells an intruder can narrow below the protection width."""
    return [cell for cell, (low, high) in ranges.items()
            if cell in published.primary and _width(low, high) < PROTECTION]


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
    for _ in range(max_rounds):
        _percent_knowledge(published, percents)
        weak = weak_cells(published, rels)
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
    """The usual first pass of secondary suppression: no sum with exactly one ``*`` in it
    (its total minus the rest would give it back, give or take the rounding). The smallest
    published part goes with it (the total when every part is hidden). Repeated until no sum
    has one ``*`` alone; the audit then looks for subtler ways back."""
    sums = [r for r in rels if not r.at_most]
    changed = True
    while changed:
        changed = False
        for relation in sums:
            members = (relation.total,) + relation.parts
            if any(m not in published.values for m in members):
                continue  # an unpublished level in between: left to the audit
            hidden = [m for m in members if published.values[m] is None]
            if len(hidden) != 1:
                continue
            shown = [m for m in relation.parts if published.values[m] is not None] or \
                [relation.total]
            partner = min(shown, key=lambda m: (published.counts[m], sorted(m)))
            published.values[partner] = None
            published.secondary.add(partner)
            changed = True


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

