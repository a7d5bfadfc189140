from pathlib import Path

import pytest
import yaml
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from services_catalog.db import make_engine
from services_catalog.loader import DATA_DIR, CatalogueInvalid, load
from services_catalog.models import Service

GOOD_SERVICE = {
    "id": "test-service",
    "organisation": "test-org",
    "name": "Test service",
    "summary": "A made-up service for tests.",
    "description": "Made up.",
    "minimum_age": 11,
    "maximum_age": 18,
    "areas": ["kent"],
    "needs": ["anxiety"],
    "audiences": ["young_person"],
    "thrive": ["getting_advice"],
    "access": ["self_referral"],
    "source": "https://example.org/test",
    "assured_date": "2026-11-01",
    "contacts": [{"kind": "phone", "value": "0800 1111", "source": "https://example.org/test",
                  "status": "confirmed", "assured_date": "2026-11-01"}],
}


def write_data(folder: Path, service: dict) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    doc = {"organisations": [{"id": "test-org", "name": "Test org"}], "services": [service]}
    (folder / "test.yml").write_text(yaml.safe_dump(doc, sort_keys=False))
    return folder


def count_services(engine) -> int:
    with Session(engine) as session:
        return session.execute(select(func.count()).select_from(Service)).scalar_one()


def test_real_data_loads_with_every_service(tmp_path):
    engine = make_engine(f"sqlite:///{tmp_path / 'c.sqlite'}")
    report = load(engine)
    files_total = sum(len((yaml.safe_load(p.read_text()) or {}).get("services", []))
                      for p in DATA_DIR.glob("*.yml"))
    assert report.services == files_total == count_services(engine)
    assert report.services >= 10


@pytest.mark.parametrize("change, field, words", [
    ({"needs": ["anxiety", "happiness"]}, "needs", "unknown code 'happiness'"),
    ({"areas": ["london"]}, "areas", "unknown code 'london'"),
    ({"audiences": ["teacher"]}, "audiences", "unknown code 'teacher'"),
    ({"minimum_age": 19, "maximum_age": 12}, "minimum_age", "greater than maximum_age"),
    ({"maximum_age": 40}, "maximum_age", "above 25"),
    ({"minimum_age": -1}, "minimum_age", "below 0"),
    ({"source": None}, "source", "'source' is a required property"),
    ({"assured_date": "2026-02-30"}, "assured_date", "not a real date"),
    ({"contacts": [dict(GOOD_SERVICE["contacts"][0], value="0800 12")]}, "contacts[0].value",
     "not a valid UK phone number"),
    ({"contacts": [dict(GOOD_SERVICE["contacts"][0], value="0909 879 0000")]}, "contacts[0].value",
     "not a valid UK phone number"),
    ({"contacts": [dict(GOOD_SERVICE["contacts"][0], value="+1 650 253 0000")]}, "contacts[0].value",
     "not a valid UK phone number"),
    ({"summary": "Call 0800 068 4141 any time."}, "summary", "not a confirmed contact"),
])
def test_bad_data_is_rejected_with_file_service_and_field(tmp_path, change, field, words):
    engine = make_engine(f"sqlite:///{tmp_path / 'c.sqlite'}")
    load(engine)
    before = count_services(engine)
    bad = {k: v for k, v in dict(GOOD_SERVICE, **change).items() if v is not None}
    with pytest.raises(CatalogueInvalid) as caught:
        load(engine, write_data(tmp_path / "data", bad))
    messages = [str(p) for p in caught.value.problems]
    assert any(m.startswith("test.yml: service 'test-service'") and words in m for m in messages), messages
    assert any(p.field.startswith(field) or p.field == field for p in caught.value.problems)
    assert count_services(engine) == before  # nothing written


def test_missing_assured_date_is_named(tmp_path):
    bad = {k: v for k, v in GOOD_SERVICE.items() if k != "assured_date"}
    with pytest.raises(CatalogueInvalid) as caught:
        load(make_engine(f"sqlite:///{tmp_path / 'c.sqlite'}"), write_data(tmp_path / "d", bad))
    assert [(p.record, p.field) for p in caught.value.problems] == [
        ("service 'test-service'", "assured_date")]


def test_duplicate_ids_are_rejected(tmp_path):
    folder = write_data(tmp_path / "d", GOOD_SERVICE)
    (folder / "again.yml").write_text(yaml.safe_dump({"services": [GOOD_SERVICE]}))
    with pytest.raises(CatalogueInvalid) as caught:
        load(make_engine(f"sqlite:///{tmp_path / 'c.sqlite'}"), folder)
    assert any("duplicate id" in str(p) for p in caught.value.problems)


