"""Open Referral UK (HSDS 3.0 UK profile) export and import.

Export turns the catalogue into ORUK service objects that validate against the copied schema
(``oruk_schema/service.json``): standard fields where ORUK has them (schedules as weekly
RRULE parts, service areas, taxonomy attributes, HSDS phones) and ``x_``-prefixed extension
fields for what ORUK has no place for but this project must not lose: each contact's source,
status and assured date, the SMS summary, access notes. Import reads the same shape back into
data-file documents, which go through the loader's validation like any hand-edited file.
"""
from __future__ import annotations

import json
import uuid
from collections import defaultdict
from functools import lru_cache
from pathlib import Path
from typing import Dict, Iterable, List, Tuple

import jsonschema
from sqlalchemy import select
from sqlalchemy.engine import Engine
from sqlalchemy.orm import Session, selectinload

from .hours import DAYS, format_time
from .locality import district_areas
from .models import ATTRIBUTE_KEYS, Organisation, Service
from .taxonomy import NATIONAL, load_taxonomy

SCHEMA_DIR = Path(__file__).with_name("oruk_schema")
NAMESPACE = uuid.uuid5(uuid.NAMESPACE_DNS, "catalogue.kent-essex-youth-wellbeing.invalid")
RRULE_DAYS = ("MO", "TU", "WE", "TH", "FR", "SA", "SU")
TAXONOMIES = ATTRIBUTE_KEYS

Documents = List[Tuple[str, dict]]


def oruk_id(kind: str, key: str) -> str:
    return str(uuid.uuid5(NAMESPACE, f"{kind}:{key}"))


@lru_cache(maxsize=1)
def service_schema() -> dict:
    return json.loads((SCHEMA_DIR / "service.json").read_text(encoding="utf-8"))


def validation_errors(oruk_service: dict) -> List[str]:
    validator = jsonschema.Draft202012Validator(
        service_schema(), format_checker=jsonschema.FormatChecker())
    return [f"{'/'.join(map(str, e.path)) or '-'}: {e.message}"
            for e in validator.iter_errors(oruk_service)]


# -- catalogue database -> data-file documents ----------------------------------------------

def documents_from_db(engine: Engine) -> Documents:
    """Every service (any status), as data-file documents grouped by their original file."""
    with Session(engine, future=True) as session:
        services = session.execute(
            select(Service).options(
                selectinload(Service.contacts), selectinload(Service.areas),
                selectinload(Service.attributes), selectinload(Service.schedules),
                selectinload(Service.organisation))
            .order_by(Service.data_file, Service.id)
        ).scalars().unique().all()
        organisations = session.execute(select(Organisation).order_by(Organisation.id)).scalars().all()
        org_file = {}
        files: Dict[str, dict] = defaultdict(lambda: {"organisations": [], "services": []})
        for service in services:
            org_file.setdefault(service.organisation_id, service.data_file)
            files[service.data_file]["services"].append(_service_document(service))
        for org in organisations:
            doc = {"id": org.id, "name": org.name}
            if org.description:
                doc["description"] = org.description
            if org.url:
                doc["url"] = org.url
            files[org_file.get(org.id, "national.yml")]["organisations"].append(doc)
    return sorted(files.items())


def _schedule_document(rows: Iterable[Tuple[int, int, int]]) -> List[dict]:
    grouped: Dict[Tuple[int, int], List[int]] = defaultdict(list)
    for day, opens, closes in sorted(rows):
        grouped[(opens, closes)].append(day)
    return [{"days": [DAYS[d] for d in sorted(days)], "opens": format_time(o), "closes": format_time(c)}
            for (o, c), days in sorted(grouped.items(), key=lambda kv: (min(kv[1]), kv[0]))]


