"""The services directory for school staff: a JSON API and a printable page over the catalogue.

``GET /api/services`` and ``GET /directory`` take the same query parameters and answer from the
same function, :func:`lookup`, so that the page shows exactly what the API returns:

    need      a taxonomy need code (required), e.g. ``anxiety``
    age       a whole number 0-120 (over 25: only services that also see adults)
    place     a postcode, the first part of one (``ME14``) or a town; left out, or outside Kent,
              Medway, Essex, Southend and Thurrock: UK-wide services only
    audience  ``young_person``, ``parent_carer`` or ``professional``: services for them first
    open_now  ``true``/``1``: only services open at this moment; ``false``/``0``: all (default)
    limit     1-50 results (default 10)

Anything else (an unknown or repeated parameter, a value out of range, a place that is not
recognised or could be more than one district) is answered with 400 and
``{"error": ..., "parameter": ...}``; a catalogue that cannot be read with 503 and the national
24/7 routes. Blank values (an empty form field) count as not given.

As everywhere in the project, only confirmed contact details are given as numbers: an
unverified phone or text number (or email address) is flagged and withheld.
"""
from __future__ import annotations

import asyncio
import logging
import re
from dataclasses import dataclass
from datetime import datetime
from functools import lru_cache
from pathlib import Path
from typing import Any, Dict, List, Optional, Tuple
from urllib.parse import parse_qsl

from jinja2 import Environment, FileSystemLoader, select_autoescape
from sanic import Blueprint, response
from sanic.request import Request

from services_catalog import locality
from services_catalog.hours import UK, now
from services_catalog.labels import ACCESS_LABELS, AUDIENCE_LABELS, NEED_LABELS
from services_catalog.labels import THRIVE_LABELS as THRIVE_ORDER
from services_catalog.locality import UPPER_TIER_AREAS
from services_catalog.models import is_withheld
from services_catalog.query import Catalogue, ContactView, Match, ServiceView
from services_catalog.taxonomy import NATIONAL, load_taxonomy
from signposting.replies import CHECK_WEBSITE, how_to_reach, how_to_refer, open_now
from signposting.texts import (
    DIRECTORY_NO_MATCH,
    DIRECTORY_NONE_OPEN,
    DIRECTORY_UNAVAILABLE,
    ROUTES_24_7,
)

logger = logging.getLogger(__name__)

blueprint = Blueprint("directory")

HERE = Path(__file__).resolve().parent
TEMPLATES = HERE / "templates"
STYLESHEET = HERE / "static" / "directory.css"

PARAMETERS = ("need", "age", "place", "audience", "open_now", "limit")
DEFAULT_LIMIT = 10
MAX_LIMIT = 50
MAX_AGE = 120
YOUNG_UP_TO = 25
MAX_PLACE = 100
#: A query string longer than this is refused before it is read.
MAX_QUERY = 20_000
TRUE, FALSE = ("true", "1"), ("false", "0")

NOT_AN_EMERGENCY = ("This directory is not an emergency service. If someone is in immediate "
                    "danger, call 999. For urgent mental health help, call NHS 111 and choose "
                    "option 2.")
#: What to do about an unconfirmed contact detail of a service with no website.
CHECK_SOURCE = "check the source page for current details"
UNAVAILABLE = DIRECTORY_UNAVAILABLE

AREA_LABELS = {code: name for name, code in UPPER_TIER_AREAS.items()}
AREA_LABELS[NATIONAL] = "UK-wide"
_CONTROL = re.compile(r"[\x00-\x1f\x7f]")
_WHOLE_NUMBER = re.compile(r"[0-9]{1,3}")


def label(code: str, labels: Dict[str, str]) -> str:
    return labels.get(code, code.replace("_", " ").capitalize())


def _ordered(codes: Tuple[str, ...], known: Dict[str, str]) -> List[str]:
    """Codes in the order of a vocabulary, any unknown ones after."""
    order = {code: i for i, code in enumerate(known)}
    return sorted(codes, key=lambda code: (order.get(code, len(order)), code))


@lru_cache(maxsize=1)
def catalogue() -> Catalogue:
    """One catalogue per process, created on first use (CATALOGUE_DB_URL selects the DB)."""
    return Catalogue()


# -- parameters ------------------------------------------------------------------------------

class BadParameter(Exception):
    def __init__(self, message: str, parameter: Optional[str] = None):
        super().__init__(message)
        self.message = message
        self.parameter = parameter


