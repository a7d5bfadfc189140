"""import-feed: this project's feed read back (export, read, export gives the same services),
a second run that updates, a service the feed stops listing (kept for the grace period, then
inactive), feeds that cannot be read, and the official example feeds.
"""
from __future__ import annotations

import asyncio
import copy
import json
from datetime import date, timedelta
from pathlib import Path
from typing import Any, Dict, List
from urllib.parse import urlsplit

import pytest
import yaml

from services_catalog.__main__ import main
from services_catalog.db import make_engine
from services_catalog.loader import load_documents
from services_catalog.models import CONFIRMED
from services_catalog.oruk.feed import FeedCatalogue, FeedError, build_feed, handlers
from services_catalog.oruk.files import documents_from_db
from services_catalog.oruk.reader import FeedUnreadable, import_feed
from services_catalog.oruk.validator import PASS, Exchange, validate_feed
from services_catalog.query import Catalogue
from tests.services_catalog.test_oruk_validator import on_server_loop

pytestmark = pytest.mark.filterwarnings("ignore:You have set a listener")
TODAY = date(2026, 12, 1)
#: What a reader cannot bring back by design: numbers and addresses that were not confirmed
#: are never published, and everything read comes back unconfirmed, so not republished.
CONTACT_FIELDS = {"contacts", "phones", "email", "service_at_locations"}


@pytest.fixture
def empty_data(tmp_path) -> Path:
    """A data folder with no services, so the catalogue holds only what is imported."""
    folder = tmp_path / "data"
    folder.mkdir()
    (folder / "none.yml").write_text("{}\n")
    return folder


@pytest.fixture
def target(tmp_path):
    return make_engine(f"sqlite:///{tmp_path / 'target.sqlite'}")


def services_of(engine) -> Dict[str, Dict[str, Any]]:
    return {s["feed"]["id"] if "feed" in s else s["id"]: s
            for _, doc in documents_from_db(engine) for s in doc["services"]}


class Served:
    """An ORUK feed answered straight from a catalogue (no HTTP), for runs against a
    catalogue the test changes between them."""

    BASE = "http://feed.test/oruk"

    def __init__(self, engine):
        self.source = FeedCatalogue(engine, refresh_seconds=0)
        self.down: List[str] = []

    def __call__(self, url: str, timeout: float) -> Exchange:
        parts = urlsplit(url)
        segments = [s for s in parts.path[len("/oruk"):].split("/") if s]
        key = "/" + "/".join(segments[:1]) + ("/{id}" if len(segments) == 2 else "")
        if key in self.down:
            return Exchange(url, 500, False, '{"error": "down"}')
        try:
            handler = handlers(self.source.snapshot())[key]
            body = handler(segments[1], parts.query) if len(segments) == 2 else \
                handler(parts.query)
            return Exchange(url, 200, True, json.dumps(body))
        except FeedError as problem:
            return Exchange(url, problem.status, False, json.dumps(problem.body()))


# -- this project's own feed -----------------------------------------------------------------

@on_server_loop
async def test_export_read_export_gives_the_same_services(own_feed, catalogue, target,
                                                          empty_data, tmp_path):
    report = await asyncio.to_thread(import_feed, own_feed, target, tmp_path / "feeds",
                                     empty_data, today=TODAY)
    before = build_feed(documents_from_db(catalogue.engine))
    after = build_feed(documents_from_db(target))
    assert report.skipped == [] and len(report.added) == report.listed == len(before.services)
    assert [s.id for s in after.services] == [s.id for s in before.services]
    for first, again in zip(before.services, after.services):
        assert {k: v for k, v in again.full.items() if k not in CONTACT_FIELDS} == \
            {k: v for k, v in first.full.items() if k not in CONTACT_FIELDS}
        assert {k: v for k, v in again.item.items() if k != "email"} == \
            {k: v for k, v in first.item.items() if k != "email"}
        assert "phones" not in again.full and "email" not in again.full
    read = services_of(target)
    assert all(c["status"] != CONFIRMED for s in read.values() for c in s["contacts"])
    assert {s["feed"]["url"] for s in read.values()} == {own_feed}
    assert all(s["feed"]["last_seen"] == TODAY.isoformat() for s in read.values())


