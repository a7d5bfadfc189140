"""Catalogue entries as Open Referral UK records: services, taxonomies, terms, locations.

Built from the catalogue's data-file documents (what ``documents_from_db`` returns), so the
feed and the one-file export say the same thing in the same words. The rules:

- Ids are stable UUIDs (:mod:`.ids`); a service read from another feed keeps that feed's id.
- Fields without a value are left out, never null or empty (the profile's compliance rule).
- Only confirmed phone and text numbers and email addresses are given. A detail not yet
  confirmed is still listed as a way to reach the service, without its number or address and
  with the bot's words "check the website for current details". Numbers go in HSDS's
  ``phones`` (the UK profile has no field for a number; extra fields are allowed).
- Service areas carry the ONS statistical-geography URI of the council or district
  (``http://statistics.data.gov.uk/id/statistical-geography/E10000016`` for Kent); services
  for the whole country carry the United Kingdom's (K02000001).
- Needs, urgent classes, audiences, THRIVE groupings, access routes and eligibility groups
  (whom a service is only for: young carers, care leavers...) are six published taxonomies,
  linked to services as attributes.
- Weekly hours are the profile's weekly rules (``freq`` WEEKLY, ``byday``, ``opens_at``,
  ``closes_at`` in HH:MM, UK local time as the notes say); 24/7 is 00:00 to 23:59 every day.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from typing import Any, Dict, Iterable, List, Optional, Tuple

from signposting.replies import CHECK_WEBSITE, contact_line

from ..hours import DAYS
from ..labels import (
    ACCESS_LABELS,
    AUDIENCE_LABELS,
    NEED_LABELS,
    THRIVE_DESCRIPTIONS,
    THRIVE_LABELS,
    URGENT_LABELS,
)
from ..locality import UPPER_TIER_AREAS, district_areas, gss_codes
from ..models import ACCESS_ROUTES, CONFIRMED, ELIGIBILITY_GROUPS, is_withheld
from ..query import ContactView
from ..taxonomy import NATIONAL, load_taxonomy
from .ids import oruk_id, part_id

RRULE_DAYS = ("MO", "TU", "WE", "TH", "FR", "SA", "SU")
ONS_URI = "http://statistics.data.gov.uk/id/statistical-geography/"
UNITED_KINGDOM = "K02000001"
ALL_DAY_CLOSE = "23:59"
UK_TIME_NOTE = "Times are UK local time (Europe/London)."
BANK_HOLIDAY_NOTE = "Closed on bank holidays in England."
ALWAYS_OPEN_TEXT = "Open 24 hours a day, 7 days a week."
AREA_NAMES = {**{code: name for name, code in UPPER_TIER_AREAS.items()},
              NATIONAL: "United Kingdom"}


@dataclass(frozen=True)
class TaxonomySpec:
    """One of the catalogue's vocabularies as an ORUK taxonomy."""

    key: str  # the taxonomy's key in attributes (``need``)
    field: str  # the data-file field holding the codes (``needs``)
    link_type: str
    name: str
    description: str


TAXONOMIES = (
    TaxonomySpec("need", "needs", "need", "Needs",
                 "What a child or young person needs support with: the needs this catalogue's "
                 "services are tagged with."),
    TaxonomySpec("urgent", "urgent", "urgent_class", "Urgent classes",
                 "Situations that need 24/7 routes at once; services tagged with one are routes "
                 "for it."),
    TaxonomySpec("audience", "audiences", "audience", "Audiences",
                 "Who a service is for: young people, parents and carers, or professionals."),
    TaxonomySpec("thrive", "thrive", "thrive_grouping", "THRIVE groupings",
                 "The THRIVE framework groupings (Kent and Medway Local Transformation Plan) a "
                 "service offers."),
    TaxonomySpec("access", "access", "access_route", "Access routes",
                 "How a young person can reach a service: directly, or through someone who "
                 "refers them."),
    TaxonomySpec("group", "groups", "eligibility_group", "Eligibility groups",
                 "Whom a service is only for: young people in a particular situation (young "
                 "carers, care-experienced young people...). A service with none is open to "
                 "everyone with the need."),
)


