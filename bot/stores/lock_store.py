"""A Redis lock store whose tickets are issued, taken and returned atomically.

Rasa handles one conversation's messages one at a time under a ticket lock. Its own
RedisLockStore keeps each conversation's tickets in one JSON value that every server reads,
changes and writes back, so two messages reaching two servers at the same instant can both
take ticket 1 and run at once; one of the two turns is then lost from the stored
conversation (RasaHQ/rasa issue 9213; how often it happened here is in docs/deploy.md).

Here each step is one Lua script, which Redis runs atomically:
- issue: INCR a per-conversation counter, so no two messages share a number, and queue the
  ticket with its expiry (Redis's own clock, so servers' clocks do not matter);
- try: drop expired tickets, and succeed when this ticket is the lowest one queued;
- release: remove the ticket (Redis deletes the empty queue by itself).

Keys: ``<prefix>:lock:{<conversation id>}:next|queue|expires``; the braces keep one
conversation's keys in one hash slot. They expire on their own when a server dies mid-turn.

If Redis cannot be reached the turn goes ahead without the lock, logged at ERROR: a reply to
a person, crisis replies above all, matters more than strict order, and Rasa's own store would
instead fail every message. Waiting is polled every 25 ms, not Rasa's 1 s.

Both stores here (this one, and the in-memory one `make run` uses) also admit only a few turns
at once per server, first come first served with messages that look urgent first, once a turn
holds its conversation's lock (bot/stores/turn_gate.py; ``turns_at_once`` in the endpoints file,
default 2).
"""
from __future__ import annotations

import asyncio
import logging
import os
from contextlib import asynccontextmanager
from typing import Any, AsyncIterator, Optional, Text

from rasa.core.lock import TicketLock
from rasa.core.lock_store import LOCK_LIFETIME, InMemoryLockStore, LockError, LockStore
from rasa.utils.endpoints import EndpointConfig

from bot.stores.turn_gate import DEFAULT_TURNS, URGENT, TurnGate

logger = logging.getLogger(__name__)

POLL_SECONDS = 0.025
SOCKET_TIMEOUT_SECONDS = 2.0

_NOW_MS = "local t = redis.call('TIME') local now = t[1] * 1000 + math.floor(t[2] / 1000)"

#: KEYS next, queue, expires; ARGV lifetime in ms. Returns the ticket.
ISSUE = _NOW_MS + """
local ticket = redis.call('INCR', KEYS[1])
local lifetime = tonumber(ARGV[1])
redis.call('ZADD', KEYS[2], ticket, ticket)
redis.call('HSET', KEYS[3], ticket, now + lifetime)
redis.call('PEXPIRE', KEYS[2], lifetime)
redis.call('PEXPIRE', KEYS[3], lifetime)
-- outlives every ticket it numbered, so numbers never restart under a waiting ticket
redis.call('PEXPIRE', KEYS[1], 2 * lifetime)
return ticket
"""

#: KEYS queue, expires; ARGV ticket. 1: this ticket's turn; 0: wait; -1: it expired.
TRY = _NOW_MS + """
local expires = redis.call('HGETALL', KEYS[2])
for i = 1, #expires, 2 do
  if tonumber(expires[i + 1]) <= now then
    redis.call('ZREM', KEYS[1], expires[i])
    redis.call('HDEL', KEYS[2], expires[i])
  end
end
if not redis.call('ZSCORE', KEYS[1], ARGV[1]) then return -1 end
local head = redis.call('ZRANGE', KEYS[1], 0, 0)
if head[1] == ARGV[1] then return 1 end
return 0
"""

#: KEYS queue, expires; ARGV ticket. Returns how many tickets are still queued.
RELEASE = """
redis.call('ZREM', KEYS[1], ARGV[1])
redis.call('HDEL', KEYS[2], ARGV[1])
return redis.call('ZCARD', KEYS[1])
"""