@on_server_loop
async def test_the_feed_read_back_is_valid_oruk(own_feed, target, empty_data, tmp_path):
    await asyncio.to_thread(import_feed, own_feed, target, tmp_path / "feeds", empty_data,
                            today=TODAY)
    report = validate_feed(Served.BASE, get=Served(target), seed=4)
    assert report.verdict == PASS, report.text()


@on_server_loop
async def test_a_feed_already_in_the_catalogue_is_not_read_twice(own_feed, catalogue_url,
                                                                 tmp_path):
    """This project's own feed read into its own catalogue adds nothing: same ids."""
    engine = make_engine(f"sqlite:///{tmp_path / 'copy.sqlite'}")
    load_documents(engine, documents_from_db(make_engine(catalogue_url)))
    report = await asyncio.to_thread(import_feed, own_feed, engine, tmp_path / "feeds")
    assert report.added == [] and len(report.skipped) == report.listed
    assert all("already in this catalogue" in s.reasons[0] for s in report.skipped)


# -- runs against a changing feed ------------------------------------------------------------

@pytest.fixture
def source(catalogue, tmp_path):
    """A catalogue of ten of the test catalogue's services, served as a feed."""
    engine = make_engine(f"sqlite:///{tmp_path / 'source.sqlite'}")
    documents = copy.deepcopy(documents_from_db(catalogue.engine))
    kept = 0
    for _, doc in documents:
        doc["services"] = [s for s in doc["services"] if (kept := kept + 1) <= 10]
    load_documents(engine, documents)
    return engine, documents


def change(source, rename: str = "", drop: str = "") -> None:
    engine, documents = source
    for _, doc in documents:
        for svc in doc["services"]:
            if svc["id"] == rename:
                svc["name"] = "Renamed " + svc["name"]
        doc["services"] = [s for s in doc["services"] if s["id"] != drop]
    load_documents(engine, documents)


def run(source, target, empty_data, tmp_path, today=TODAY, **options):
    return import_feed(Served.BASE, target, tmp_path / "feeds", empty_data, today=today,
                       get=Served(source[0]), **options)


def slugs(source) -> List[str]:
    return [s["id"] for _, doc in source[1] for s in doc["services"]]


def test_a_second_run_updates_rather_than_duplicates(source, target, empty_data, tmp_path):
    first = run(source, target, empty_data, tmp_path)
    assert len(first.added) == first.listed == 10 and first.updated == []
    renamed = slugs(source)[0]
    change(source, rename=renamed)
    second = run(source, target, empty_data, tmp_path)
    assert second.added == [] and len(second.updated) == 10
    read = services_of(target)
    assert len(read) == 10
    assert sum(s["name"].startswith("Renamed ") for s in read.values()) == 1
    assert len(list((tmp_path / "feeds").glob("*.yml"))) == 1


def test_a_service_no_longer_listed_is_kept_for_the_grace_period_then_inactive(
        source, target, empty_data, tmp_path):
    run(source, target, empty_data, tmp_path)
    gone = slugs(source)[3]
    change(source, drop=gone)
    report = run(source, target, empty_data, tmp_path, today=TODAY + timedelta(days=1))
    assert len(report.missing) == 1 and report.inactivated == []
    (missing,) = [s for s in services_of(target).values()
                  if s["feed"].get("missing_since")]
    assert missing["feed"]["missing_since"] == (TODAY + timedelta(days=1)).isoformat()
    assert missing.get("status", "active") == "active"
    assert missing["name"] in {s.name for s in Catalogue(target).all()}

    report = run(source, target, empty_data, tmp_path, today=TODAY + timedelta(days=7))
    assert report.inactivated == [] and len(report.missing) == 1  # 6 days missing: kept
    report = run(source, target, empty_data, tmp_path, today=TODAY + timedelta(days=8))
    assert len(report.inactivated) == 1 and report.missing == []
    read = services_of(target)
    assert len(read) == 10
    (inactive,) = [s for s in read.values() if s.get("status") == "inactive"]
    assert "No longer listed" in inactive["status_note"]
    assert inactive["name"] not in {s.name for s in Catalogue(target).all()}


