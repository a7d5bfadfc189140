"""``python -m services_catalog import-feed URL``: another directory's ORUK feed into this one.

The reader pages through ``/services`` of any ORUK 3.0 feed, reads each service in full from
``/services/{id}``, checks it against the profile's schema, and turns it into a data-file
document that goes through the loader's validation like a hand-edited one. The rules:

- Nothing a feed says about a number is taken on trust: every contact comes in unverified,
  so the bot never reads one out ("check the website for current details"). A service with
  no website then has no detail the bot may give, so it gets an access note saying so.
- Every service is tagged with the feed (its base URL) and keeps the id the feed gave it,
  which the feed here republishes; the feed's services are kept in one data file per feed
  (``build/feeds/feed-<host>-<hash>.yml``, or ``$CATALOGUE_FEEDS_DIR``), which ``load`` reads
  with the data files. A second run rewrites that file: it updates, never duplicates.
- A service the feed stops listing is kept as it was for a grace period (``GRACE_DAYS``, 7
  days: a feed may drop a record for a day or two while it is edited, or fail a night's run),
  then marked inactive, so the bot stops offering it. Listed again, it comes back.
- A feed that cannot be read, or is not ORUK 3.0, changes nothing. A service that does not
  validate is left out with the reasons (its earlier version, if any, is kept).
- Areas come from the service areas' ONS codes or names (the five areas, their districts, the
  UK); needs, urgent classes, audiences, THRIVE groupings, access routes and eligibility groups
  from terms of this project's taxonomies. ``--area`` and ``--need`` supply them for services that name none;
  a service placed in an area elsewhere in the country is left out.
"""
from __future__ import annotations

import hashlib
import math
import os
import re
import tempfile
import uuid
from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path
from typing import Any, Dict, Iterable, List, Optional, Sequence, Tuple
from urllib.parse import urlsplit

import yaml
from sqlalchemy.engine import Engine

from signposting.replies import CHECK_WEBSITE

from ..loader import (
    DATA_DIR,
    FEED_FILE_PREFIX,
    CatalogueInvalid,
    LoadReport,
    load_documents,
    read_data_files,
    read_feed_files,
    validate,
)
from ..models import UNVERIFIED, usable_contact
from ..phones import is_valid_uk_number, numbers_in
from .ids import NAMESPACE, canonical_uuid
from .mapping import areas_of, place_of, taxonomy_codes, weekly_hours
from .profile import service_schema
from .records import ONS_URI, TAXONOMIES, published_id
from .schema_check import findings
from .validator import Exchange, Getter, _json, discover, fetch

GRACE_DAYS = 7
PER_PAGE = 100
MAX_PAGES = 1000
MAX_SERVICES = 5000
SUMMARY_LENGTH = 160
NO_SUMMARY = f"Contact details not confirmed here: {CHECK_WEBSITE}."
Document = Dict[str, Any]


class FeedUnreadable(Exception):
    """The feed could not be read as ORUK 3.0; nothing was changed."""


@dataclass
class Skipped:
    id: str
    name: str
    reasons: List[str]

    def __str__(self) -> str:
        return f"{self.name or self.id} ({self.id}): " + "; ".join(self.reasons)


@dataclass
class ImportReport:
    feed: str
    file: Path
    listed: int = 0
    added: List[str] = field(default_factory=list)
    updated: List[str] = field(default_factory=list)
    missing: List[str] = field(default_factory=list)  # not listed, within the grace period
    inactivated: List[str] = field(default_factory=list)
    skipped: List[Skipped] = field(default_factory=list)
    load: LoadReport = field(default_factory=LoadReport)


def feed_key(base_url: str) -> str:
    """A short, stable name for a feed: its host and path, and a hash of the whole URL."""
    parts = urlsplit(base_url)
    slug = re.sub(r"[^a-z0-9]+", "-", (parts.netloc + parts.path).lower()).strip("-")
    digest = hashlib.sha1(base_url.encode("utf-8")).hexdigest()[:8]
    return f"{slug[:20].strip('-')}-{digest}"


