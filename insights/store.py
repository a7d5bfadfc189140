"""The insights store: coded session records, SQLite by default, PostgreSQL to scale out.

``INSIGHTS_DB_URL`` (a SQLAlchemy URL) selects it; the default is ``build/insights.sqlite``
beside the catalogue. The same code runs on both (SQLAlchemy Core, nothing dialect-specific
but the SQLite busy timeout).

Tables:

- ``insights_sessions``: one row per conversation session, keyed by a random key made when
  the row is written (``secrets.token_hex``). Nothing in a row refers to the tracker store:
  no sender id, no hash of one, no event id, no time finer than the hour of the week.
- ``insights_needs``, ``insights_gaps``: the session's needs, and its searches that found no
  local service, by the same random key.
- ``insights_state``: one row, the time up to which closed sessions have been coded. It is
  the job's only memory of what it has done, and it names no session.

Rows of a run are written in a random order, so their order in the table says nothing about
the order the sessions happened in within a day.
"""
from __future__ import annotations

import os
import random
import secrets
from contextlib import contextmanager
from datetime import date
from pathlib import Path
from typing import Any, Dict, Iterator, List, Optional, Sequence, Tuple

import sqlalchemy as sa

from insights.coding import Gap, SessionRecord

ROOT = Path(__file__).resolve().parents[1]
URL_ENV = "INSIGHTS_DB_URL"
DEFAULT_PATH = ROOT / "build" / "insights.sqlite"

metadata = sa.MetaData()

sessions = sa.Table(
    "insights_sessions", metadata,
    sa.Column("key", sa.String(32), primary_key=True),
    sa.Column("day", sa.Date, nullable=False, index=True),
    sa.Column("hour_of_week", sa.SmallInteger, nullable=False),
    sa.Column("out_of_hours", sa.Boolean, nullable=False),
    sa.Column("channel", sa.String(16), nullable=False),
    sa.Column("audience", sa.String(16), nullable=False),
    sa.Column("age_band", sa.String(16), nullable=False),
    sa.Column("area", sa.String(16), nullable=False),
    sa.Column("district", sa.String(40)),
    sa.Column("urgent_class", sa.String(32)),
    sa.Column("check_in", sa.Boolean, nullable=False),
    sa.Column("furthest_step", sa.String(16), nullable=False),
    sa.Column("services_shown", sa.SmallInteger, nullable=False),
    sa.Column("any_local", sa.Boolean),
    sa.Column("feedback_asked", sa.Boolean, nullable=False),
    sa.Column("feedback", sa.String(8)),
    sa.Column("language", sa.String(8)),
)
needs = sa.Table(
    "insights_needs", metadata,
    sa.Column("key", sa.String(32), sa.ForeignKey("insights_sessions.key", ondelete="CASCADE"),
              primary_key=True),
    sa.Column("need", sa.String(32), primary_key=True),
)
gaps = sa.Table(
    "insights_gaps", metadata,
    sa.Column("key", sa.String(32), sa.ForeignKey("insights_sessions.key", ondelete="CASCADE"),
              primary_key=True),
    sa.Column("need", sa.String(32), primary_key=True),
    sa.Column("age_band", sa.String(16), primary_key=True),
    sa.Column("area", sa.String(16), primary_key=True),
    sa.Column("district", sa.String(40)),
)
published = sa.Table(
    "insights_published", metadata,
    #: A period's published tables (insights/report.py), made once the period is final.
    sa.Column("period", sa.String(8), primary_key=True),
    sa.Column("body", sa.Text, nullable=False),
)
state = sa.Table(
    "insights_state", metadata,
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=False),
    #: Unix time up to which every closed session has been coded (None: never run).
    sa.Column("coded_until", sa.Float),
    sa.Column("runs", sa.Integer, nullable=False, default=0),
)


def default_url() -> str:
    return os.environ.get(URL_ENV) or f"sqlite:///{DEFAULT_PATH}"


def make_engine(url: Optional[str] = None) -> sa.engine.Engine:
    url = url or default_url()
    if url.startswith("sqlite"):
        # Several jobs at once wait for each other's write rather than fail at once.
        return sa.create_engine(url, future=True, connect_args={"timeout": 120})
    return sa.create_engine(url, future=True, pool_pre_ping=True)


