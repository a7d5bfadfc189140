"""The services directory for school staff: /api/services and /directory, over the test catalogue.

Requests go through Sanic's ASGI interface with the small client in tests/support/asgi.py, to a
`Sanic("directory_test")` app that mounts only the directory blueprint; no server is started.
"""
from __future__ import annotations

import re
from datetime import datetime
from html.parser import HTMLParser
from typing import Dict, List, Optional, Tuple

import pytest
from sanic import Sanic

import web.directory as directory
from services_catalog.db import make_engine
from services_catalog.hours import UK
from services_catalog.query import Catalogue
from services_catalog.taxonomy import load_taxonomy
from tests.support.asgi import Reply, get, start
from tests.support.sanic_apps import sanic_test_mode

SUNDAY_NIGHT = datetime(2026, 11, 22, 23, 30, tzinfo=UK)
TUESDAY_MORNING = datetime(2026, 11, 24, 10, 0, tzinfo=UK)
PLACES = ("Maidstone", "Chatham", "Chelmsford", "Southend-on-Sea", "Grays", "SW1A 1AA", None)


@pytest.fixture(scope="module")
async def app():
    """The blueprint on its own app, started as an ASGI server would start it (no server)."""
    with sanic_test_mode():
        app = Sanic("directory_test")
        app.blueprint(directory.blueprint)
        await start(app)
        yield app


async def api(app, query) -> Reply:
    return await get(app, "/api/services", query)


async def page(app, query=b"") -> Reply:
    return await get(app, "/directory", query)


# -- reading the page ------------------------------------------------------------------------

class Page(HTMLParser):
    """Elements with their attributes, the form's state and the links, from a page."""

    def __init__(self, text: str):
        super().__init__(convert_charrefs=True)
        self.elements: List[Tuple[str, Dict[str, Optional[str]]]] = []
        self.labels: Dict[str, str] = {}
        self.headings: List[Tuple[str, str]] = []
        self.title = ""
        self._label_for: Optional[str] = None
        self._heading: Optional[str] = None
        self._in_title = False
        self._text: List[str] = []
        self.feed(text)

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        self.elements.append((tag, attrs))
        if tag == "label":
            self._label_for, self._text = attrs.get("for"), []
        elif re.fullmatch(r"h[1-6]", tag):
            self._heading, self._text = tag, []
        elif tag == "title":
            self._in_title = True

    def handle_endtag(self, tag):
        if tag == "label" and self._label_for:
            self.labels[self._label_for] = " ".join("".join(self._text).split())
            self._label_for = None
        elif tag == self._heading:
            self.headings.append((tag, " ".join("".join(self._text).split())))
            self._heading = None
        elif tag == "title":
            self._in_title = False

    def handle_data(self, data):
        self._text.append(data)
        if self._in_title:
            self.title += data

    def all(self, tag: str) -> List[Dict[str, Optional[str]]]:
        return [attrs for t, attrs in self.elements if t == tag]

    def field(self, name: str) -> Dict[str, Optional[str]]:
        found = [a for t, a in self.elements if t in ("input", "select") and a.get("name") == name]
        assert len(found) == 1, name
        return found[0]

    def selected(self, select_id: str) -> List[str]:
        """The selected option values of one select (options follow their select)."""
        values, inside = [], False
        for tag, attrs in self.elements:
            if tag == "select":
                inside = attrs.get("id") == select_id
            elif tag == "option" and inside and "selected" in attrs:
                values.append(attrs.get("value"))
        return values

    def links(self) -> List[str]:
        return [a[key] for _, a in self.elements for key in ("href", "src", "action")
                if a.get(key) is not None]


# -- fixtures --------------------------------------------------------------------------------

@pytest.fixture(autouse=True)
def test_catalogue(monkeypatch, catalogue):
    monkeypatch.setattr(directory, "catalogue", lambda: catalogue)
    return catalogue


def at(monkeypatch, moment: datetime) -> None:
    monkeypatch.setattr(directory, "now", lambda: moment)


def ids(reply: Reply) -> List[str]:
    return [r["id"] for r in reply.json["results"]]


def unverified_numbers(catalogue) -> Dict[str, str]:
    """Numbers (and addresses) that are unverified everywhere they appear: value -> service."""
    confirmed = {c.value for s in catalogue.all() for c in s.contacts if c.confirmed}
    return {c.value: s.id for s in catalogue.all() for c in s.contacts
            if not c.confirmed and c.kind in ("phone", "text", "email")
            and c.value not in confirmed}