@lru_cache(maxsize=None)
def _terms_of(spec: TaxonomySpec) -> List[Tuple[str, str, str]]:
    """(code, name, description) of every term of a taxonomy, in the vocabulary's order."""
    taxonomy = load_taxonomy()
    if spec.key == "need":
        return [(c, NEED_LABELS.get(c, c), d) for c, d in taxonomy.needs.items()]
    if spec.key == "urgent":
        return [(c, URGENT_LABELS.get(c, c), d) for c, d in taxonomy.urgent.items()]
    if spec.key == "audience":
        return [(c, AUDIENCE_LABELS.get(c, c), d) for c, d in taxonomy.audiences.items()]
    if spec.key == "thrive":
        return [(c, THRIVE_LABELS[c], THRIVE_DESCRIPTIONS[c]) for c in THRIVE_LABELS
                if c in taxonomy.thrive]
    if spec.key == "group":
        return [(c, who[:1].upper() + who[1:], f"Only for {who}.")
                for c, who in ELIGIBILITY_GROUPS.items()]
    return [(c, ACCESS_LABELS[c].capitalize(), f"How the service can be reached: "
             f"{ACCESS_LABELS[c]}.") for c in ACCESS_ROUTES]


@lru_cache(maxsize=None)
def taxonomy_id(key: str) -> str:
    return oruk_id("taxonomy", key)


@lru_cache(maxsize=None)
def term_id(key: str, code: str) -> str:
    return oruk_id("term", f"{key}:{code}")


def taxonomy_record(spec: TaxonomySpec, with_terms: bool) -> Dict[str, Any]:
    record: Dict[str, Any] = {"id": taxonomy_id(spec.key), "name": spec.name,
                              "description": spec.description}
    if with_terms:
        record["taxonomy_terms"] = [term_record(spec.key, code) for code, _, _ in _terms_of(spec)]
    return record


def term_record(key: str, code: str) -> Dict[str, Any]:
    return dict(_term_record(key, code))


@lru_cache(maxsize=None)
def _term_record(key: str, code: str) -> Tuple[Tuple[str, str], ...]:
    spec = next(s for s in TAXONOMIES if s.key == key)
    known = {c: (name, description) for c, name, description in _terms_of(spec)}
    name, description = known.get(code, (code, code))
    return (("id", term_id(key, code)), ("name", name), ("description", description),
            ("taxonomy", key), ("taxonomy_id", taxonomy_id(key)), ("term", code))


def all_terms() -> List[Dict[str, Any]]:
    return [term_record(spec.key, code) for spec in TAXONOMIES for code, _, _ in _terms_of(spec)]


# -- services --------------------------------------------------------------------------------

def published_id(kind: str, record: Dict[str, Any]) -> str:
    """A record's UUID: the one its source feed gave it, else the project's own."""
    feed = record.get("feed")
    return feed["id"].lower() if feed else oruk_id(kind, record["id"])


def _present(record: Dict[str, Any]) -> Dict[str, Any]:
    """The record without empty values (None, "", []): the profile omits them."""
    return {k: v for k, v in record.items() if v is not None and v != "" and v != []}


def organization_record(org: Dict[str, Any]) -> Dict[str, Any]:
    return _present({"id": published_id("organisation", org), "name": org["name"],
                     "description": org.get("description") or org["name"],
                     "website": org.get("url")})


def _confirmed_email(svc: Dict[str, Any]) -> Optional[str]:
    return next((c["value"] for c in svc["contacts"]
                 if c["kind"] == "email" and c["status"] == CONFIRMED), None)


def list_record(svc: Dict[str, Any], org: Dict[str, Any]) -> Dict[str, Any]:
    """A service as the profile lists it: its one-to-one fields and its organisation."""
    sid = published_id("service", svc)
    organization = organization_record(org)
    return _present({
        "id": sid, "organization_id": organization["id"], "name": svc["name"],
        "description": svc["description"].strip(), "url": svc.get("url"),
        "email": _confirmed_email(svc), "status": svc.get("status", "active"),
        "minimum_age": svc.get("minimum_age"), "maximum_age": svc.get("maximum_age"),
        "assured_date": svc["assured_date"], "organization": organization,
    })


def full_record(svc: Dict[str, Any], org: Dict[str, Any]) -> Dict[str, Any]:
    """A service with everything the profile nests in it."""
    sid = published_id("service", svc)
    record = list_record(svc, org)
    contacts, phones = _contacts(sid, svc)
    record.update(_present({
        "schedules": _schedules(sid, svc), "service_areas": _service_areas(sid, svc),
        "service_at_locations": [sal] if (sal := _service_at_location(sid, svc)) else [],
        "contacts": contacts, "attributes": _attributes(sid, svc), "phones": phones,
    }))
    return record


