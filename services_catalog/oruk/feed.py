"""The catalogue's Open Referral UK feed: what each of the nine endpoints answers.

Every record is built once per catalogue load (:mod:`.records`) and kept in memory with what
the filters need, so a page is a slice of ready records: a page of 1,000 services takes a few
milliseconds. Requests are checked here, not in the web layer, so that every endpoint answers
bad input the same way: :class:`FeedError` with a 4xx status, a message and the parameter.

Lists take ``page`` (from 1) and ``per_page`` (1 to 1,000, default 50). ``/services`` and
``/service_at_locations`` take the profile's filters, all of which must hold at once (the
standard requires filters to be cumulative):

- ``search``: every word appears in the service's name, description, organisation or terms;
- ``taxonomy_term_id``: services with that term; ``taxonomy_id``: with any term of it;
- ``minimum_age``: services whose minimum age is at least that (none given counts as 0);
  ``maximum_age``: whose maximum age is at most that (none given: no upper limit, left out);
- ``day`` (MO..SU or the day's name), ``start_time``, ``end_time`` (HH:MM): services with a
  weekly rule on that day, opening at or after the start and closing at or before the end;
- ``postcode`` (``/service_at_locations`` only): services whose area holds the postcode
  (a full postcode, or its first half when that lies in one area), and UK-wide services.

``proximity`` needs coordinates, which this catalogue's locations (virtual) do not have: it is
refused rather than ignored. Any other parameter, a repeated one, or a value out of range is
refused with 400; an id that is not a UUID with 400; an unknown id with 404.
"""
from __future__ import annotations

import math
import re
from dataclasses import dataclass, field
from typing import Any, Callable, Dict, FrozenSet, List, Optional, Sequence, Tuple
from urllib.parse import parse_qsl

from sqlalchemy.orm import Session

from .. import locality
from ..hours import DAYS, parse_time
from ..snapshots import Refreshing
from ..taxonomy import NATIONAL
from .files import Documents, documents_from_session
from .ids import canonical_uuid
from .profile import OPENAPI_URL, PROFILE_URL, VERSION
from .records import (
    RRULE_DAYS,
    TAXONOMIES,
    all_terms,
    full_record,
    list_record,
    published_id,
    taxonomy_record,
)

DEFAULT_PER_PAGE = 50
MAX_PER_PAGE = 1000
MAX_PAGE = 1_000_000
MAX_QUERY = 4096
MAX_SEARCH = 200
MAX_AGE = 150
PAGING = ("page", "per_page")
SERVICE_FILTERS = ("search", "taxonomy_term_id", "taxonomy_id", "minimum_age", "maximum_age",
                   "start_time", "end_time", "day")
LOCATION_FILTERS = SERVICE_FILTERS + ("postcode", "proximity")
_CONTROL = re.compile(r"[\x00-\x1f\x7f]")
_NUMBER = re.compile(r"[0-9]{1,3}(?:\.[0-9]{1,2})?")
_DAY_NAMES = {name: code for code, name in zip(RRULE_DAYS, (
    "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"))}


class FeedError(Exception):
    """A request the feed cannot answer: its HTTP status, what to do, and the parameter."""

    def __init__(self, status: int, message: str, parameter: Optional[str] = None):
        super().__init__(message)
        self.status, self.message, self.parameter = status, message, parameter

    def body(self) -> Dict[str, Any]:
        return {"error": self.message, "parameter": self.parameter}


@dataclass(frozen=True)
class Published:
    """One service as published, with what the filters read."""

    id: str
    item: Dict[str, Any]
    full: Dict[str, Any]
    text: str
    terms: FrozenSet[str]
    taxonomies: FrozenSet[str]
    minimum_age: Optional[float]
    maximum_age: Optional[float]
    areas: Tuple[str, ...]
    districts: Tuple[str, ...]
    hours: Tuple[Tuple[str, int, int], ...]  # (RRULE day, opens, closes) in minutes
    location: Optional[Dict[str, Any]] = None  # the service at its location, in a list


