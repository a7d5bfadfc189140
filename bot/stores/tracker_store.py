"""Tracker stores that can forget a conversation when the person asks ("delete my data").

Rasa's stores only append. When the turn's events include ``utter_conversation_deleted`` (the
reply after the person confirmed), the store deletes every stored event of that conversation
instead of saving the turn, so nothing of it remains, and the next message starts afresh.
Keyed on a domain response rather than a custom action, so deletion also works when the
action server is down.
"""
from __future__ import annotations

import itertools
import json
import logging
from typing import Any, Dict, Optional, Text

import sqlalchemy as sa
from rasa.core.tracker_store import InMemoryTrackerStore, SQLTrackerStore
from rasa.shared.core.constants import ACTION_LISTEN_NAME, ACTION_SESSION_START_NAME
from rasa.shared.core.events import ActionExecuted, Event, SessionStarted, UserUttered
from rasa.shared.core.trackers import DialogueStateTracker

from bot.stores.kept_trackers import KeptTrackers, Version

logger = logging.getLogger(__name__)

#: The reply that confirms deletion; its presence in a turn triggers the erasure.
ERASE_ON = "utter_conversation_deleted"
#: Set on each tracker this store loads or saves: (how many of its events are stored, how many
#: events the conversation had then). A save appends the events after the first, whatever
#: happened to the kept copies meanwhile. (Rasa's trackers are unhashable, so no weak map.)
STORED = "_events_stored"


def erasure_requested(tracker: DialogueStateTracker) -> bool:
    """Did this turn (events since the latest user message) confirm deletion?"""
    for event in reversed(tracker.events):
        if isinstance(event, UserUttered):
            return False
        if isinstance(event, ActionExecuted) and event.action_name == ERASE_ON:
            return True
    return False


class ErasableSQLTrackerStore(SQLTrackerStore):
    """Rasa's SQL store that can erase a conversation, and that keeps recent conversations in
    memory between turns (bot/stores/kept_trackers.py): a turn then asks the database only whether
    the conversation changed, instead of rebuilding it from every stored event, and a save
    appends the turn's events without counting the stored ones first.

    ``keep_conversations`` (default 1000) and ``keep_seconds`` (600) bound what is kept; 0
    turns keeping off. Nothing is kept when an event broker is configured (Rasa streams events
    by comparing the saved tracker with a fresh retrieve) or the trackers' history is capped.
    """

    def __init__(self, *args: Any, keep_conversations: int = 1000, keep_seconds: float = 600,
                 **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._kept = KeptTrackers(int(keep_conversations), float(keep_seconds))
        if self.engine.dialect.name == "sqlite":
            _write_ahead(self.engine)
            # Rasa opens a connection per read or save; when the last one to a write-ahead
            # database closes, SQLite syncs and deletes the log, every turn. One connection
            # held open for the store's life keeps the log, so turns sync only at checkpoints
            # (the saving is in docs/performance.md).
            self._keep_open = self.engine.connect()

    def _keeping(self, tracker: Optional[DialogueStateTracker] = None) -> bool:
        return (self._kept.most > 0 and self.event_broker is None
                and (tracker is None or tracker.events.maxlen is None))

    @staticmethod
    def _as_if_read(tracker: DialogueStateTracker) -> bool:
        """Would reading this conversation back give the same tracker? Not when it holds an
        earlier session, since the database read starts at the latest session start; the
        opening listen and session start of a new conversation change nothing."""
        events = list(tracker.events)
        starts = [i for i, event in enumerate(events) if isinstance(event, SessionStarted)]
        return not starts or all(
            isinstance(event, ActionExecuted)
            and event.action_name in (ACTION_LISTEN_NAME, ACTION_SESSION_START_NAME)
            for event in events[:starts[-1]])

    def _version(self, session: Any, sender_id: Text) -> Version:
        count, highest = (session.query(sa.func.count(self.SQLEvent.id),
                                        sa.func.max(self.SQLEvent.id))
                          .filter(self.SQLEvent.sender_id == sender_id).one())
        return int(count), highest

    async def retrieve(self, sender_id: Text) -> Optional[DialogueStateTracker]:
        if not self._keeping():
            return await super().retrieve(sender_id)
        kept = self._kept.get(sender_id)
        with self.session_scope() as session:
            # Read before the events: a write in between makes the next check miss, never
            # makes a stale copy look current.
            version = self._version(session, sender_id)
        if kept is not None:
            if kept.version == version:
                return kept.tracker
            self._kept.drop(sender_id)  # written by another server, erased, or purged
        tracker = await super().retrieve(sender_id)
        if tracker is not None:
            setattr(tracker, STORED, (len(tracker.events), version[0]))
            if self._keeping(tracker):
                self._kept.put(sender_id, tracker, version)
        return tracker

    async def save(self, tracker: DialogueStateTracker) -> None:
        if erasure_requested(tracker):
            self.erase(tracker.sender_id)
            return
        if not self._keeping(tracker):
            self._kept.drop(tracker.sender_id)
            await super().save(tracker)
            return
        stored = getattr(tracker, STORED, None)
        with self.session_scope() as session:
            if stored is not None and stored[0] <= len(tracker.events):
                before, new = stored[1], list(itertools.islice(tracker.events, stored[0], None))
            else:  # a tracker this store has not seen (a new conversation): Rasa's way
                before = self._version(session, tracker.sender_id)[0]
                new = list(self._additional_events(session, tracker))
            if new:
                session.execute(self.SQLEvent.__table__.insert(),
                                [self._row(tracker.sender_id, event) for event in new])
            after = self._version(session, tracker.sender_id)
            session.commit()
        setattr(tracker, STORED, (len(tracker.events), after[0]))
        if after[0] == before + len(new) and self._as_if_read(tracker):
            self._kept.put(tracker.sender_id, tracker, after)
        else:  # another server wrote meanwhile, or a new session began: read it afresh
            self._kept.drop(tracker.sender_id)

    @staticmethod
    def _row(sender_id: Text, event: Event) -> Dict[Text, Any]:
        """The columns Rasa's own save writes for an event (SQLTrackerStore.save)."""
        data = event.as_dict()
        return {"sender_id": sender_id, "type_name": event.type_name,
                "timestamp": data.get("timestamp"),
                "intent_name": data.get("parse_data", {}).get("intent", {}).get("name"),
                "action_name": data.get("name"), "data": json.dumps(data)}

    def erase(self, sender_id: str) -> int:
        """Delete every stored event of one conversation; returns how many were deleted."""
        self._kept.drop(sender_id)
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