def _service_document(s: Service) -> dict:
    doc = {"id": s.id, "organisation": s.organisation_id, "name": s.name, "summary": s.summary,
           "description": s.description}
    optional = {
        "url": s.url, "email": s.email, "status": s.status, "status_note": s.status_note,
        "minimum_age": s.minimum_age, "maximum_age": s.maximum_age,
        "serves_adults": s.serves_adults or None, "always_open": s.always_open or None,
        "closed_bank_holidays": s.closed_bank_holidays or None, "hours": s.hours,
    }
    doc.update({k: v for k, v in optional.items() if v is not None})
    own = [(r.weekday, r.opens, r.closes) for r in s.schedules if r.contact_position is None]
    if own:
        doc["schedule"] = _schedule_document(own)
    doc["areas"] = sorted({a.area for a in s.areas})
    districts = sorted({a.district for a in s.areas if a.district})
    if districts:
        doc["districts"] = districts
    for taxonomy, key in TAXONOMIES:
        codes = s.codes(taxonomy)
        if codes or key in ("audiences", "thrive", "access"):
            doc[key] = codes
    if s.access_note:
        doc["access_note"] = s.access_note
    doc["source"] = s.source
    doc["assured_date"] = s.assured_date.isoformat()
    if s.source_date:
        doc["source_date"] = s.source_date
    if s.provider_history:
        doc["provider_history"] = json.loads(s.provider_history)
    doc["contacts"] = []
    for c in s.contacts:
        contact = {"kind": c.kind, "value": c.value}
        contact.update({k: v for k, v in (("keyword", c.keyword), ("note", c.note),
                                          ("hours", c.hours)) if v})
        rows = [(r.weekday, r.opens, r.closes) for r in s.schedules if r.contact_position == c.position]
        if rows:
            contact["schedule"] = _schedule_document(rows)
        contact.update(source=c.source, status=c.status, assured_date=c.assured_date.isoformat())
        doc["contacts"].append(contact)
    return doc


# -- documents -> ORUK ------------------------------------------------------------------------

def to_oruk(documents: Documents) -> List[dict]:
    taxonomy = load_taxonomy()
    descriptions = {"need": taxonomy.needs, "urgent": taxonomy.urgent,
                    "audience": taxonomy.audiences, "area": {**taxonomy.areas, NATIONAL: "United Kingdom"}}
    organisations = {o["id"]: o for _, doc in documents for o in doc.get("organisations", [])}
    out = []
    for filename, doc in documents:
        for svc in doc.get("services", []):
            out.append(_oruk_service(filename, svc, organisations[svc["organisation"]], descriptions))
    return out


def _oruk_service(filename: str, svc: dict, org: dict, descriptions: dict) -> dict:
    sid = oruk_id("service", svc["id"])
    oid = oruk_id("organisation", org["id"])
    result = {
        "id": sid, "organization_id": oid, "name": svc["name"], "description": svc["description"],
        "status": svc.get("status", "active"), "assured_date": svc["assured_date"],
        "organization": {"id": oid, "name": org["name"],
                         "description": org.get("description") or org["name"]},
    }
    if org.get("url"):
        result["organization"]["website"] = org["url"]
    for key in ("url", "email", "minimum_age", "maximum_age"):
        if svc.get(key) is not None:
            result[key] = svc[key]
    result["schedules"] = [
        {"id": oruk_id("schedule", f"{svc['id']}:{i}"), "service_id": sid, "freq": "WEEKLY",
         "interval": 1, "byday": ",".join(RRULE_DAYS[DAYS.index(d)] for d in row["days"]),
         "opens_at": row["opens"] + ":00", "closes_at": _oruk_close(row["closes"]),
         "description": svc.get("hours", "")}
        for i, row in enumerate(svc.get("schedule", []))
    ]
    areas_by_district = district_areas()
    districts = svc.get("districts") or []
    result["service_areas"] = [
        {"id": oruk_id("area", f"{svc['id']}:{area}:{district}"), "service_id": sid,
         "name": district or descriptions["area"].get(area, area),
         "service_area": area if district is None else f"{area}/{district}"}
        for area in svc["areas"]
        for district in ([d for d in districts if areas_by_district.get(d) == area] or [None])
    ]
    result["attributes"] = [
        {"id": oruk_id("attribute", f"{svc['id']}:{taxonomy}:{code}"), "link_id": sid,
         "link_type": "service", "taxonomy_term_id": oruk_id("term", f"{taxonomy}:{code}"),
         "taxonomy_term": {"id": oruk_id("term", f"{taxonomy}:{code}"), "name": code,
                           "description": descriptions.get(taxonomy, {}).get(code, code),
                           "taxonomy": taxonomy, "term": code}}
        for taxonomy, key in TAXONOMIES for code in svc.get(key, [])
    ]
    # HSDS 3.0 phones for standard consumers; x_contacts carries every detail with provenance.
    result["phones"] = [
        {"id": oruk_id("phone", f"{svc['id']}:{i}"), "service_id": sid, "number": c["value"],
         "type": "voice" if c["kind"] == "phone" else "text",
         "description": " ".join(p for p in (f"text {c['keyword']} to this number" if c.get("keyword") else "",
                                             c.get("note", ""), c.get("hours", "")) if p)}
        for i, c in enumerate(svc["contacts"])
        if c["kind"] in ("phone", "text") and c["status"] == "confirmed"
    ]
    result.update({
        "x_id": svc["id"], "x_organisation": org["id"], "x_data_file": filename,
        "x_summary": svc["summary"], "x_source": svc["source"], "x_contacts": svc["contacts"],
        "x_areas": svc["areas"],
    })
    for key in ("status_note", "serves_adults", "always_open", "closed_bank_holidays", "hours",
                "access_note", "districts", "source_date", "provider_history"):
        if svc.get(key) is not None:
            result[f"x_{key}"] = svc[key]
    return result


