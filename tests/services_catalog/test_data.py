"""Facts in the data files that must hold whatever else changes (corrections, withdrawn numbers)."""
from services_catalog.loader import read_data_files
from services_catalog.phones import digits, numbers_in

SERVICES = [svc for _, doc in read_data_files() for svc in doc.get("services", [])]
ORGANISATIONS = {org["id"]: org for _, doc in read_data_files()
                 for org in doc.get("organisations", [])}
TEXT_FIELDS = ("name", "summary", "description", "access_note", "hours")


def test_the_old_school_health_number_is_never_given_for_counselling():
    """0300 123 4496 was the referral line of Kent's counselling service, which ended in March
    2026; nobody has checked where it leads now (kent-medway-more.md, correction 2)."""
    withdrawn = digits("0300 123 4496")
    for svc in SERVICES:
        assert withdrawn not in {digits(c["value"]) for c in svc["contacts"]}, svc["id"]
        for field in TEXT_FIELDS:
            assert withdrawn not in numbers_in(svc.get(field) or ""), (svc["id"], field)


def test_the_trust_is_called_by_its_new_name():
    assert ORGANISATIONS["kmpt"]["name"] == "Kent and Medway Mental Health NHS Trust"
    for svc in SERVICES:
        if svc.get("status", "active") == "active":
            assert "KMPT" not in svc["name"] + svc["summary"], svc["id"]


def test_every_service_not_offered_says_why():
    for svc in SERVICES:
        if svc.get("status", "active") != "active":
            assert svc.get("status_note"), svc["id"]


def test_numbers_from_pages_older_than_2024_are_never_read_out():
    """Both fact files ask for a live re-check of numbers on pages from before 2024, so a number
    whose only source is such a page stays unverified."""
    for svc in SERVICES:
        if svc.get("source_date", "9999") < "2024":
            for c in svc["contacts"]:
                if c["kind"] in ("phone", "text") and c["source"] == svc["source"]:
                    assert c["status"] == "unverified", (svc["id"], c["value"])


def test_services_that_moved_provider_keep_their_history():
    by_id = {svc["id"]: svc for svc in SERVICES}
    for sid in ("kent-medway-cypmhs-spa", "all-age-eating-disorder-service-kent-medway"):
        assert by_id[sid]["organisation"] == "kmpt"
        assert [p["organisation"] for p in by_id[sid]["provider_history"]] == ["nelft"]