# -- filters ---------------------------------------------------------------------------------

async def test_need_filters_and_ranks_services(app, catalogue):
    reply = await api(app, {"need": "bereavement", "place": "Maidstone", "limit": 50})
    assert reply.status == 200
    body = reply.json
    assert body["filters"]["need"] == "bereavement" and body["count"] == len(body["results"]) > 0
    expected = [m.service.id for m in catalogue.search("bereavement", area="kent",
                                                        district="Maidstone", limit=None)]
    assert ids(reply) == expected[:50]
    assert all("bereavement" in catalogue.get([i])[0].needs
               or "general_wellbeing" in catalogue.get([i])[0].needs for i in ids(reply))
    other = await api(app, {"need": "sleep", "place": "Maidstone", "limit": 50})
    assert set(ids(other)) != set(ids(reply))


async def test_age_leaves_out_services_outside_their_age_range(app):
    young = await api(app, {"need": "anxiety", "age": 14, "place": "ME14 1XX", "limit": 50})
    adult = await api(app, {"need": "anxiety", "age": 22, "place": "ME14 1XX", "limit": 50})
    assert "kent-medway-cypmhs-spa" in ids(young) and "childline" in ids(young)
    assert "kent-medway-cypmhs-spa" not in ids(adult) and "childline" not in ids(adult)
    for r in adult.json["results"]:
        assert (r["who"]["minimum_age"] or 0) <= 22
        assert r["who"]["maximum_age"] is None or r["who"]["maximum_age"] >= 22
    assert young.json["filters"]["age"] == 14


async def test_ages_over_25_mean_adult_routes(app):
    reply = await api(app, {"need": "low_mood", "age": 40, "place": "Maidstone", "limit": 50})
    assert reply.status == 200 and reply.json["results"]
    assert all(r["who"]["maximum_age"] is None or r["who"]["maximum_age"] >= 40
               for r in reply.json["results"])
    assert any("adults" in note for note in reply.json["notes"])


async def test_a_postcode_or_town_puts_local_services_first(app):
    for place, district in (("ME14 1XX", "Maidstone"), ("Sittingbourne", "Swale"),
                            ("ME14", "Maidstone")):
        reply = await api(app, {"need": "anxiety", "age": 15, "place": place, "limit": 50})
        body = reply.json
        assert reply.status == 200, place
        assert body["filters"]["area"] == "kent" and body["filters"]["district"] == district
        assert body["filters"]["place"]["status"] == "found"
        assert "Kent" in body["filters"]["place"]["label"]
        first = body["results"][0]
        assert "kent" in first["who"]["areas"] and not first["who"]["national"]
        assert first["reason"].startswith("local to")
        assert all(r["who"]["national"] or "kent" in r["who"]["areas"] for r in body["results"])
        assert any(r["who"]["national"] for r in body["results"])


async def test_a_place_outside_the_areas_or_none_gives_national_services_only(app):
    for query in ({"need": "anxiety", "place": "SW1A 1AA", "limit": 50},
                  {"need": "anxiety", "limit": 50}):
        body = (await api(app, query)).json
        assert body["results"] and all(r["who"]["national"] for r in body["results"])
        assert body["filters"]["area"] is None and body["notes"]
    outside = (await api(app, {"need": "anxiety", "place": "SW1A 1AA"})).json
    assert outside["filters"]["place"]["status"] == "outside"
    assert outside["filters"]["place"]["query"] == "SW1A 1AA"


async def test_district_services_need_the_district(app):
    dartford = await api(app, {"need": "self_harm", "age": 16, "place": "DA1 1AA", "limit": 50})
    canterbury = await api(app, {"need": "self_harm", "age": 16, "place": "Canterbury",
                                 "limit": 50})
    assert "emerge-advocacy-dvh" in ids(dartford)
    assert "emerge-advocacy-dvh" not in ids(canterbury)
    entry = next(r for r in dartford.json["results"] if r["id"] == "emerge-advocacy-dvh")
    assert "Dartford" in entry["who"]["districts"] and "only" in entry["who"]["covers"]