def import_feed(base_url: str, engine: Engine, feeds_dir: Path, data_dir: Path = DATA_DIR,
                areas: Sequence[str] = (), needs: Sequence[str] = (),
                grace_days: int = GRACE_DAYS, today: Optional[date] = None,
                get: Getter = fetch) -> ImportReport:
    """Read the feed at ``base_url`` into the catalogue (and its feed file); see the module."""
    base_url = base_url.rstrip("/")
    today = today or date.today()
    key = feed_key(base_url)
    path = Path(feeds_dir) / f"{FEED_FILE_PREFIX}{key}.yml"
    report = ImportReport(base_url, path)
    records = read_services(base_url, get)
    report.listed = len(records)

    others = read_data_files(data_dir) + [
        (name, doc) for name, doc in read_feed_files(feeds_dir) if name != path.name]
    taken = {published_id("service", svc): name for name, doc in others
             for svc in doc.get("services", [])}
    earlier = _earlier(path)
    fresh: Dict[str, Tuple[Document, Document]] = {}
    for remote_id, record in records.items():
        if remote_id in taken:
            report.skipped.append(Skipped(remote_id, str(record.get("name", "")), [
                f"already in this catalogue (from {taken[remote_id]})"]))
            continue
        mapped = service_document(record, base_url, key, today, areas, needs)
        if isinstance(mapped, Skipped):
            report.skipped.append(mapped)
        else:
            fresh[remote_id] = mapped

    document = _merge(fresh, earlier, set(records), today, grace_days, report)
    while True:
        errors, _ = validate(others + [(path.name, document)], today=today)
        ours = [e for e in errors if e.file == path.name]
        if errors and not ours:
            raise CatalogueInvalid(errors)
        if not ours:
            break
        document = _drop_invalid(document, ours, earlier, report)
    report.load = load_documents(engine, others + [(path.name, document)], today=today)
    _write(path, document, base_url, today)
    return report


# -- reading the feed ------------------------------------------------------------------------

def _get_json(url: str, get: Getter) -> Tuple[Exchange, Any]:
    answer = get(url, 60)
    return answer, _json(answer.body) if answer.ok else None


def read_services(base_url: str, get: Getter = fetch) -> Dict[str, Any]:
    """Every service the feed lists, in full (or, when its own page fails, the reason), by id.
    Raises FeedUnreadable when the feed itself cannot be read."""
    found = discover(base_url, get)
    if found.profile != "3.0":
        raise FeedUnreadable(f"{base_url} is not an ORUK 3.0 feed: {found.reason}")
    listed: List[str] = []
    for number in range(1, MAX_PAGES + 1):
        url = f"{base_url}/services?page={number}&per_page={PER_PAGE}"
        answer, page = _get_json(url, get)
        if not isinstance(page, dict) or not isinstance(page.get("contents"), list):
            raise FeedUnreadable(f"{url} did not answer with a page of services "
                                 f"({answer.status or answer.error})")
        for item in page["contents"]:
            remote = canonical_uuid(item.get("id")) if isinstance(item, dict) else None
            if remote and remote not in listed:
                listed.append(remote)
        if len(listed) > MAX_SERVICES:
            raise FeedUnreadable(f"{base_url} lists more than {MAX_SERVICES} services")
        total = page.get("total_pages")
        if not page["contents"] or page.get("last_page") is True or (
                isinstance(total, int) and number >= total):
            break
    records: Dict[str, Any] = {}
    for remote in listed:
        answer, record = _get_json(f"{base_url}/services/{remote}", get)
        records[remote] = record if isinstance(record, dict) else \
            {"id": remote, "_unreadable": f"GET /services/{remote}: "
                                          f"{answer.status or answer.error or 'not JSON'}"}
    return records


# -- one service -----------------------------------------------------------------------------

def _local_id(key: str, remote: str) -> str:
    return f"{FEED_FILE_PREFIX}{key}-{remote}"


def _summary(description: str, name: str) -> str:
    """The bot's short text: the first sentence of the description, or the name, that has no
    number in it (none of an imported service's numbers is confirmed, so none is read out)."""
    for text in re.split(r"(?<=[.!?])\s+", description.strip()) + [name]:
        if len(text) > SUMMARY_LENGTH:
            text = text[:SUMMARY_LENGTH - 1].rsplit(" ", 1)[0] + "…"
        if text and not numbers_in(text):
            return text
    return NO_SUMMARY


def _date(*values: Any) -> Optional[str]:
    for value in values:
        if isinstance(value, str) and re.fullmatch(r"\d{4}-\d\d-\d\d", value[:10]):
            try:
                return date.fromisoformat(value[:10]).isoformat()
            except ValueError:
                continue
    return None


def _outside(service_areas: Iterable[Any]) -> bool:
    """Whether every service area is an ONS area that is not one of this catalogue's."""
    areas = [a for a in service_areas or [] if isinstance(a, dict)]
    return bool(areas) and all(str(a.get("uri") or "").startswith(ONS_URI)
                               and place_of(a) is None for a in areas)


