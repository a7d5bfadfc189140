"""Load the human-edited YAML data files into the catalogue database.

Everything is validated before anything is written, and the write is one transaction, so a
bad edit can never leave the bot reading half a catalogue: the database stays as it was and
every error names the file, the service and the field.
"""
from __future__ import annotations

import hashlib
import json
import os
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Dict, Iterable, List, Optional, Tuple

import jsonschema
import yaml
from sqlalchemy.engine import Engine
from sqlalchemy.orm import Session

from .hours import DAYS, parse_time
from .locality import district_areas
from .models import (
    ACCESS_ROUTES,
    ATTRIBUTE_KEYS,
    ELIGIBILITY_GROUPS,
    Base,
    CatalogueVersion,
    Contact,
    Organisation,
    Schedule,
    Service,
    ServiceArea,
    ServiceAttribute,
    usable_contact,
)
from .phones import is_valid_uk_number, numbers_in
from .taxonomy import NATIONAL, Taxonomy, load_taxonomy

DATA_DIR = Path(__file__).with_name("data")
#: Where import-feed keeps the services it read from other ORUK feeds, one data file per feed,
#: loaded with the data files by ``python -m services_catalog load``.
FEEDS_DIR_ENV = "CATALOGUE_FEEDS_DIR"
DEFAULT_FEEDS_DIR = Path(__file__).resolve().parent.parent / "build" / "feeds"
FEED_FILE_PREFIX = "feed-"
SCHEMA = json.loads(Path(__file__).with_name("data_schema.json").read_text(encoding="utf-8"))

#: Youth services serve 0-25; a service that also serves adults must say so.
YOUTH_MAX_AGE = 25
#: A fact not checked for this long is reported as stale and shown with a "check the website".
STALE_AFTER = timedelta(days=365)

_NUMBER_KINDS = ("phone", "text")


class _NoDatesLoader(yaml.SafeLoader):
    """Keeps dates as text so that the schema checks their shape and we parse them once."""


