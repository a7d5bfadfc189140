"""The ORUK feed at /oruk/ over the test catalogue (SQLite, or PostgreSQL under make
test-scale): every endpoint, its paging and filters, what it publishes, and bad input.

Requests go through the whole web app (its security headers included) by Sanic's ASGI
interface (tests/support/asgi.py); no server is started. Expectations are worked out from the
catalogue's own documents, so they hold whatever services the data files list.
"""
from __future__ import annotations

import json
import math
import re
from typing import Any, Dict, Iterator, List
from urllib.parse import quote

import pytest
from sqlalchemy.exc import OperationalError

import web.oruk as web_oruk
from services_catalog.db import make_engine
from services_catalog.loader import load
from services_catalog.locality import district_areas, gss_codes, resolve
from services_catalog.models import ELIGIBILITY_GROUPS
from services_catalog.oruk.feed import MAX_PER_PAGE, FeedCatalogue
from services_catalog.oruk.files import documents_from_db
from services_catalog.oruk.ids import oruk_id
from services_catalog.oruk.records import ONS_URI, UNITED_KINGDOM, taxonomy_id, term_id
from services_catalog.phones import digits
from services_catalog.taxonomy import NATIONAL, load_taxonomy
from signposting.replies import CHECK_WEBSITE
from tests.support.asgi import Reply, get, start
from tests.support.sanic_apps import sanic_test_mode
from web.app import create_app

#: create_app's chat listeners warn that ASGI runs them early; nothing here depends on them.
pytestmark = pytest.mark.filterwarnings("ignore:You have set a listener")

LISTS = ("services", "taxonomies", "taxonomy_terms", "service_at_locations")
ALL_DAYS = "MO,TU,WE,TH,FR,SA,SU"
UNKNOWN_UUID = "00000000-0000-4000-8000-000000000000"


@pytest.fixture(scope="module")
def feed_source(catalogue_url) -> FeedCatalogue:
    return FeedCatalogue(make_engine(catalogue_url))


@pytest.fixture(autouse=True)
def use_feed(monkeypatch, feed_source):
    monkeypatch.setattr(web_oruk, "feed_catalogue", lambda: feed_source)


@pytest.fixture(scope="module")
async def app():
    """The whole web app (all its blueprints and headers), started as a server would."""
    with sanic_test_mode():
        app = create_app("http://127.0.0.1:9")
        await start(app)
        yield app


@pytest.fixture(scope="module")
def services(catalogue) -> Dict[str, Dict[str, Any]]:
    """The catalogue's services by their published id."""
    return {oruk_id("service", s["id"]): s for _, doc in documents_from_db(catalogue.engine)
            for s in doc["services"]}


async def oruk(app, path: str, query="") -> Reply:
    reply = await get(app, "/oruk" + path, query)
    assert reply.status < 500, reply.text
    assert reply.headers["access-control-allow-origin"] == "*"
    return reply


async def every(app, collection: str, query: str = "", per_page: int = 7) -> List[dict]:
    """Every record of a list, page by page."""
    items: List[dict] = []
    number = 1
    while True:
        sep = "&" if query else ""
        body = (await oruk(app, f"/{collection}", f"{query}{sep}page={number}"
                           f"&per_page={per_page}")).json
        items += body["contents"]
        if body["last_page"]:
            return items
        number += 1


def walk(value: Any) -> Iterator[Any]:
    yield value
    if isinstance(value, dict):
        for item in value.values():
            yield from walk(item)
    elif isinstance(value, list):
        for item in value:
            yield from walk(item)


# -- every endpoint --------------------------------------------------------------------------

@pytest.mark.parametrize("path", ["", "/"])
async def test_the_base_url_says_which_profile_it_serves(app, path):
    reply = await oruk(app, path)
    assert reply.status == 200
    assert reply.json == {
        "version": "HSDS-UK-3.0", "profile": "https://github.com/OpenReferralUK/uk-profile",
        "openapi_url": "https://openreferraluk.org/specifications/3.0/openapi.json"}
    assert reply.headers["cross-origin-resource-policy"] == "cross-origin"


