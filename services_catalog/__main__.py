"""Command line: load, search, export and import the catalogue.

    python -m services_catalog load
    python -m services_catalog search --need anxiety --age 14 --where "ME7 1AA" \
        [--audience parent_carer] [--open-now] [--explain] [--json]
    python -m services_catalog export --format oruk [--out services.json]
    python -m services_catalog import services.json [--yaml-out DIR]
    python -m services_catalog validate-feed URL [--all-required] [--json]
    python -m services_catalog import-feed URL [--area CODE ...] [--need CODE] [--grace-days N]
    python -m services_catalog coverage [--csv]
    python -m services_catalog oldest [--limit N]
"""
from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

import yaml

from . import coverage as gaps
from .db import database_url, make_engine
from .describe import describe_contacts
from .loader import CatalogueInvalid, feeds_dir, load, load_documents
from .locality import FOUND, resolve
from .oruk import documents_from_db, from_oruk, read_oruk_file, to_oruk, validation_errors
from .oruk.profile import ALL_REQUIRED, VALIDATOR_SPEC
from .oruk.reader import GRACE_DAYS, FeedUnreadable, import_feed
from .oruk.validator import FAIL, PASS, TIMEOUT_SECONDS, WARN, validate_feed
from .query import Catalogue
from .ranking import deciding_rule
from .taxonomy import NATIONAL, load_taxonomy