def _contacts(record: Document, source: str, assured: str) -> List[Document]:
    contacts: List[Document] = []

    def add(kind: str, value: str, note: Optional[str] = None) -> None:
        if value and not any(c["value"] == value for c in contacts):
            contact = {"kind": kind, "value": value, "source": source, "status": UNVERIFIED,
                       "assured_date": assured}
            if note and not numbers_in(note):
                contact["note"] = note[:200]
            contacts.append(contact)

    for phone in record.get("phones") or []:
        number = str((phone or {}).get("number") or "")
        if is_valid_uk_number(number):
            add("text" if phone.get("type") == "text" else "phone", number,
                phone.get("description"))
    if isinstance(record.get("email"), str):
        add("email", record["email"])
    if isinstance(record.get("url"), str) and re.match(r"https?://", record["url"]):
        add("website", record["url"])
    return contacts


def service_document(record: Document, base_url: str, key: str, today: date,
                     areas: Sequence[str] = (), needs: Sequence[str] = ()
                     ) -> Any:
    """(organisation, service) data-file documents for one ORUK service, or Skipped."""
    remote = canonical_uuid(record.get("id")) or str(record.get("id"))
    given_name = record.get("name")
    name = given_name if isinstance(given_name, str) else ""
    if "_unreadable" in record:
        return Skipped(remote, name, [record["_unreadable"]])
    problems = [f"{f.path or '-'}: {f.message}" for f in findings(record, service_schema())]
    if problems:
        return Skipped(remote, name, problems)
    reasons = []
    service_areas = record.get("service_areas") or []
    found_areas, districts = areas_of(service_areas)
    if not found_areas:
        if _outside(service_areas):
            reasons.append("its service areas are outside Kent, Medway, Essex, Southend and "
                           "Thurrock")
        elif areas:
            found_areas = sorted(areas)
        else:
            reasons.append("no service area this catalogue knows; pass --area")
    codes = taxonomy_codes(record.get("attributes") or [])
    if not codes["needs"] and not codes["urgent"]:
        if needs:
            codes["needs"] = sorted(needs)
        else:
            reasons.append("no need or urgent class of this catalogue's taxonomy; pass --need")
    if reasons:
        return Skipped(remote, name, reasons)

    source = f"{base_url}/services/{remote}"
    assured = _date(record.get("assured_date"), record.get("last_modified")) or today.isoformat()
    description = (record.get("description") or "").strip() or name
    svc: Document = {"id": _local_id(key, remote), "organisation": "", "name": name,
                     "summary": _summary(description, name), "description": description}
    if isinstance(record.get("url"), str) and re.match(r"https?://", record["url"]):
        svc["url"] = record["url"]
    svc["status"] = record.get("status", "active")
    low, high = record.get("minimum_age"), record.get("maximum_age")
    if low is not None:
        svc["minimum_age"] = max(0, int(math.floor(low)))
    if high is not None:
        svc["maximum_age"] = int(math.ceil(high))
        if high > 25:
            svc["serves_adults"] = True
    hours = weekly_hours(record.get("schedules") or [])
    if hours.every_day_all_day:
        svc["always_open"] = True
    elif hours.rows:
        svc["schedule"] = [row for row in hours.rows if row["opens"] != row["closes"]]
    if hours.closed_bank_holidays:
        svc["closed_bank_holidays"] = True
    if hours.description and not numbers_in(hours.description):
        svc["hours"] = hours.description[:200]
    svc["areas"] = found_areas
    if districts:
        svc["districts"] = districts
    for spec in TAXONOMIES:
        if codes[spec.field] or spec.field != "groups":  # groups only when the feed names some
            svc[spec.field] = codes[spec.field]
    svc["contacts"] = _contacts(record, source, assured)
    if not svc["contacts"]:
        svc["access_note"] = (f"Listed in the Open Referral UK feed at {base_url}, which gives no "
                              "phone number, email address or website for it.")
    elif not any(usable_contact(c["kind"], c["status"]) for c in svc["contacts"]):
        # Only numbers or an email address, none confirmed (so never given out), and no
        # website: the loader asks for a note saying how to reach the service, which the bot
        # gives in place of the details (in its usual words for details not confirmed).
        svc["access_note"] = (f"Contact details not confirmed yet (read from the Open Referral "
                              f"UK feed at {base_url}): ask at school or your GP.")
    svc["source"] = source
    svc["assured_date"] = assured
    svc["feed"] = {"url": base_url, "id": remote, "last_seen": today.isoformat()}
    return _organisation(record, base_url, key), svc