@pytest.mark.parametrize("collection", LISTS)
async def test_a_list_pages_through_each_record_once(app, collection):
    whole = (await oruk(app, f"/{collection}", f"per_page={MAX_PER_PAGE}")).json
    assert whole["total_items"] == len(whole["contents"]) > 0
    paged = await every(app, collection, per_page=7)
    assert [i["id"] for i in paged] == [i["id"] for i in whole["contents"]]
    assert len({i["id"] for i in paged}) == len(paged)
    second = (await oruk(app, f"/{collection}", "page=2&per_page=3")).json
    assert second == {
        "total_items": whole["total_items"], "total_pages": math.ceil(whole["total_items"] / 3),
        "page_number": 2, "size": len(whole["contents"][3:6]), "first_page": False,
        "last_page": whole["total_items"] <= 6, "empty": not whole["contents"][3:6],
        "contents": whole["contents"][3:6]}
    past = (await oruk(app, f"/{collection}", "page=999")).json
    assert past["contents"] == [] and past["empty"] and past["last_page"]


@pytest.mark.parametrize("collection", LISTS)
async def test_every_listed_record_has_its_own_page(app, collection):
    for item in await every(app, collection, per_page=MAX_PER_PAGE):
        reply = await oruk(app, f"/{collection}/{item['id']}")
        assert reply.status == 200 and reply.json["id"] == item["id"]
        assert reply.headers["cache-control"] == "public, max-age=300"
        for key, value in item.items():
            if not isinstance(value, (dict, list)):
                assert reply.json.get(key, value) == value, (collection, key)


async def test_ids_are_matched_in_any_letter_case(app, services):
    sid = next(iter(services))
    assert (await oruk(app, f"/services/{sid.upper()}")).json["id"] == sid


# -- bad input -------------------------------------------------------------------------------

BAD_LIST_QUERIES = [
    ("page=0", "page"), ("page=-1", "page"), ("page=abc", "page"), ("page=1.5", "page"),
    ("page=%C2%B2", "page"), ("page=99999999999", "page"), ("per_page=0", "per_page"),
    ("per_page=100000", "per_page"), (f"per_page={MAX_PER_PAGE + 1}", "per_page"),
    ("colour=blue", "colour"), ("page=1&page=2", "page"), ("PAGE=1", "PAGE"),
    ("page=1%00", "page"),
]
BAD_SERVICE_QUERIES = [
    ("taxonomy_term_id=anxiety", "taxonomy_term_id"), ("taxonomy_id=1", "taxonomy_id"),
    ("minimum_age=-1", "minimum_age"), ("minimum_age=twelve", "minimum_age"),
    ("maximum_age=1000", "maximum_age"), ("day=someday", "day"), ("start_time=9am", "start_time"),
    ("end_time=25:00", "end_time"), ("search=" + "x" * 201, "search"),
    ("search=a%0Ab", "search"),
]
BAD_LOCATION_QUERIES = [
    ("postcode=ZZ99%209ZZ", "postcode"), ("postcode=not%20a%20place", "postcode"),
    ("postcode=" + "M" * 11, "postcode"), ("postcode=DA1", "postcode"),
    ("postcode=ME14&proximity=500", "proximity"),
]


@pytest.mark.parametrize("collection", LISTS)
@pytest.mark.parametrize("query,parameter", BAD_LIST_QUERIES)
async def test_bad_paging_is_a_400_naming_the_parameter(app, collection, query, parameter):
    reply = await oruk(app, f"/{collection}", query)
    assert reply.status == 400 and reply.json["parameter"] == parameter and reply.json["error"]
    assert reply.headers["cache-control"] == "no-store"


@pytest.mark.parametrize("collection", ["services", "service_at_locations"])
@pytest.mark.parametrize("query,parameter", BAD_SERVICE_QUERIES)
async def test_bad_filters_are_a_400_naming_the_parameter(app, collection, query, parameter):
    reply = await oruk(app, f"/{collection}", query)
    assert (reply.status, reply.json["parameter"]) == (400, parameter), reply.json


@pytest.mark.parametrize("query,parameter", BAD_LOCATION_QUERIES)
async def test_a_bad_postcode_is_a_400(app, query, parameter):
    reply = await oruk(app, "/service_at_locations", query)
    assert (reply.status, reply.json["parameter"]) == (400, parameter), reply.json


@pytest.mark.parametrize("query", ["postcode=ME14", "proximity=500"])
async def test_services_take_no_place_filters(app, query):
    reply = await oruk(app, "/services", query)
    assert (reply.status, reply.json["parameter"]) == (400, query.split("=")[0])


