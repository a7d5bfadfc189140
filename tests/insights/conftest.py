"""An insights store and a tracker store for the job's tests: SQLite files by default; with
TEST_INSIGHTS_DB_URL (and TEST_TRACKER_DB_URL) set to PostgreSQL databases (`make test-scale`
sets them), a fresh schema in each for the run, dropped afterwards: the same tests on both."""
from __future__ import annotations

import json
import os
from typing import Iterator, List, Sequence

import pytest
import sqlalchemy as sa

from insights.store import InsightsStore, make_engine
from tests.conftest import fresh_postgresql_schema

INSIGHTS_ENV, TRACKER_ENV = "TEST_INSIGHTS_DB_URL", "TEST_TRACKER_DB_URL"


def _url(env: str, path) -> Iterator[str]:
    server = os.environ.get(env)
    if server and server.startswith("postgresql"):
        with fresh_postgresql_schema(server) as url:
            yield url
    else:
        yield f"sqlite:///{path}"


@pytest.fixture
def insights_url(tmp_path) -> Iterator[str]:
    yield from _url(INSIGHTS_ENV, tmp_path / "insights.sqlite")


@pytest.fixture
def tracker_url(tmp_path) -> Iterator[str]:
    yield from _url(TRACKER_ENV, tmp_path / "trackers.sqlite")


@pytest.fixture
def store(insights_url) -> Iterator[InsightsStore]:
    engine = make_engine(insights_url)
    yield InsightsStore(engine)
    engine.dispose()


class FakeTrackerStore:
    """Rasa's ``events`` table (the SQL tracker store's columns), filled with given events."""

    def __init__(self, url: str) -> None:
        self.engine = sa.create_engine(url, future=True)
        meta = sa.MetaData()
        self.table = sa.Table(
            "events", meta, sa.Column("id", sa.Integer, primary_key=True),
            sa.Column("sender_id", sa.String(255), nullable=False, index=True),
            sa.Column("type_name", sa.String(255), nullable=False),
            sa.Column("timestamp", sa.Float), sa.Column("intent_name", sa.String(255)),
            sa.Column("action_name", sa.String(255)), sa.Column("data", sa.Text))
        meta.create_all(self.engine)

    def add(self, sender: str, events: Sequence[dict]) -> None:
        with self.engine.begin() as connection:
            connection.execute(self.table.insert(), [
                {"sender_id": sender, "type_name": e["event"], "timestamp": e["timestamp"],
                 "intent_name": (e.get("parse_data") or {}).get("intent", {}).get("name"),
                 "action_name": e.get("name"), "data": json.dumps(e)} for e in events])

    def senders(self) -> List[str]:
        with self.engine.connect() as connection:
            return [r[0] for r in connection.execute(sa.select(self.table.c.sender_id).distinct())]


@pytest.fixture
def trackers(tracker_url) -> Iterator[FakeTrackerStore]:
    fake = FakeTrackerStore(tracker_url)
    yield fake
    fake.engine.dispose()
