import json
import uuid

import pytest

from services_catalog.__main__ import main
from services_catalog.db import make_engine
from services_catalog.loader import load_documents, read_data_files
from services_catalog.oruk import (
    NAMESPACE,
    documents_from_db,
    from_oruk,
    oruk_id,
    to_oruk,
    validation_errors,
)


def test_every_exported_service_validates_against_the_oruk_schema(catalogue):
    exported = to_oruk(documents_from_db(catalogue.engine))
    assert len(exported) == len(documents_from_db(catalogue.engine)[0][1]["services"]) + sum(
        len(doc["services"]) for _, doc in documents_from_db(catalogue.engine)[1:])
    for service in exported:
        assert validation_errors(service) == [], service["x_id"]


def test_an_invalid_service_is_reported():
    assert validation_errors({"id": "not-a-uuid", "name": "x", "status": "open"})


def test_round_trip_keeps_every_fact(catalogue, tmp_path):
    documents = documents_from_db(catalogue.engine)
    again = from_oruk(to_oruk(documents), trust_status=True)
    assert again == documents
    engine = make_engine(f"sqlite:///{tmp_path / 'imported.sqlite'}")
    load_documents(engine, again)
    assert documents_from_db(engine) == documents


def test_db_documents_match_the_data_files(catalogue):
    """The database holds what the files say (schedules normalised, defaults made explicit)."""
    from_files = {s["id"]: s for _, doc in read_data_files() for s in doc.get("services", [])}
    from_db = {s["id"]: s for _, doc in documents_from_db(catalogue.engine) for s in doc["services"]}
    assert from_db.keys() == from_files.keys()
    for sid, svc in from_files.items():
        for key in ("name", "summary", "source", "assured_date", "minimum_age", "maximum_age"):
            assert from_db[sid].get(key) == svc.get(key), (sid, key)
        for key in ("areas", "needs", "urgent", "audiences", "thrive", "access"):
            assert sorted(from_db[sid].get(key, [])) == sorted(svc.get(key, [])), (sid, key)
        assert [c["value"] for c in from_db[sid]["contacts"]] == [c["value"] for c in svc["contacts"]]


def test_command_line_export_and_import(catalogue_url, tmp_path, capsys):
    out = tmp_path / "oruk.json"
    assert main(["--db", catalogue_url, "export", "--format", "oruk", "--out", str(out)]) == 0
    services = json.loads(out.read_text())
    assert services and all(s["id"] and s["status"] for s in services)
    target = f"sqlite:///{tmp_path / 'copy.sqlite'}"
    assert main(["--db", target, "import", str(out), "--yaml-out", str(tmp_path / "yaml"),
                 "--trust-status"]) == 0
    assert (tmp_path / "yaml" / "national.yml").exists()
    assert f"imported {len(services)} services" in capsys.readouterr().out


def test_import_rejects_invalid_json_and_changes_nothing(tmp_path, capsys):
    bad = tmp_path / "bad.json"
    bad.write_text('{"not": "a list"}')
    target = f"sqlite:///{tmp_path / 'copy.sqlite'}"
    assert main(["--db", target, "import", str(bad)]) == 1
    assert "expected a list" in capsys.readouterr().err


def test_a_feed_cannot_mark_its_own_numbers_confirmed(catalogue):
    imported = from_oruk(to_oruk(documents_from_db(catalogue.engine)))
    statuses = {c["status"] for _, doc in imported for svc in doc["services"] for c in svc["contacts"]}
    assert statuses == {"unverified"}


def test_only_confirmed_numbers_go_in_the_standard_phones_list(catalogue):
    for service in to_oruk(documents_from_db(catalogue.engine)):
        confirmed = {c["value"] for c in service["x_contacts"] if c["status"] == "confirmed"}
        assert {p["number"] for p in service.get("phones", [])} <= confirmed


@pytest.mark.parametrize("kind,key", [("service", "medway-safe-haven"), ("term", "need:anxiety"),
                                      ("area", "a:kent:"), ("x", "é ✓"), ("", "")])
def test_ids_are_version_5_uuids_of_the_project_namespace(kind, key):
    assert oruk_id(kind, key) == str(uuid.uuid5(NAMESPACE, f"{kind}:{key}"))