@pytest.mark.parametrize("collection", ["taxonomies", "taxonomy_terms"])
async def test_lists_without_filters_refuse_them(app, collection):
    reply = await oruk(app, f"/{collection}", "search=anxiety")
    assert (reply.status, reply.json["parameter"]) == (400, "search")


@pytest.mark.parametrize("collection", LISTS)
@pytest.mark.parametrize("item", ["not-a-uuid", "1", "x" * 300, "%27%20OR%201%3D1",
                                  UNKNOWN_UUID[:-1], "{" + UNKNOWN_UUID + "}"])
async def test_an_id_that_is_not_a_uuid_is_a_400(app, collection, item):
    reply = await oruk(app, f"/{collection}/{item}")
    assert (reply.status, reply.json["parameter"]) == (400, "id")


@pytest.mark.parametrize("collection", LISTS)
async def test_an_unknown_id_is_a_404(app, collection):
    reply = await oruk(app, f"/{collection}/{UNKNOWN_UUID}")
    assert (reply.status, reply.json["parameter"]) == (404, "id")
    assert UNKNOWN_UUID in reply.json["error"]


@pytest.mark.parametrize("path", ["", "/services/" + UNKNOWN_UUID, "/taxonomies/" + UNKNOWN_UUID])
async def test_endpoints_without_parameters_refuse_them(app, path):
    reply = await oruk(app, path, "page=1")
    assert (reply.status, reply.json["parameter"]) == (400, "page")


@pytest.mark.parametrize("path", ["/organizations", "/services/a/b", "/openapi.json", "/%00"])
async def test_an_unknown_address_under_the_feed_is_a_json_404(app, path):
    reply = await oruk(app, path)
    assert reply.status == 404 and "/services" in reply.json["error"]


async def test_a_query_that_is_not_utf8_is_a_400(app):
    reply = await oruk(app, "/services", b"search=%FF")
    assert reply.status == 400 and reply.json["error"]


@pytest.mark.parametrize("text", [
    "' OR '1'='1", "'; DROP TABLE service; --", "\" UNION SELECT * FROM contact --",
    "<script>alert(1)</script>", "${jndi:ldap://x}", "../../etc/passwd", "%", "_", "\\", "*",
    "{{7*7}}", "1e999", "é", "\u202e", "health OR 1=1"])
async def test_injection_looking_search_text_is_only_text(app, services, text):
    """Searched for as words, like any other text: a service is found only if it holds
    every one of them."""
    def searchable(record):
        return " ".join([record["name"], record.get("description", ""),
                         record["organization"]["name"]]
                        + [a["taxonomy_term"]["name"] for a in record["attributes"]]).lower()

    words = text.lower().split()
    expected = sorted(sid for sid, record in (await full_records(app, services)).items()
                      if all(w in searchable(record) for w in words))
    assert await found(app, "search=" + quote(text)) == expected


async def test_a_catalogue_that_cannot_be_read_is_a_json_503(app, monkeypatch):
    class Down:
        def snapshot(self):
            raise OperationalError("SELECT", {}, RuntimeError("database is locked"))

    monkeypatch.setattr(web_oruk, "feed_catalogue", lambda: Down())
    for path in ("", "/services", "/services/" + UNKNOWN_UUID):
        reply = await get(app, "/oruk" + path)
        assert reply.status == 503 and "999" in reply.json["error"]
        assert reply.headers["access-control-allow-origin"] == "*"


@pytest.mark.parametrize("path", ["", "/", "/services", "/services/" + UNKNOWN_UUID,
                                  "/service_at_locations", "/organizations"])
async def test_a_browser_may_ask_first(app, path):
    reply = await get(app, "/oruk" + path, method="OPTIONS")
    assert reply.status == 204
    assert reply.headers["access-control-allow-origin"] == "*"
    assert "GET" in reply.headers["access-control-allow-methods"]


# -- filters ---------------------------------------------------------------------------------

def published(services, admit) -> List[str]:
    return sorted(sid for sid, s in services.items() if admit(s))


async def found(app, query: str, collection: str = "services") -> List[str]:
    items = await every(app, collection, query, per_page=MAX_PER_PAGE)
    return sorted(i["service_id"] if collection == "service_at_locations" else i["id"]
                  for i in items)