@dataclass(frozen=True)
class Filters:
    words: Tuple[str, ...] = ()
    term: Optional[str] = None
    taxonomy: Optional[str] = None
    minimum_age: Optional[float] = None
    maximum_age: Optional[float] = None
    day: Optional[str] = None
    start: Optional[int] = None
    end: Optional[int] = None
    place: Optional[Tuple[Optional[str], Optional[str]]] = None  # (area, district)

    def admit(self, s: Published) -> bool:
        if self.term and self.term not in s.terms:
            return False
        if self.taxonomy and self.taxonomy not in s.taxonomies:
            return False
        if self.minimum_age is not None and (s.minimum_age or 0) < self.minimum_age:
            return False
        if self.maximum_age is not None and (
                s.maximum_age is None or s.maximum_age > self.maximum_age):
            return False
        if (self.day or self.start is not None or self.end is not None) and not any(
                (self.day is None or day == self.day)
                and (self.start is None or opens >= self.start)
                and (self.end is None or closes <= self.end) for day, opens, closes in s.hours):
            return False
        if self.place is not None and not _covers(s, *self.place):
            return False
        return all(word in s.text for word in self.words)


def _covers(s: Published, area: Optional[str], district: Optional[str]) -> bool:
    if NATIONAL in s.areas:
        return True
    if area is None or area not in s.areas:
        return False
    in_area = [d for d in s.districts if locality.district_areas().get(d) == area]
    return not in_area or district in in_area


@dataclass
class Feed:
    """The nine endpoints' answers for one catalogue load."""

    version: str
    services: List[Published] = field(default_factory=list)
    taxonomies: List[Dict[str, Any]] = field(default_factory=list)
    terms: List[Dict[str, Any]] = field(default_factory=list)

    def __post_init__(self) -> None:
        self.services.sort(key=lambda s: (s.item["name"].lower(), s.id))
        self._services = {s.id: s for s in self.services}
        self._locations = {s.location["id"]: s for s in self.services if s.location}
        self._taxonomies = {t["id"]: t for t in self.taxonomies}
        self._terms = {t["id"]: t for t in self.terms}

    # -- the endpoints ---------------------------------------------------------------------

    @staticmethod
    def root(query: str = "") -> Dict[str, Any]:
        _pairs(query, ())
        return {"version": VERSION, "profile": PROFILE_URL, "openapi_url": OPENAPI_URL}

    def list_services(self, query: str) -> Dict[str, Any]:
        values = _pairs(query, PAGING + SERVICE_FILTERS)
        chosen = _filters(values, with_place=False)
        return _page([s.item for s in self.services if chosen.admit(s)], values)

    def service(self, service_id: str, query: str = "") -> Dict[str, Any]:
        return self._one(self._services, service_id, query, "service").full

    def list_taxonomies(self, query: str) -> Dict[str, Any]:
        return _page([{k: v for k, v in t.items() if k != "taxonomy_terms"}
                      for t in self.taxonomies], _pairs(query, PAGING))

    def taxonomy(self, taxonomy_id: str, query: str = "") -> Dict[str, Any]:
        return self._one(self._taxonomies, taxonomy_id, query, "taxonomy")

    def list_terms(self, query: str) -> Dict[str, Any]:
        return _page(self.terms, _pairs(query, PAGING))

    def term(self, term_id: str, query: str = "") -> Dict[str, Any]:
        return self._one(self._terms, term_id, query, "taxonomy term")

    def list_locations(self, query: str) -> Dict[str, Any]:
        values = _pairs(query, PAGING + LOCATION_FILTERS)
        chosen = _filters(values, with_place=True)
        return _page([s.location for s in self.services if s.location and chosen.admit(s)],
                     values)

    def location(self, location_id: str, query: str = "") -> Dict[str, Any]:
        s = self._one(self._locations, location_id, query, "service at location")
        full = {k: v for k, v in s.full.items() if k != "service_at_locations"}
        sal = s.full["service_at_locations"][0]
        return {"id": sal["id"], "name": full["name"], "status": full["status"],
                "service_id": s.id, "location_id": sal["location_id"],
                "location": sal["location"], "service": full}

    @staticmethod
    def _one(index: Dict[str, Any], given: str, query: str, what: str) -> Any:
        _pairs(query, ())
        key = canonical_uuid(given)
        if key is None:
            raise FeedError(400, f"The {what} id must be a UUID (8-4-4-4-12 hexadecimal "
                                 f"digits), not \"{given[:60]}\".", "id")
        if key not in index:
            raise FeedError(404, f"There is no {what} with id {key}.", "id")
        return index[key]