_NoDatesLoader.yaml_implicit_resolvers = {
    key: [(tag, rx) for tag, rx in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for key, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


@dataclass(frozen=True)
class Problem:
    file: str
    record: str
    field: str
    message: str

    def __str__(self) -> str:
        return f"{self.file}: {self.record}: {self.field}: {self.message}"


class CatalogueInvalid(Exception):
    """The data files have errors; nothing was written."""

    def __init__(self, problems: List[Problem]):
        self.problems = problems
        super().__init__(
            f"{len(problems)} error(s) in the catalogue data; the database was not changed:\n"
            + "\n".join(f"  {p}" for p in problems)
        )


@dataclass
class LoadReport:
    organisations: int = 0
    services: int = 0
    contacts: int = 0
    warnings: List[Problem] = field(default_factory=list)


def is_stale(assured: date, today: Optional[date] = None) -> bool:
    return (today or date.today()) - assured > STALE_AFTER


def feeds_dir() -> Path:
    """$CATALOGUE_FEEDS_DIR, else build/feeds."""
    return Path(os.environ.get(FEEDS_DIR_ENV) or DEFAULT_FEEDS_DIR)


def read_data_files(data_dir: Path = DATA_DIR) -> List[Tuple[str, dict]]:
    files = sorted(Path(data_dir).glob("*.yml"))
    if not files:
        raise CatalogueInvalid([Problem(str(data_dir), "-", "-", "no *.yml data files found")])
    return _read_yaml(files)


def read_feed_files(folder: Optional[Path]) -> List[Tuple[str, dict]]:
    """The services import-feed kept (``feed-*.yml``); none when the folder does not exist."""
    if folder is None or not Path(folder).is_dir():
        return []
    return _read_yaml(sorted(Path(folder).glob(FEED_FILE_PREFIX + "*.yml")))


def _read_yaml(files: List[Path]) -> List[Tuple[str, dict]]:
    out = []
    for path in files:
        try:
            doc = yaml.load(path.read_text(encoding="utf-8"), Loader=_NoDatesLoader) or {}
        except yaml.YAMLError as exc:
            raise CatalogueInvalid(
                [Problem(path.name, "-", "-", f"not valid YAML: {exc}")]) from None
        out.append((path.name, doc))
    return out


def validate(documents: Iterable[Tuple[str, dict]], taxonomy: Optional[Taxonomy] = None,
             today: Optional[date] = None) -> Tuple[List[Problem], List[Problem]]:
    """Returns (errors, warnings) for all documents taken together."""
    taxonomy = taxonomy or load_taxonomy()
    errors: List[Problem] = []
    warnings: List[Problem] = []
    documents = list(documents)
    org_ids: Dict[str, str] = {}
    service_ids: Dict[str, str] = {}
    feed_ids: Dict[str, str] = {}

    broken = set()  # (file, index) of services with schema errors: reported, not checked further
    for filename, doc in documents:
        schema_errors = sorted(
            jsonschema.Draft7Validator(SCHEMA).iter_errors(doc), key=lambda e: list(e.path)
        )
        for err in schema_errors:
            errors.append(Problem(filename, _record_name(doc, err.path), _field_name(err), err.message))
            path = list(err.path)
            broken.add((filename, path[1] if len(path) > 1 and path[0] == "services" else "*"))
        if not isinstance(doc, dict) or not isinstance(doc.get("organisations", []), list):
            continue
        for org in doc.get("organisations", []):
            if not isinstance(org, dict) or not isinstance(org.get("id"), str):
                continue
            if org["id"] in org_ids:
                errors.append(Problem(filename, f"organisation '{org['id']}'", "id",
                                      f"duplicate id (also in {org_ids[org['id']]})"))
            org_ids.setdefault(org["id"], filename)

    for filename, doc in documents:
        if (filename, "*") in broken or not isinstance(doc, dict):
            continue
        for index, svc in enumerate(doc.get("services", [])):
            if (filename, index) in broken:
                continue
            where = f"service '{svc['id']}'"
            if svc["id"] in service_ids:
                errors.append(Problem(filename, where, "id",
                                      f"duplicate id (also in {service_ids[svc['id']]})"))
            service_ids.setdefault(svc["id"], filename)
            feed_id = (svc.get("feed") or {}).get("id", "").lower()
            if feed_id and feed_id in feed_ids:
                errors.append(Problem(filename, where, "feed.id",
                                      f"duplicate feed id (also in {feed_ids[feed_id]})"))
            if feed_id:
                feed_ids.setdefault(feed_id, filename)
            errors.extend(_check_service(filename, where, svc, taxonomy, org_ids))
            warnings.extend(_stale_facts(filename, where, svc, today))
    return errors, warnings


def _check_service(filename: str, where: str, svc: dict, taxonomy: Taxonomy,
                   org_ids: Dict[str, str]) -> List[Problem]:
    problems = []

    def bad(field_name: str, message: str) -> None:
        problems.append(Problem(filename, where, field_name, message))

    if svc.get("organisation") not in org_ids:
        bad("organisation", f"unknown organisation '{svc.get('organisation')}'")
    known = {
        "areas": set(taxonomy.areas) | {NATIONAL},
        "needs": set(taxonomy.needs),
        "urgent": set(taxonomy.urgent),
        "audiences": set(taxonomy.audiences),
        "thrive": set(taxonomy.thrive),
        "access": set(ACCESS_ROUTES),
        "groups": set(ELIGIBILITY_GROUPS),
    }
    for key, allowed in known.items():
        for code in svc.get(key, []) or []:
            if code not in allowed:
                bad(key, f"unknown code '{code}' (known: {', '.join(sorted(allowed))})")
    if not svc.get("needs") and not svc.get("urgent"):
        bad("needs", "a service needs at least one need or urgent code")

    low, high = svc.get("minimum_age"), svc.get("maximum_age")
    if low is not None and low < 0:
        bad("minimum_age", f"{low} is below 0")
    if high is not None and high > YOUTH_MAX_AGE and not svc.get("serves_adults"):
        bad("maximum_age", f"{high} is above {YOUTH_MAX_AGE} for a youth service")
    if low is not None and high is not None and low > high:
        bad("minimum_age", f"minimum_age {low} is greater than maximum_age {high}")

    if _parse_date(svc["assured_date"]) is None:
        bad("assured_date", f"'{svc['assured_date']}' is not a real date (YYYY-MM-DD)")
    for key in ("last_seen", "missing_since"):
        value = (svc.get("feed") or {}).get(key)
        if value is not None and _parse_date(value) is None:
            bad(f"feed.{key}", f"'{value}' is not a real date (YYYY-MM-DD)")
    if "source_date" in svc and not _real_source_date(svc["source_date"]):
        bad("source_date", f"'{svc['source_date']}' is not a real date (YYYY, YYYY-MM or "
                           "YYYY-MM-DD) on or before the assured date")
    for i, earlier in enumerate(svc.get("provider_history", [])):
        if earlier["organisation"] not in org_ids:
            bad(f"provider_history[{i}].organisation",
                f"unknown organisation '{earlier['organisation']}'")
        elif earlier["organisation"] == svc.get("organisation"):
            bad(f"provider_history[{i}].organisation", "is the current organisation")
    areas_by_district = district_areas()
    for name in svc.get("districts", []) or []:
        if name not in areas_by_district:
            bad("districts", f"unknown district '{name}'")
        elif areas_by_district[name] not in svc["areas"]:
            bad("districts", f"'{name}' is not in the service's areas ({', '.join(svc['areas'])})")
    if svc.get("always_open") and svc.get("schedule"):
        bad("schedule", "a service that is always open has no weekly schedule")
    for problem in _schedule_problems(svc.get("schedule")):
        bad("schedule", problem)
    if not svc.get("access_note") and not svc.get("url") and not any(
            usable_contact(c["kind"], c["status"]) for c in svc["contacts"]):
        bad("access_note", "a service with no usable contact (a confirmed one, or a web address) "
                           "needs an access_note saying how to reach it")
    # The bot reads summaries and notes aloud: a number there must be a confirmed contact.
    confirmed = set().union(*[numbers_in(c["value"]) for c in svc.get("contacts", [])
                              if c["kind"] in _NUMBER_KINDS and c["status"] == "confirmed"] or [set()])
    texts = [("summary", svc.get("summary")), ("access_note", svc.get("access_note")),
             ("hours", svc.get("hours"))] + [
        (f"contacts[{i}].{key}", c.get(key)) for i, c in enumerate(svc.get("contacts", []))
        for key in ("note", "hours")]
    for name, text in texts:
        stray = numbers_in(text or "") - confirmed
        if stray:
            bad(name, f"mentions {', '.join(sorted(stray))}, which is not a confirmed contact "
                      "of this service")
    for i, contact in enumerate(svc.get("contacts", [])):
        prefix = f"contacts[{i}]"
        if _parse_date(contact["assured_date"]) is None:
            bad(f"{prefix}.assured_date", f"'{contact['assured_date']}' is not a real date")
        if contact["kind"] in _NUMBER_KINDS and not is_valid_uk_number(contact["value"]):
            bad(f"{prefix}.value", f"'{contact['value']}' is not a valid UK phone number")
        for problem in _schedule_problems(contact.get("schedule")):
            bad(f"{prefix}.schedule", problem)
    return problems


def _schedule_problems(rows) -> List[str]:
    problems = []
    for i, row in enumerate(rows or []):
        opens, closes = parse_time(row["opens"]), parse_time(row["closes"])
        if opens is None or opens == 24 * 60:
            problems.append(f"[{i}] opens '{row['opens']}' is not a time (HH:MM)")
        if closes is None:
            problems.append(f"[{i}] closes '{row['closes']}' is not a time (HH:MM, 24:00 = midnight)")
        if opens is not None and opens == closes:
            problems.append(f"[{i}] opens and closes at the same time")
    return problems


def _feed_columns(feed: Optional[dict]) -> dict:
    if not feed:
        return {}
    return {"feed_url": feed["url"], "feed_id": feed["id"].lower(),
            "feed_last_seen": date.fromisoformat(feed["last_seen"]),
            "feed_missing_since": _parse_date(feed.get("missing_since"))}


def _schedule_rows(rows, contact_position=None) -> List[Schedule]:
    return [
        Schedule(weekday=DAYS.index(day), opens=parse_time(row["opens"]),
                 closes=parse_time(row["closes"]), contact_position=contact_position)
        for row in rows or [] for day in row["days"]
    ]


def _stale_facts(filename: str, where: str, svc: dict, today: Optional[date]) -> List[Problem]:
    warnings = []
    if svc.get("urgent") and not any(c["status"] == "confirmed" and c["kind"] in _NUMBER_KINDS
                                     for c in svc.get("contacts", [])):
        warnings.append(Problem(filename, where, "urgent",
                                "an urgent route with no confirmed number (never read out)"))
    assured = _parse_date(svc.get("assured_date", ""))
    if assured and is_stale(assured, today):
        warnings.append(Problem(filename, where, "assured_date",
                                f"last checked {assured.isoformat()}, over 12 months ago (stale)"))
    return warnings


def _real_source_date(value: str) -> bool:
    """A year, year-month or full date that exists and is not in the future."""
    parts = value.split("-")
    padded = "-".join(parts + ["01"] * (3 - len(parts)))
    parsed = _parse_date(padded)
    return parsed is not None and parsed <= date.today()


def _parse_date(value: Optional[str]) -> Optional[date]:
    if value is None:
        return None
    try:
        return date.fromisoformat(value)
    except (TypeError, ValueError):
        return None


def _record_name(doc, path) -> str:
    path = list(path)
    if isinstance(doc, dict) and len(path) >= 2 and path[0] in ("services", "organisations"):
        try:
            item = doc[path[0]][path[1]]
            kind = "service" if path[0] == "services" else "organisation"
            return f"{kind} '{item.get('id', '#' + str(path[1]))}'"
        except (IndexError, KeyError, TypeError, AttributeError):
            pass
    return "-"


def _field_name(err: jsonschema.ValidationError) -> str:
    path = [str(p) for p in list(err.path)[2:]]
    if err.validator == "required":
        missing = err.message.split("'")[1] if "'" in err.message else "?"
        path.append(missing)
    if err.validator == "additionalProperties" and "'" in err.message:
        path.append(err.message.split("'")[1])
    return ".".join(path) or "-"


def load(engine: Engine, data_dir: Path = DATA_DIR, today: Optional[date] = None,
         feeds: Optional[Path] = None) -> LoadReport:
    """Validates every data file (and the feed files in ``feeds``, when given), then replaces
    the catalogue's contents in one transaction."""
    return load_documents(engine, read_data_files(data_dir) + read_feed_files(feeds), today)


def load_documents(engine: Engine, documents: List[Tuple[str, dict]],
                   today: Optional[date] = None) -> LoadReport:
    """Validates (file name, document) pairs, then replaces the catalogue in one transaction."""
    errors, warnings = validate(documents, today=today)
    if errors:
        raise CatalogueInvalid(errors)

    report = LoadReport(warnings=warnings)
    # The database is derived from the files, so the tables are rebuilt (a schema change needs
    # no migration); DDL and rows share one transaction, so a failure leaves it as it was.
    with engine.begin() as connection:
        Base.metadata.drop_all(connection)
        Base.metadata.create_all(connection)
        with Session(bind=connection, future=True) as session:
            for _filename, doc in documents:
                for org in doc.get("organisations", []):
                    feed = org.get("feed") or {}
                    session.add(Organisation(id=org["id"], name=org["name"],
                                             description=org.get("description"), url=org.get("url"),
                                             feed_url=feed.get("url"), feed_id=feed.get("id")))
                    report.organisations += 1
            session.flush()
            for filename, doc in documents:
                for svc in doc.get("services", []):
                    session.add(_service_row(filename, svc))
                    report.services += 1
                    report.contacts += len(svc["contacts"])
            session.add(CatalogueVersion(id=1, version=_fingerprint(documents),
                                         loaded_at=datetime.utcnow(), services=report.services))
            session.flush()
    return report


def _fingerprint(documents) -> str:
    digest = hashlib.sha256()
    digest.update(json.dumps(documents, sort_keys=True, default=str).encode())
    digest.update(datetime.utcnow().isoformat().encode())  # a reload is a new version
    return digest.hexdigest()


def _service_row(filename: str, svc: dict) -> Service:
    service = Service(
        id=svc["id"], organisation_id=svc["organisation"], name=svc["name"],
        summary=svc["summary"], description=svc["description"].strip(), url=svc.get("url"),
        email=svc.get("email"), status=svc.get("status", "active"),
        status_note=svc.get("status_note"), serves_adults=svc.get("serves_adults", False),
        minimum_age=svc.get("minimum_age"), maximum_age=svc.get("maximum_age"),
        always_open=svc.get("always_open", False),
        closed_bank_holidays=svc.get("closed_bank_holidays", False), hours=svc.get("hours"),
        access_note=svc.get("access_note"),
        source=svc["source"], assured_date=date.fromisoformat(svc["assured_date"]),
        source_date=svc.get("source_date"),
        provider_history=json.dumps(svc["provider_history"]) if svc.get("provider_history")
        else None,
        data_file=filename, **_feed_columns(svc.get("feed")),
    )
    service.schedules = _schedule_rows(svc.get("schedule")) + [
        row for i, c in enumerate(svc["contacts"]) for row in _schedule_rows(c.get("schedule"), i)
    ]
    service.contacts = [
        Contact(position=i, kind=c["kind"], value=c["value"], keyword=c.get("keyword"),
                note=c.get("note"), hours=c.get("hours"), source=c["source"],
                status=c["status"], assured_date=date.fromisoformat(c["assured_date"]))
        for i, c in enumerate(svc["contacts"])
    ]
    areas_by_district = district_areas()
    districts = svc.get("districts") or []
    service.areas = [ServiceArea(area=a, district=d) for a in svc["areas"]
                     for d in ([d for d in districts if areas_by_district.get(d) == a] or [None])]
    service.attributes = [
        ServiceAttribute(taxonomy=taxonomy, code=code)
        for taxonomy, key in ATTRIBUTE_KEYS for code in svc.get(key, []) or []
    ]
    return service
