"""An in-memory view of the catalogue, rebuilt only when a new load has happened.

The catalogue changes only when someone runs ``load`` (or ``import-feed``), and each load
writes a new ``catalogue_version``. A reader (the bot's search, the ORUK feed) keeps what it
built from one load and asks the database at most every ``refresh_seconds`` whether the
version moved on; answers then come from memory, and a database that becomes unreachable does
not stop anyone being answered from the last view.
"""
from __future__ import annotations

import logging
import threading
import time
from typing import Generic, Optional, TypeVar

from sqlalchemy import select
from sqlalchemy.engine import Engine
from sqlalchemy.exc import OperationalError, SQLAlchemyError
from sqlalchemy.orm import Session

from .db import make_engine
from .models import CatalogueVersion

logger = logging.getLogger(__name__)

T = TypeVar("T")


class Refreshing(Generic[T]):
    """Builds a ``T`` from the database (:meth:`build`) and keeps it while the version holds."""

    #: After a failed first read, callers are refused at once for this long rather than each
    #: waiting on the database again (a locked SQLite file waits its busy timeout every time).
    RETRY_SECONDS = 2.0

    def __init__(self, engine: Optional[Engine] = None, refresh_seconds: float = 30.0):
        self.engine = engine or make_engine()
        self.refresh_seconds = refresh_seconds
        self._snapshot: Optional[T] = None
        self._version: Optional[str] = None
        self._checked = float("-inf")
        self._lock = threading.Lock()
        self._failed_at = float("-inf")

    def build(self, session: Session, version: str) -> T:
        raise NotImplementedError

    def snapshot(self) -> T:
        """The current view; raises SQLAlchemyError only if there has never been one."""
        if self._snapshot is not None and time.monotonic() - self._checked < self.refresh_seconds:
            return self._snapshot
        with self._lock:
            # Another caller may have refreshed, or failed, while this one waited for the lock.
            if (self._snapshot is not None
                    and time.monotonic() - self._checked < self.refresh_seconds):
                return self._snapshot
            if self._snapshot is None and time.monotonic() - self._failed_at < self.RETRY_SECONDS:
                raise OperationalError("catalogue unreadable a moment ago", None, RuntimeError())
            try:
                with Session(self.engine, future=True) as session:
                    version = session.execute(
                        select(CatalogueVersion.version).where(CatalogueVersion.id == 1)
                    ).scalar_one_or_none() or "unversioned"
                    if self._snapshot is None or self._version != version:
                        self._snapshot = self.build(session, version)
                        self._version = version
            except SQLAlchemyError:
                if self._snapshot is None:
                    self._failed_at = time.monotonic()
                    raise
                logger.warning("catalogue database unreachable; using the last snapshot")
            self._checked = time.monotonic()
            return self._snapshot
