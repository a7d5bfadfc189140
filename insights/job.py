"""``python -m insights run``: code the conversation sessions that have closed since the last
run, from the tracker store the Rasa server writes, into the insights store.

Why a job that reads the tracker store (and not an event broker or the action server):

- it adds nothing to the bot's path: a turn never waits for analytics, and an insights
  database that is down never touches a conversation, crisis replies above all;
- it sees every event, urgent replies included (they are domain responses: the action server
  never hears of them), from any channel and any number of Rasa servers;
- Rasa's event brokers stream every message's text to another system, which is what this
  record must never hold; reading the store in place moves no text anywhere;
- a session is coded once it can no longer change (``session_minutes`` after its last message
  Rasa starts a new session), so each record is final.

When has a session closed? Rasa starts a new session when a message comes more than
``session_minutes`` (domain/core.yml: 60) after the person's previous one, so a session whose
last message is older than that, plus a margin for turns still being saved and clocks that
differ between servers, can gain no more events. A run codes the sessions that closed in
[previous run's time, now): every session has one closing time, so it falls in exactly one
run. The time is kept in the insights store's one state row, which each run locks first (see
``InsightsStore.claim``), so two runs at once, on one server or several, never code a session
twice; a run that fails changes nothing, and the next one does its work.

Run it daily, **before** the retention job (``bot.stores.retention``), which deletes
conversations 30 days after their last message: a session the job has not coded by then is
lost to the figures, never counted twice.
"""
from __future__ import annotations

import json
import time
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any, Dict, Iterator, List, Mapping, Optional, Sequence, Tuple

import sqlalchemy as sa

from insights.codes import LONDON
from insights.coding import SessionRecord, code_session, last_message_time, split_sessions
from insights.store import InsightsStore

#: Rasa's session expiry (domain/core.yml, session_config.session_expiration_time).
SESSION_MINUTES = 60
#: Added to it: a turn still being saved, clocks a few minutes apart on different servers.
MARGIN_MINUTES = 10
#: Conversations read from the tracker store at a time.
BATCH = 200


@dataclass
class RunSummary:
    sessions: int = 0
    conversations: int = 0
    skipped: int = 0
    purged: int = 0
    coded_until: Optional[float] = None


def closed_sessions(events: Sequence[Dict[str, Any]], after: Optional[float], before: float,
                    wait: float) -> Iterator[List[Mapping[str, Any]]]:
    """The sessions of one conversation that closed in [after, before): their last message
    plus ``wait`` seconds falls in that window (``after`` None: any time before)."""
    for session in split_sessions(events):
        last = last_message_time(session)
        if last is None:
            continue
        closes = last + wait
        if closes < before and (after is None or closes >= after):
            yield session


def _conversations(tracker_engine: sa.engine.Engine, table: sa.Table, low: Optional[float],
                   high: float) -> List[str]:
    """Conversations with a message in [low, high): those that may hold a session that closed
    in the window."""
    query = (sa.select(table.c.sender_id).distinct()
             .where(table.c.type_name == "user", table.c.timestamp < high))
    if low is not None:
        query = query.where(table.c.timestamp >= low)
    with tracker_engine.connect() as connection:
        return [row[0] for row in connection.execute(query)]


def _events(tracker_engine: sa.engine.Engine, table: sa.Table,
            senders: Sequence[str]) -> Dict[str, List[Dict[str, Any]]]:
    found: Dict[str, List[Dict[str, Any]]] = {sender: [] for sender in senders}
    query = (sa.select(table.c.sender_id, table.c.data)
             .where(table.c.sender_id.in_(list(senders))).order_by(table.c.id))
    with tracker_engine.connect() as connection:
        for sender, data in connection.execute(query):
            try:
                event = json.loads(data)
            except (TypeError, ValueError):
                continue
            if isinstance(event, dict):
                found[sender].append(event)
    return found


def events_table(tracker_engine: sa.engine.Engine, schema: Optional[str] = None) -> sa.Table:
    """Rasa's ``events`` table (rasa/core/tracker_store.py, SQLTrackerStore), the columns read."""
    return sa.Table("events", sa.MetaData(schema=schema),
                    sa.Column("id", sa.Integer, primary_key=True),
                    sa.Column("sender_id", sa.String(255)),
                    sa.Column("type_name", sa.String(255)),
                    sa.Column("timestamp", sa.Float),
                    sa.Column("data", sa.Text))


def run(tracker_engine: sa.engine.Engine, store: InsightsStore, now: Optional[float] = None,
        session_minutes: float = SESSION_MINUTES, margin_minutes: float = MARGIN_MINUTES,
        keep_months: Optional[int] = 24, schema: Optional[str] = None) -> RunSummary:
    """One run: code what closed since the previous run, then drop records past keeping."""
    store.create()
    wait = (session_minutes + margin_minutes) * 60
    table = events_table(tracker_engine, schema)
    summary = RunSummary()
    if not sa.inspect(tracker_engine).has_table("events", schema=schema):
        return summary  # the server has not stored anything yet
    with store.claim() as claim:
        after = claim.coded_until
        before = max(after or 0.0, time.time() if now is None else now)
        senders = _conversations(tracker_engine, table,
                                 None if after is None else after - wait, before - wait)
        records: List[SessionRecord] = []
        for start in range(0, len(senders), BATCH):
            batch = senders[start:start + BATCH]
            for events in _events(tracker_engine, table, batch).values():
                for session in closed_sessions(events, after, before, wait):
                    try:
                        records.append(code_session(session))
                    except ValueError:
                        summary.skipped += 1
        claim.write(records)
        claim.done_until(before)
        summary.sessions, summary.conversations = len(records), len(senders)
        summary.coded_until = before
    if keep_months:
        summary.purged = store.purge_before(months_before(
            datetime.fromtimestamp(summary.coded_until or time.time(), LONDON).date(), keep_months))
    return summary


def months_before(day: date, months: int) -> date:
    year, month = divmod(day.year * 12 + day.month - 1 - months, 12)
    return date(year, month + 1, 1)


def tracker_engine_from_endpoints(endpoints: str) -> Tuple[sa.engine.Engine, Optional[str]]:
    """The tracker store's engine as the Rasa server builds it from its endpoints file (with
    the retention job's checks: an SQL store, reachable, not a missing SQLite file)."""
    from bot.stores.retention import open_store

    store = open_store(endpoints)
    schema = None
    table = getattr(store.SQLEvent, "__table__", None)
    if table is not None:
        schema = table.schema
    return store.engine, schema
