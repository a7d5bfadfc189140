"""Tracker stores that can forget a conversation when the person asks ("delete my data").

Rasa's stores only append. When the turn's events include ``utter_conversation_deleted`` (the
reply after the person confirmed), the store deletes every stored event of that conversation
instead of saving the turn, so nothing of it remains, and the next message starts afresh.
Keyed on a domain response rather than a custom action, so deletion also works when the
action server is down.
"""
from __future__ import annotations

import logging

import sqlalchemy as sa

from rasa.core.tracker_store import InMemoryTrackerStore, SQLTrackerStore
from rasa.shared.core.events import ActionExecuted, UserUttered
from rasa.shared.core.trackers import DialogueStateTracker

logger = logging.getLogger(__name__)

#: The reply that confirms deletion; its presence in a turn triggers the erasure.
ERASE_ON = "utter_conversation_deleted"


def erasure_requested(tracker: DialogueStateTracker) -> bool:
    """Did this turn (events since the latest user message) confirm deletion?"""
    for event in reversed(tracker.events):
        if isinstance(event, UserUttered):
            return False
        if isinstance(event, ActionExecuted) and event.action_name == ERASE_ON:
            return True
    return False


class ErasableSQLTrackerStore(SQLTrackerStore):
    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        if self.engine.dialect.name == "sqlite":
            _write_ahead(self.engine)
            # Rasa opens a connection per read or save; when the last one to a write-ahead
            # database closes, SQLite syncs and deletes the log, every turn. One connection
            # held open for the store's life keeps the log, so turns sync only at checkpoints
            # (a save 4.5 -> 3.2 ms on an idle disk, far more on a busy one; bench/load.py).
            self._keep_open = self.engine.connect()

    async def save(self, tracker: DialogueStateTracker) -> None:
        if erasure_requested(tracker):
            self.erase(tracker.sender_id)
            return
        await super().save(tracker)

    def erase(self, sender_id: str) -> int:
        """Delete every stored event of one conversation; returns how many were deleted."""
        with self.session_scope() as session:
            if session.bind.dialect.name == "sqlite":
                # Overwrite the deleted text in the file rather than leave it in free pages.
                session.execute(sa.text("PRAGMA secure_delete = ON"))
            deleted = (session.query(self.SQLEvent)
                       .filter(self.SQLEvent.sender_id == sender_id)
                       .delete(synchronize_session=False))
            session.commit()
        empty_write_ahead_log(self.engine)
        logger.info("conversation erased at the person's request (%d events)", deleted)
        return deleted


class ErasableInMemoryTrackerStore(InMemoryTrackerStore):
    async def save(self, tracker: DialogueStateTracker) -> None:
        if erasure_requested(tracker):
            self.store.pop(tracker.sender_id, None)
            return
        await super().save(tracker)


def _write_ahead(engine: sa.engine.Engine) -> None:
    """The embedded SQLite store in write-ahead mode, synced at checkpoints rather than at
    every commit: each turn's save no longer waits for the disk (bench/load.py), readers
    such as the retention job do not block the bot, and a crashed process loses nothing; a
    power cut may lose the last turns but never corrupts the file. (PostgreSQL is the
    production store.)"""
    @sa.event.listens_for(engine, "connect")
    def _normal_sync(dbapi_connection, _record) -> None:
        dbapi_connection.execute("PRAGMA synchronous = NORMAL")

    with engine.connect() as connection:  # a property of the file: set once
        connection.exec_driver_sql("PRAGMA journal_mode = WAL")


def empty_write_ahead_log(engine: sa.engine.Engine) -> None:
    """After a deletion: earlier writes of the deleted text may still sit in SQLite's
    write-ahead log, so copy the overwritten pages into the file and empty the log."""
    if engine.dialect.name == "sqlite":
        with engine.connect() as connection:
            connection.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
