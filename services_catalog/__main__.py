"""Command line: ``python -m services_catalog load`` and ``search``."""
from __future__ import annotations

import argparse
import json
import sys

from .db import database_url, make_engine
from .loader import CatalogueInvalid, load
from .locality import FOUND, resolve
from .query import Catalogue


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(prog="python -m services_catalog")
    sub = parser.add_subparsers(dest="command", required=True)
    load_cmd = sub.add_parser("load", help="validate the data files and (re)build the database")
    load_cmd.add_argument("--db", help="SQLAlchemy URL (default: CATALOGUE_DB_URL or build/catalogue.sqlite)")
    search_cmd = sub.add_parser("search", help="find services")
    search_cmd.add_argument("--need", required=True)
    search_cmd.add_argument("--age", type=int)
    search_cmd.add_argument("--where", help="postcode, postcode district or town")
    search_cmd.add_argument("--audience")
    search_cmd.add_argument("--json", action="store_true")
    search_cmd.add_argument("--db")
    args = parser.parse_args(argv)

    if args.command == "load":
        try:
            report = load(make_engine(args.db))
        except CatalogueInvalid as exc:
            print(exc, file=sys.stderr)
            return 1
        for warning in report.warnings:
            print(f"warning: {warning}", file=sys.stderr)
        print(f"loaded {report.services} services, {report.organisations} organisations, "
              f"{report.contacts} contact details into {database_url(args.db)}")
        return 0

    area = None
    if args.where:
        place = resolve(args.where)
        if place.status != FOUND:
            print(f"'{args.where}': {place.status}", file=sys.stderr)
        area = place.area
    matches = Catalogue(make_engine(args.db)).search(args.need, args.age, area, args.audience)
    if args.json:
        print(json.dumps([{"id": m.service.id, "name": m.service.name, "reason": m.reason}
                          for m in matches], indent=2))
    else:
        for m in matches:
            print(f"{m.service.name}  ({m.reason})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
