"""validate-feed: the port of the official ORUK validator, on this project's own feed (served
in-process on a free port), on the official pass, warn and fail example feeds, and on feeds
made to meet each of the official rules (discovery, paging, ids, statuses and their quirks).
"""
from __future__ import annotations

import asyncio
import copy
import json
from typing import Any, Dict, List, Optional
from urllib.parse import urlsplit

import pytest

from services_catalog.__main__ import main
from services_catalog.oruk import formats
from services_catalog.oruk.profile import ALL_REQUIRED, READINGS, VALIDATOR_SPEC
from services_catalog.oruk.validator import (
    FAIL,
    FAILED,
    NOT_TESTED,
    PASS,
    PASSED,
    WARN,
    WARNED,
    Exchange,
    discover,
    pagination,
    validate_feed,
)
from tests.services_catalog.oruk_examples import feed as example_feed

pytestmark = pytest.mark.filterwarnings("ignore:You have set a listener")
NINE = ["/", "/services", "/services/{id}", "/taxonomies", "/taxonomies/{id}", "/taxonomy_terms",
        "/taxonomy_terms/{id}", "/service_at_locations", "/service_at_locations/{id}"]


def by_path(report) -> Dict[str, Any]:
    return {r.endpoint.path: r for r in report.results}


def messages(report, path: str) -> List[tuple]:
    return [(f.severity, f.code, f.path, f.message) for f in by_path(report)[path].messages()]


# -- this project's feed ---------------------------------------------------------------------

on_server_loop = pytest.mark.asyncio(loop_scope="session")


@on_server_loop
@pytest.mark.parametrize("reading", READINGS)
async def test_our_feed_passes_with_no_warning_on_all_nine_endpoints(own_feed, reading):
    report = await asyncio.to_thread(validate_feed, own_feed, reading, seed=1)
    assert report.verdict == PASS, report.text()
    assert [r.endpoint.path for r in report.results] == [NINE[0], *NINE[1:]]
    for result in report.results:
        assert result.status == PASSED and result.exchanges, result.endpoint.path
        assert all(x.ok and x.valid and not x.findings for x in result.exchanges)
        assert result.messages() == []
    results = by_path(report)
    assert len(results["/services/{id}"].exchanges) == 10
    assert len(results["/services"].exchanges) >= 2  # page 1 and the last page


@on_server_loop
async def test_our_feed_with_a_trailing_slash_passes_too(own_feed):
    report = await asyncio.to_thread(validate_feed, own_feed + "/", seed=2)
    assert report.verdict == PASS, report.text()


# -- the official examples -------------------------------------------------------------------

def test_the_pass_example_passes(examples):
    report = validate_feed(examples + "/pass")
    assert report.verdict == PASS, report.text()
    assert all(r.status == PASSED for r in report.results)


def test_the_warn_example_warns_for_its_broken_term(examples):
    report = validate_feed(examples + "/warn")
    assert report.verdict == WARN and report.is_valid and report.failed_tests == 0
    assert messages(report, "/taxonomy_terms/{id}") == [
        ("Error", "VALIDATION_ERROR", "term_uri",
         "String 'example_com' does not validate against format 'uri'."),
        ("Error", "VALIDATION_ERROR", "", "Required properties are missing from object: "
                                          "description.")]
    assert [p for p in NINE if messages(report, p)] == ["/taxonomy_terms/{id}"]
    oruk = report.as_oruk()
    assert [s["success"] for s in oruk["testSuites"]] == [True, True]
    # The warn feed claims 10 pages of taxonomies and 2 of terms: middle and last pages read.
    assert [urlsplit(x.url).query for x in by_path(report)["/taxonomies"].exchanges] == \
        ["page=1", "page=5", "page=10"]
    assert [urlsplit(x.url).query for x in by_path(report)["/taxonomy_terms"].exchanges] == \
        ["page=1", "page=2"]


def test_the_fail_example_fails_for_the_official_reasons(examples):
    report = validate_feed(examples + "/fail")
    assert report.verdict == FAIL and not report.is_valid and report.failed_tests == 3
    statuses = {p: r.status for p, r in by_path(report).items()}
    assert [p for p, s in statuses.items() if s == FAILED] == ["/", "/services", "/services/{id}"]
    assert messages(report, "/") == [
        ("Error", "VALIDATION_ERROR", "openapi_url", "String 'docs-openreferraluk-org/en/latest/"
                                                     "openapi30.json' does not validate against "
                                                     "format 'uri'.")]
    assert messages(report, "/services") == [
        ("Error", "VALIDATION_ERROR", "contents.url",
         "String 'example_counselling' does not validate against format 'uri'."),
        ("Error", "VALIDATION_ERROR", "contents.email",
         "String 'email-example_com' does not validate against format 'email'."),
        ("Error", "VALIDATION_ERROR", "contents",
         "Required properties are missing from object: name.")]
    assert messages(report, "/services/{id}") == [
        ("Error", "VALIDATION_ERROR", "url",
         "String 'example/counselling' does not validate against format 'uri'."),
        ("Error", "VALIDATION_ERROR", "email",
         "String 'email-example_com' does not validate against format 'email'.")]
    assert report.as_oruk()["testSuites"][0]["success"] is False