def test_good_file_loads_and_old_facts_are_reported_stale(tmp_path):
    old = dict(GOOD_SERVICE, assured_date="2020-01-01")
    report = load(make_engine(f"sqlite:///{tmp_path / 'c.sqlite'}"), write_data(tmp_path / "d", old))
    assert report.services == 1
    assert [w.field for w in report.warnings] == ["assured_date"]
    assert "stale" in str(report.warnings[0])


def test_load_replaces_an_older_schema(tmp_path):
    engine = make_engine(f"sqlite:///{tmp_path / 'c.sqlite'}")
    with engine.begin() as connection:
        connection.exec_driver_sql("create table service (id varchar primary key, name varchar)")
        connection.exec_driver_sql("insert into service values ('old', 'Old row')")
    report = load(engine)
    assert count_services(engine) == report.services


def test_a_failure_while_writing_leaves_the_previous_catalogue(tmp_path, monkeypatch):
    from services_catalog import loader

    engine = make_engine(f"sqlite:///{tmp_path / 'c.sqlite'}")
    before = load(engine).services
    calls = []

    def fail_after_a_few(filename, svc):
        calls.append(svc["id"])
        if len(calls) > 5:
            raise RuntimeError("disk full")
        return real_row(filename, svc)

    real_row = loader._service_row
    monkeypatch.setattr(loader, "_service_row", fail_after_a_few)
    with pytest.raises(RuntimeError):
        load(engine)
    assert count_services(engine) == before


@pytest.mark.parametrize("change, field, words", [
    ({"source_date": "2021-13"}, "source_date", "not a real date"),
    ({"source_date": "2999"}, "source_date", "not a real date"),
    ({"groups": ["pirates"]}, "groups", "unknown code 'pirates'"),
    ({"provider_history": [{"organisation": "no-such-org", "until": "2025",
                            "source": "https://example.org"}]},
     "provider_history[0].organisation", "unknown organisation"),
    ({"provider_history": [{"organisation": "test-org", "until": "2025",
                            "source": "https://example.org"}]},
     "provider_history[0].organisation", "is the current organisation"),
    ({"contacts": [dict(GOOD_SERVICE["contacts"][0], status="unverified")]}, "access_note",
     "no usable contact"),
])
def test_new_fields_are_checked(tmp_path, change, field, words):
    """source_date, groups and provider_history are checked like every other field, and a
    service whose only contact may not be given out (an unverified number) must say how to
    reach it."""
    with pytest.raises(CatalogueInvalid) as caught:
        load(make_engine(f"sqlite:///{tmp_path / 'c.sqlite'}"),
             write_data(tmp_path / "d", dict(GOOD_SERVICE, **change)))
    assert [(p.field, words in p.message) for p in caught.value.problems] == [(field, True)]


def test_an_unverified_number_with_a_website_or_an_access_note_loads(tmp_path):
    unverified = [dict(GOOD_SERVICE["contacts"][0], status="unverified")]
    for extra in ({"url": "https://example.org/service"}, {"access_note": "Ask at school."}):
        svc = dict(GOOD_SERVICE, contacts=unverified, **extra)
        engine = make_engine(f"sqlite:///{tmp_path / (next(iter(extra)) + '.sqlite')}")
        assert load(engine, write_data(tmp_path / next(iter(extra)), svc)).services == 1


def test_provider_history_source_date_and_groups_are_kept(tmp_path):
    from services_catalog.oruk import documents_from_db
    from services_catalog.query import Catalogue

    folder = tmp_path / "d"
    folder.mkdir()
    doc = {"organisations": [{"id": "test-org", "name": "Test org"},
                             {"id": "old-org", "name": "Old org"}],
           "services": [dict(GOOD_SERVICE, source_date="2025-06", groups=["young_carers"],
                             provider_history=[{"organisation": "old-org", "until": "spring 2026",
                                                "source": "https://example.org/news"}])]}
    (folder / "test.yml").write_text(yaml.safe_dump(doc, sort_keys=False))
    engine = make_engine(f"sqlite:///{tmp_path / 'c.sqlite'}")
    load(engine, folder)
    (service,) = Catalogue(engine).all()
    assert service.source_date == "2025-06" and service.groups == ("young_carers",)
    (saved,) = [s for _, d in documents_from_db(engine) for s in d["services"]]
    assert saved["provider_history"] == doc["services"][0]["provider_history"]