async def test_audience_puts_services_for_that_audience_first_without_filtering(app, monkeypatch):
    # A weekday morning: ChatHealth (open) and the single point of access (hours not known) are
    # otherwise alike for a young person, and a service open now comes first.
    at(monkeypatch, TUESDAY_MORNING)
    base = {"need": "anxiety", "age": 15, "place": "Maidstone", "limit": 50}
    young = await api(app, {**base, "audience": "young_person"})
    parent = await api(app, {**base, "audience": "parent_carer"})
    assert set(ids(young)) == set(ids(parent))
    assert ids(young)[0] == "chathealth-kent"
    assert ids(parent)[0] == "kent-medway-cypmhs-spa"
    assert "parent_carer" in parent.json["results"][0]["who"]["audiences"]
    assert parent.json["filters"]["audience"] == "parent_carer"


async def test_open_now_keeps_only_services_open_at_that_moment(app, monkeypatch):
    query = {"need": "anxiety", "age": 15, "place": "Maidstone", "limit": 50}
    at(monkeypatch, SUNDAY_NIGHT)
    everything = await api(app, query)
    night = await api(app, {**query, "open_now": "true"})
    at(monkeypatch, TUESDAY_MORNING)
    morning = await api(app, {**query, "open_now": "1"})
    off = await api(app, {**query, "open_now": "0"})

    states = {r["id"]: r["open_now"] for r in everything.json["results"]}
    assert states["chathealth-kent"] is False and states["calm-helpline"] is True
    assert states["kent-medway-cypmhs-spa"] is None  # hours not known: never called closed
    assert all(r["open_now"] is True for r in night.json["results"] + morning.json["results"])
    assert "calm-helpline" in ids(night) and "chathealth-kent" not in ids(night)
    assert "chathealth-kent" in ids(morning) and "calm-helpline" not in ids(morning)
    assert "childline" in ids(night) and "childline" in ids(morning)  # 24 hours
    assert night.json["filters"]["open_now"] is True and off.json["filters"]["open_now"] is False
    assert len(ids(off)) == len(ids(everything)) > len(ids(morning))
    assert night.json["checked_at"].startswith("2026-11-22T23:30")


async def test_limit_and_counts(app):
    three = await api(app, {"need": "anxiety", "place": "Maidstone", "limit": 3})
    default = await api(app, {"need": "anxiety", "place": "Maidstone"})
    assert len(ids(three)) == three.json["count"] == 3 < three.json["total"]
    assert len(ids(default)) == 10 == default.json["filters"]["limit"]
    assert ids(default)[:3] == ids(three)


# -- what each result says -------------------------------------------------------------------

async def test_every_result_has_its_source_and_last_checked_date(app, catalogue):
    seen = 0
    for place in PLACES:
        query = {"need": "general_wellbeing", "limit": 50, **({"place": place} if place else {})}
        for r in (await api(app, query)).json["results"]:
            service = catalogue.get([r["id"]])[0]
            assert r["source"] == service.source and r["source"].strip()
            assert r["source_link"] == (service.source if service.source.startswith("http")
                                        else None)
            assert r["last_checked"] == service.assured_date.isoformat()
            assert r["stale"] == service.stale
            assert r["reason"] and r["name"] and r["organisation"] and r["summary"]
            assert r["thrive"] and set(r["thrive"]) <= load_taxonomy().thrive
            for c in r["contacts"]:
                assert re.fullmatch(r"\d{4}-\d\d-\d\d", c["last_checked"]) and c["source"]
            seen += 1
    assert seen > 20
    text = (await page(app, {"need": "general_wellbeing", "place": "Maidstone",
                             "limit": 50})).text
    articles = text.count("<article")
    assert articles > 5 and text.count("Last checked 2026-") == articles


async def test_who_and_how_to_refer(app):
    body = (await api(app, {"need": "anxiety", "place": "Maidstone", "limit": 50})).json
    spa = next(r for r in body["results"] if r["id"] == "kent-medway-cypmhs-spa")
    assert spa["who"]["ages"] == "0 to 17" and spa["who"]["covers"] == "Kent and Medway"
    assert "school" in spa["access"]["routes"]
    assert "refer themselves" in spa["access"]["how_to_refer"]
    assert spa["thrive_labels"] == ["Getting help", "Getting more help"]