# -- building --------------------------------------------------------------------------------

def build_feed(documents: Documents, version: str = "unversioned") -> Feed:
    organisations = {o["id"]: o for _, doc in documents for o in doc.get("organisations", [])}
    services = [_published(svc, organisations[svc["organisation"]])
                for _, doc in documents for svc in doc.get("services", [])]
    return Feed(version, services, [taxonomy_record(spec, with_terms=True) for spec in TAXONOMIES],
                all_terms())


def _published(svc: Dict[str, Any], org: Dict[str, Any]) -> Published:
    item, full = list_record(svc, org), full_record(svc, org)
    terms = [a["taxonomy_term"] for a in full.get("attributes", [])]
    text = " ".join([item["name"], item.get("description", ""), org["name"]]
                    + [t["name"] for t in terms]).lower()
    rows = [(DAYS, "00:00", "24:00")] if svc.get("always_open") else [
        (row["days"], row["opens"], row["closes"]) for row in svc.get("schedule") or []]
    hours = tuple((RRULE_DAYS[DAYS.index(day)], _minutes(opens), _minutes(closes))
                  for days, opens, closes in rows for day in days)
    location = None
    if full.get("service_at_locations"):
        sal = full["service_at_locations"][0]
        location = {**sal, "location": sal["location"], "service": item}
    return Published(
        id=published_id("service", svc), item=item, full=full, text=text,
        terms=frozenset(t["id"] for t in terms),
        taxonomies=frozenset(t["taxonomy_id"] for t in terms),
        minimum_age=svc.get("minimum_age"), maximum_age=svc.get("maximum_age"),
        areas=tuple(svc["areas"]), districts=tuple(svc.get("districts") or ()), hours=hours,
        location=location)


def _minutes(text: str) -> int:
    minutes = parse_time(text)
    if minutes is None:  # the loader lets no such time in
        raise ValueError(f"not a time: {text}")
    return minutes


class FeedCatalogue(Refreshing[Feed]):
    """The feed of the current catalogue load, rebuilt when a new load has happened."""

    def build(self, session: Session, version: str) -> Feed:
        return build_feed(documents_from_session(session), version)


# -- requests --------------------------------------------------------------------------------

def _pairs(query: str, allowed: Sequence[str]) -> Dict[str, str]:
    """The query's parameters, each given at most once and each one the endpoint takes;
    blank values count as not given."""
    if len(query) > MAX_QUERY:
        raise FeedError(400, f"The query is too long (at most {MAX_QUERY} characters).")
    try:
        pairs = parse_qsl(query, keep_blank_values=True, max_num_fields=2 * len(allowed) + 2,
                          errors="strict")
    except (ValueError, UnicodeDecodeError):
        raise FeedError(400, "The query could not be read: use each parameter at most once, "
                             "as UTF-8 text.") from None
    values: Dict[str, str] = {}
    for name, value in pairs:
        if name not in allowed:
            takes = ("takes only: " + ", ".join(allowed)) if allowed else "takes no parameters"
            raise FeedError(400, f"Unknown parameter \"{name[:40]}\": this endpoint {takes}.",
                            name[:40])
        if name in values:
            raise FeedError(400, f"{name} is given more than once; give it once.", name)
        if _CONTROL.search(value):
            raise FeedError(400, f"{name} contains characters that are not allowed.", name)
        values[name] = value.strip()
    return {name: value for name, value in values.items() if value}


def _whole(values: Dict[str, str], name: str, default: int, highest: int) -> int:
    value = values.get(name)
    if value is None:
        return default
    if not re.fullmatch(r"[0-9]{1,9}", value) or not 1 <= int(value) <= highest:
        raise FeedError(400, f"{name} must be a whole number from 1 to {highest}.", name)
    return int(value)