def _oruk_close(closes: str) -> str:
    return "23:59:59" if closes == "24:00" else closes + ":00"


# -- ORUK -> documents ------------------------------------------------------------------------

def from_oruk(services: List[dict], trust_status: bool = False) -> Documents:
    """Data-file documents from ORUK services (as exported here, or from another ORUK feed).

    A feed's claim that a number is confirmed is not taken on trust: every contact comes in as
    unverified (never read out) unless ``trust_status`` is set for this project's own exports.
    """
    files: Dict[str, dict] = defaultdict(lambda: {"organisations": [], "services": []})
    seen_orgs = set()
    for item in services:
        filename = item.get("x_data_file") or "imported.yml"
        org = item.get("organization") or {}
        org_id = item.get("x_organisation") or org.get("id") or item.get("organization_id")
        if org_id not in seen_orgs:
            seen_orgs.add(org_id)
            org_doc = {"id": org_id, "name": org.get("name", org_id)}
            if org.get("description") and org.get("description") != org.get("name"):
                org_doc["description"] = org["description"]
            if org.get("website"):
                org_doc["url"] = org["website"]
            files[filename]["organisations"].append(org_doc)
        service = _service_from_oruk(item, org_id)
        if not trust_status:
            service["contacts"] = [dict(c, status="unverified") for c in service["contacts"]]
        files[filename]["services"].append(service)
    for doc in files.values():
        doc["organisations"].sort(key=lambda o: o["id"])
        doc["services"].sort(key=lambda s: s["id"])
    return sorted(files.items())


def _service_from_oruk(item: dict, org_id: str) -> dict:
    svc = {"id": item.get("x_id") or item["id"], "organisation": org_id, "name": item["name"],
           "summary": item.get("x_summary") or item.get("description", "")[:160],
           "description": item.get("description", "")}
    for key in ("url", "email", "status"):
        if item.get(key):
            svc[key] = item[key]
    if item.get("x_status_note"):
        svc["status_note"] = item["x_status_note"]
    for key in ("minimum_age", "maximum_age"):
        if item.get(key) is not None:
            svc[key] = int(item[key])
    for key in ("serves_adults", "always_open", "closed_bank_holidays", "hours"):
        if item.get(f"x_{key}") is not None:
            svc[key] = item[f"x_{key}"]
    schedule = [
        {"days": [DAYS[RRULE_DAYS.index(d.strip())] for d in row["byday"].split(",")],
         "opens": row["opens_at"][:5],
         "closes": "24:00" if row["closes_at"].startswith("23:59") else row["closes_at"][:5]}
        for row in item.get("schedules", []) if row.get("byday") and row.get("opens_at")
    ]
    if schedule:
        svc["schedule"] = schedule
    svc["areas"] = item.get("x_areas") or sorted(
        {a["service_area"].split("/")[0] for a in item.get("service_areas", [])})
    if item.get("x_districts"):
        svc["districts"] = item["x_districts"]
    by_taxonomy: Dict[str, List[str]] = defaultdict(list)
    for attribute in item.get("attributes", []):
        term = attribute.get("taxonomy_term") or {}
        by_taxonomy[term.get("taxonomy")].append(term.get("term") or term.get("name"))
    for taxonomy, key in TAXONOMIES:
        if by_taxonomy.get(taxonomy) or key in ("audiences", "thrive", "access"):
            svc[key] = sorted(by_taxonomy.get(taxonomy, []))
    if item.get("x_access_note"):
        svc["access_note"] = item["x_access_note"]
    svc["source"] = item.get("x_source") or "Open Referral UK import"
    svc["assured_date"] = item.get("assured_date")
    for key in ("source_date", "provider_history"):
        if item.get(f"x_{key}"):
            svc[key] = item[f"x_{key}"]
    svc["contacts"] = item.get("x_contacts") or [
        {"kind": "phone" if p.get("type") != "text" else "text", "value": p["number"],
         "source": svc["source"], "status": "unverified", "assured_date": item.get("assured_date")}
        for p in item.get("phones", [])
    ]
    return svc


def read_oruk_file(path: Path) -> List[dict]:
    data = json.loads(Path(path).read_text(encoding="utf-8"))
    if isinstance(data, dict) and "contents" in data:  # the paginated service_list shape
        data = data["contents"]
    if not isinstance(data, list):
        raise ValueError(f"{path}: expected a list of ORUK services or a service list page")
    return data