async def test_unverified_numbers_are_never_given_as_numbers(app, catalogue):
    hidden = unverified_numbers(catalogue)
    assert len(hidden) >= 5
    reachable = {s.id for s in catalogue.all() if s.needs}
    # The districts of services for particular districts, so that every hidden number is met.
    districts = sorted({d for s in catalogue.all() if s.id in set(hidden.values())
                        for d in s.districts})
    seen_services, withheld = set(), 0
    for need in load_taxonomy().needs:
        for place in PLACES + tuple(districts):
            query = {"need": need, "limit": 50, **({"place": place} if place else {})}
            reply = await api(app, query)
            squashed = re.sub(r"\s", "", reply.text)
            for value in hidden:
                assert value not in reply.text and re.sub(r"\s", "", value) not in squashed
            for r in reply.json["results"]:
                seen_services.add(r["id"])
                for c in r["contacts"]:
                    if not c["confirmed"] and c["kind"] in ("phone", "text", "email"):
                        assert c["value"] is None and c["href"] is None and c["withheld"]
                        assert c["check"]
                        withheld += 1
            if place in ("Maidstone", "Southend-on-Sea", "Chatham"):
                html = (await page(app, query)).text
                assert not any(v in html or re.sub(r"\s", "", v) in re.sub(r"\s", "", html)
                               for v in hidden)
    assert withheld > 0
    assert {hidden[v] for v in hidden} & reachable <= seen_services


async def test_phone_links_are_only_for_confirmed_numbers(app, catalogue):
    confirmed = {re.sub(r"\D", "", c.value) for s in catalogue.all() for c in s.contacts
                 if c.confirmed and c.kind in ("phone", "text")}
    html = (await page(app, {"need": "general_wellbeing", "place": "Maidstone",
                             "limit": 50})).text
    links = [href for href in Page(html).links() if href.startswith(("tel:", "sms:"))]
    assert links and all(re.sub(r"\D", "", href) in confirmed for href in links)
    assert 'href="tel:08001111"' in html  # Childline, confirmed
    assert "Phone: not confirmed, so not shown here" in html  # Kent school nurses


# -- bad requests ----------------------------------------------------------------------------

BAD = [
    ("need=nonsense", "need"),
    ("age=14", "need"),
    ("need=", "need"),
    ("need=anxiety&age=300", "age"),
    ("need=anxiety&age=abc", "age"),
    ("need=anxiety&age=-1", "age"),
    ("need=anxiety&age=14.5", "age"),
    ("need=anxiety&place=nonsense", "place"),
    ("need=anxiety&place=DA1", "place"),
    ("need=anxiety&place=Maidstone+" + "a" * 9_990, "place"),  # 10,000 characters
    ("need=anxiety&place=%3Cscript%3Ealert(1)%3C%2Fscript%3E", "place"),
    ("need=anxiety&place=Maidstone%00", "place"),
    ("need=anxiety&audience=bad", "audience"),
    ("need=anxiety&audience=Professional", "audience"),
    ("need=anxiety&open_now=maybe", "open_now"),
    ("need=anxiety&limit=0", "limit"),
    ("need=anxiety&limit=51", "limit"),
    ("need=anxiety&limit=ten", "limit"),
    ("need=anxiety&colour=blue", "colour"),
    ("need=anxiety&Need=anxiety", "Need"),
    ("need=anxiety&need=sleep", "need"),
    ("need=anxiety&age=14&age=14", "age"),
    ("need=anxiety" + "&x=1" * 30, None),
]


@pytest.mark.parametrize("query,parameter", BAD)
async def test_bad_parameters_are_400_with_a_message(app, query, parameter):
    reply = await api(app, query)
    assert reply.status == 400
    assert reply.json["parameter"] == parameter
    assert len(reply.json["error"]) > 10
    html = await page(app, query)
    assert html.status == 400
    assert "There is a problem" in html.text and "<article" not in html.text
    assert Page(html.text).all("select")  # the form is still there to correct


async def test_a_long_place_is_refused_before_it_is_looked_up(app):
    body = (await api(app, "need=anxiety&place=Maidstone+" + "a" * 9_990)).json
    assert "too long" in body["error"]


async def test_an_ambiguous_outcode_lists_its_districts(app):
    body = (await api(app, {"need": "anxiety", "place": "DA1"})).json
    assert "Dartford" in body["error"] and "Bexley" in body["error"]


async def test_text_that_is_not_utf8_is_a_400(app):
    for query in (b"need=anxiety&place=%FF%FE", b"need=%FFanxiety", b"need=anxiety&%FF=1"):
        assert (await api(app, query)).status == 400, query
        assert (await page(app, query)).status == 400, query


