"""The Twilio channel's memories in a real Redis (bot/channels/twilio/memory.py): the store itself, and two
channels standing for two Rasa servers that share them.

Test numbers are Ofcom's drama range and Twilio's magic number (tests/support/twilio.py);
every test uses a key prefix of its own and removes its keys.
"""
from __future__ import annotations

import asyncio
import logging
import secrets
import socket
import time
import uuid

import pytest
from sanic import Sanic

from bot.channels.twilio import memory as twilio_memory
from bot.channels.twilio.channel import TwilioSmsInput
from bot.channels.twilio.memory import (
    OPT_OUT_TTL,
    OPTIONS_TTL,
    REDIS_PREFIX,
    SEEN_TTL,
    MemoryTtlStore,
    RedisTtlStore,
    redis_client,
)
from bot.channels.twilio.settings import TwilioChannelConfigError
from tests.support.sanic_apps import free_port
from tests.support.twilio import (
    ACCOUNT_SID,
    PUBLIC_URL,
    SAFE_QUESTION,
    TOKEN,
    FakeBot,
    FakeSender,
    serve,
    sms,
)


@pytest.fixture(autouse=True)
def sanic_test_mode(monkeypatch):
    """Several apps in one process: Sanic otherwise rewrites its protocol at each start."""
    monkeypatch.setattr(Sanic, "test_mode", True)


@pytest.fixture
def redis_url(scale_settings) -> str:
    return scale_settings["TEST_REDIS_URL"]


@pytest.fixture
def prefix(redis_sync):
    """A key prefix of this test's own; its keys are deleted afterwards."""
    value = f"test:ttl:{uuid.uuid4().hex[:12]}:"
    yield value
    for key in redis_sync.scan_iter(value + "*"):
        redis_sync.delete(key)


@pytest.fixture
async def clients(redis_url):
    """Two clients with their own connection pools, as two servers would have."""
    made = [redis_client(redis_url), redis_client(redis_url)]
    yield made
    for client in made:
        await client.close()


# -- the store ------------------------------------------------------------------------------

async def test_add_stores_a_key_once_with_the_stores_time_to_live(clients, prefix, redis_sync):
    store = RedisTtlStore(clients[0], ttl=60, prefix=prefix)
    assert await store.add("SM1") is True
    assert await store.add("SM1", "other") is False
    assert await store.get("SM1") == "1"
    assert redis_sync.get(prefix + "SM1") == "1"
    assert 55_000 < redis_sync.pttl(prefix + "SM1") <= 60_000


async def test_add_is_atomic_between_servers(clients, prefix):
    """Many servers receiving the same retried MessageSids at once: one winner per key."""
    one, two = (RedisTtlStore(client, ttl=60, prefix=prefix) for client in clients)
    keys = [f"SM{n}" for n in range(20)]
    results = await asyncio.gather(*(store.add(key) for key in keys for _ in range(5)
                                     for store in (one, two)))
    winners = [sum(results[i * 10:(i + 1) * 10]) for i in range(len(keys))]
    assert winners == [1] * len(keys)


async def test_get_set_and_delete(clients, prefix, redis_sync):
    store = RedisTtlStore(clients[0], ttl=60, prefix=prefix)
    assert await store.get("conversation") is None
    await store.set("conversation", '{"1": "/affirm"}')
    assert await store.get("conversation") == '{"1": "/affirm"}'
    redis_sync.pexpire(prefix + "conversation", 5_000)
    await store.set("conversation", '{"1": "/deny"}')          # replaces, with a fresh TTL
    assert await store.get("conversation") == '{"1": "/deny"}'
    assert redis_sync.pttl(prefix + "conversation") > 55_000
    await store.delete("conversation")
    await store.delete("never-there")
    assert await store.get("conversation") is None
    assert redis_sync.exists(prefix + "conversation") == 0


async def test_entries_expire(clients, prefix):
    store = RedisTtlStore(clients[0], ttl=0.3, prefix=prefix)
    assert await store.add("SM1")
    await store.set("options", "x")
    await asyncio.sleep(0.5)
    assert await store.get("SM1") is None and await store.get("options") is None
    assert await store.add("SM1")


async def test_prefixes_keep_the_stores_apart(clients, prefix):
    seen = RedisTtlStore(clients[0], ttl=60, prefix=prefix + "seen:")
    options = RedisTtlStore(clients[0], ttl=60, prefix=prefix + "options:")
    await seen.set("key", "a")
    assert await options.get("key") is None and await options.add("key", "b")
    assert (await seen.get("key"), await options.get("key")) == ("a", "b")


async def test_an_unreachable_redis_fails_open_and_says_so_without_the_key(caplog):
    """A message must still be answered when Redis is down: as if each key were absent."""
    client = redis_client(f"redis://127.0.0.1:{free_port()}/0")
    store = RedisTtlStore(client, ttl=60, prefix="test:down:")
    caplog.set_level(logging.ERROR, logger="bot.channels.twilio.memory")
    started = time.monotonic()
    assert await store.add("SMsecretsid") is True
    assert await store.get("conversation-hash") is None
    await store.set("conversation-hash", "1")
    await store.delete("conversation-hash")
    assert time.monotonic() - started < 10
    assert len(caplog.records) == 4 and all(r.levelno == logging.ERROR for r in caplog.records)
    assert "ConnectionError" in caplog.text and "test:down:" in caplog.text
    assert "SMsecretsid" not in caplog.text and "conversation-hash" not in caplog.text
    strict = RedisTtlStore(client, ttl=60, prefix="test:down:", fail_open=False)
    from redis.exceptions import RedisError

    with pytest.raises((RedisError, OSError)):
        await strict.add("SM1")
    await client.close()


