"""The published tables of a period: what each counts, computed from the coded records, and
disclosure control applied to all of them together (insights/disclosure.py).

Every count is of conversation sessions. A table is rows x columns of cells, each cell named by
what it counts (a :data:`~insights.disclosure.Key`); the same cell in two tables (the Kent total,
say) is one cell with one published value. All tables of the period, for the five areas and
for the whole footprint, are protected together, so that no table of the period can be used to
undo the suppression of another.

Urgent replies and check-ins are counted only in quarterly tables, and only for Kent and
Medway together, or Essex, Southend and Thurrock together (never by district, area or hour).
The week heat map and the languages are for the whole footprint only.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Dict, FrozenSet, Iterable, List, Optional, Sequence, Tuple

from insights import codes
from insights.coding import SessionRecord
from insights.disclosure import Hierarchy, Key, Published, key, protect
from insights.periods import Period

ALL = "*"
BLOCKS = tuple(f"{h:02d}-{h + 3:02d}" for h in range(0, 24, 3))

# -- dimensions -----------------------------------------------------------------------------------


def _place_children() -> Dict[str, Tuple[str, ...]]:
    children: Dict[str, Tuple[str, ...]] = {
        ALL: tuple(f"fp:{name}" for name in (*codes.FOOTPRINTS, "elsewhere")),
        "fp:elsewhere": tuple(f"area:{a}" for a in (codes.OUTSIDE, codes.UNKNOWN, codes.DECLINED)),
    }
    for name, areas in codes.FOOTPRINTS.items():
        children[f"fp:{name}"] = tuple(f"area:{a}" for a in areas)
    for area in codes.LOCAL_AREAS:
        children[f"area:{area}"] = tuple(f"district:{d}" for d in districts_of(area)) + \
            (f"nodistrict:{area}",)
    return children


def districts_of(area: str) -> List[str]:
    return sorted(d for d, a in codes.districts().items() if a == area)


def hierarchies() -> Dict[str, Hierarchy]:
    langs = ("english_or_unknown",) + codes.LANGUAGES + ("other",)
    return {
        "place": Hierarchy(_place_children()),
        "age": Hierarchy({ALL: codes.AGE_BANDS}),
        "audience": Hierarchy({ALL: codes.AUDIENCES}),
        "channel": Hierarchy({ALL: codes.CHANNELS}),
        "hours": Hierarchy({ALL: ("out", "in")}),
        "dow": Hierarchy({ALL: codes.WEEKDAYS}),
        "block": Hierarchy({ALL: BLOCKS}),
        "step": Hierarchy({ALL: codes.STEPS}),
        "urgent": Hierarchy({ALL: ("none", "any"), "any": codes.urgent_classes()}),
        "checkin": Hierarchy({ALL: ("yes", "no")}),
        "feedback": Hierarchy({ALL: ("not_asked", "asked"), "asked": ("answered", "unanswered"),
                               "answered": codes.FEEDBACK}),
        "local": Hierarchy({ALL: ("no_services", "shown"),
                            "shown": ("some_local", "none_local", "not_recorded")}),
        "language": Hierarchy({ALL: langs}),
        "need": Hierarchy({}, multi=True),
        "gap": Hierarchy({}, multi=True),
    }


def attributes(record: SessionRecord) -> FrozenSet[Tuple[str, str]]:
    """Every (dimension, value) a session has, at every level of each hierarchy."""
    pairs = set()
    area = record.area if record.area in codes.AREAS else codes.UNKNOWN
    pairs.add(("place", f"fp:{codes.footprint(area)}"))
    pairs.add(("place", f"area:{area}"))
    if area in codes.LOCAL_AREAS:
        pairs.add(("place", f"district:{record.district}" if record.district
                   else f"nodistrict:{area}"))
    pairs.add(("age", record.age_band))
    pairs.add(("audience", record.audience))
    pairs.add(("channel", record.channel))
    pairs.add(("hours", "out" if record.out_of_hours else "in"))
    day, hour = divmod(record.hour_of_week, 24)
    pairs.add(("dow", codes.WEEKDAYS[day]))
    pairs.add(("block", BLOCKS[hour // 3]))
    pairs.add(("step", record.furthest_step))
    if record.urgent_class:
        pairs.update({("urgent", "any"), ("urgent", record.urgent_class)})
    else:
        pairs.add(("urgent", "none"))
    pairs.add(("checkin", "yes" if record.check_in else "no"))
    if record.feedback_asked:
        pairs.add(("feedback", "asked"))
        if record.feedback:
            pairs.update({("feedback", "answered"), ("feedback", record.feedback)})
        else:
            pairs.add(("feedback", "unanswered"))
    else:
        pairs.add(("feedback", "not_asked"))
    if record.furthest_step in ("services", "more", "feedback") or record.services_shown:
        pairs.add(("local", "shown"))
        pairs.add(("local", {True: "some_local", False: "none_local",
                             None: "not_recorded"}[record.any_local]))
    else:
        pairs.add(("local", "no_services"))
    pairs.add(("language", record.language or "english_or_unknown"))
    pairs.update(("need", need) for need in record.needs)
    # A gap is recorded with the session's own age band and area (insights/coding.py).
    pairs.update(("gap", gap.need) for gap in record.gaps)
    return frozenset(pairs)


# -- tables ---------------------------------------------------------------------------------------

@dataclass
class Table:
    name: str
    title: str
    note: str
    row_dim: Optional[str]
    rows: List[Tuple[str, str]]          # (value, label); value ALL for the total
    col_dim: Optional[str]
    cols: List[Tuple[str, str]]
    base: Dict[str, str] = field(default_factory=dict)
    #: (numerator row or column value, denominator value, label): a percentage column.
    percent: Optional[Tuple[str, str, str]] = None
    percent_by: str = "row"              # "row": numerator/denominator are columns
    #: Rows shown only when some cell is published (long tables: the gaps, the languages).
    sparse: bool = False
    scope: str = "all"                   # "all" or an area code
    #: For needs x age band etc.: the two dimensions of the rows, when rows pair them.
    row_pairs: Optional[Tuple[str, str]] = None
    #: Extra rows of percentages: (numerator row, denominator row, label), in every column.
    shares: List[Tuple[str, str, str]] = field(default_factory=list)

    def cell(self, row: str, col: str) -> Key:
        parts = dict(self.base)
        if self.row_pairs:
            first, second = row.split("|")
            parts[self.row_pairs[0]] = first
            if second != ALL:
                parts[self.row_pairs[1]] = second
        elif self.row_dim and row != ALL:
            parts[self.row_dim] = row
        if self.col_dim and col != ALL:
            parts[self.col_dim] = col
        return key(**parts)

    def cells(self) -> List[Key]:
        return [self.cell(r, c) for r, _ in self.rows for c, _ in self.cols]

    def percents(self) -> List[Tuple[Key, Key]]:
        pairs = [(self.cell(top, col), self.cell(bottom, col))
                 for top, bottom, _ in self.shares for col, _ in self.cols]
        if not self.percent:
            return pairs
        numerator, denominator, _ = self.percent
        if self.percent_by == "row":
            return pairs + [(self.cell(r, numerator), self.cell(r, denominator))
                            for r, _ in self.rows]
        return pairs + [(self.cell(numerator, c), self.cell(denominator, c))
                        for c, _ in self.cols]


def _areas(include_elsewhere: bool = True) -> List[Tuple[str, str]]:
    names = codes.AREAS if include_elsewhere else codes.LOCAL_AREAS
    return [(f"area:{a}", codes.AREA_LABELS[a]) for a in names]


def _channels() -> List[Tuple[str, str]]:
    """The public channels and the total: the other channels (Rasa's REST and socket.io
    channels, used internally) are in the total only, so that a column of zeros does not force
    the suppression of its neighbours."""
    return [(c, codes.CHANNEL_LABELS[c]) for c in codes.CHANNELS if c != "other"] + [TOTAL]


def _needs() -> List[Tuple[str, str]]:
    from web.directory import NEED_LABELS

    return [(n, NEED_LABELS.get(n, n.replace("_", " ").capitalize())) for n in codes.needs()]


AGES = [(band, band if band[0].isdigit() else band.capitalize()) for band in codes.AGE_BANDS]
TOTAL = (ALL, "All")
ALL_CONVERSATIONS = (ALL, "All conversations")


def tables_for(period: Period) -> List[Table]:
    """Every table of the period, for the whole footprint and for each of the five areas."""
    quarterly = period.quarterly
    local_cols = _areas(False) + [("fp:elsewhere", "Outside, not known or not given"), TOTAL]
    tables = [
        Table("conversations", "Conversations by area and channel",
              "Conversation sessions (a session ends after an hour without a message).",
              "place", _areas() + [ALL_CONVERSATIONS], "channel",
              _channels()),
        Table("needs_by_area", "Needs by area",
              "Conversations in which each need was identified; one conversation can have "
              "several needs, so the rows do not add up to the total.",
              "need", _needs() + [ALL_CONVERSATIONS], "place", local_cols),
        Table("needs_by_age", "Needs by age band",
              "Conversations in which each need was identified, by the young person's age band.",
              "need", _needs() + [ALL_CONVERSATIONS], "age", AGES + [TOTAL]),
        Table("who_is_asking", "Who is asking, by age band",
              "Who was writing: the young person, a parent or carer, or a professional.",
              "audience", [(a, codes.AUDIENCE_LABELS[a]) for a in codes.AUDIENCES] + [TOTAL],
              "age", AGES + [TOTAL]),
        Table("out_of_hours", "Conversations out of hours",
              "Out of hours: outside Monday to Friday 9am to 5pm, or on a bank holiday in "
              "England (the definition Kooth and Shout use, 72% and 74% of their contacts).",
              "place", _areas() + [ALL_CONVERSATIONS], "hours",
              [("out", "Out of hours"), ("in", "In hours"), TOTAL],
              percent=("out", ALL, "Out of hours, %")),
        Table("week", "Conversations by day and time (heat map)",
              "When conversations started, by day of the week and three-hour block, "
              "UK time; whole footprint only.",
              "dow", [(d, d) for d in codes.WEEKDAYS] + [TOTAL], "block",
              [(b, b) for b in BLOCKS] + [TOTAL]),
        Table("steps", "How far conversations got",
              "The furthest step each conversation reached.",
              "step", [(s, codes.STEP_LABELS[s]) for s in codes.STEPS] + [ALL_CONVERSATIONS],
              "place", local_cols),
        Table("local_services", "Local services shown",
              "Conversations in which services were shown: whether any of them was local "
              "(for the area or district) rather than national.",
              "local", [("some_local", "At least one local service"),
                        ("none_local", "National services only"),
                        ("not_recorded", "Not recorded"), ("shown", "Services shown")],
              "place", local_cols,
              percent=("some_local", "shown", "At least one local, %"), percent_by="col"),
        Table("service_gaps", "Service gaps: searches that found no local service",
              "Conversations in which a search for a need, for a young person of this age band "
              "in this area, found no local service (only national ones, or none). The "
              "catalogue's maintainers and commissioners can see what is missing where. "
              "Rows are shown when at least one figure in them can be published.",
              None, _gap_rows(), "place",
              [(f"area:{a}", codes.AREA_LABELS[a]) for a in ("kent", "medway")]
              + [("fp:kent_medway", "Kent and Medway")]
              + [(f"area:{a}", codes.AREA_LABELS[a]) for a in ("essex", "southend", "thurrock")]
              + [("fp:essex_southend_thurrock", "Essex, Southend and Thurrock")],
              sparse=True, row_pairs=("gap", "age")),
        Table("languages", "Languages other than English",
              "Conversations by the language the bot identified; whole footprint only. "
              "Rows are shown when their figure can be published.",
              "language", [("english_or_unknown", "English, or not identified")]
              + [(c, c) for c in codes.LANGUAGES] + [("other", "Other languages"), TOTAL],
              None, [TOTAL], sparse=True),
    ]
    if quarterly:
        footprints = [("fp:kent_medway", "Kent and Medway"),
                      ("fp:essex_southend_thurrock", "Essex, Southend and Thurrock"),
                      ("fp:elsewhere", codes.FOOTPRINT_LABELS["elsewhere"]), TOTAL]
        tables += [
            Table("urgent", "Urgent replies (quarterly, by integrated care board footprint)",
                  "Conversations given an urgent reply (24/7 routes first), by the first "
                  "urgent class. Published quarterly, and only for Kent and Medway together or "
                  "Essex, Southend and Thurrock together.",
                  "urgent", [(c, c.replace("_", " ").capitalize()) for c in codes.urgent_classes()]
                  + [("any", "Any urgent reply"), ("none", "No urgent reply"),
                     ALL_CONVERSATIONS], "place", footprints,
                  percent=("any", ALL, "Urgent, %"), percent_by="col"),
            Table("check_ins", "Check-ins (quarterly, by integrated care board footprint)",
                  "Conversations in which the bot asked the gentle check-in question "
                  "(a message that might mean risk).",
                  "checkin", [("yes", "Check-in asked"), ("no", "No check-in"),
                              ALL_CONVERSATIONS], "place", footprints),
            Table("helpfulness", "Was this helpful? (quarterly, whole footprint)",
                  "The optional question after services are shown (never after an urgent "
                  "reply). Percentages of those who answered; response rate of those asked.",
                  "feedback", [("yes", "Yes"), ("a_bit", "A bit"), ("no", "No"),
                               ("answered", "Answered"), ("unanswered", "Not answered"),
                               ("asked", "Asked"), ("not_asked", "Not asked"),
                               ALL_CONVERSATIONS],
                  None, [TOTAL],
                  shares=[("yes", "answered", "Yes, % of those who answered"),
                          ("a_bit", "answered", "A bit, % of those who answered"),
                          ("no", "answered", "No, % of those who answered"),
                          ("answered", "asked", "Response rate, % of those asked")]),
        ]
    for area in codes.LOCAL_AREAS:
        tables += _area_tables(area, quarterly)
    return tables


def _gap_rows() -> List[Tuple[str, str]]:
    rows = []
    for need, label in _needs():
        rows.append((f"{need}|{ALL}", f"{label}: all ages"))
        rows += [(f"{need}|{band}", f"{label}: {text}") for band, text in AGES]
    return rows


def _area_tables(area: str, quarterly: bool) -> List[Table]:
    """The tables of ``report --area``: the area's own figures (most of them the same cells as
    the whole footprint's tables) and, quarterly, its districts."""
    name = codes.AREA_LABELS[area]
    place = f"area:{area}"
    tables = [
        Table(f"{area}_needs", f"{name}: needs",
              "Conversations in this area in which each need was identified.",
              "need", _needs() + [ALL_CONVERSATIONS], "place", [(place, name)], scope=area),
        Table(f"{area}_who_is_asking", f"{name}: who is asking, by age band", "",
              "audience", [(a, codes.AUDIENCE_LABELS[a]) for a in codes.AUDIENCES] + [TOTAL],
              "age", AGES + [TOTAL], base={"place": place}, scope=area),
        Table(f"{area}_steps", f"{name}: how far conversations got", "",
              "step", [(s, codes.STEP_LABELS[s]) for s in codes.STEPS] + [ALL_CONVERSATIONS],
              "place", [(place, name)], scope=area),
        Table(f"{area}_gaps", f"{name}: service gaps",
              "Conversations in which a search for the need found no local service.",
              None, _gap_rows(), "place", [(place, name)], scope=area, sparse=True,
              row_pairs=("gap", "age")),
    ]
    if quarterly:  # districts only quarterly
        districts = [(f"district:{d}", d) for d in districts_of(area)] + \
            [(f"nodistrict:{area}", "District not known"), (place, f"All {name}")]
        tables += [
            Table(f"{area}_districts", f"{name}: conversations by district (quarterly)",
                  "Out of hours: outside Monday to Friday 9am to 5pm, or a bank holiday.",
                  "place", districts, "hours",
                  [("out", "Out of hours"), ("in", "In hours"), TOTAL],
                  percent=("out", ALL, "Out of hours, %"), scope=area),
            Table(f"{area}_needs_by_district", f"{name}: needs by district (quarterly)", "",
                  "need", _needs() + [ALL_CONVERSATIONS], "place", districts, scope=area),
            Table(f"{area}_gaps_by_district",
                  f"{name}: service gaps by district (quarterly)",
                  "Conversations in which a search for the need found no local service.",
                  "gap", _needs(), "place", districts, scope=area, sparse=True),
        ]
    return tables