@dataclass(frozen=True)
class Filters:
    need: str
    age: Optional[int]
    place: Optional[str]
    audience: Optional[str]
    open_now: bool
    limit: int


def query_pairs(query_string: str) -> List[Tuple[str, str]]:
    """The query's (name, value) pairs in order, blank values kept; BadParameter if unreadable."""
    if len(query_string) > MAX_QUERY:
        raise BadParameter("The query is too long.")
    try:
        return parse_qsl(query_string, keep_blank_values=True, max_num_fields=2 * len(PARAMETERS))
    except ValueError:
        raise BadParameter("Too many parameters. Use each of " + ", ".join(PARAMETERS)
                           + " at most once.") from None


def parse(pairs: List[Tuple[str, str]]) -> Filters:
    """Checks every parameter; raises BadParameter for the first problem found."""
    given: Dict[str, str] = {}
    for name, value in pairs:
        if name not in PARAMETERS:
            raise BadParameter(f"Unknown parameter \"{name[:40]}\". Use only: "
                               f"{', '.join(PARAMETERS)}.", name[:40])
        if name in given:
            raise BadParameter(f"{name} is given more than once; give it once.", name)
        if _CONTROL.search(value):
            raise BadParameter(f"{name} contains characters that are not allowed.", name)
        given[name] = value.strip()
    values = {name: value for name, value in given.items() if value}  # blank: not given
    return Filters(need=_need(values.get("need")), age=_age(values.get("age")),
                   place=_place(values.get("place")), audience=_audience(values.get("audience")),
                   open_now=_open_now(values.get("open_now")), limit=_limit(values.get("limit")))


def _need(value: Optional[str]) -> str:
    needs = load_taxonomy().needs
    if value is None:
        raise BadParameter("Choose what the support is for (need), for example anxiety or "
                           "general_wellbeing.", "need")
    if value not in needs:
        raise BadParameter("need is not one of: " + ", ".join(needs) + ".", "need")
    return value


def _age(value: Optional[str]) -> Optional[int]:
    if value is None:
        return None
    if not _WHOLE_NUMBER.fullmatch(value) or int(value) > MAX_AGE:
        raise BadParameter(f"age must be a whole number from 0 to {MAX_AGE}.", "age")
    return int(value)


def _place(value: Optional[str]) -> Optional[str]:
    if value is not None and len(value) > MAX_PLACE:
        raise BadParameter(f"place is too long: give a postcode or a town (at most {MAX_PLACE} "
                           "characters).", "place")
    return value


def _audience(value: Optional[str]) -> Optional[str]:
    if value is not None and value not in AUDIENCE_LABELS:
        raise BadParameter("audience is not one of: " + ", ".join(AUDIENCE_LABELS) + ".",
                           "audience")
    return value


def _open_now(value: Optional[str]) -> bool:
    if value is None:
        return False
    if value.lower() not in TRUE + FALSE:
        raise BadParameter("open_now must be true, false, 1 or 0.", "open_now")
    return value.lower() in TRUE


def _limit(value: Optional[str]) -> int:
    if value is None:
        return DEFAULT_LIMIT
    if not _WHOLE_NUMBER.fullmatch(value) or not 1 <= int(value) <= MAX_LIMIT:
        raise BadParameter(f"limit must be a whole number from 1 to {MAX_LIMIT}.", "limit")
    return int(value)


def resolve_place(place: Optional[str]) -> Optional[Dict[str, Any]]:
    """The place as the search needs it; BadParameter when it is unknown or ambiguous."""
    if place is None:
        return None
    found = locality.resolve(place)
    if found.status == locality.UNKNOWN:
        raise BadParameter("Place not recognised. Give a UK postcode, the first part of one "
                           "(for example ME14) or a town in Kent, Medway, Essex, Southend or "
                           "Thurrock; leave it out for UK-wide services only.", "place")
    if found.status == locality.AMBIGUOUS:
        options = list(dict.fromkeys(
            f"{c.district} ({c.upper_tier})" if c.district and c.district != c.upper_tier
            else (c.district or c.upper_tier) for c in found.candidates))
        raise BadParameter(f"{found.matched or 'That place'} could be in more than one district: "
                           + " or ".join(options) + ". Give a full postcode or the town.",
                           "place")
    inside = found.status == locality.FOUND
    return {"query": place, "status": found.status, "label": found.label,
            "area": found.area if inside else None,
            "district": found.district if inside else None}


# -- results ---------------------------------------------------------------------------------

