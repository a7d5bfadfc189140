"""Conversations a Rasa server keeps in memory between turns, with the database version each
copy was taken at.

Rebuilding a conversation from the database every turn (fetch every event of the session,
parse its JSON, replay it into a tracker) was the largest single cost of a message
(docs/performance.md). The tracker store keeps the tracker it saved; the next turn asks the
database only for the conversation's version (how many events it has and the highest id), and
uses the copy when nothing has changed, so another server's writes, an erasure or the retention
job are never missed. Only recent conversations are kept (a bounded number, for a few
minutes), so memory stays flat and deleted conversations do not linger.

Plain Python: no Rasa import, so it moves with the project if the framework changes.
"""
from __future__ import annotations

import time
from collections import OrderedDict
from dataclasses import dataclass
from typing import Any, Callable, Optional, Tuple

#: (number of stored events of the conversation, highest event id): changes with every write
#: and every deletion, since ids only grow.
Version = Tuple[int, Optional[int]]


@dataclass
class Kept:
    tracker: Any
    #: How many events the tracker held when it was stored or loaded: more means it was changed
    #: afterwards without being saved (a failed turn), so the copy is not used.
    length: int
    version: Version
    at: float


class KeptTrackers:
    def __init__(self, most: int = 1000, seconds: float = 600.0,
                 clock: Callable[[], float] = time.monotonic) -> None:
        self.most = most
        self.seconds = seconds
        self._clock = clock
        self._kept: "OrderedDict[str, Kept]" = OrderedDict()

    def __len__(self) -> int:
        return len(self._kept)

    def get(self, sender_id: str) -> Optional[Kept]:
        """The kept copy, if it is recent and its tracker has not changed since it was kept."""
        kept = self._kept.get(sender_id)
        if kept is None:
            return None
        if self._clock() - kept.at > self.seconds or len(kept.tracker.events) != kept.length:
            del self._kept[sender_id]
            return None
        return kept

    def put(self, sender_id: str, tracker: Any, version: Version) -> None:
        now = self._clock()
        self._kept[sender_id] = Kept(tracker, len(tracker.events), version, now)
        self._kept.move_to_end(sender_id)
        while self._kept:
            oldest_id, oldest = next(iter(self._kept.items()))
            if len(self._kept) <= self.most and now - oldest.at <= self.seconds:
                break
            del self._kept[oldest_id]

    def drop(self, sender_id: str) -> None:
        self._kept.pop(sender_id, None)