def _schedules(sid: str, svc: Dict[str, Any]) -> List[Dict[str, Any]]:
    closed = [BANK_HOLIDAY_NOTE] if svc.get("closed_bank_holidays") else []
    notes = " ".join([UK_TIME_NOTE] + closed)
    rows = svc.get("schedule") or []
    if svc.get("always_open"):
        rows = [{"days": list(DAYS), "opens": "00:00", "closes": "24:00"}]
    description = svc.get("hours") or (ALWAYS_OPEN_TEXT if svc.get("always_open") else None)
    if not rows:
        return [_present({"id": part_id("schedule", sid, 0), "service_id": sid,
                          "description": description, "notes": notes})] if description else []
    return [_present({
        "id": part_id("schedule", sid, i), "service_id": sid, "freq": "WEEKLY", "interval": 1,
        "byday": ",".join(RRULE_DAYS[DAYS.index(d)] for d in row["days"]),
        "opens_at": row["opens"],
        "closes_at": ALL_DAY_CLOSE if row["closes"] == "24:00" else row["closes"],
        "description": description, "notes": notes,
    }) for i, row in enumerate(rows)]


def _service_areas(sid: str, svc: Dict[str, Any]) -> List[Dict[str, Any]]:
    codes, in_area = gss_codes(), district_areas()
    taxonomy_areas = load_taxonomy().areas
    districts = svc.get("districts") or []
    out = []
    for area in svc["areas"]:
        # A unitary council is its own only district: "Thurrock" in Thurrock is all of it.
        local = [d for d in districts if in_area.get(d) == area and codes[d] != codes.get(area)]
        for district in local or [None]:
            if district:
                name, text, code = district, f"{district}, {AREA_NAMES[area]}", codes[district]
            elif area == NATIONAL:
                name = text = AREA_NAMES[NATIONAL]
                code = UNITED_KINGDOM
            else:
                name, text, code = AREA_NAMES[area], taxonomy_areas[area], codes[area]
            out.append({"id": part_id("area", sid, area, district or ""), "service_id": sid,
                        "name": name, "service_area": text, "uri": ONS_URI + code})
    return out


def _attributes(sid: str, svc: Dict[str, Any]) -> List[Dict[str, Any]]:
    return [{"id": part_id("attribute", sid, spec.key, code), "link_id": sid,
             "link_type": spec.link_type, "taxonomy_term_id": term_id(spec.key, code),
             "taxonomy_term": term_record(spec.key, code)}
            for spec in TAXONOMIES for code in svc.get(spec.field) or []]


def contact_view(c: Dict[str, Any]) -> ContactView:
    return ContactView(c["kind"], c["value"], c.get("keyword"), c.get("note"), c.get("hours"),
                       c["status"], c["source"], date.fromisoformat(c["assured_date"]))


_KIND_NAMES = {"phone": "Phone", "text": "Text", "webchat": "Web chat", "email": "Email",
               "website": "Website"}


def contact_name(c: Dict[str, Any]) -> str:
    """How a contact detail is described: in the bot's words, without a number or address
    that is not confirmed."""
    if is_withheld(c["kind"], c["status"]):
        return f"{_KIND_NAMES[c['kind']]}: {CHECK_WEBSITE}"
    line = contact_line(contact_view(c))
    return line[:1].upper() + line[1:]


def _contacts(sid: str, svc: Dict[str, Any]) -> Tuple[List[Dict[str, Any]], List[Dict[str, Any]]]:
    contacts, phones = [], []
    for i, c in enumerate(svc["contacts"]):
        cid = part_id("contact", sid, i)
        contacts.append({"id": cid, "service_id": sid, "name": contact_name(c)})
        if c["kind"] in ("phone", "text") and c["status"] == CONFIRMED:
            phones.append(_present({
                "id": part_id("phone", sid, i), "service_id": sid, "contact_id": cid,
                "number": c["value"], "type": "voice" if c["kind"] == "phone" else "text",
                "description": "; ".join(p for p in (
                    f"text {c['keyword']} to this number" if c.get("keyword") else "",
                    c.get("note", ""), c.get("hours", "")) if p)}))
    return contacts, phones


def _ways(contacts: Iterable[Dict[str, Any]]) -> str:
    words = {"phone": "phone", "text": "text", "email": "email", "webchat": "online",
             "website": "online"}
    ways = list(dict.fromkeys(words[c["kind"]] for c in contacts))
    return ways[0] if len(ways) == 1 else ", ".join(ways[:-1]) + " or " + ways[-1]


def _service_at_location(sid: str, svc: Dict[str, Any]) -> Optional[Dict[str, Any]]:
    """Services reached by phone, text, email or online are at one virtual location (the
    catalogue holds no addresses); those reached only through school or a GP are at none."""
    if not svc["contacts"]:
        return None
    location_id = part_id("location", sid)
    ways = _ways(svc["contacts"])
    return {"id": part_id("service_at_location", sid), "service_id": sid,
            "location_id": location_id,
            "location": {"id": location_id, "location_type": "virtual",
                         "name": f"By {ways}",
                         "description": f"{svc['name']} is reached by {ways}; this catalogue "
                                        f"lists no address for it."}}
