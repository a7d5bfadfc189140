"""Delete conversations nobody has touched for a while: `python -m bot.stores.retention --older-than 30d`.

The tracker store is the only place that keeps what young people wrote, so it should keep it
no longer than someone might come back to the conversation. Run this daily (e.g. from cron)
with the endpoints file the Rasa server uses, so it cleans the very store the server writes to,
SQLite or PostgreSQL alike.

Only whole conversations go, and only when their *latest* event is older than the given age:
cutting the old part off a conversation that is still going on would leave Rasa a history that
starts mid-sentence. The summary it prints has counts only, never sender ids or text, because
cron mails and job logs are read by people who should not see them.

Exit codes: 0 done (or nothing to do), 1 the database could not be reached, 2 bad arguments or
an endpoints file this job cannot use.
"""
from __future__ import annotations

import argparse
import os
import re
import sys
import time
import warnings
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone
from pathlib import Path
from typing import Iterable, Iterator, List, Optional, Sequence, Tuple, Type

# Rasa's models use SQLAlchemy 1.4 APIs that warn about 2.0 on import; in a cron job that
# warning would be mailed every day (the Makefile silences it the same way).
os.environ.setdefault("SQLALCHEMY_SILENCE_UBER_WARNING", "1")
if __name__ == "__main__":
    # Likewise the deprecation notices Rasa's dependencies print: mailed daily, they would bury
    # the one line that matters. Dropped at display because Sanic re-enables them on import.
    _show_warning = warnings.showwarning

    def _without_deprecations(message, category, *args, **kwargs):
        if not issubclass(category, DeprecationWarning):
            _show_warning(message, category, *args, **kwargs)

    warnings.showwarning = _without_deprecations

import sqlalchemy as sa  # noqa: E402
from rasa.core.tracker_store import (  # noqa: E402
    SQLTrackerStore,
    TrackerStore,
    create_engine_kwargs,
    validate_port,
)
from rasa.core.utils import AvailableEndpoints  # noqa: E402
from rasa.shared.exceptions import RasaException  # noqa: E402
from rasa.shared.utils.common import class_from_module_path  # noqa: E402
from rasa.utils.endpoints import EndpointConfig  # noqa: E402

#: Senders per transaction: small enough that a batch never holds the database for long while
#: the server is writing, large enough that a big clean-up is not thousands of round trips.
BATCH_SIZE = 500

_UNITS = {"d": timedelta(days=1), "h": timedelta(hours=1), "m": timedelta(minutes=1)}
_AGE = re.compile(r"([0-9]+)([dhm])")
#: Tracker store types Rasa builds in that are not SQL; refused before any connection is tried.
_NOT_SQL = {"redis", "mongod", "dynamo"}


class UsageError(Exception):
    """The job was asked for something it cannot do; exit code 2, like argparse."""


class StoreUnavailable(Exception):
    """The database did not answer; exit code 1, so a scheduler can tell it from misuse."""


class NoDatabase(Exception):
    """The SQLite file is not there yet (the server never ran): nothing to delete, exit 0."""


def parse_age(text: str) -> timedelta:
    """``30d``, ``12h`` or ``90m`` as a timedelta; ValueError for anything else.

    A unit is required because a bare number would leave it to guesswork, and a wrong guess
    deletes conversations that are still going on. Months and years are refused because they
    have no fixed length (``m`` is minutes). Zero is refused: it would delete everything,
    including a conversation someone is in the middle of.
    """
    match = _AGE.fullmatch(text.strip()) if isinstance(text, str) else None
    if not match:
        raise ValueError(f"{text!r} is not an age like 30d, 12h or 90m "
                         "(a whole number of days, hours or minutes)")
    number, unit = int(match.group(1)), match.group(2)
    if number == 0:
        raise ValueError(f"{text!r} would delete every conversation, live ones included; "
                         "give an age above zero")
    try:
        return number * _UNITS[unit]
    except OverflowError:
        raise ValueError(f"{text!r} is too long an age") from None


def senders_to_delete(rows: Iterable[Tuple[str, Optional[float]]], cutoff: float) -> List[str]:
    """The senders whose latest event is before ``cutoff`` (unix seconds), in input order.

    Decided on the latest event alone so that a conversation is kept or deleted whole. A
    conversation without any timestamp is kept: its age is unknown, and Rasa always stamps
    events, so such rows were not written by the server and are not this job's to judge.
    """
    return [sender for sender, latest in rows if latest is not None and latest < cutoff]


