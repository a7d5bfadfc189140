"""The coverage report (local services and gaps per district and need) and the oldest facts."""
import csv
import io
from dataclasses import replace
from datetime import date

from services_catalog import coverage as report
from services_catalog.__main__ import main
from services_catalog.locality import district_areas
from services_catalog.query import ServiceView
from services_catalog.taxonomy import load_taxonomy


def made_up(sid: str, **fields) -> ServiceView:
    base = ServiceView(
        id=sid, name=sid.title(), summary="Made up.", url=None, hours=None, always_open=False,
        minimum_age=None, maximum_age=None, areas=("kent",), needs=("anxiety",), urgent=(),
        audiences=("young_person",), thrive=(), access=("self_referral",), contacts=(),
        source="https://example.org", assured_date=date(2026, 11, 22))
    return replace(base, **fields)


def test_every_district_of_the_five_areas_meets_every_need(catalogue):
    cells = report.coverage(catalogue.all())
    assert len(cells) == len(district_areas()) * len(load_taxonomy().needs)
    assert {c.district for c in cells} == set(district_areas())


def test_a_gap_is_an_age_band_with_no_local_service_for_the_need():
    teens_in_dover = made_up("dover-teens", minimum_age=11, maximum_age=15, districts=("Dover",))
    kent_general = made_up("kent-general", needs=("general_wellbeing",))
    national = made_up("national", areas=("national",))
    services = [teens_in_dover, kent_general, national]
    dover = report.cell(services, "kent", "Dover", "anxiety")
    assert dover.specific == (teens_in_dover,) and dover.general == (kent_general,)
    assert [report.band_label(b) for b in dover.gaps] == ["0-4", "5-10", "16-17", "18-25"]
    assert dover.empty == ()  # general support is local, but does not close the gap
    canterbury = report.cell(services, "kent", "Canterbury", "anxiety")
    assert canterbury.specific == () and len(canterbury.gaps) == len(report.AGE_BANDS)


def test_a_band_is_covered_only_when_every_age_in_it_is():
    partly = made_up("from-13", minimum_age=13)
    gaps = report.cell([partly], "kent", "Dover", "anxiety").gaps
    assert [report.band_label(b) for b in gaps] == ["0-4", "5-10", "11-15"]


def test_csv_has_one_row_per_district_need_and_age_band(catalogue):
    cells = report.coverage(catalogue.all())
    rows = list(csv.DictReader(io.StringIO(report.as_csv(cells))))
    assert len(rows) == len(cells) * len(report.AGE_BANDS)
    assert {r["gap"] for r in rows} <= {"yes", "no"}
    dover = [r for r in rows if r["district"] == "Dover" and r["need"] == "anxiety"]
    assert [r["age_band"] for r in dover] == ["0-4", "5-10", "11-15", "16-17", "18-25"]


def test_command_line_coverage_and_oldest(catalogue_url, capsys):
    assert main(["--db", catalogue_url, "coverage"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("Active services: ") and "| Dover (kent) |" in out
    assert main(["--db", catalogue_url, "coverage", "--csv"]) == 0
    assert capsys.readouterr().out.startswith("area,district,need,age_band,gap,")
    assert main(["--db", catalogue_url, "oldest", "--limit", "4"]) == 0
    assert len(capsys.readouterr().out.strip().splitlines()) == 2 + 4


def test_oldest_puts_the_longest_unchecked_and_undated_first():
    old = made_up("old", assured_date=date(2025, 1, 1))
    undated = made_up("undated")
    dated_2019 = made_up("dated-2019", source_date="2019")
    dated_2024 = made_up("dated-2024", source_date="2024-05")
    assert [s.id for s in report.oldest([dated_2024, undated, dated_2019, old])] == [
        "old", "undated", "dated-2019", "dated-2024"]
    assert [s.id for s in report.oldest([dated_2024, old], limit=1)] == ["old"]
    line = report.oldest_lines([dated_2019], today=date(2026, 12, 3))[2]
    assert line.startswith("| 2026-11-22 | 11 | 2019 | Dated-2019 (dated-2019) |")