class InsightsStore:
    def __init__(self, engine: Optional[sa.engine.Engine] = None) -> None:
        self.engine = engine or make_engine()

    # -- writing --------------------------------------------------------------------------------

    def create(self) -> None:
        """Create the tables if missing (safe when several jobs do it at once)."""
        if self.engine.dialect.name == "sqlite" and self.engine.url.database:
            Path(self.engine.url.database).parent.mkdir(parents=True, exist_ok=True)
        try:
            metadata.create_all(self.engine)
        except sa.exc.SQLAlchemyError:
            metadata.create_all(self.engine)  # another job created them meanwhile
        try:
            with self.engine.begin() as connection:
                if connection.execute(sa.select(state.c.id)).first() is None:
                    connection.execute(state.insert().values(id=1, coded_until=None, runs=0))
        except sa.exc.IntegrityError:
            pass  # another job inserted it first

    @contextmanager
    def claim(self) -> Iterator["Claim"]:
        """One run's transaction. It starts by writing the state row, which holds the row
        (PostgreSQL) or the database (SQLite) until it commits: a second job started meanwhile,
        here or on another server, waits, then sees the first one's progress. So each session
        is coded by exactly one run, however many run at once."""
        with self.engine.begin() as connection:
            connection.execute(state.update().where(state.c.id == 1)
                               .values(runs=state.c.runs + 1))
            coded_until = connection.execute(
                sa.select(state.c.coded_until).where(state.c.id == 1)).scalar_one()
            yield Claim(connection, coded_until)

    def count(self) -> int:
        with self.engine.connect() as connection:
            return int(connection.execute(sa.select(sa.func.count()).select_from(sessions))
                       .scalar_one())

    def purge_before(self, day: date) -> int:
        """Delete the records of sessions before ``day`` (the retention of the records)."""
        with self.engine.begin() as connection:
            old = sa.select(sessions.c.key).where(sessions.c.day < day).scalar_subquery()
            connection.execute(needs.delete().where(needs.c.key.in_(old)))
            connection.execute(gaps.delete().where(gaps.c.key.in_(old)))
            return int(connection.execute(sessions.delete().where(sessions.c.day < day))
                       .rowcount or 0)

    # -- reading --------------------------------------------------------------------------------

    def records(self, start: date, end: date) -> List[SessionRecord]:
        """Every session whose day is in [start, end)."""
        with self.engine.connect() as connection:
            rows = connection.execute(
                sa.select(sessions).where(sessions.c.day >= start, sessions.c.day < end)).all()
            keys = [row.key for row in rows]
            needs_of: Dict[str, List[str]] = {}
            gaps_of: Dict[str, List[Gap]] = {}
            for chunk in _chunks(keys, 500):
                for key, need in connection.execute(
                        sa.select(needs.c.key, needs.c.need).where(needs.c.key.in_(chunk))):
                    needs_of.setdefault(key, []).append(need)
                for row in connection.execute(sa.select(gaps).where(gaps.c.key.in_(chunk))):
                    gaps_of.setdefault(row.key, []).append(
                        Gap(row.need, row.age_band, row.area, row.district))
        return [_record(row, needs_of.get(row.key, ()), gaps_of.get(row.key, ()))
                for row in rows]

    def all_rows(self) -> List[Dict[str, Any]]:
        """Every stored row of every table, as dicts (for the tests that search them)."""
        with self.engine.connect() as connection:
            return [dict(row._mapping) for table in (sessions, needs, gaps, state, published)
                    for row in connection.execute(sa.select(table))]

    def coded_until(self) -> Optional[float]:
        with self.engine.connect() as connection:
            row = connection.execute(sa.select(state.c.coded_until).where(state.c.id == 1)).first()
        return None if row is None else row[0]

    def days(self) -> List[date]:
        with self.engine.connect() as connection:
            return [row[0] for row in connection.execute(
                sa.select(sessions.c.day).distinct().order_by(sessions.c.day))]

    def get_published(self, period: str) -> Optional[str]:
        with self.engine.connect() as connection:
            return connection.execute(sa.select(published.c.body)
                                      .where(published.c.period == period)).scalar()

    def put_published(self, period: str, body: str) -> None:
        try:
            with self.engine.begin() as connection:
                connection.execute(published.delete().where(published.c.period == period))
                connection.execute(published.insert().values(period=period, body=body))
        except sa.exc.IntegrityError:
            pass  # another process published it at the same moment: the same tables

    def last_day(self) -> Optional[date]:
        with self.engine.connect() as connection:
            return connection.execute(sa.select(sa.func.max(sessions.c.day))).scalar_one()


class Claim:
    """What a run writes inside its transaction."""

    def __init__(self, connection: sa.engine.Connection, coded_until: Optional[float]) -> None:
        self.connection = connection
        self.coded_until = coded_until
        self.written = 0

    def write(self, records: Sequence[SessionRecord]) -> None:
        shuffled = list(records)
        random.SystemRandom().shuffle(shuffled)
        session_rows: List[Dict[str, Any]] = []
        need_rows: List[Dict[str, Any]] = []
        gap_rows: List[Dict[str, Any]] = []
        for record in shuffled:
            key = secrets.token_hex(16)
            row = record.as_dict()
            session_rows.append({
                "key": key, "day": record.day, "hour_of_week": record.hour_of_week,
                **{name: row[name] for name in (
                    "out_of_hours", "channel", "audience", "age_band", "area", "district",
                    "urgent_class", "check_in", "furthest_step", "services_shown", "any_local",
                    "feedback_asked", "feedback", "language")}})
            need_rows.extend({"key": key, "need": need} for need in record.needs)
            gap_rows.extend({"key": key, "need": g.need, "age_band": g.age_band,
                             "area": g.area, "district": g.district} for g in record.gaps)
        for table, rows in ((sessions, session_rows), (needs, need_rows), (gaps, gap_rows)):
            if rows:
                self.connection.execute(table.insert(), rows)
        self.written += len(session_rows)

    def done_until(self, moment: float) -> None:
        self.connection.execute(state.update().where(state.c.id == 1)
                                .values(coded_until=moment))
        self.coded_until = moment


def _record(row: Any, need_codes: Sequence[str], gap_list: Sequence[Gap]) -> SessionRecord:
    return SessionRecord(
        day=row.day, hour_of_week=row.hour_of_week, out_of_hours=bool(row.out_of_hours),
        channel=row.channel, audience=row.audience, age_band=row.age_band, area=row.area,
        district=row.district, needs=tuple(sorted(need_codes)), urgent_class=row.urgent_class,
        check_in=bool(row.check_in), furthest_step=row.furthest_step,
        services_shown=row.services_shown,
        any_local=None if row.any_local is None else bool(row.any_local),
        gaps=tuple(gap_list), feedback_asked=bool(row.feedback_asked), feedback=row.feedback,
        language=row.language)


def _chunks(items: Sequence[str], size: int) -> Iterator[Sequence[str]]:
    for start in range(0, len(items), size):
        yield items[start:start + size]


def summary(records: Sequence[SessionRecord]) -> Tuple[int, int]:
    """(sessions, sessions with a need), for the job's printout."""
    return len(records), sum(1 for r in records if r.needs)
