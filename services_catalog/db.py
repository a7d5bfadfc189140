"""Where the catalogue database lives.

SQLite in ``build/`` is the embedded default so that a fresh clone works with no server;
``CATALOGUE_DB_URL`` points it at PostgreSQL (or anything SQLAlchemy speaks) for scale-out.
"""
from __future__ import annotations

import os
from pathlib import Path
from typing import Optional

from sqlalchemy import create_engine, event
from sqlalchemy.engine import Engine
from sqlalchemy.orm import sessionmaker

REPO_ROOT = Path(__file__).resolve().parent.parent
DEFAULT_DB_PATH = REPO_ROOT / "build" / "catalogue.sqlite"
SQLITE_BUSY_SECONDS = 2.0


def database_url(url: Optional[str] = None) -> str:
    return url or os.environ.get("CATALOGUE_DB_URL") or f"sqlite:///{DEFAULT_DB_PATH}"


def make_engine(url: Optional[str] = None) -> Engine:
    url = database_url(url)
    if url.startswith("sqlite:///") and url != "sqlite:///:memory:":
        Path(url[len("sqlite:///"):]).parent.mkdir(parents=True, exist_ok=True)
    # A locked SQLite file is waited on for 2 s (pysqlite's default is 5 s), so a lookup
    # gives its honest "can't look services up" well within the Rasa server's wait.
    options = {"connect_args": {"timeout": SQLITE_BUSY_SECONDS}} if url.startswith("sqlite") else {}
    engine = create_engine(url, future=True, **options)
    if engine.dialect.name == "sqlite":
        event.listen(engine, "connect", _sqlite_connect)
        event.listen(engine, "begin", _sqlite_begin)
    return engine


def _sqlite_connect(dbapi_connection, _record) -> None:
    # SQLite ignores foreign keys unless asked, and cascades depend on them.
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.close()
    # Python's sqlite3 driver does not open a transaction before DDL, so a catalogue rebuild
    # (drop, create, insert) would not be atomic. Let SQLAlchemy emit BEGIN itself, as its
    # documentation recommends for pysqlite.
    dbapi_connection.isolation_level = None


def _sqlite_begin(connection) -> None:
    connection.exec_driver_sql("BEGIN")


def make_session_factory(engine: Engine) -> sessionmaker:
    return sessionmaker(bind=engine, future=True, expire_on_commit=False)
