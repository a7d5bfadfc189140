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
        logger.info("conversation erased at the person's request (%d events)", deleted)
        return deleted


class ErasableInMemoryTrackerStore(InMemoryTrackerStore):
    async def save(self, tracker: DialogueStateTracker) -> None:
        if erasure_requested(tracker):
            self.store.pop(tracker.sender_id, None)
            return
        await super().save(tracker)
