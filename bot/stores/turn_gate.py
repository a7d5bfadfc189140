"""At most a few turns at once in one Rasa server; the others wait their turn, first come first
served.

A turn is CPU work (NLU, policies) with waits for the action server in between. Rasa starts every
message as it arrives, so at each of those waits the server takes up the other conversations'
messages, and a message that calls the action server twice waits behind everyone else's work
two or three times over: under load its latency is several times that of a message with no
call (docs/performance.md, "Measurements moved from the code"). Admitting two turns at a
time, in order of arrival, keeps the CPU busy while one turn waits for the action server, and
makes every message wait about as long as the ones ahead of it: the same throughput, a much
shorter tail.

A message that looks urgent goes ahead of the others waiting (``URGENT``, set for the message
being handled by bot/channels/urgent_hint.py from the safety lexicon before NLU), so crisis replies
never queue behind ordinary ones.

Plain asyncio, no Rasa: bot/stores/lock_store.py applies it inside the conversation lock.
"""
from __future__ import annotations

import asyncio
from collections import deque
from contextlib import asynccontextmanager
from contextvars import ContextVar
from typing import AsyncIterator, Deque

DEFAULT_TURNS = 2

#: Whether the message this task is handling looks urgent.
URGENT: ContextVar[bool] = ContextVar("urgent_turn", default=False)


class TurnGate:
    def __init__(self, slots: int = DEFAULT_TURNS) -> None:
        if int(slots) < 1:
            raise ValueError(f"turns at once must be at least 1, not {slots!r}")
        self.slots = int(slots)
        self.active = 0
        self._urgent: Deque[asyncio.Future] = deque()
        self._others: Deque[asyncio.Future] = deque()

    @property
    def waiting(self) -> int:
        return sum(1 for queue in (self._urgent, self._others) for f in queue if not f.done())

    @asynccontextmanager
    async def turn(self, urgent: bool = False) -> AsyncIterator[None]:
        await self._enter(urgent)
        try:
            yield
        finally:
            self._hand_over()

    async def _enter(self, urgent: bool) -> None:
        if self.active < self.slots:  # a free place means nobody is waiting
            self.active += 1
            return
        future = asyncio.get_running_loop().create_future()
        queue = self._urgent if urgent else self._others
        queue.append(future)
        try:
            await future  # resolved when a finishing turn hands its place over
        except asyncio.CancelledError:
            if future.done() and not future.cancelled():
                self._hand_over()  # given the place as it was cancelled: pass it on
            else:
                try:
                    queue.remove(future)
                except ValueError:
                    pass
            raise

    def _hand_over(self) -> None:
        """The place goes to the first urgent turn waiting, else the first other one, else it
        becomes free."""
        for queue in (self._urgent, self._others):
            while queue:
                future = queue.popleft()
                if not future.done():
                    future.set_result(None)
                    return
        self.active -= 1
