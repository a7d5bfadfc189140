"""Short-lived key-value state for the Twilio channel: seen MessageSids, numbered options,
opt-outs (``bot/channels/twilio/channel.py``).

``MemoryTtlStore`` lives inside one process: enough for one Rasa server with one Sanic worker.
``RedisTtlStore`` keeps the same state in one Redis that every Rasa server uses, so a Twilio
retry landing on another server is still recognised, a numbered answer reaching another
server still picks its option, and an opt-out is known everywhere (and survives restarts).

Values are strings so that a shared store can hold them.
"""
from __future__ import annotations

import logging
import time
from collections import OrderedDict
from typing import Any, Callable, Dict, Optional, Protocol, Tuple

from .settings import SETTINGS_ENV, TwilioChannelConfigError

logger = logging.getLogger(__name__)

MAX_ENTRIES = 100_000
#: Seconds a Redis command may take before the store gives up on it (and fails open, below).
REDIS_TIMEOUT = 2.0


class TtlStore(Protocol):
    """Key-value entries that expire after the store's time to live."""

    async def add(self, key: str, value: str = "1") -> bool:
        """Store the key if absent; True when it was absent (atomic check-and-set)."""

    async def get(self, key: str) -> Optional[str]:
        ...

    async def set(self, key: str, value: str) -> None:
        ...

    async def delete(self, key: str) -> None:
        ...


class MemoryTtlStore:
    """A bounded in-memory TtlStore: entries expire after ``ttl`` seconds, and beyond
    ``max_entries`` the oldest go first, so a flood of messages cannot exhaust memory.
    Private to one process and lost at restart (``RedisTtlStore`` for several servers)."""

    def __init__(self, ttl: float, max_entries: int = MAX_ENTRIES,
                 clock: Callable[[], float] = time.monotonic) -> None:
        self.ttl, self.max_entries, self.clock = ttl, max_entries, clock
        self._items: "OrderedDict[str, Tuple[float, str]]" = OrderedDict()

    def __len__(self) -> int:
        self._expire()
        return len(self._items)

    def _expire(self) -> None:
        now = self.clock()
        while self._items:
            key, (expires, _) = next(iter(self._items.items()))
            if expires > now:
                break
            del self._items[key]

    def _put(self, key: str, value: str) -> None:
        self._items.pop(key, None)
        self._items[key] = (self.clock() + self.ttl, value)
        while len(self._items) > self.max_entries:
            self._items.popitem(last=False)

    async def add(self, key: str, value: str = "1") -> bool:
        self._expire()
        if key in self._items:
            return False
        self._put(key, value)
        return True

    async def get(self, key: str) -> Optional[str]:
        self._expire()
        item = self._items.get(key)
        return item[1] if item else None

    async def set(self, key: str, value: str) -> None:
        self._expire()
        self._put(key, value)

    async def delete(self, key: str) -> None:
        self._items.pop(key, None)


def redis_client(url: str) -> Any:
    """A ``redis.asyncio`` client for a redis:// (plain) or rediss:// (TLS) URL, e.g.
    ``rediss://:password@host:6380/1``. Connects at first use, not here."""
    import redis.asyncio

    return redis.asyncio.from_url(url, decode_responses=True, socket_timeout=REDIS_TIMEOUT,
                                  socket_connect_timeout=REDIS_TIMEOUT, health_check_interval=30)


class RedisTtlStore:
    """A TtlStore in Redis: each key is ``prefix + key`` with Redis's own expiry.

    ``add`` is one ``SET key value NX PX ttl``, atomic across every server. Redis bounds the
    memory by expiry alone, so give the Redis a ``maxmemory`` well above a day's messages.

    Fails open: when Redis cannot be reached (or answers an error), the failure is logged at
    ERROR and the store behaves as if the key were absent: ``add`` says True, ``get`` None,
    ``set`` and ``delete`` do nothing. A message is then handled (perhaps twice if Twilio
    retried it), a numbered reply is taken as text and an opt-out is not remembered, but no
    message, crisis messages included, goes unanswered because this memory is unavailable.
    """

    def __init__(self, client: Any, ttl: float, prefix: str, fail_open: bool = True) -> None:
        if ttl <= 0:
            raise ValueError("ttl must be positive")
        self.client, self.ttl, self.prefix, self.fail_open = client, ttl, prefix, fail_open
        self._ttl_ms = max(1, int(round(ttl * 1000)))

    def _key(self, key: str) -> str:
        return self.prefix + key

    def _failed(self, operation: str, error: BaseException) -> None:
        # The key is a MessageSid or a conversation hash; the error's type is enough to act on.
        logger.error("Twilio store %s: Redis %s failed (%s); carrying on as if the key were "
                     "absent", self.prefix, operation, type(error).__name__)
        if not self.fail_open:
            raise error

    async def add(self, key: str, value: str = "1") -> bool:
        try:
            return bool(await self.client.set(self._key(key), value, px=self._ttl_ms, nx=True))
        except Exception as error:
            self._failed("add", error)
            return True

    async def get(self, key: str) -> Optional[str]:
        try:
            return await self.client.get(self._key(key))
        except Exception as error:
            self._failed("get", error)
            return None

    async def set(self, key: str, value: str) -> None:
        try:
            await self.client.set(self._key(key), value, px=self._ttl_ms)
        except Exception as error:
            self._failed("set", error)

    async def delete(self, key: str) -> None:
        try:
            await self.client.delete(self._key(key))
        except Exception as error:
            self._failed("delete", error)

    async def close(self) -> None:
        await self.client.close()


# -- the channel's three memories ---------------------------------------------------------
# In the process by default, in Redis when TWILIO_REDIS_URL (or redis_url in credentials.yml)
# is set, so that several Rasa servers share them.

SEEN_TTL = 24 * 3600          # Twilio retries a webhook within minutes; a day is ample
OPTIONS_TTL = 3600            # numbered options last as long as a Rasa session
OPT_OUT_TTL = 365 * 24 * 3600

#: Key prefixes in Redis, after "signposting:twilio:" (the lock store uses "signposting:lock:").
REDIS_PREFIX = "signposting:twilio:"


def redis_stores(url: str) -> Dict[str, TtlStore]:
    """The channel's three stores in the Redis at ``url`` (one connection pool)."""
    try:
        client = redis_client(url)
    except ValueError as error:
        # Not the URL itself in the message: it may hold the password.
        raise TwilioChannelConfigError(
            f"{SETTINGS_ENV['redis_url']} is not a Redis URL ({type(error).__name__}): "
            f"write redis://[:password@]host:port/db, or rediss://... for TLS") from None
    return {"seen": RedisTtlStore(client, SEEN_TTL, REDIS_PREFIX + "seen:"),
            "options": RedisTtlStore(client, OPTIONS_TTL, REDIS_PREFIX + "options:"),
            "opted_out": RedisTtlStore(client, OPT_OUT_TTL, REDIS_PREFIX + "optout:")}