def test_a_service_listed_again_comes_back(source, target, empty_data, tmp_path):
    run(source, target, empty_data, tmp_path)
    gone = slugs(source)[2]
    engine, documents = source
    saved = copy.deepcopy(documents)
    change(source, drop=gone)
    run(source, target, empty_data, tmp_path, today=TODAY + timedelta(days=1))
    run(source, target, empty_data, tmp_path, today=TODAY + timedelta(days=30))
    load_documents(engine, saved)
    report = run(source, target, empty_data, tmp_path, today=TODAY + timedelta(days=31))
    assert report.missing == [] and len(report.updated) == 10
    assert all(s.get("status", "active") == "active" and "missing_since" not in s["feed"]
               for s in services_of(target).values())


def test_the_grace_period_can_be_chosen(source, target, empty_data, tmp_path):
    run(source, target, empty_data, tmp_path)
    change(source, drop=slugs(source)[0])
    assert len(run(source, target, empty_data, tmp_path, grace_days=0).inactivated) == 1


@pytest.mark.parametrize("down", ["/", "/services"])
def test_a_feed_that_cannot_be_read_changes_nothing(source, target, empty_data, tmp_path, down):
    run(source, target, empty_data, tmp_path)
    kept = (tmp_path / "feeds").glob("*.yml")
    before = {p: p.read_text() for p in kept}
    rows = services_of(target)
    served = Served(source[0])
    served.down.append(down)
    with pytest.raises(FeedUnreadable):
        import_feed(Served.BASE, target, tmp_path / "feeds", empty_data,
                    today=TODAY + timedelta(days=30), get=served)
    assert {p: p.read_text() for p in before} == before and services_of(target) == rows


def test_a_record_that_cannot_be_read_keeps_its_earlier_version(source, target, empty_data,
                                                                tmp_path):
    run(source, target, empty_data, tmp_path)
    served = Served(source[0])
    served.down.append("/services/{id}")
    report = import_feed(Served.BASE, target, tmp_path / "feeds", empty_data, today=TODAY,
                         get=served)
    assert len(report.skipped) == 10 and "500" in report.skipped[0].reasons[0]
    assert len(services_of(target)) == 10


# -- the official examples and other feeds ---------------------------------------------------

def test_the_pass_example_needs_an_area_and_a_need(examples, target, empty_data, tmp_path):
    report = import_feed(examples + "/pass", target, tmp_path / "feeds", empty_data, today=TODAY)
    assert report.listed == 1 and report.added == []
    (skipped,) = report.skipped
    assert skipped.name == "Community Counselling"
    assert [r.split(";")[0] for r in skipped.reasons] == [
        "no service area this catalogue knows", "no need or urgent class of this catalogue's "
                                                "taxonomy"]


def test_the_pass_example_is_read_unverified_and_tagged(examples, target, empty_data, tmp_path):
    report = import_feed(examples + "/pass", target, tmp_path / "feeds", empty_data,
                         areas=["kent"], needs=["general_wellbeing"], today=TODAY)
    assert len(report.added) == 1 and report.skipped == []
    (svc,) = services_of(target).values()
    assert svc["feed"] == {"url": examples + "/pass",
                           "id": "ac148810-d857-441c-9679-408f346de14b",
                           "last_seen": TODAY.isoformat()}
    assert (svc["name"], svc["areas"], svc["needs"]) == ("Community Counselling", ["kent"],
                                                         ["general_wellbeing"])
    assert (svc["minimum_age"], svc["maximum_age"], svc["serves_adults"]) == (12, 100, True)
    assert svc["schedule"] == [{"days": ["thu", "fri"], "opens": "10:00", "closes": "18:00"}]
    assert [(c["kind"], c["value"], c["status"]) for c in svc["contacts"]] == [
        ("email", "email@example.com", "unverified"),
        ("website", "http://example.com/counselling", "unverified")]
    assert svc["assured_date"] == "2005-01-01"
    feed = build_feed(documents_from_db(target))
    assert feed.service("ac148810-d857-441c-9679-408f346de14b")["organization"]["name"] == \
        "Example Organization Inc."