class AtomicRedisLockStore(LockStore):
    """Selected in endpoints.production.yml as ``type: bot.stores.lock_store.AtomicRedisLockStore``
    with the same settings as Rasa's ``type: redis``."""

    def __init__(self, endpoint_config: Optional[EndpointConfig] = None, **settings: Any) -> None:
        if endpoint_config is not None:
            settings = {"host": endpoint_config.url, **endpoint_config.kwargs, **settings}
        from redis.asyncio import Redis

        prefix = str(settings.get("key_prefix") or "")
        if prefix and not prefix.isalnum():
            raise ValueError(f"lock store key_prefix must be letters and digits, not {prefix!r}")
        self.key_prefix = f"{prefix}:lock:" if prefix else "lock:"
        self.red = Redis(
            host=settings.get("host") or "localhost", port=int(settings.get("port") or 6379),
            db=int(settings.get("db") or 1), username=settings.get("username") or None,
            password=settings.get("password") or None, ssl=_flag(settings.get("use_ssl")),
            ssl_ca_certs=settings.get("ssl_ca_certs") or None,
            ssl_certfile=settings.get("ssl_certfile") or None,
            ssl_keyfile=settings.get("ssl_keyfile") or None,
            socket_timeout=float(settings.get("socket_timeout") or SOCKET_TIMEOUT_SECONDS),
            socket_connect_timeout=float(settings.get("socket_timeout") or SOCKET_TIMEOUT_SECONDS),
        )
        self._issue = self.red.register_script(ISSUE)
        self._try = self.red.register_script(TRY)
        self._release = self.red.register_script(RELEASE)
        self.gate = TurnGate(turns_at_once(settings))
        super().__init__()

    def keys(self, conversation_id: Text) -> tuple:
        base = f"{self.key_prefix}{{{conversation_id}}}"
        return f"{base}:next", f"{base}:queue", f"{base}:expires"

    async def issue(self, conversation_id: Text, lock_lifetime: float = LOCK_LIFETIME) -> int:
        return int(await self._issue(keys=list(self.keys(conversation_id)),
                                     args=[max(1, int(lock_lifetime * 1000))]))

    async def try_acquire(self, conversation_id: Text, ticket: int) -> int:
        return int(await self._try(keys=list(self.keys(conversation_id)[1:]), args=[ticket]))

    async def release(self, conversation_id: Text, ticket: int) -> int:
        return int(await self._release(keys=list(self.keys(conversation_id)[1:]), args=[ticket]))

    @asynccontextmanager
    async def lock(self, conversation_id: Text, lock_lifetime: float = LOCK_LIFETIME,
                   wait_time_in_seconds: float = POLL_SECONDS) -> AsyncIterator[TicketLock]:
        from redis.exceptions import RedisError

        try:
            ticket = await self.issue(conversation_id, lock_lifetime)
        except (RedisError, OSError) as error:
            logger.error("lock store unreachable (%s): handling the message without the lock",
                         type(error).__name__)
            async with self.gate.turn(URGENT.get()):
                yield TicketLock(conversation_id)
            return
        try:
            lock = await self._wait_for_turn(conversation_id, ticket)
            async with self.gate.turn(URGENT.get()):
                yield lock
        finally:
            try:
                await self.release(conversation_id, ticket)
            except (RedisError, OSError) as error:
                # The ticket expires by itself within the lock's lifetime.
                logger.error("could not release a conversation lock (%s)", type(error).__name__)

    async def _wait_for_turn(self, conversation_id: Text, ticket: int) -> TicketLock:
        from redis.exceptions import RedisError

        while True:
            try:
                state = await self.try_acquire(conversation_id, ticket)
            except (RedisError, OSError) as error:
                logger.error("lock store unreachable while waiting (%s): going ahead",
                             type(error).__name__)
                return TicketLock(conversation_id)
            if state == 1:
                return TicketLock(conversation_id)
            if state == -1:
                raise LockError(f"The lock on conversation '{conversation_id}' expired while "
                                f"its message waited.")
            await asyncio.sleep(POLL_SECONDS)


class GatedInMemoryLockStore(InMemoryLockStore):
    """Rasa's in-memory lock store (one process, `make run`), polled every 25 ms rather than
    every second, and admitting ``turns_at_once`` turns at a time (bot/stores/turn_gate.py).
    Selected in endpoints.yml as ``type: bot.stores.lock_store.GatedInMemoryLockStore``. Rasa keeps
    its own in-memory store to one Sanic worker, but not a store named by class path, so this
    one refuses to start when SANIC_WORKERS asks for more."""

    def __init__(self, endpoint_config: Optional[EndpointConfig] = None, **settings: Any) -> None:
        if endpoint_config is not None:
            settings = {**endpoint_config.kwargs, **settings}
        workers = os.environ.get("SANIC_WORKERS", "").strip()
        if workers not in ("", "1"):
            # Rasa runs several workers for any lock store named by a class path, but locks
            # kept in one process's memory cannot keep one conversation's turns in order
            # across processes: refuse to start rather than mix turns.
            raise ValueError(
                f"SANIC_WORKERS={workers}, but the in-memory lock store of endpoints.yml holds "
                f"locks in one process: unset SANIC_WORKERS, or use endpoints.production.yml "
                f"(Redis lock store) to run several workers")
        self.gate = TurnGate(turns_at_once(settings))
        super().__init__()

    @asynccontextmanager
    async def lock(self, conversation_id: Text, lock_lifetime: float = LOCK_LIFETIME,
                   wait_time_in_seconds: float = POLL_SECONDS) -> AsyncIterator[TicketLock]:
        async with super().lock(conversation_id, lock_lifetime, wait_time_in_seconds) as lock:
            async with self.gate.turn(URGENT.get()):
                yield lock


def turns_at_once(settings: Any) -> int:
    raw = settings.get("turns_at_once")
    try:
        turns = DEFAULT_TURNS if raw in (None, "") else int(raw)
    except (TypeError, ValueError):
        raise ValueError(
            f"lock store turns_at_once must be a whole number, not {raw!r}") from None
    if turns < 1:
        raise ValueError(f"lock store turns_at_once must be at least 1, not {raw!r}")
    return turns


def _flag(value: Any) -> bool:
    if isinstance(value, str):
        return value.strip().lower() in ("1", "true", "yes")
    return bool(value)
