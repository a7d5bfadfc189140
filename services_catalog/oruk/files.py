"""Open Referral UK (HSDS 3.0 UK profile) export and import.

Export turns the catalogue into ORUK service objects that validate against the profile's
schema (``profile/schema/compiled/service.json``): each service as the feed publishes it in full
(:mod:`.records`), and ``x_``-prefixed extension fields for what ORUK has no place for but
this project must not lose: each contact's source, status and assured date, the SMS summary,
access notes, the source page's date and the earlier providers (eligibility groups go as
attributes, like the other taxonomies). Import reads the same shape back into data-file
documents, which go through the loader's validation like any hand-edited file.
"""
from __future__ import annotations

import json
from collections import defaultdict
from pathlib import Path
from typing import Dict, Iterable, List, Optional, Tuple

from sqlalchemy import select
from sqlalchemy.engine import Engine
from sqlalchemy.orm import Session, selectinload

from ..hours import DAYS, format_time
from ..models import Organisation, Service
from .mapping import areas_of, taxonomy_codes, weekly_hours
from .profile import service_schema
from .records import TAXONOMIES, full_record
from .schema_check import raw_findings

Documents = List[Tuple[str, dict]]


def validation_errors(oruk_service: dict) -> List[str]:
    """What is wrong with one service against the profile's schema, formats checked."""
    return [f"{f.path or '-'}: {f.message}" for f in raw_findings(oruk_service, service_schema())]


# -- catalogue database -> data-file documents ----------------------------------------------

def documents_from_db(engine: Engine) -> Documents:
    """Every service (any status), as data-file documents grouped by their original file."""
    with Session(engine, future=True) as session:
        return documents_from_session(session)


def documents_from_session(session: Session) -> Documents:
    services = session.execute(
        select(Service).options(
            selectinload(Service.contacts), selectinload(Service.areas),
            selectinload(Service.attributes), selectinload(Service.schedules),
            selectinload(Service.organisation))
        .order_by(Service.data_file, Service.id)
    ).scalars().unique().all()
    organisations = session.execute(select(Organisation).order_by(Organisation.id)).scalars().all()
    org_file: Dict[str, str] = {}
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
        if org.feed_url:
            doc["feed"] = {"url": org.feed_url, "id": org.feed_id}
        files[org_file.get(org.id, "national.yml")]["organisations"].append(doc)
    return sorted(files.items())


def _schedule_document(rows: Iterable[Tuple[int, int, int]]) -> List[dict]:
    grouped: Dict[Tuple[int, int], List[int]] = defaultdict(list)
    for day, opens, closes in sorted(rows):
        grouped[(opens, closes)].append(day)
    return [{"days": [DAYS[d] for d in sorted(days)], "opens": format_time(o),
             "closes": format_time(c)}
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
    for spec in TAXONOMIES:
        codes = s.codes(spec.key)
        if codes or spec.field in ("audiences", "thrive", "access"):
            doc[spec.field] = codes
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
        rows = [(r.weekday, r.opens, r.closes) for r in s.schedules
                if r.contact_position == c.position]
        if rows:
            contact["schedule"] = _schedule_document(rows)
        contact.update(source=c.source, status=c.status, assured_date=c.assured_date.isoformat())
        doc["contacts"].append(contact)
    if s.feed_url:
        doc["feed"] = {"url": s.feed_url, "id": s.feed_id,
                       "last_seen": s.feed_last_seen.isoformat()}
        if s.feed_missing_since:
            doc["feed"]["missing_since"] = s.feed_missing_since.isoformat()
    return doc


# -- documents -> ORUK ------------------------------------------------------------------------

def to_oruk(documents: Documents) -> List[dict]:
    """Every service as the feed publishes it in full, with the ``x_`` extension fields."""
    organisations = {o["id"]: o for _, doc in documents for o in doc.get("organisations", [])}
    return [_oruk_service(filename, svc, organisations[svc["organisation"]])
            for filename, doc in documents for svc in doc.get("services", [])]


def _oruk_service(filename: str, svc: dict, org: dict) -> dict:
    result = full_record(svc, org)
    result.update({
        "x_id": svc["id"], "x_organisation": org["id"], "x_data_file": filename,
        "x_summary": svc["summary"], "x_source": svc["source"], "x_contacts": svc["contacts"],
        "x_areas": svc["areas"],
    })
    for key in ("status_note", "serves_adults", "always_open", "closed_bank_holidays", "hours",
                "access_note", "districts", "source_date", "provider_history", "feed"):
        if svc.get(key) is not None:
            result[f"x_{key}"] = svc[key]
    if org.get("feed"):
        result["x_organisation_feed"] = org["feed"]
    return result


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
            if item.get("x_organisation_feed"):
                org_doc["feed"] = item["x_organisation_feed"]
            files[filename]["organisations"].append(org_doc)
        service = _service_from_oruk(item, org_id)
        if not trust_status:
            service["contacts"] = [dict(c, status="unverified") for c in service["contacts"]]
        files[filename]["services"].append(service)
    for doc in files.values():
        doc["organisations"].sort(key=lambda o: o["id"])
        doc["services"].sort(key=lambda s: s["id"])
    return sorted(files.items())


def _service_from_oruk(item: dict, org_id: Optional[str]) -> dict:
    """A data-file document from one exported service: the standard fields, then the ``x_``
    fields this project's export adds for what ORUK has no place for."""
    svc = {"id": item.get("x_id") or item["id"], "organisation": org_id, "name": item["name"],
           "summary": item.get("x_summary") or item.get("description", "")[:160],
           "description": item.get("description", "")}
    for key in ("url", "status"):
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
    hours = weekly_hours(item.get("schedules", []))
    if hours.rows and not svc.get("always_open"):
        svc["schedule"] = hours.rows
    svc["areas"] = item.get("x_areas") or areas_of(item.get("service_areas", []))[0]
    if item.get("x_districts"):
        svc["districts"] = item["x_districts"]
    codes = taxonomy_codes(item.get("attributes", []))
    for spec in TAXONOMIES:
        if codes[spec.field] or spec.field in ("audiences", "thrive", "access"):
            svc[spec.field] = codes[spec.field]
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
    if item.get("x_feed"):
        svc["feed"] = item["x_feed"]
    return svc


def read_oruk_file(path: Path) -> List[dict]:
    data = json.loads(Path(path).read_text(encoding="utf-8"))
    if isinstance(data, dict) and "contents" in data:  # the paginated service_list shape
        data = data["contents"]
    if not isinstance(data, list):
        raise ValueError(f"{path}: expected a list of ORUK services or a service list page")
    return data