async def test_nothing_odd_is_ever_a_500(app):
    odd = ["", "&", "=", "need", "need=anxiety&", "need=anxiety&&&", "%", "need=%ZZ",
           "need=anxiety&place=%", "need=anxiety&place=+", "need=anxiety&place=ME",
           "need=anxiety&place=ZZ1+1ZZ", "need=anxiety&place=E1", "need=anxiety&place=Kent",
           "need=anxiety&age=0", "need=anxiety&age=120", "need=anxiety&age=121",
           "need=anxiety&age=%EF%BC%91%EF%BC%95", "need=anxiety&limit=1&limit=2",
           "need=anxiety&open_now=TRUE", "need=anxiety&open_now=", "need=%00", "a" * 30_000,
           "need=anxiety&place=" + "%F0%9F%98%80" * 40, "need[]=anxiety", "need=anxiety;age=5"]
    for query in odd:
        for path in ("/api/services", "/directory"):
            reply = await get(app, path, query)
            assert reply.status in (200, 400), (path, query[:60], reply.status)


async def test_a_catalogue_that_cannot_be_read_is_a_503_with_the_24_7_routes(
        app, monkeypatch, tmp_path):
    broken = Catalogue(make_engine(f"sqlite:///{tmp_path / 'empty.sqlite'}"))
    monkeypatch.setattr(directory, "catalogue", lambda: broken)
    reply = await api(app, {"need": "anxiety", "place": "Maidstone"})
    assert reply.status == 503 and reply.json["parameter"] is None
    for route in ("999", "NHS 111", "option 2", "85258", "116 123", "0800 1111"):
        assert route in reply.json["error"]
    html = await page(app, {"need": "anxiety", "place": "Maidstone"})
    assert html.status == 503 and "116 123" in html.text and "not available" in html.text


# -- the page --------------------------------------------------------------------------------

async def test_the_page_escapes_a_script_given_as_place(app):
    for query in ({"need": "anxiety", "place": "<script>alert(1)</script>"},
                  {"need": "anxiety", "place": '"><script>alert(1)</script>'},
                  {"need": "anxiety", "<script>alert(1)</script>": "1"}):
        reply = await page(app, query)
        assert reply.status == 400
        assert "<script" not in reply.text.lower()
        assert "&lt;script&gt;alert(1)&lt;/script&gt;" in reply.text
    api_reply = await api(app, {"need": "anxiety", "place": "<script>alert(1)</script>"})
    assert api_reply.headers["content-type"].startswith("application/json")


async def test_the_form_fills_back_in_what_was_asked(app):
    query = {"need": "self_harm", "age": "14", "place": "ME14 1XX", "audience": "parent_carer",
             "open_now": "1", "limit": "5"}
    reply = await page(app, query)
    assert reply.status == 200
    form = Page(reply.text)
    assert form.selected("need") == ["self_harm"]
    assert form.selected("audience") == ["parent_carer"]
    assert form.field("age")["value"] == "14"
    assert form.field("place")["value"] == "ME14 1XX"
    assert "checked" in form.field("open_now")
    assert form.field("limit")["value"] == "5"
    blank_form = Page((await page(app)).text)
    assert blank_form.selected("need") == [] and "checked" not in blank_form.field("open_now")
    assert blank_form.field("place")["value"] == ""
    # A bad value is filled back in too, to be corrected, and marked as the problem.
    bad = Page((await page(app, {"need": "anxiety", "age": "300"})).text)
    assert bad.field("age")["value"] == "300" and bad.field("age")["aria-invalid"] == "true"
    assert bad.selected("need") == ["anxiety"]


async def test_the_form_names_only_the_apis_parameters_and_empty_fields_are_not_given(app):
    form = Page((await page(app)).text)
    names = {a["name"] for t, a in form.elements if t in ("input", "select", "button")
             and a.get("name")}
    assert names == set(directory.PARAMETERS)
    assert form.all("form")[0]["method"] == "get"
    blank = {"need": "anxiety", "age": "", "place": "", "audience": "", "limit": ""}
    reply = await page(app, blank)
    assert reply.status == 200 and "<article" in reply.text


async def test_the_blank_page_is_a_form_without_results_or_error(app):
    reply = await page(app)
    assert reply.status == 200
    assert "<article" not in reply.text and "There is a problem" not in reply.text