def _page(items: List[Dict[str, Any]], values: Dict[str, str]) -> Dict[str, Any]:
    """The profile's page envelope around one page of the items (a page past the last one is
    empty, as when the list shrank between two requests)."""
    number = _whole(values, "page", 1, MAX_PAGE)
    size = _whole(values, "per_page", DEFAULT_PER_PAGE, MAX_PER_PAGE)
    pages = math.ceil(len(items) / size)
    contents = items[(number - 1) * size:number * size]
    return {"total_items": len(items), "total_pages": pages, "page_number": number,
            "size": len(contents), "first_page": number == 1, "last_page": number >= pages,
            "empty": not contents, "contents": contents}


def _age(values: Dict[str, str], name: str) -> Optional[float]:
    value = values.get(name)
    if value is None:
        return None
    if not _NUMBER.fullmatch(value) or float(value) > MAX_AGE:
        raise FeedError(400, f"{name} must be a number of years from 0 to {MAX_AGE}.", name)
    return float(value)


def _clock(values: Dict[str, str], name: str) -> Optional[int]:
    value = values.get(name)
    if value is None:
        return None
    minutes = parse_time(value[:5]) if re.fullmatch(r"[0-9]{2}:[0-9]{2}(:00)?", value) else None
    if minutes is None:
        raise FeedError(400, f"{name} must be a time of day, HH:MM (24-hour clock).", name)
    return minutes


def _uuid(values: Dict[str, str], name: str) -> Optional[str]:
    value = values.get(name)
    if value is None:
        return None
    found = canonical_uuid(value)
    if found is None:
        raise FeedError(400, f"{name} must be a UUID (8-4-4-4-12 hexadecimal digits).", name)
    return found


def _day(values: Dict[str, str]) -> Optional[str]:
    value = values.get("day")
    if value is None:
        return None
    code = value.upper() if value.upper() in RRULE_DAYS else _DAY_NAMES.get(value.lower())
    if code is None:
        raise FeedError(400, "day must be one of MO, TU, WE, TH, FR, SA, SU (or the day's "
                             "name).", "day")
    return code


def _search(values: Dict[str, str]) -> Tuple[str, ...]:
    value = values.get("search", "")
    if len(value) > MAX_SEARCH:
        raise FeedError(400, f"search is too long (at most {MAX_SEARCH} characters).", "search")
    return tuple(dict.fromkeys(value.lower().split()))


def _place(values: Dict[str, str]) -> Optional[Tuple[Optional[str], Optional[str]]]:
    if "proximity" in values:
        raise FeedError(400, "proximity is not supported: this feed's locations are virtual, "
                             "with no coordinates. Use postcode alone.", "proximity")
    value = values.get("postcode")
    if value is None:
        return None
    if len(value) > 10:
        raise FeedError(400, "postcode must be a UK postcode, or its first half (ME14).",
                        "postcode")
    found = locality.resolve(value)
    if found.kind not in ("postcode", "outcode") or found.status == locality.UNKNOWN:
        raise FeedError(400, "postcode is not a recognised UK postcode.", "postcode")
    if found.status == locality.AMBIGUOUS:
        raise FeedError(400, f"{found.matched or value} spans more than one area: give the "
                             "full postcode.", "postcode")
    return (found.area, found.district) if found.status == locality.FOUND else (None, None)


def _filters(values: Dict[str, str], with_place: bool) -> Filters:
    return Filters(words=_search(values), term=_uuid(values, "taxonomy_term_id"),
                   taxonomy=_uuid(values, "taxonomy_id"),
                   minimum_age=_age(values, "minimum_age"),
                   maximum_age=_age(values, "maximum_age"), day=_day(values),
                   start=_clock(values, "start_time"), end=_clock(values, "end_time"),
                   place=_place(values) if with_place else None)


#: The nine endpoints by their path in the profile, for the web layer.
Handler = Callable[..., Dict[str, Any]]


def handlers(feed: Feed) -> Dict[str, Handler]:
    return {"/": feed.root, "/services": feed.list_services, "/services/{id}": feed.service,
            "/taxonomies": feed.list_taxonomies, "/taxonomies/{id}": feed.taxonomy,
            "/taxonomy_terms": feed.list_terms, "/taxonomy_terms/{id}": feed.term,
            "/service_at_locations": feed.list_locations,
            "/service_at_locations/{id}": feed.location}