async def test_search_finds_every_word_in_any_letter_case(app, services):
    sid, svc = next((k, v) for k, v in services.items() if len(v["name"].split()) > 1)
    words = svc["name"].split()[:2]
    ids = await found(app, "search=" + "+".join(w.upper() for w in words))
    assert sid in ids
    assert await found(app, "search=" + "+".join(words + ["zzqqxx"])) == []


async def test_a_term_finds_the_services_tagged_with_it(app, services):
    for key, field, code in (("need", "needs", "anxiety"),
                             ("audience", "audiences", "parent_carer"),
                             ("thrive", "thrive", "getting_help"),
                             ("access", "access", "self_referral")):
        expected = published(services, lambda s, code=code, field=field: code in s.get(field, []))
        assert expected and await found(app, f"taxonomy_term_id={term_id(key, code)}") == expected


async def test_a_taxonomy_finds_services_with_any_of_its_terms(app, services):
    expected = published(services, lambda s: bool(s.get("urgent")))
    assert expected and await found(app, f"taxonomy_id={taxonomy_id('urgent')}") == expected


async def test_ages_are_the_profiles_bounds(app, services):
    at_least = published(services, lambda s: (s.get("minimum_age") or 0) >= 11)
    at_most = published(services, lambda s: s.get("maximum_age") is not None
                        and s["maximum_age"] <= 18)
    assert at_least and at_most
    assert await found(app, "minimum_age=11") == at_least
    assert await found(app, "maximum_age=18") == at_most


async def test_filters_are_cumulative(app, services):
    anxiety = term_id("need", "anxiety")
    both = await found(app, f"taxonomy_term_id={anxiety}&maximum_age=18")
    assert both == sorted(set(await found(app, f"taxonomy_term_id={anxiety}"))
                          & set(await found(app, "maximum_age=18")))
    assert both != await found(app, f"taxonomy_term_id={anxiety}")


async def test_day_and_times_read_the_weekly_rules(app, services):
    def rows(s):
        if s.get("always_open"):
            return [("sat", "00:00", "24:00")]
        return [(d, r["opens"], r["closes"]) for r in s.get("schedule", []) for d in r["days"]]

    saturday = published(services, lambda s: any(d == "sat" for d, _, _ in rows(s)))
    assert await found(app, "day=SA") == saturday == await found(app, "day=saturday")
    evening = published(services, lambda s: any(
        d == "sat" and o >= "09:00" and c <= "24:00" for d, o, c in rows(s)))
    assert await found(app, "day=SA&start_time=09:00&end_time=24:00") == evening


@pytest.mark.parametrize("postcode", ["ME14 1XX", "ME14", "CM1 1AA", "SS1 1AA", "RM17 6XX",
                                      "SW1A 1AA", "DA1 1AA"])
async def test_a_postcode_finds_the_services_whose_area_holds_it(app, services, postcode):
    place = resolve(postcode)
    area, district = place.area, place.district

    def covers(s):
        if NATIONAL in s["areas"]:
            return True
        in_area = [d for d in s.get("districts", []) if district_areas()[d] == area]
        return area in s["areas"] and (not in_area or district in in_area)

    expected = published(services, lambda s: bool(s["contacts"]) and covers(s))
    assert expected and await found(app, "postcode=" + quote(postcode), "service_at_locations") == \
        expected


# -- what is published -----------------------------------------------------------------------

async def full_records(app, services) -> Dict[str, dict]:
    return {sid: (await oruk(app, f"/services/{sid}")).json for sid in services}


async def test_ids_survive_a_reload(app, services, tmp_path):
    """The same data loaded into another database publishes the very same ids."""
    engine = make_engine(f"sqlite:///{tmp_path / 'again.sqlite'}")
    load(engine)
    again = FeedCatalogue(engine).snapshot()
    for sid, record in (await full_records(app, services)).items():
        assert again.service(sid) == record
    assert again.list_terms("per_page=1000")["contents"] == \
        (await oruk(app, "/taxonomy_terms", "per_page=1000")).json["contents"]


async def test_service_areas_are_the_councils_statistical_geographies(app, services):
    codes = gss_codes()
    for sid, record in (await full_records(app, services)).items():
        svc = services[sid]
        expected = set()
        for area in svc["areas"]:
            local = [d for d in svc.get("districts", []) if district_areas()[d] == area]
            expected |= {codes[d] for d in local} or \
                {UNITED_KINGDOM if area == NATIONAL else codes[area]}
        assert {a["uri"] for a in record["service_areas"]} == {ONS_URI + c for c in expected}