def batches(items: Sequence[str], size: int) -> Iterator[Sequence[str]]:
    """Consecutive slices, so each batch is its own short transaction."""
    for start in range(0, len(items), size):
        yield items[start:start + size]


@dataclass
class Summary:
    conversations: int = 0
    events: int = 0
    kept: int = 0


def _sql_store_class(config: EndpointConfig) -> Type[SQLTrackerStore]:
    """The store class the server would build, checked to be SQL without connecting.

    Checked up front because Rasa falls back to an in-memory store when a class cannot be
    imported, and connecting to Redis, Mongo or DynamoDB only to refuse would be pointless.
    """
    store_type = str(config.type)
    if store_type.lower() == "sql":
        return SQLTrackerStore
    if store_type.lower() in _NOT_SQL:
        raise UsageError(f"the tracker store is {store_type!r}, not SQL: this job only deletes "
                         "from SQL tracker stores (SQLite, PostgreSQL)")
    try:
        store_class = class_from_module_path(store_type)
    except (AttributeError, ImportError) as error:
        raise UsageError(f"cannot import the tracker store class {store_type!r}: {error}") from None
    if not (isinstance(store_class, type) and issubclass(store_class, SQLTrackerStore)):
        raise UsageError(f"the tracker store {store_type!r} is not an SQL tracker store: this job "
                         "only deletes from SQL tracker stores (SQLite, PostgreSQL)")
    return store_class


def _check_reachable(config: EndpointConfig) -> None:
    """NoDatabase when an SQLite file is missing; StoreUnavailable when a server does not answer.

    Needed because Rasa's SQLTrackerStore retries a failed connection every 5 seconds forever
    (it waits for a database container to come up), which would leave a nightly job hanging and
    piling up; and because opening a missing SQLite file would create an empty database. The URL
    is built by Rasa's own code so the dialect handling is the server's.
    """
    options = dict(config.kwargs)
    try:
        port = validate_port(options.get("port"))
    except RasaException as error:
        raise UsageError(str(error)) from None
    url = sa.engine.make_url(SQLTrackerStore.get_db_url(
        dialect=options.get("dialect", "sqlite"), host=config.url, port=port,
        db=options.get("db", "rasa.db"), username=options.get("username"),
        password=options.get("password"), login_db=options.get("login_db"),
        query=options.get("query"),
    ))
    if url.get_backend_name() == "sqlite":
        if not (url.database and Path(url.database).is_file()):
            raise NoDatabase(f"the SQLite tracker database {url.database or '(in memory)'} "
                             "does not exist yet; nothing to delete")
        return
    try:
        engine = sa.create_engine(url, **create_engine_kwargs(url))
        try:
            with engine.connect():
                pass
        finally:
            engine.dispose()
    except (sa.exc.SQLAlchemyError, ImportError) as error:
        raise StoreUnavailable(f"cannot connect to the tracker store "
                               f"({url.get_backend_name()}): {_first_line(error)}") from None


def open_store(endpoints_path: str) -> SQLTrackerStore:
    """The server's SQL tracker store, built by Rasa from the server's own endpoints file."""
    if not Path(endpoints_path).is_file():
        # Checked here because Rasa's own reader silently falls back to ./endpoints.yml.
        raise UsageError(f"endpoints file {endpoints_path} not found")
    try:
        config = AvailableEndpoints.read_endpoints(endpoints_path).tracker_store
    except RasaException as error:  # e.g. a ${VARIABLE} the server uses is not set
        raise UsageError(f"cannot read {endpoints_path}: {error}") from None
    if config is None or config.type is None:
        raise UsageError(f"{endpoints_path} configures no tracker_store, so Rasa keeps "
                         "conversations in memory only: there is nothing for this job to delete")
    _sql_store_class(config)
    _check_reachable(config)
    store = TrackerStore.create(config)
    store = getattr(store, "_tracker_store", store)  # unwrap Rasa's AwaitableTrackerStore
    if not isinstance(store, SQLTrackerStore):
        raise UsageError(f"{endpoints_path} did not give an SQL tracker store "
                         f"(got {type(store).__name__})")
    return store