def test_read_as_published_the_pass_example_fails_on_its_service_at_location(examples):
    """The profile's own OpenAPI document has no optional tags and answers
    /service_at_locations/{id} with a service, which needs a name and a status."""
    report = validate_feed(examples + "/pass", ALL_REQUIRED)
    assert report.verdict == FAIL
    assert [r.endpoint.path for r in report.results if r.status == FAILED] == \
        ["/service_at_locations/{id}"]
    assert messages(report, "/service_at_locations/{id}") == [
        ("Error", "VALIDATION_ERROR", "", "Required properties are missing from object: "
                                          "name, status.")]


@pytest.mark.parametrize("variant,code", [("pass", 0), ("warn", 2), ("fail", 1)])
def test_the_command_line_exit_code_says_pass_warn_or_fail(examples, capsys, variant, code):
    assert main(["validate-feed", f"{examples}/{variant}", "--json"]) == code
    result = json.loads(capsys.readouterr().out)
    assert result["verdict"] == {0: PASS, 2: WARN, 1: FAIL}[code]
    assert result["service"]["isValid"] is (code != 1)
    assert [s["name"] for s in result["testSuites"]] == [
        "Level 1 Compliance - Basic checks", "Level 2 Compliance - Extended checks"]


# -- the rules, one at a time ----------------------------------------------------------------

class FakeFeed:
    """A feed from documents by path; records every URL asked for."""

    def __init__(self, documents: Dict[str, Any], status: Optional[Dict[str, int]] = None,
                 seconds: float = 0.01):
        self.documents, self.status, self.seconds = documents, status or {}, seconds
        self.asked: List[str] = []

    def __call__(self, url: str, timeout: float) -> Exchange:
        self.asked.append(url)
        path = urlsplit(url).path[len("/feed"):] or "/"
        parts = path.strip("/").split("/")
        key = "/" + parts[0] + ("/{id}" if len(parts) == 2 else "") if parts[0] else "/"
        code = self.status.get(key, 200 if key in self.documents else 404)
        body = self.documents.get(key)
        text = body if isinstance(body, str) else json.dumps(body)
        return Exchange(url, code, 200 <= code < 300, text, self.seconds)


def good_feed() -> Dict[str, Any]:
    return copy.deepcopy(example_feed("pass"))


def check(documents, **options) -> Any:
    fake = FakeFeed(documents, **{k: v for k, v in options.items() if k in ("status", "seconds")})
    report = validate_feed("http://feed.test/feed", options.get("reading", VALIDATOR_SPEC),
                           get=fake, seed=3)
    report.asked = fake.asked
    return report


@pytest.mark.parametrize("root,profile", [
    ({"version": "HSDS-UK-3.0"}, "3.0"), ({"version": "3.0"}, "3.0"), ({"version": "V3"}, "3.0"),
    ({"version": 3}, "3.0"), ({"version": "3.0.0"}, None), ({"version": "HSDS-UK-1.0"}, None),
    ({"openapi_url": "https://openreferraluk.org/specifications/3.0/openapi.json"}, "3.0"),
    ({"openapi_url": "https://example.org/my-api.json"}, None), ({}, None), ([], None),
    ("<html>not json</html>", None)])
def test_discovery_reads_the_version_first_then_the_openapi_url(root, profile):
    assert discover("http://feed.test/feed", FakeFeed({"/": root})).profile == profile


def test_a_base_url_that_does_not_answer_is_read_as_the_old_profile_and_fails():
    report = check({}, status={"/": 503})
    assert report.verdict == FAIL and report.results == []
    assert "1.0" in report.discovery.reason


def test_a_required_list_that_fails_fails_the_feed():
    report = check(good_feed(), status={"/services": 500})
    assert report.verdict == FAIL
    assert messages(report, "/services")[0][:2] == ("Error", "REQUIRED_ENDPOINT_FAILED")
    assert by_path(report)["/services/{id}"].status == NOT_TESTED


def test_a_missing_optional_endpoint_only_warns():
    documents = good_feed()
    del documents["/taxonomies"], documents["/taxonomies/{id}"]
    report = check(documents)
    assert report.verdict == WARN and report.is_valid
    assert by_path(report)["/taxonomies"].status == WARNED
    assert messages(report, "/taxonomies")[0][:2] == ("Warning", "OPTIONAL_ENDPOINT_NON_SUCCESS")
    assert messages(report, "/taxonomies/{id}")[0][:2] == ("Warning", "NO_IDS_AVAILABLE")


def test_a_missing_optional_endpoint_fails_when_all_are_required():
    documents = good_feed()
    del documents["/taxonomies"]
    report = check(documents, reading=ALL_REQUIRED)
    assert report.verdict == FAIL and by_path(report)["/taxonomies"].status == FAILED


def test_an_empty_list_warns_and_its_records_are_not_tested():
    documents = good_feed()
    documents["/services"] = dict(documents["/services"], contents=[], size=0, total_items=0)
    report = check(documents)
    assert report.verdict == WARN
    assert messages(report, "/services")[0][:2] == ("Warning", "EMPTY_FEED_WARNING")
    assert by_path(report)["/services/{id}"].status == NOT_TESTED


