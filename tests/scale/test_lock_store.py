"""bot/stores/lock_store.py against the test Redis: tickets never shared, taken in order, and
answered without the lock when Redis is unreachable."""
from __future__ import annotations

import asyncio
import time
import uuid
from urllib.parse import urlparse

import pytest
from rasa.core.lock_store import LockError, LockStore
from rasa.utils.endpoints import EndpointConfig

from bot.stores.lock_store import AtomicRedisLockStore
from tests.support.sanic_apps import free_port


def settings_of(url: str) -> dict:
    parsed = urlparse(url)
    return {"host": parsed.hostname, "port": parsed.port or 6379,
            "db": int(parsed.path.strip("/") or 0), "key_prefix": "signpostingtest"}


@pytest.fixture
def stores(scale_settings):
    """Two stores with their own connections, as two Rasa servers would have."""
    config = settings_of(scale_settings["TEST_REDIS_URL"])
    return AtomicRedisLockStore(**config), AtomicRedisLockStore(**config)


def conversation() -> str:
    return f"locktest-{uuid.uuid4().hex}"


def test_rasa_builds_it_from_the_endpoints_settings(scale_settings):
    config = settings_of(scale_settings["TEST_REDIS_URL"])
    store = LockStore.create(EndpointConfig(url=config["host"],
                                            type="bot.stores.lock_store.AtomicRedisLockStore",
                                            port=str(config["port"]), db=str(config["db"]),
                                            password="", key_prefix="signposting", use_ssl=False))
    assert isinstance(store, AtomicRedisLockStore)
    assert store.keys("abc")[1] == "signposting:lock:{abc}:queue"


def test_a_prefix_that_is_not_letters_and_digits_is_refused():
    with pytest.raises(ValueError, match="key_prefix"):
        AtomicRedisLockStore(host="127.0.0.1", key_prefix="sign:posting")


async def test_many_messages_on_two_servers_at_once_take_turns_one_at_a_time(stores):
    sender = conversation()
    holders, order, overlaps = set(), [], []

    async def turn(store, n: int) -> None:
        async with store.lock(sender, lock_lifetime=30):
            holders.add(n)
            if len(holders) > 1:
                overlaps.append(set(holders))
            order.append(n)
            await asyncio.sleep(0.002)  # a turn that awaits, as Rasa's do
            holders.discard(n)

    await asyncio.gather(*(turn(stores[n % 2], n) for n in range(60)))
    assert overlaps == []
    assert sorted(order) == list(range(60))
    assert await stores[0].red.exists(*stores[0].keys(sender)[1:]) == 0  # nothing left queued


async def test_tickets_are_served_in_the_order_they_were_issued(stores):
    sender = conversation()
    first = await stores[0].issue(sender, 30)
    second = await stores[1].issue(sender, 30)
    assert second == first + 1
    assert await stores[1].try_acquire(sender, second) == 0
    assert await stores[0].try_acquire(sender, first) == 1
    await stores[0].release(sender, first)
    assert await stores[1].try_acquire(sender, second) == 1
    assert await stores[1].release(sender, second) == 0


async def test_a_server_that_died_holding_the_lock_holds_it_only_for_its_lifetime(stores):
    sender = conversation()
    await stores[0].issue(sender, 0.3)  # never released
    started = time.monotonic()
    async with stores[1].lock(sender, lock_lifetime=30):
        waited = time.monotonic() - started
    assert 0.2 < waited < 2


async def test_a_message_whose_own_ticket_expired_while_waiting_is_refused(stores):
    sender = conversation()
    await stores[0].issue(sender, 30)  # held for the whole test
    mine = await stores[1].issue(sender, 0.1)
    await asyncio.sleep(0.3)
    assert await stores[1].try_acquire(sender, mine) == -1
    with pytest.raises(LockError):
        await stores[1]._wait_for_turn(sender, mine)


async def test_with_redis_unreachable_the_message_is_still_handled(caplog):
    store = AtomicRedisLockStore(host="127.0.0.1", port=free_port(), socket_timeout=0.5)
    started = time.monotonic()
    handled = False
    async with store.lock(conversation()):
        handled = True
    assert handled and time.monotonic() - started < 3
    assert "lock store unreachable" in caplog.text