async def test_a_hung_redis_holds_a_call_for_two_seconds_at_most(caplog):
    """A Redis that accepts connections and never answers: the webhook's check gives up in
    time to answer Twilio (which waits 15 s), and the message is handled."""
    with socket.socket() as listener:
        listener.bind(("127.0.0.1", 0))
        listener.listen(5)
        client = redis_client(f"redis://127.0.0.1:{listener.getsockname()[1]}/0")
        store = RedisTtlStore(client, ttl=60, prefix="test:hung:")
        started = time.monotonic()
        assert await store.add("SM1") is True
        assert time.monotonic() - started < 3.5
        await client.close()
    assert "TimeoutError" in caplog.text


# -- configuration --------------------------------------------------------------------------

def twilio_env(monkeypatch, **values):
    for name in ("TWILIO_ACCOUNT_SID", "TWILIO_AUTH_TOKEN", "TWILIO_PUBLIC_URL", "TWILIO_REDIS_URL",
                 "SENDER_ID_SECRET", "ALLOW_EPHEMERAL_SENDER_ID_SECRET"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("TWILIO_ACCOUNT_SID", ACCOUNT_SID)
    monkeypatch.setenv("TWILIO_AUTH_TOKEN", TOKEN)
    monkeypatch.setenv("TWILIO_PUBLIC_URL", PUBLIC_URL)
    monkeypatch.setenv("SENDER_ID_SECRET", secrets.token_hex(32))
    for name, value in values.items():
        monkeypatch.setenv(name, value)


def test_twilio_redis_url_puts_the_channels_memories_in_redis(monkeypatch, redis_url):
    twilio_env(monkeypatch, TWILIO_REDIS_URL=redis_url)
    channel = TwilioSmsInput.from_credentials({})
    stores = {"seen:": (channel.seen, SEEN_TTL), "options:": (channel.options, OPTIONS_TTL),
              "optout:": (channel.opted_out, OPT_OUT_TTL)}
    for name, (store, ttl) in stores.items():
        assert isinstance(store, RedisTtlStore)
        assert (store.prefix, store.ttl) == (REDIS_PREFIX + name, ttl)
    assert REDIS_PREFIX == "signposting:twilio:"     # apart from the locks' signposting:lock:


def test_without_a_redis_url_the_memories_stay_in_the_process(monkeypatch):
    twilio_env(monkeypatch)
    channel = TwilioSmsInput.from_credentials({})
    assert all(isinstance(store, MemoryTtlStore)
               for store in (channel.seen, channel.options, channel.opted_out))


def test_a_redis_url_in_credentials_wins_over_the_environment(monkeypatch, redis_url):
    twilio_env(monkeypatch, TWILIO_REDIS_URL="redis://elsewhere.invalid:6379/0")
    channel = TwilioSmsInput.from_credentials({"redis_url": redis_url})
    kwargs = channel.seen.client.connection_pool.connection_kwargs
    assert kwargs["host"] == "127.0.0.1"


def test_a_bad_redis_url_stops_the_start_without_showing_the_password(monkeypatch):
    twilio_env(monkeypatch, TWILIO_REDIS_URL="https://:s3cret-pass@redis.example.org/1")
    with pytest.raises(TwilioChannelConfigError, match="TWILIO_REDIS_URL") as error:
        TwilioSmsInput.from_credentials({})
    assert "s3cret-pass" not in str(error.value)


# -- two servers sharing the memories -------------------------------------------------------

@pytest.fixture
def two_servers(monkeypatch, redis_url, redis_sync):
    """Two channels made as `rasa run` makes them (from the environment), each with its own
    Redis connection: two Rasa servers. Their keys get a prefix of this test's own, removed
    afterwards."""
    prefix = f"test:twilio:{uuid.uuid4().hex[:12]}:"
    monkeypatch.setattr(twilio_memory, "REDIS_PREFIX", prefix)
    twilio_env(monkeypatch, TWILIO_REDIS_URL=redis_url)
    channels = []
    for _ in range(2):
        channel = TwilioSmsInput.from_credentials({})
        channel.sender = FakeSender()
        channels.append(channel)
    assert channels[0].seen.prefix == prefix + "seen:"
    yield channels
    for key in redis_sync.scan_iter(prefix + "*"):
        redis_sync.delete(key)


async def test_a_retry_reaching_the_other_server_is_not_answered_again(two_servers):
    first, second = two_servers
    bot = FakeBot()
    params = sms("i feel anxious")
    async with serve(first, bot) as one, serve(second, bot) as two:
        await one.post(params)
        await first.idle()
        status, text, _ = await two.post(params)
        await second.idle()
    assert status == 200 and "<Response />" in text
    assert bot.texts == ["i feel anxious"]
    assert len(first.sender.sent) + len(second.sender.sent) == 1


async def test_a_number_sent_to_the_other_server_picks_the_option(two_servers):
    first, second = two_servers
    bot = FakeBot(replies={"i want to die": SAFE_QUESTION})
    async with serve(first, bot) as one, serve(second, bot) as two:
        await one.say("i want to die")
        await two.say("2")
    assert first.sender.bodies[0].endswith("Reply 1 for I'm safe right now, 2 for I'm not safe.")
    assert bot.texts == ["i want to die", "/deny"]


async def test_an_opt_out_on_one_server_is_known_on_the_other(two_servers):
    first, second = two_servers
    bot = FakeBot(replies={"hi": [{"text": "Hi, I'm the support finder."}]})
    async with serve(first, bot) as one, serve(second, bot) as two:
        await one.say("STOP")
        await two.say("YES")               # after STOP: opting back in, not an answer
    assert bot.texts == ["hi"] and second.sender.bodies == ["Hi, I'm the support finder."]
    assert first.sender.sent == []
