"""The publishing rules, cell by cell: suppression, rounding, percentages, the urgent table."""
from __future__ import annotations

from datetime import date

from insights import codes, periods, report, tables
from insights.disclosure import Hierarchy, key, protect, relations, round5, weak_cells
from tests.insights.synthetic import records

AREA = {"area": Hierarchy({"*": ("a", "b", "c", "d")})}


def test_small_counts_are_hidden_and_others_rounded_to_5():
    assert [round5(n) for n in (10, 12, 13, 17, 18, 22, 23, 1000)] == \
        [10, 10, 15, 15, 20, 20, 25, 1000]
    counts = {key(): 103, key(area="a"): 50, key(area="b"): 31, key(area="c"): 9,
              key(area="d"): 13}
    published = protect(counts, AREA)
    assert published.values[key(area="c")] is None
    assert published.values[key()] == 105 and published.values[key(area="a")] == 50


def test_a_lone_hidden_cell_gets_a_partner_only_when_the_rounding_does_not_hide_it():
    """Four parts: 103 - 50 - 31 - 13 leaves the 9 anywhere from 2 to 18 once every figure is
    rounded, as wide as a "*" already says: nothing more is hidden. Two parts: 23 - 14 pins the
    9 between 6 and 14, so the 14 is hidden too."""
    counts = {key(): 103, key(area="a"): 50, key(area="b"): 31, key(area="c"): 9,
              key(area="d"): 13}
    published = protect(counts, AREA)
    assert published.secondary == set() and published.values[key(area="d")] == 15
    two = {"area": Hierarchy({"*": ("a", "b")})}
    counts = {key(): 23, key(area="a"): 14, key(area="b"): 9}
    published = protect(counts, two)
    assert published.secondary == {key(area="a")}
    assert published.values[key()] == 25
    assert weak_cells(published, relations(counts, two)) == []


def test_zero_is_hidden_too():
    counts = {key(): 40, key(area="a"): 20, key(area="b"): 20, key(area="c"): 0,
              key(area="d"): 0}
    published = protect(counts, AREA)
    assert published.shown(key(area="c")) == "*" and published.shown(key(area="d")) == "*"


def test_percentages_need_a_denominator_of_20_and_come_from_the_rounded_counts():
    counts = {key(): 19, key(area="a"): 10, key(area="b"): 9, key(area="c"): 0, key(area="d"): 0}
    published = protect(counts, AREA, percents=[(key(area="a"), key())])
    assert published.percent(key(area="a"), key()) is None          # 19 < 20
    counts = {key(): 23, key(area="a"): 12, key(area="b"): 11, key(area="c"): 0, key(area="d"): 0}
    published = protect(counts, AREA, percents=[(key(area="a"), key())])
    # 12 -> 10 and 23 -> 25: 40%, not 52% (the unrounded share would tell more)
    assert published.percent(key(area="a"), key()) == 40


def test_urgent_figures_only_quarterly_and_only_by_footprint():
    month = {t.name for t in tables.tables_for(periods.parse("2026-11"))}
    quarter = tables.tables_for(periods.parse("2026-Q4"))
    assert not {"urgent", "check_ins", "helpfulness"} & month
    for table in quarter:
        cells = table.cells()
        if any(dim in ("urgent", "checkin") for cell in cells for dim, _ in cell):
            assert table.name in ("urgent", "check_ins")
            places = {v for cell in cells for d, v in cell if d == "place"}
            assert places <= {"fp:kent_medway", "fp:essex_southend_thurrock", "fp:elsewhere"}
            assert not any(d in ("dow", "block", "hours") for cell in cells for d, _ in cell)


def test_every_output_shows_the_same_figures():
    period = periods.parse("2026-11")
    made = tables.build(records(300, date(2026, 11, 1), 30, seed=3), period)
    data = report.view(made)
    csv_text, json_text, html = (report.to_csv(data), report.to_json(data), report.to_html(data))
    needs = next(t for t in data["tables"] if t["name"] == "needs_by_area")
    total = needs["rows"][-1]["values"][-1]
    assert total == "300" and f",{total}\n" in csv_text and f'"{total}"' in json_text
    assert f"<td>{total}</td>" in html
    for table in data["tables"]:
        for row in table["rows"]:
            if row.get("share"):
                continue      # percentages
            for value in row["values"]:
                assert value == "*" or int(value) % 5 == 0 and int(value) >= 10


def test_area_report_holds_only_that_area_and_districts_only_quarterly():
    kent_month = [t.name for t in tables.tables_for(periods.parse("2026-11")) if t.scope == "kent"]
    kent_quarter = [t.name for t in tables.tables_for(periods.parse("2026-Q4"))
                    if t.scope == "kent"]
    assert not any("district" in name for name in kent_month)
    assert "kent_needs_by_district" in kent_quarter
    assert codes.LOCAL_AREAS == ("kent", "medway", "essex", "southend", "thurrock")