def _organisation(record: Document, base_url: str, key: str) -> Document:
    given = record.get("organization")
    org: Document = given if isinstance(given, dict) else {}
    remote = canonical_uuid(org.get("id")) or canonical_uuid(record.get("organization_id")) \
        or str(uuid.uuid5(NAMESPACE, f"organisation:{base_url}:{org.get('name', '')}"))
    doc: Document = {"id": _local_id(key, remote),
                     "name": org.get("name") or f"An organisation listed at {base_url}"}
    if org.get("description") and org.get("description") != org.get("name"):
        doc["description"] = org["description"]
    if isinstance(org.get("website"), str) and re.match(r"https?://", org["website"]):
        doc["url"] = org["website"]
    doc["feed"] = {"url": base_url, "id": remote}
    return doc


# -- the feed's data file --------------------------------------------------------------------

@dataclass
class Earlier:
    """What the last run kept: organisations by local id, services by their id in the feed."""

    organisations: Dict[str, Document] = field(default_factory=dict)
    services: Dict[str, Document] = field(default_factory=dict)


def _earlier(path: Path) -> Earlier:
    if not path.exists():
        return Earlier()
    doc = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    return Earlier({o["id"]: o for o in doc.get("organisations", [])},
                   {s["feed"]["id"]: s for s in doc.get("services", [])})


def _merge(fresh: Dict[str, Tuple[Document, Document]], earlier: Earlier, listed: set,
           today: date, grace_days: int, report: ImportReport) -> Document:
    """This run's services, and the earlier ones the feed no longer lists: kept as they were
    for the grace period, inactive after it."""
    services: Dict[str, Document] = {}
    organisations: Dict[str, Document] = {}
    for remote, (org, svc) in fresh.items():
        (report.updated if remote in earlier.services else report.added).append(svc["id"])
        svc["organisation"] = org["id"]
        organisations[org["id"]] = org
        services[remote] = svc
    for remote, svc in earlier.services.items():
        if remote in services:
            continue
        svc = dict(svc, feed=dict(svc["feed"]))
        if remote not in listed:
            missing = date.fromisoformat(svc["feed"].get("missing_since", today.isoformat()))
            svc["feed"]["missing_since"] = missing.isoformat()
            if today - missing >= timedelta(days=grace_days):
                if svc.get("status", "active") == "active":
                    report.inactivated.append(svc["id"])
                svc["status"] = "inactive"
                svc["status_note"] = (f"No longer listed by {svc['feed']['url']} since "
                                      f"{missing.isoformat()}.")
            else:
                report.missing.append(svc["id"])
        services[remote] = svc
        organisations.setdefault(svc["organisation"], earlier.organisations[svc["organisation"]])
    return {"organisations": sorted(organisations.values(), key=lambda o: o["id"]),
            "services": sorted(services.values(), key=lambda s: s["id"])}


def _drop_invalid(document: Document, errors: List[Any], earlier: Earlier,
                  report: ImportReport) -> Document:
    """The document without the services the loader refused (each one's earlier version, if
    there is one, back in its place), and the refusals reported."""
    reasons: Dict[str, List[str]] = {}
    for error in errors:
        found = re.fullmatch(r"service '(.+)'", error.record)
        if not found:
            raise CatalogueInvalid(errors)
        reasons.setdefault(found.group(1), []).append(f"{error.field}: {error.message}")
    services, organisations = [], {o["id"]: o for o in document["organisations"]}
    for svc in document["services"]:
        if svc["id"] not in reasons:
            services.append(svc)
            continue
        report.skipped.append(Skipped(svc["feed"]["id"], svc["name"], reasons[svc["id"]]))
        for kind in (report.added, report.updated):
            if svc["id"] in kind:
                kind.remove(svc["id"])
        previous = earlier.services.get(svc["feed"]["id"])
        if previous is not None and previous is not svc:
            services.append(previous)
            organisations.setdefault(previous["organisation"],
                                     earlier.organisations[previous["organisation"]])
    used = {svc["organisation"] for svc in services}
    return {"organisations": [o for i, o in sorted(organisations.items()) if i in used],
            "services": services}


def _write(path: Path, document: Document, base_url: str, today: date) -> None:
    """The feed's data file, replaced whole (written beside it, then renamed)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    text = (f"# Read from the Open Referral UK feed at {base_url} by import-feed on "
            f"{today.isoformat()}.\n# Not for editing: the next import-feed replaces it.\n"
            + yaml.safe_dump(document, sort_keys=False, allow_unicode=True, width=100))
    handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=path.name, suffix=".tmp")
    with os.fdopen(handle, "w", encoding="utf-8") as out:
        out.write(text)
    os.chmod(temporary, 0o644)
    os.replace(temporary, path)
