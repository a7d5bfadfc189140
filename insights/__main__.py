"""``python -m insights``: the insights job, the published tables and the dashboard's accounts.

    python -m insights run [--endpoints endpoints.yml] [--keep-months 24]
    python -m insights report --period 2026-Q4 [--area kent] [--format csv|json|html]
                              [--out FILE] [--provisional]
    python -m insights add-user NAME --file insights-users.txt
    python -m insights hash-password

``INSIGHTS_DB_URL`` selects the insights store (default ``sqlite:///build/insights.sqlite``).
Exit codes: 0 done, 1 a database could not be reached, 2 bad arguments or configuration,
3 (report) the period is not final yet.
"""
from __future__ import annotations

import argparse
import getpass
import os
import sys
from datetime import datetime
from pathlib import Path
from typing import Optional, Sequence

os.environ.setdefault("SQLALCHEMY_SILENCE_UBER_WARNING", "1")

from insights import codes, periods  # noqa: E402


def _run(args: argparse.Namespace) -> int:
    import sqlalchemy as sa

    from insights import job, publish
    from insights.store import InsightsStore, make_engine

    try:
        from bot.stores.retention import NoDatabase, StoreUnavailable, UsageError
        engine, schema = job.tracker_engine_from_endpoints(args.endpoints)
    except NoDatabase as nothing:
        print(f"insights: {nothing}")
        return 0
    except UsageError as error:
        print(f"insights: error: {error}", file=sys.stderr)
        return 2
    except StoreUnavailable as error:
        print(f"insights: error: {error}", file=sys.stderr)
        return 1
    try:
        store = InsightsStore(make_engine(args.insights_db))
        summary = job.run(engine, store, keep_months=args.keep_months, schema=schema,
                          session_minutes=args.session_minutes)
        made = publish.publish_new(store)
    except sa.exc.SQLAlchemyError as error:
        text = str(error).strip().splitlines()
        print(f"insights: error: {type(error).__name__}: {text[0] if text else ''}",
              file=sys.stderr)
        return 1
    until = datetime.fromtimestamp(summary.coded_until or 0, codes.LONDON)
    print(f"insights: coded {summary.sessions} session(s) of {summary.conversations} "
          f"conversation(s) that closed up to {until:%Y-%m-%d %H:%M %Z}; "
          f"removed {summary.purged} record(s) older than {args.keep_months} months"
          + (f"; published {', '.join(made)}" if made else ""))
    return 0


def _report(args: argparse.Namespace) -> int:
    from insights import publish, report
    from insights.store import InsightsStore, make_engine

    try:
        period = periods.parse(args.period)
    except ValueError as error:
        print(f"insights: error: {error}", file=sys.stderr)
        return 2
    area = args.area.lower() if args.area else None
    if area and area not in codes.LOCAL_AREAS:
        print(f"insights: error: --area must be one of {', '.join(codes.LOCAL_AREAS)}",
              file=sys.stderr)
        return 2
    store = InsightsStore(make_engine(args.insights_db))
    store.create()
    made = publish.views(store, period, provisional=args.provisional)
    if made is None:
        print(f"insights: {period.name} is not final yet (it ends on "
              f"{period.end:%Y-%m-%d}, and the job must have run a day after); "
              "--provisional makes a draft marked not for publication", file=sys.stderr)
        return 3
    text = report.FORMATS[args.format](made["scopes"][area or "all"])
    if args.out:
        Path(args.out).write_text(text, encoding="utf-8")
    else:
        sys.stdout.write(text)
    return 0


def _read_password(confirm: bool = True) -> str:
    if not sys.stdin.isatty():
        return sys.stdin.readline().rstrip("\n")
    first = getpass.getpass("Password (12 characters or more): ")
    if confirm and getpass.getpass("Again: ") != first:
        raise SystemExit("insights: the two passwords differ")
    return first


def _hash(args: argparse.Namespace) -> int:
    from insights import auth

    try:
        print(auth.hash_password(_read_password()))
    except ValueError as error:
        print(f"insights: error: {error}", file=sys.stderr)
        return 2
    return 0


def _add_user(args: argparse.Namespace) -> int:
    from insights import auth

    try:
        auth.add_user(Path(args.file), args.name, _read_password())
    except ValueError as error:
        print(f"insights: error: {error}", file=sys.stderr)
        return 2
    print(f"insights: {args.name} can now sign in (account in {args.file})")
    return 0


def main(argv: Optional[Sequence[str]] = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m insights", description=__doc__.split("\n")[0])
    parser.add_argument("--insights-db", default=None,
                        help="SQLAlchemy URL of the insights store (default $INSIGHTS_DB_URL, "
                             "else build/insights.sqlite)")
    commands = parser.add_subparsers(dest="command", required=True)

    run = commands.add_parser("run", help="code the sessions that closed since the last run")
    run.add_argument("--endpoints", default=os.environ.get("RASA_ENDPOINTS", "endpoints.yml"),
                     help="the Rasa server's endpoints file (default $RASA_ENDPOINTS or "
                          "endpoints.yml)")
    run.add_argument("--keep-months", type=int, default=24,
                     help="delete records of sessions older than this (default 24)")
    run.add_argument("--session-minutes", type=float, default=60,
                     help="Rasa's session expiry (domain/core.yml; default 60)")
    run.set_defaults(handler=_run)

    rep = commands.add_parser("report", help="the published tables of a month or quarter")
    rep.add_argument("--period", required=True, help="a month (2026-11) or quarter (2026-Q4)")
    rep.add_argument("--area", help="one of " + ", ".join(codes.LOCAL_AREAS))
    rep.add_argument("--format", choices=("csv", "json", "html"), default="csv")
    rep.add_argument("--out", help="write to this file (default: standard output)")
    rep.add_argument("--provisional", action="store_true",
                     help="a period not yet final: a draft marked not for publication")
    rep.set_defaults(handler=_report)

    hashing = commands.add_parser("hash-password",
                                  help="print the Argon2id hash of a password (for "
                                       "INSIGHTS_USERS)")
    hashing.set_defaults(handler=_hash)

    add = commands.add_parser("add-user", help="add or change a dashboard account in a file")
    add.add_argument("name")
    add.add_argument("--file", required=True, help="the accounts file (INSIGHTS_USERS_FILE)")
    add.set_defaults(handler=_add_user)

    args = parser.parse_args(argv)
    if args.insights_db:
        os.environ["INSIGHTS_DB_URL"] = args.insights_db
    return int(args.handler(args))


if __name__ == "__main__":
    sys.exit(main())