def _ages(s: ServiceView) -> str:
    low, high = s.minimum_age, s.maximum_age
    if not low and high is None:
        return "All ages"
    if high is None:
        return f"{low} and over"
    return f"Up to {high}" if low is None else f"{low} to {high}"


def _covers(s: ServiceView) -> str:
    if s.national:
        return AREA_LABELS[NATIONAL]
    where = " and ".join(label(a, AREA_LABELS) for a in s.areas)
    return f"{where} ({', '.join(s.districts)} only)" if s.districts else where


def _href(kind: str, value: str) -> Optional[str]:
    if kind == "phone":
        return "tel:" + re.sub(r"[^\d+]", "", value)
    if kind == "text":
        return "sms:" + re.sub(r"[^\d+]", "", value)
    if kind == "email":
        return "mailto:" + value
    return _web(value)


def _web(value: Optional[str]) -> Optional[str]:
    """A link only to a web address (never javascript: or the like)."""
    return value if value and re.fullmatch(r"https?://[^\s<>\"']+", value) else None


def contact(c: ContactView, check: str = CHECK_WEBSITE) -> Dict[str, Any]:
    """One contact detail; an unconfirmed number or address is withheld, with what to do."""
    withheld = is_withheld(c.kind, c.status)
    return {
        "kind": c.kind,
        "value": None if withheld else c.value,
        "href": None if withheld else _href(c.kind, c.value),
        "keyword": None if withheld else c.keyword,
        "note": c.note,
        "hours": c.hours,
        "confirmed": c.confirmed,
        "withheld": withheld,
        "check": check if (not c.confirmed or c.stale) else None,
        "source": c.source,
        "last_checked": c.assured_date.isoformat(),
        "stale": c.stale,
    }


def result(match: Match, opened: Optional[bool]) -> Dict[str, Any]:
    s = match.service
    routes = list(s.access)
    refer = how_to_refer(s)
    has_website = bool(_web(s.url)) or any(
        c.kind in ("website", "webchat") and _web(c.value) for c in s.contacts)
    check = CHECK_WEBSITE if has_website else CHECK_SOURCE
    audiences = _ordered(s.audiences, AUDIENCE_LABELS)
    thrive = _ordered(s.thrive, THRIVE_ORDER)
    return {
        "id": s.id,
        "name": s.name,
        "organisation": s.organisation,
        "summary": s.summary,
        "description": s.description,
        "website": _web(s.url),
        "who": {
            "minimum_age": s.minimum_age,
            "maximum_age": s.maximum_age,
            "ages": _ages(s),
            "serves_adults": s.serves_adults,
            "audiences": audiences,
            "audience_labels": [label(a, AUDIENCE_LABELS) for a in audiences],
            "areas": list(s.areas),
            "districts": list(s.districts),
            "covers": _covers(s),
            "national": s.national,
        },
        "access": {
            "routes": routes,
            "route_labels": [label(a, ACCESS_LABELS) for a in routes],
            "how_to_refer": refer or None,
            "note": s.access_note,
        },
        "how_to_contact": how_to_reach(s),
        "contacts": [contact(c, check) for c in s.contacts],
        "hours": s.hours or ("24/7" if s.always_open else None),
        "open_now": opened,
        "thrive": thrive,
        "thrive_labels": [label(t, THRIVE_ORDER) for t in thrive],
        "source": s.source,
        "source_link": _web(s.source),
        "last_checked": s.assured_date.isoformat(),
        "stale": s.stale or any(c.stale for c in s.contacts),
        "reason": match.reason,
    }