@pytest.mark.parametrize("pages,asked", [(1, ["page=1"]), (2, ["page=1", "page=2"]),
                                         (7, ["page=1", "page=3", "page=7"])])
def test_the_first_middle_and_last_pages_are_read(pages, asked):
    documents = good_feed()
    documents["/services"]["total_pages"] = pages
    report = check(documents)
    assert [urlsplit(x.url).query for x in by_path(report)["/services"].exchanges] == asked


def test_ten_ids_at_most_are_read():
    documents = good_feed()
    item = documents["/services"]["contents"][0]
    documents["/services"]["contents"] = [
        dict(item, id=f"{i:08d}-0000-4000-8000-000000000000") for i in range(25)]
    report = check(documents)
    asked = [u for u in report.asked if "/services/" in u]
    assert len(asked) == len(set(asked)) == 10


def test_a_schema_error_in_an_optional_list_fails_the_feed():
    """An official quirk: optional endpoints only warn, except a list that does not validate."""
    documents = good_feed()
    documents["/taxonomies"]["contents"][0]["uri"] = "not a uri"
    report = check(documents)
    assert by_path(report)["/taxonomies"].status == FAILED and report.verdict == FAIL


def test_a_schema_error_in_an_optional_record_only_warns():
    documents = good_feed()
    documents["/taxonomies/{id}"]["uri"] = "not a uri"
    report = check(documents)
    assert by_path(report)["/taxonomies/{id}"].status == PASSED and report.verdict == WARN


def test_an_answer_that_is_not_json_is_not_an_error_but_is_not_a_pass():
    """An official quirk: a 2xx body it cannot parse is passed over without an error."""
    documents = good_feed()
    documents["/services/{id}"] = "<html>Service</html>"
    report = check(documents)
    assert by_path(report)["/services/{id}"].status == PASSED and report.is_valid
    assert report.verdict == WARN and not report.as_oruk()["testSuites"][0]["tests"][2]["success"]


def test_a_slow_feed_is_warned_about():
    report = check(good_feed(), seconds=6.0)
    assert report.verdict == WARN
    assert messages(report, "/")[0][1:2] == ("Performance",)


@pytest.mark.parametrize("body,expected", [
    ({"total_pages": 3, "contents": [1, 2]}, (3, 2)), ({"totalPages": "4", "items": [1]}, (4, 1)),
    ({"meta": {"total_pages": 2}, "data": []}, (2, 0)), ([1, 2, 3], (None, 3)),
    ({"size": 5}, (None, 5)), ({"total_pages": 2.5, "contents": [1]}, (None, 1)),
    ({"total_pages": True, "contents": []}, (None, 0)), ("not json", (None, 0))])
def test_pages_and_items_are_read_as_the_official_validator_reads_them(body, expected):
    assert pagination(json.dumps(body) if not isinstance(body, str) else body) == expected


# -- formats, as Newtonsoft.Json.Schema checks them -------------------------------------------

@pytest.mark.parametrize("check,value,valid", [
    (formats.is_uri, "http://example.com", True), (formats.is_uri, "https://a.b/c?d=e#f", True),
    (formats.is_uri, "mailto:someone@example.com", True), (formats.is_uri, "urn:isbn:0451", True),
    (formats.is_uri, "http://statistics.data.gov.uk/id/statistical-geography/E10000016", True),
    (formats.is_uri, "example_counselling", False), (formats.is_uri, "example/counselling", False),
    (formats.is_uri, "http://", False), (formats.is_uri, "http://exa mple.com", False),
    (formats.is_uri, "http://example.com/<x>", False), (formats.is_uri, "//example.com", False),
    (formats.is_email, "email@example.com", True), (formats.is_email, "a.b+c@d-e.co.uk", True),
    (formats.is_email, "email-example_com", False), (formats.is_email, "a@b@c", False),
    (formats.is_email, "a@-b.com", False), (formats.is_email, "a..b@c.com", False),
    (formats.is_email, "x@[127.0.0.1]", True),
    (formats.is_uuid, "ac148810-d857-441c-9679-408f346de14b", True),
    (formats.is_uuid, "AC148810-D857-441C-9679-408F346DE14B", True),
    (formats.is_uuid, "ac148810d857441c9679408f346de14b", False),
    (formats.is_uuid, "{ac148810-d857-441c-9679-408f346de14b}", False),
    (formats.is_date_time, "2023-03-15T10:30:45.123Z", True),
    (formats.is_date_time, "2023-03-15T10:30:45", True),
    (formats.is_date_time, "2023-03-15t10:30:45+01:00", True),
    (formats.is_date_time, "2023-02-30T10:30:45Z", False),
    (formats.is_date_time, "2023-03-15 10:30:45Z", False),
    (formats.is_date, "2005-01-01", True), (formats.is_date, "2005-1-1", False),
    (formats.is_time, "24:00:00", True), (formats.is_time, "09:00", False)])
def test_formats_are_checked_as_the_official_validator_checks_them(check, value, valid):
    assert check(value) is valid