async def test_only_confirmed_numbers_are_published_as_numbers(app, services):
    for sid, record in (await full_records(app, services)).items():
        text = digits(json.dumps(record))
        contacts = services[sid]["contacts"]
        assert {p["number"] for p in record.get("phones", [])} == {
            c["value"] for c in contacts if c["kind"] in ("phone", "text")
            and c["status"] == "confirmed"}
        for c, published_contact in zip(contacts, record.get("contacts", [])):
            if c["status"] != "confirmed" and c["kind"] in ("phone", "text", "email"):
                assert c["value"] not in json.dumps(record)
                if c["kind"] != "email":  # an address may have no digits ("" is in any text)
                    assert digits(c["value"]) not in text
                assert published_contact["name"].endswith(CHECK_WEBSITE)
        assert len(record.get("contacts", [])) == len(contacts)


async def test_no_value_is_null_or_empty_and_every_service_is_assured(app, services):
    records = list((await full_records(app, services)).values())
    records += (await oruk(app, "/services", "per_page=1000")).json["contents"]
    for record in records:
        assert re.fullmatch(r"\d{4}-\d\d-\d\d", record["assured_date"])
        assert not [v for v in walk(record) if v is None or v == "" or v == [] or v == {}]


async def test_hours_are_weekly_rules(app, services):
    days = {"mon": "MO", "tue": "TU", "wed": "WE", "thu": "TH", "fri": "FR", "sat": "SA",
            "sun": "SU"}
    records = await full_records(app, services)
    seen_always = seen_rows = False
    for sid, svc in services.items():
        rules = [s for s in records[sid].get("schedules", []) if "byday" in s]
        if svc.get("always_open"):
            seen_always = True
            assert [(s["byday"], s["opens_at"], s["closes_at"], s["freq"]) for s in rules] == \
                [(ALL_DAYS, "00:00", "23:59", "WEEKLY")]
        elif svc.get("schedule"):
            seen_rows = True
            assert sorted((d, s["opens_at"], s["closes_at"]) for s in rules
                          for d in s["byday"].split(",")) == sorted(
                (days[d], r["opens"], "23:59" if r["closes"] == "24:00" else r["closes"])
                for r in svc["schedule"] for d in r["days"])
        else:
            assert rules == []
    assert seen_always and seen_rows


async def test_the_vocabularies_are_published_taxonomies(app, services):
    taxonomy = load_taxonomy()
    codes = {"need": set(taxonomy.needs), "urgent": set(taxonomy.urgent),
             "audience": set(taxonomy.audiences), "thrive": set(taxonomy.thrive),
             "group": set(ELIGIBILITY_GROUPS)}
    taxonomies = (await oruk(app, "/taxonomies")).json["contents"]
    assert {t["name"] for t in taxonomies} == {"Needs", "Urgent classes", "Audiences",
                                               "THRIVE groupings", "Access routes",
                                               "Eligibility groups"}
    terms = {t["id"]: t for t in await every(app, "taxonomy_terms", per_page=MAX_PER_PAGE)}
    for key, known in codes.items():
        assert {t["term"] for t in terms.values() if t["taxonomy"] == key} == known
        full = (await oruk(app, f"/taxonomies/{taxonomy_id(key)}")).json
        assert {t["term"] for t in full["taxonomy_terms"]} == known
    for sid, record in (await full_records(app, services)).items():
        for attribute in record["attributes"]:
            assert terms[attribute["taxonomy_term_id"]] == attribute["taxonomy_term"]
        groups = {a["taxonomy_term"]["term"] for a in record["attributes"]
                  if a["taxonomy_term"]["taxonomy"] == "group"}
        assert groups == set(services[sid].get("groups", []))
    assert any(svc.get("groups") for svc in services.values())


async def test_a_service_at_location_answers_with_its_service(app, services):
    for item in await every(app, "service_at_locations", per_page=MAX_PER_PAGE):
        full = (await oruk(app, f"/service_at_locations/{item['id']}")).json
        service = (await oruk(app, f"/services/{item['service_id']}")).json
        assert full["service"] == {k: v for k, v in service.items()
                                   if k != "service_at_locations"}
        assert (full["name"], full["status"]) == (service["name"], service["status"])
        assert full["location"]["location_type"] == "virtual"
        assert services[item["service_id"]]["contacts"]