def find(filters: Filters, at: datetime) -> Dict[str, Any]:
    """The directory's answer for checked filters (may raise if the catalogue is down)."""
    place = resolve_place(filters.place)
    area = place["area"] if place else None
    district = place["district"] if place else None
    matches = catalogue().search(filters.need, age=filters.age, area=area, district=district,
                                 audience=filters.audience, at=at, limit=None)
    rows = [(m, open_now(m.service, at)) for m in matches]
    if filters.open_now:
        rows = [(m, opened) for m, opened in rows if opened is True]
    shown = rows[:filters.limit]
    notes = []
    if place is None:
        notes.append("No place given: UK-wide services only. Add a postcode or town for local "
                     "services.")
    elif area is None:
        notes.append("Outside Kent, Medway, Essex, Southend and Thurrock: UK-wide services "
                     "only.")
    elif district is None:
        notes.append("Give a postcode or town to include services for particular districts.")
    if filters.age is not None and filters.age > YOUNG_UP_TO:
        notes.append(f"Over {YOUNG_UP_TO}: only services that also see adults are shown.")
    if filters.open_now:
        notes.append("Only services known to be open now are shown; those whose hours are not "
                     "known are left out.")
    if filters.open_now and not rows:
        notes.append(DIRECTORY_NONE_OPEN)
    elif not rows:
        notes.append(DIRECTORY_NO_MATCH)
    local = at.astimezone(UK)
    return {
        "filters": {
            "need": filters.need,
            "need_label": label(filters.need, NEED_LABELS),
            "age": filters.age,
            "place": place,
            "area": area,
            "district": district,
            "audience": filters.audience,
            "audience_label": label(filters.audience, AUDIENCE_LABELS) if filters.audience
            else None,
            "open_now": filters.open_now,
            "limit": filters.limit,
        },
        "checked_at": local.isoformat(timespec="minutes"),
        "checked_at_text": f"{local:%H:%M} on {local:%A} {local.day} {local:%B %Y} (UK time)",
        "count": len(shown),
        "total": len(rows),
        "results": [result(m, opened) for m, opened in shown],
        "notes": notes,
        "emergency": NOT_AN_EMERGENCY + " " + ROUTES_24_7,
    }


def lookup(query_string: Optional[str]) -> Tuple[int, Dict[str, Any]]:
    """(HTTP status, body) for a query string (None: not readable as text): the one function
    behind the API and the page."""
    try:
        if query_string is None:
            raise BadParameter("The address could not be read: its query must be UTF-8 text.")
        filters = parse(query_pairs(query_string))
        return 200, find(filters, now())
    except BadParameter as problem:
        return 400, {"error": problem.message, "parameter": problem.parameter}
    except Exception:  # the database, or anything else: never a bare 500 from a safety tool
        logger.exception("services directory lookup failed")
        return 503, {"error": UNAVAILABLE, "parameter": None}


# -- HTTP ------------------------------------------------------------------------------------

HEADERS = {
    "Content-Security-Policy": "default-src 'self'; base-uri 'none'; form-action 'self'; "
                               "frame-ancestors 'none'",
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
    "Cache-Control": "no-store",
}

_environment = Environment(loader=FileSystemLoader(str(TEMPLATES)),
                           autoescape=select_autoescape(["html"], default=True),
                           trim_blocks=True, lstrip_blocks=True)


def query_of(request: Request) -> Optional[str]:
    """The raw query string, or None if it is not UTF-8 (Sanic would raise)."""
    try:
        return request.query_string
    except UnicodeDecodeError:
        return None


def form_values(query_string: Optional[str]) -> Dict[str, str]:
    """What was typed, to fill the form back in (whatever its problems)."""
    try:
        pairs = query_pairs(query_string or "")
    except BadParameter:
        return {}
    values: Dict[str, str] = {}
    for name, value in pairs:
        if name in PARAMETERS and name not in values:
            values[name] = value[:2 * MAX_PLACE]
    return values


def render_page(status: int, body: Optional[Dict[str, Any]], values: Dict[str, str],
                query_string: str = "") -> str:
    return _environment.get_template("directory.html").render(
        status=status, body=body, values=values, api_link="/api/services?" + query_string,
        needs=[
            (code, label(code, NEED_LABELS)) for code in load_taxonomy().needs],
        audiences=list(AUDIENCE_LABELS.items()), emergency=NOT_AN_EMERGENCY,
        routes=ROUTES_24_7, max_age=MAX_AGE, max_limit=MAX_LIMIT, max_place=MAX_PLACE,
        default_limit=DEFAULT_LIMIT)


@blueprint.get("/api/services")
async def api_services(request: Request):
    status, body = await asyncio.to_thread(lookup, query_of(request))
    return response.json(body, status=status, headers=HEADERS)


@blueprint.get("/directory")
async def directory_page(request: Request):
    query = query_of(request)
    status, body = (await asyncio.to_thread(lookup, query)) if query != "" else (200, None)
    try:
        page = render_page(status, body, form_values(query), query or "")
    except Exception:
        logger.exception("services directory page failed")
        return response.text(UNAVAILABLE, status=503, headers=HEADERS)
    return response.html(page, status=status, headers=HEADERS)


@blueprint.get("/directory/directory.css")
async def directory_css(request: Request):
    try:
        css = STYLESHEET.read_text(encoding="utf-8")
    except OSError:
        logger.exception("services directory stylesheet missing")
        css = ""
    return response.text(css, content_type="text/css; charset=utf-8",
                         headers={**HEADERS, "Cache-Control": "max-age=3600"})