async def test_the_page_is_accessible_in_the_ways_a_test_can_see(app):
    query = {"need": "anxiety", "place": "Maidstone", "limit": 4}
    total = (await api(app, query)).json["total"]
    assert total > 4
    reply = await page(app, query)
    doc = Page(reply.text)
    assert re.search(r'<html lang="en-GB"', reply.text)
    assert [h for h, _ in doc.headings].count("h1") == 1
    # Every field has a label; every group of fields a legend.
    for tag, attrs in doc.elements:
        if tag in ("input", "select") and attrs.get("type") not in ("hidden", "submit"):
            assert attrs.get("id") and doc.labels.get(attrs["id"]), attrs
    assert len(doc.all("fieldset")) == len(doc.all("legend")) >= 3
    # The results count is a heading, and in the title that is read when the page loads.
    assert ("h2", f"Showing 4 of {total} services") in doc.headings
    assert doc.title.startswith(f"{total} services for anxiety")
    assert [h for h, _ in doc.headings].count("h3") == 4
    assert any(a.get("href") == "#results" for a in doc.all("a"))
    assert any(a.get("name") == "viewport" for a in doc.all("meta"))
    one = Page((await page(app, {"need": "psychosis", "place": "SW1A 1AA"})).text)
    assert any(re.fullmatch(r"\d+ services? found", text) for _, text in one.headings)


async def test_the_page_says_it_is_not_an_emergency_service_and_links_to_the_chat(app):
    for reply in (await page(app), await page(app, {"need": "anxiety"}),
                  await page(app, {"need": "bad"})):
        assert "Not an emergency service" in reply.text
        assert "999" in reply.text and "NHS 111 and choose option 2" in reply.text
        assert any(a.get("href") == "/" for a in Page(reply.text).all("a"))


async def test_the_page_has_no_external_urls_except_the_services_own(app):
    query = {"need": "general_wellbeing", "place": "Maidstone", "limit": 50}
    results = (await api(app, query)).json["results"]
    allowed = {u for r in results for u in [r["website"], r["source_link"]]
               + [c["href"] for c in r["contacts"]] if u}
    for reply in (await page(app, query), await page(app), await page(app, {"need": "x"})):
        text = reply.text
        assert "<script" not in text and " style=" not in text and "<iframe" not in text
        for link in Page(text).links():
            if link.startswith(("/", "#", "tel:", "sms:", "mailto:")):
                assert not link.startswith("//"), link
                continue
            assert link in allowed, link
        external = set(re.findall(r"https?://[^\s\"'<>)]+", text))
        assert {u.rstrip(".,") for u in external} <= allowed
    assert len(allowed) > 10


async def test_the_stylesheet_is_local_and_prints_without_the_form(app):
    reply = await get(app, "/directory/directory.css")
    assert reply.status == 200 and reply.headers["content-type"].startswith("text/css")
    css = reply.text
    assert "@import" not in css and "url(" not in css and "http" not in css.replace(
        'href^="http"', "")
    printing = css[css.index("@media print"):]
    assert "form" in printing and "nav" in printing and "display: none" in printing
    assert "attr(href)" in printing
    assert ":focus" in css
    page_html = (await page(app)).text
    assert '<link rel="stylesheet" href="/directory/directory.css">' in page_html


async def test_responses_carry_a_content_security_policy(app):
    for reply in (await page(app), await api(app, {"need": "anxiety"}),
                  await api(app, {"need": "bad"})):
        assert "default-src 'self'" in reply.headers["content-security-policy"]
        assert reply.headers["x-content-type-options"] == "nosniff"


async def test_the_page_shows_the_same_results_as_the_api(app):
    query = {"need": "bullying", "age": 12, "place": "Chelmsford", "audience": "parent_carer",
             "limit": 7}
    results = (await api(app, query)).json["results"]
    html = (await page(app, query)).text
    names = [text for tag, text in Page(html).headings if tag == "h3"]
    assert names == [r["name"] for r in results] and len(names) == 7


def test_every_need_has_a_plain_label():
    assert set(load_taxonomy().needs) <= set(directory.NEED_LABELS)
    assert all(not label.islower() for label in directory.NEED_LABELS.values())


def test_only_web_addresses_become_links_and_unconfirmed_numbers_are_withheld():
    from datetime import date

    from services_catalog.query import ContactView
    assert directory._web("javascript:alert(1)") is None
    assert directory._web("https://example.org/x\n") is None
    assert directory._web("https://example.org/x") == "https://example.org/x"
    unconfirmed = ContactView("phone", "0300 123 4567", None, None, None, "unverified",
                              "https://example.org", date(2026, 11, 1))
    confirmed_but_old = ContactView("phone", "0300 123 4567", None, None, None, "confirmed",
                                    "https://example.org", date(2020, 1, 1))
    hidden = directory.contact(unconfirmed)
    assert hidden["value"] is None and hidden["href"] is None and hidden["withheld"]
    old = directory.contact(confirmed_but_old)
    assert old["href"] == "tel:03001234567" and old["stale"] and old["check"]
