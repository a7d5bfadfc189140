"""Reading ORUK service parts back into the catalogue's vocabulary: weekly hours, taxonomy
codes and areas. Shared by the one-file import (this project's own exports) and by the feed
reader (any ORUK feed), so that both read a schedule or a service area the same way.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any, Dict, Iterable, List, Optional, Tuple

from ..hours import DAYS, parse_time
from ..locality import UPPER_TIER_AREAS, district_areas, gss_codes
from ..models import ACCESS_ROUTES, ELIGIBILITY_GROUPS
from ..taxonomy import NATIONAL, load_taxonomy
from .records import (
    ALL_DAY_CLOSE,
    ALWAYS_OPEN_TEXT,
    BANK_HOLIDAY_NOTE,
    ONS_URI,
    RRULE_DAYS,
    TAXONOMIES,
    UNITED_KINGDOM,
    taxonomy_id,
)

#: ONS codes of the whole country (UK, Great Britain, England) read as national services.
COUNTRY_CODES = {UNITED_KINGDOM, "K03000001", "E92000001"}


@dataclass
class WeeklyHours:
    rows: List[Dict[str, Any]] = field(default_factory=list)  # data-file schedule rows
    every_day_all_day: bool = False
    description: Optional[str] = None
    closed_bank_holidays: bool = False


def _time(text: Any) -> Optional[str]:
    """'09:00', '09:00:00', '09:00Z' or '09:00+01:00' -> '09:00'; None if not a time."""
    if not isinstance(text, str) or parse_time(text[:5]) is None:
        return None
    return text[:5]


def weekly_hours(schedules: Iterable[Dict[str, Any]]) -> WeeklyHours:
    """The weekly rules among an ORUK service's schedules (others, e.g. monthly, are left)."""
    hours = WeeklyHours()
    for schedule in schedules or []:
        if not isinstance(schedule, dict):
            continue
        hours.description = hours.description or schedule.get("description") or None
        if BANK_HOLIDAY_NOTE in str(schedule.get("notes") or ""):
            hours.closed_bank_holidays = True
        days = [d.strip().upper() for d in str(schedule.get("byday") or "").split(",")]
        opens, closes = _time(schedule.get("opens_at")), _time(schedule.get("closes_at"))
        if (schedule.get("freq") or "WEEKLY").upper() != "WEEKLY" or not opens or not closes \
                or not days or any(d not in RRULE_DAYS for d in days):
            continue
        hours.rows.append({"days": [DAYS[RRULE_DAYS.index(d)] for d in dict.fromkeys(days)],
                           "opens": opens,
                           "closes": "24:00" if closes == ALL_DAY_CLOSE else closes})
    covered = {d for row in hours.rows if row["opens"] == "00:00" and row["closes"] == "24:00"
               for d in row["days"]}
    hours.every_day_all_day = covered == set(DAYS)
    if hours.description == ALWAYS_OPEN_TEXT:
        hours.description = None
    return hours


def taxonomy_codes(attributes: Iterable[Dict[str, Any]]) -> Dict[str, List[str]]:
    """The catalogue's codes among a service's attributes, by data-file field (``needs``):
    terms of this project's taxonomies (by taxonomy id, or by the taxonomy's key) whose code
    the vocabulary knows. Terms of other taxonomies are not this catalogue's to guess."""
    taxonomy = load_taxonomy()
    known = {"need": set(taxonomy.needs), "urgent": set(taxonomy.urgent),
             "audience": set(taxonomy.audiences), "thrive": set(taxonomy.thrive),
             "access": set(ACCESS_ROUTES), "group": set(ELIGIBILITY_GROUPS)}
    by_id = {taxonomy_id(spec.key): spec for spec in TAXONOMIES}
    by_key = {spec.key: spec for spec in TAXONOMIES}
    found: Dict[str, List[str]] = {spec.field: [] for spec in TAXONOMIES}
    for attribute in attributes or []:
        term = (attribute or {}).get("taxonomy_term") or {}
        spec = by_id.get(str(term.get("taxonomy_id") or "").lower()) \
            or by_key.get(str(term.get("taxonomy")))
        code = term.get("term") or term.get("name")
        if spec is None or not isinstance(code, str):
            continue
        if code not in known[spec.key]:
            continue
        if code not in found[spec.field]:
            found[spec.field].append(code)
    return {name: sorted(codes) for name, codes in found.items()}


def _place_names() -> Dict[str, Tuple[str, Optional[str]]]:
    names: Dict[str, Tuple[str, Optional[str]]] = {}
    for name, area in UPPER_TIER_AREAS.items():
        names[name.lower()] = (area, None)
        names[area] = (area, None)
    for district, area in district_areas().items():
        names.setdefault(district.lower(), (area, district))
    names.update({"united kingdom": (NATIONAL, None), "national": (NATIONAL, None),
                  "england": (NATIONAL, None)})
    return names


def place_of(service_area: Dict[str, Any]) -> Optional[Tuple[str, Optional[str]]]:
    """(area, district or None) of one ORUK service area, from its ONS URI, else its name."""
    uri = str(service_area.get("uri") or "")
    code = uri[len(ONS_URI):] if uri.startswith(ONS_URI) else \
        (re.search(r"statistical-geography/([EKWSN][0-9]{8})$", uri) or [None, None])[1]
    if code:
        if code in COUNTRY_CODES:
            return NATIONAL, None
        for key, value in gss_codes().items():
            if value == code:
                return (key, None) if key in UPPER_TIER_AREAS.values() \
                    else (district_areas()[key], key)
    names = _place_names()
    for text in (service_area.get("name"), service_area.get("service_area")):
        if isinstance(text, str):
            words = text.strip().lower()
            if words in names:
                return names[words]
            head = words.split(",")[0].strip()  # "Maidstone, Kent"
            if head in names:
                return names[head]
    return None


def areas_of(service_areas: Iterable[Dict[str, Any]]) -> Tuple[List[str], List[str]]:
    """(areas, districts) of a service's ORUK service areas; a service for one district of an
    area is kept to that district, one for the whole area is not."""
    places = [p for p in (place_of(a) for a in service_areas or [] if isinstance(a, dict)) if p]
    areas = sorted({area for area, _ in places})
    whole = {area for area, district in places if district is None}
    districts = sorted({d for area, d in places if d and area not in whole})
    return areas, districts