def test_a_service_with_no_website_is_read_with_an_access_note(examples, target, empty_data,
                                                              tmp_path, monkeypatch):
    """Its email address comes in unverified, so the bot may not give it: the loader's rule
    (a service with no usable contact needs an access_note) is met by the reader's note."""
    from tests.services_catalog import oruk_examples

    changed = {k: v for k, v in copy.deepcopy(oruk_examples.EXAMPLE).items() if k != "url"}
    monkeypatch.setattr(oruk_examples, "EXAMPLE", changed)
    report = import_feed(examples + "/pass", target, tmp_path / "feeds", empty_data,
                         areas=["kent"], needs=["general_wellbeing"], today=TODAY)
    assert len(report.added) == 1 and report.skipped == []
    (svc,) = services_of(target).values()
    assert [(c["kind"], c["status"]) for c in svc["contacts"]] == [("email", "unverified")]
    assert svc["access_note"].startswith("Contact details not confirmed yet")


def test_the_fail_example_is_left_out_for_its_errors(examples, target, empty_data, tmp_path):
    report = import_feed(examples + "/fail", target, tmp_path / "feeds", empty_data,
                         areas=["kent"], needs=["general_wellbeing"], today=TODAY)
    assert report.added == [] and len(report.skipped) == 1  # four items, two distinct ids,
    (skipped,) = report.skipped                              # and the same service in full
    assert skipped.reasons == [
        "url: String 'example/counselling' does not validate against format 'uri'.",
        "email: String 'email-example_com' does not validate against format 'email'."]


def test_a_service_elsewhere_in_the_country_is_left_out(examples, target, empty_data,
                                                        tmp_path, monkeypatch):
    from tests.services_catalog import oruk_examples

    changed = copy.deepcopy(oruk_examples.EXAMPLE)
    changed["service_areas"][0]["uri"] = \
        "http://statistics.data.gov.uk/id/statistical-geography/E09000033"  # Westminster
    monkeypatch.setattr(oruk_examples, "EXAMPLE", changed)
    report = import_feed(examples + "/pass", target, tmp_path / "feeds", empty_data,
                         areas=["kent"], needs=["general_wellbeing"], today=TODAY)
    assert "outside Kent" in report.skipped[0].reasons[0]


def test_the_command_line_reads_a_feed_and_load_keeps_it(examples, tmp_path, capsys):
    url = f"sqlite:///{tmp_path / 'cli.sqlite'}"
    feeds = tmp_path / "feeds"
    assert main(["--db", url, "import-feed", examples + "/pass", "--feeds-dir", str(feeds),
                 "--area", "kent", "--need", "general_wellbeing"]) == 0
    assert "1 added" in capsys.readouterr().out
    with_feed = len(services_of(make_engine(url)))
    assert main(["--db", url, "load", "--feeds-dir", str(feeds)]) == 0
    assert len(services_of(make_engine(url))) == with_feed
    assert main(["--db", url, "load", "--feeds-dir", str(tmp_path / "none")]) == 0
    assert len(services_of(make_engine(url))) == with_feed - 1
    document = yaml.safe_load(next(feeds.glob("feed-*.yml")).read_text())
    assert [s["name"] for s in document["services"]] == ["Community Counselling"]


def test_the_command_line_says_why_nothing_was_read(examples, tmp_path, capsys):
    url = f"sqlite:///{tmp_path / 'cli.sqlite'}"
    assert main(["--db", url, "import-feed", examples + "/nowhere",
                 "--feeds-dir", str(tmp_path)]) == 1
    assert "not an ORUK 3.0 feed" in capsys.readouterr().err