def purge(store: SQLTrackerStore, cutoff: float, dry_run: bool = False,
          batch_size: int = BATCH_SIZE) -> Summary:
    """Delete (or with dry_run, count) the conversations whose latest event is before cutoff."""
    event = store.SQLEvent
    with store.session_scope() as session:
        rows = (session.query(event.sender_id, sa.func.max(event.timestamp),
                              sa.func.count(event.id))
                .group_by(event.sender_id).all())
    events_of = {sender: count for sender, _, count in rows}
    doomed = senders_to_delete([(sender, latest) for sender, latest, _ in rows], cutoff)
    summary = Summary(kept=len(rows) - len(doomed))

    if dry_run:
        summary.conversations = len(doomed)
        summary.events = sum(events_of[sender] for sender in doomed)
        return summary

    recent = sa.orm.aliased(event)
    for batch in batches(doomed, batch_size):
        with store.session_scope() as session:
            if session.get_bind().dialect.name == "sqlite":
                # SQLite otherwise only marks deleted rows free, and the text stays readable in
                # the file until reused; many builds (not all) have this on by default.
                session.execute(sa.text("PRAGMA secure_delete = ON"))
            # Looked at again inside the transaction: the person may have come back since.
            latest = (session.query(event.sender_id, sa.func.max(event.timestamp))
                      .filter(event.sender_id.in_(batch)).group_by(event.sender_id).all())
            still_old = senders_to_delete(latest, cutoff)
            summary.kept += len(batch) - len(still_old)
            if still_old:
                # The same condition in the DELETE itself, so that a message arriving between
                # the two statements keeps its whole conversation.
                has_recent = (sa.select(recent.sender_id)
                              .where(recent.sender_id.in_(still_old), recent.timestamp >= cutoff))
                deleted = (session.query(event)
                           .filter(event.sender_id.in_(still_old),
                                   event.sender_id.notin_(has_recent))
                           .delete(synchronize_session=False))
                came_back = (session.query(event.sender_id).distinct()
                             .filter(event.sender_id.in_(still_old)).count())
                summary.conversations += len(still_old) - came_back
                summary.kept += came_back
                summary.events += deleted
            session.commit()
    if summary.events:
        from bot.stores.tracker_store import empty_write_ahead_log

        empty_write_ahead_log(store.engine)
    return summary


def _first_line(error: Exception) -> str:
    """The error without SQLAlchemy's [SQL: ...] and [parameters: ...] lines (sender ids)."""
    text = str(error).strip()
    return f"{type(error).__name__}: {text.splitlines()[0] if text else ''}"


def _age(text: str) -> timedelta:
    try:
        return parse_age(text)
    except ValueError as error:
        raise argparse.ArgumentTypeError(str(error)) from None


def main(argv: Optional[Sequence[str]] = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m bot.stores.retention",
        description="Delete every conversation whose latest event is older than the given age "
                    "from the tracker store configured in the endpoints file.")
    parser.add_argument("--older-than", required=True, type=_age, metavar="AGE",
                        help="e.g. 30d, 12h or 90m (days, hours, minutes)")
    parser.add_argument("--endpoints", default=os.environ.get("RASA_ENDPOINTS", "endpoints.yml"),
                        help="the server's endpoints file (default: $RASA_ENDPOINTS or "
                             "endpoints.yml); ${VARIABLES} in it are expanded as Rasa does")
    parser.add_argument("--dry-run", action="store_true",
                        help="count what would be deleted, delete nothing")
    args = parser.parse_args(argv)

    cutoff = time.time() - args.older_than.total_seconds()
    when = datetime.fromtimestamp(cutoff, timezone.utc).strftime("%Y-%m-%d %H:%M UTC")
    try:
        summary = purge(open_store(args.endpoints), cutoff, dry_run=args.dry_run)
    except NoDatabase as nothing:
        print(f"retention: {nothing}")
        return 0
    except UsageError as error:
        print(f"retention: error: {error}", file=sys.stderr)
        return 2
    except StoreUnavailable as error:
        print(f"retention: error: {error}", file=sys.stderr)
        return 1
    except sa.exc.SQLAlchemyError as error:
        print(f"retention: error: {_first_line(error)}", file=sys.stderr)
        return 1

    verb = "would delete" if args.dry_run else "deleted"
    print(f"retention: {verb} {summary.conversations} conversation(s), {summary.events} event(s), "
          f"whose latest event was before {when}; kept {summary.kept} conversation(s)"
          + ("; dry run, nothing was deleted" if args.dry_run else ""))
    return 0


if __name__ == "__main__":
    sys.exit(main())