AREA_CODES = sorted(load_taxonomy().areas) + [NATIONAL]
NEED_CODES = sorted(load_taxonomy().needs)


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(prog="python -m services_catalog")
    parser.add_argument("--db", help="SQLAlchemy URL (default: CATALOGUE_DB_URL or build/catalogue.sqlite)")
    sub = parser.add_subparsers(dest="command", required=True)
    loader = sub.add_parser("load", help="validate the data files (and the services import-feed "
                            "kept) and (re)build the database")
    loader.add_argument("--feeds-dir", type=Path, help="the services import-feed kept "
                        "(default: CATALOGUE_FEEDS_DIR or build/feeds)")
    search = sub.add_parser("search", help="find services")
    search.add_argument("--need", required=True)
    search.add_argument("--age", type=int)
    search.add_argument("--where", help="postcode, postcode district or town")
    search.add_argument("--audience", choices=["young_person", "parent_carer", "professional"])
    search.add_argument("--open-now", action="store_true")
    search.add_argument("--limit", type=int, default=3)
    search.add_argument("--json", action="store_true")
    search.add_argument("--explain", action="store_true",
                        help="name the ranking rule that put each result above the next")
    export = sub.add_parser("export", help="write the catalogue as Open Referral UK JSON")
    export.add_argument("--format", choices=["oruk"], default="oruk")
    export.add_argument("--out", help="file to write (default: standard output)")
    importer = sub.add_parser("import", help="load Open Referral UK JSON into the database")
    importer.add_argument("file")
    importer.add_argument("--yaml-out", help="also write the services as data files in this folder")
    importer.add_argument("--trust-status", action="store_true",
                          help="keep 'confirmed' statuses (only for this project's own exports)")
    checker = sub.add_parser("validate-feed", help="check an ORUK 3.0 feed as the official "
                             "validator does (exit 0 pass, 2 warn, 1 fail)")
    checker.add_argument("url", help="the feed's base URL, e.g. http://localhost:8000/oruk")
    checker.add_argument("--all-required", action="store_true",
                         help="read the profile as published: all nine endpoints required")
    checker.add_argument("--json", action="store_true", help="the official ORUK-format result")
    checker.add_argument("--seed", type=int, help="seed for the ten ids picked from a long list")
    checker.add_argument("--timeout", type=float, default=TIMEOUT_SECONDS)
    reader = sub.add_parser("import-feed", help="read another ORUK 3.0 feed's services into "
                            "the catalogue (numbers unverified)")
    reader.add_argument("url", help="the feed's base URL (where GET / says HSDS-UK-3.0)")
    reader.add_argument("--area", action="append", default=[], choices=AREA_CODES,
                        help="area of the services that name none of the five (repeatable)")
    reader.add_argument("--need", action="append", default=[], choices=NEED_CODES,
                        help="need of the services that name none of this taxonomy's "
                             "(repeatable)")
    reader.add_argument("--grace-days", type=int, default=GRACE_DAYS,
                        help="days a service may be missing from the feed before it is marked "
                             f"inactive (default {GRACE_DAYS})")
    reader.add_argument("--feeds-dir", type=Path, help="where the feed's services are kept "
                        "(default: CATALOGUE_FEEDS_DIR or build/feeds)")
    cover = sub.add_parser("coverage", help="local services and gaps for every district and need")
    cover.add_argument("--csv", action="store_true",
                       help="one CSV row per district, need and age band")
    old = sub.add_parser("oldest", help="the services whose facts were checked longest ago")
    old.add_argument("--limit", type=int, default=20)
    args = parser.parse_args(argv)
    if args.command == "validate-feed":
        return _validate_feed(args)
    engine = make_engine(args.db)

    if args.command == "import-feed":
        return _import_feed(args, engine)

    if args.command == "load":
        try:
            report = load(engine, feeds=args.feeds_dir or feeds_dir())
        except CatalogueInvalid as exc:
            print(exc, file=sys.stderr)
            return 1
        for warning in report.warnings:
            print(f"warning: {warning}", file=sys.stderr)
        print(f"loaded {report.services} services, {report.organisations} organisations, "
              f"{report.contacts} contact details into {database_url(args.db)}")
        return 0

    if args.command == "search":
        area = district = None
        if args.where:
            place = resolve(args.where)
            if place.status != FOUND:
                print(f"'{args.where}': {place.status}; showing national services", file=sys.stderr)
            area, district = place.area, place.district
        # One more than shown, so that the last result's rule is known too.
        found = Catalogue(engine).search(args.need, args.age, area, district, args.audience,
                                         open_now=args.open_now or None, limit=args.limit + 1)
        matches = found[:args.limit]
        rules = [deciding_rule(m.rank, following.rank) if following else "-"
                 for m, following in zip(matches, list(found[1:]) + [None])]
        if args.json:
            print(json.dumps([dict({"id": m.service.id, "name": m.service.name,
                                    "reason": m.reason, "open_now": m.open_now,
                                    "contacts": describe_contacts(m.service)},
                                   **({"above_the_next_by": rule} if args.explain else {}))
                              for m, rule in zip(matches, rules)], indent=2))
        else:
            for m, rule in zip(matches, rules):
                print(f"{m.service.name}\n  {m.reason}\n  {'; '.join(describe_contacts(m.service))}")
                if args.explain:
                    print(f"  above the next by: {rule}")
        return 0

    if args.command == "coverage":
        active = Catalogue(engine).all()
        cells = gaps.coverage(active)
        print(gaps.as_csv(cells) if args.csv else gaps.report(cells, active),
              end="" if args.csv else "\n")
        return 0

    if args.command == "oldest":
        print("\n".join(gaps.oldest_lines(gaps.oldest(Catalogue(engine).all(), args.limit))))
        return 0

    if args.command == "export":
        services = to_oruk(documents_from_db(engine))
        for item in services:
            errors = validation_errors(item)
            if errors:
                print(f"{item['x_id']}: not valid ORUK: {errors}", file=sys.stderr)
                return 1
        text = json.dumps(services, indent=2, ensure_ascii=False)
        if args.out:
            Path(args.out).write_text(text + "\n", encoding="utf-8")
            print(f"wrote {len(services)} services to {args.out}", file=sys.stderr)
        else:
            print(text)
        return 0

    if args.command == "import":
        try:
            items = read_oruk_file(Path(args.file))
        except (OSError, ValueError) as exc:
            print(f"cannot read {args.file}: {exc}", file=sys.stderr)
            return 1
        problems = [f"{i.get('x_id', i.get('id'))}: {e}" for i in items for e in validation_errors(i)]
        if problems:
            print("not valid ORUK; nothing imported:\n  " + "\n  ".join(problems), file=sys.stderr)
            return 1
        documents = from_oruk(items, trust_status=args.trust_status)
        try:
            report = load_documents(engine, documents)
        except CatalogueInvalid as exc:
            print(exc, file=sys.stderr)
            return 1
        if args.yaml_out:
            out = Path(args.yaml_out)
            out.mkdir(parents=True, exist_ok=True)
            for filename, doc in documents:
                (out / filename).write_text(yaml.safe_dump(doc, sort_keys=False, allow_unicode=True))
        print(f"imported {report.services} services into {database_url(args.db)}")
        return 0
    return 2


def _import_feed(args: argparse.Namespace, engine) -> int:
    try:
        report = import_feed(args.url, engine, args.feeds_dir or feeds_dir(), areas=args.area,
                             needs=args.need, grace_days=args.grace_days)
    except (FeedUnreadable, CatalogueInvalid) as problem:
        print(f"nothing imported: {problem}", file=sys.stderr)
        return 1
    for skipped in report.skipped:
        print(f"left out: {skipped}", file=sys.stderr)
    print(f"{report.feed}: {report.listed} listed; {len(report.added)} added, "
          f"{len(report.updated)} updated, {len(report.skipped)} left out, "
          f"{len(report.missing)} missing (kept for the grace period), "
          f"{len(report.inactivated)} marked inactive; kept in {report.file}; the catalogue now "
          f"has {report.load.services} services")
    return 0


def _validate_feed(args: argparse.Namespace) -> int:
    report = validate_feed(args.url, ALL_REQUIRED if args.all_required else VALIDATOR_SPEC,
                           timeout=args.timeout, seed=args.seed)
    print(json.dumps(report.as_oruk(), indent=2) if args.json else report.text())
    return {PASS: 0, WARN: 2, FAIL: 1}[report.verdict]


if __name__ == "__main__":
    sys.exit(main())