@dataclass
class Report:
    period: Period
    tables: List[Table]
    published: Published
    sessions: int

    def scoped(self, area: Optional[str]) -> List[Table]:
        scope = area or "all"
        return [t for t in self.tables if t.scope == scope]


def build(records: Sequence[SessionRecord], period: Period) -> Report:
    """Count every cell of every table of the period and protect them together."""
    tables = tables_for(period)
    wanted = {cell for table in tables for cell in table.cells()}
    counts = count(records, wanted)
    percents = [pair for table in tables for pair in table.percents()]
    published = protect(counts, hierarchies(), percents)
    return Report(period, tables, published, len(records))


def count(records: Sequence[SessionRecord], cells: Iterable[Key]) -> Dict[Key, int]:
    """How many records have every (dimension, value) of each cell (bit sets, one bit a
    record, so a period of thousands of sessions and cells counts in well under a second)."""
    masks: Dict[Tuple[str, str], int] = {}
    for bit, record in enumerate(records):
        for pair in attributes(record):
            masks[pair] = masks.get(pair, 0) | (1 << bit)
    everyone = (1 << len(records)) - 1
    counts = {}
    for cell in cells:
        mask = everyone
        for pair in cell:
            mask &= masks.get(pair, 0)
            if not mask:
                break
        counts[cell] = bin(mask).count("1")
    return counts
