from dataclasses import replace
from datetime import date

from services_catalog.query import ContactView, ServiceView
from signposting.replies import CHECK_WEBSITE, how_to_reach, service_entry

PHONE = ContactView("phone", "0800 1111", None, None, "24/7", "confirmed", "https://example.org",
                    date(2026, 11, 1))
SERVICE = ServiceView(
    id="s", name="Made-up line", summary="Help for tests.", url="https://example.org",
    hours=None, always_open=True, minimum_age=None, maximum_age=None, areas=("national",),
    needs=("anxiety",), urgent=(), audiences=("young_person",), thrive=(), access=(),
    contacts=(PHONE,), source="https://example.org", assured_date=date.today(),
)


def test_confirmed_number_is_given():
    assert how_to_reach(SERVICE) == "Call 0800 1111 (24/7)"
    assert service_entry(SERVICE, 2) == "2. Made-up line: Help for tests. Call 0800 1111 (24/7)."


def test_text_keyword():
    text = replace(PHONE, kind="text", value="85258", keyword="SHOUT", hours=None)
    assert how_to_reach(replace(SERVICE, contacts=(text,))) == "Text SHOUT to 85258"


def test_unverified_number_is_never_given():
    unverified = replace(PHONE, status="unverified", value="0300 000 0000")
    reply = how_to_reach(replace(SERVICE, contacts=(unverified,)))
    assert "0300" not in reply
    assert reply == f"See https://example.org ({CHECK_WEBSITE})"


def test_stale_service_says_check_the_website():
    stale = replace(SERVICE, assured_date=date(2020, 1, 1))
    assert how_to_reach(stale).endswith(f"({CHECK_WEBSITE})")


def test_service_known_only_by_name_says_how_to_reach_it():
    by_name = replace(SERVICE, contacts=(), url=None, access_note="Ask at your school.")
    assert how_to_reach(by_name) == "Ask at your school"


def test_a_stale_contact_says_check_the_website():
    old_phone = replace(PHONE, assured_date=date(2020, 1, 1))
    assert how_to_reach(replace(SERVICE, contacts=(old_phone,))).endswith(f"({CHECK_WEBSITE})")


def test_numbers_come_before_web_addresses():
    web = ContactView("website", "https://example.org", None, None, None, "confirmed",
                      "https://example.org", date.today())
    assert how_to_reach(replace(SERVICE, contacts=(web, PHONE))).startswith("Call 0800 1111")


def test_only_an_unverified_number_gives_the_access_note_instead():
    unverified = replace(PHONE, status="unverified", value="0300 000 0000")
    service = replace(SERVICE, contacts=(unverified,), url=None, access_note="Ask at school.")
    assert how_to_reach(service) == "Ask at school"
