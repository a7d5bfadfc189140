"""The Twilio SMS and WhatsApp channel, served by a real Sanic server on a free local port.

Requests are signed with twilio's own RequestValidator for the public URL (as Twilio would
sign them behind a proxy), with test credentials only, and Ofcom's drama numbers
(+447700900xxx) and Twilio's magic numbers. The bot is a fake ``on_new_message`` that answers
through the channel's output channel as Rasa does; the sender records what would be sent
(the fakes are in tests/support/twilio.py).
"""
from __future__ import annotations

import asyncio
import logging

import aiohttp
import pytest
from sanic import Sanic

from bot.channels.twilio.channel import TwilioSmsInput
from bot.channels.twilio.identity import conversation_id
from bot.channels.twilio.memory import MemoryTtlStore
from bot.channels.twilio.sender import TwilioSender
from bot.channels.twilio.settings import TwilioChannelConfigError
from signposting.sms import MAX_INCOMING_CHARS
from signposting.texts import COULD_NOT_ANSWER, HELP_TEXT, TEXT_ONLY
from tests.support.sanic_apps import free_port
from tests.support.twilio import (
    ACCOUNT_SID,
    OTHER_USER,
    OUR_NUMBER,
    PATH,
    PUBLIC_URL,
    QUEUED,
    SAFE_QUESTION,
    SECRET,
    TOKEN,
    USER,
    USER_DIGITS,
    FakeBot,
    FakeSender,
    FakeTwilioHttp,
    make_channel,
    serve,
    sign,
    sms,
    twilio_error,
)


@pytest.fixture(autouse=True)
def sanic_test_mode(monkeypatch):
    """Several apps in one process: Sanic otherwise rewrites its protocol at each start."""
    monkeypatch.setattr(Sanic, "test_mode", True)


# -- the happy path -------------------------------------------------------------------------

async def test_a_signed_message_is_answered_once_by_sms_from_our_number():
    bot, channel = FakeBot(), make_channel()
    async with serve(channel, bot) as client:
        status, text, content_type = await client.post(sms("i feel anxious"))
        await channel.idle()
    assert status == 200 and "<Response />" in text and "xml" in content_type
    assert bot.texts == ["i feel anxious"]
    assert bot.received[0].input_channel == "twilio_sms"
    assert channel.sender.sent == [{"to": USER, "from_": OUR_NUMBER,
                                    "body": "Thanks for telling me."}]


async def test_twilio_is_answered_before_the_bot_has_finished():
    bot, channel = FakeBot(), make_channel()
    bot.release = asyncio.Event()
    async with serve(channel, bot) as client:
        status, _, _ = await asyncio.wait_for(client.post(sms("i feel anxious")), timeout=5)
        assert status == 200 and channel.sender.sent == [] and len(channel.pending) == 1
        bot.release.set()
        await channel.idle()
    assert channel.sender.bodies == ["Thanks for telling me."]


async def test_all_of_a_turns_messages_go_as_one_formatted_text():
    bot = FakeBot(default=[
        {"text": "I\u2019m **really** glad you told me."},
        {"text": "Text SHOUT to 85258 \u2013 any time."},
    ])
    channel = make_channel()
    async with serve(channel, bot) as client:
        await client.say("i want to die")
    assert channel.sender.bodies == [
        "I'm really glad you told me.\n\nText SHOUT to 85258 - any time."]


async def test_a_long_turn_goes_as_several_texts_in_order():
    paragraph = "This is a long paragraph of support information, written out in full. " * 5
    bot = FakeBot(default=[{"text": paragraph.strip()} for _ in range(3)])
    channel = make_channel()
    async with serve(channel, bot) as client:
        await client.say("more")
    assert len(channel.sender.sent) == 3
    assert all(body == paragraph.strip() for body in channel.sender.bodies)


async def test_the_health_route_answers():
    channel = make_channel()
    async with serve(channel, FakeBot()) as client:
        async with client.session.get(client.base + "/webhooks/twilio_sms/") as resp:
            assert resp.status == 200 and (await resp.json()) == {"status": "ok"}


# -- signatures -----------------------------------------------------------------------------

@pytest.mark.parametrize("case", ["forged", "missing", "other_url", "other_token", "tampered"])
async def test_requests_not_signed_by_twilio_for_this_url_are_refused(case):
    bot, channel = FakeBot(), make_channel()
    params = sms("i feel anxious")
    async with serve(channel, bot) as client:
        if case == "forged":
            result = await client.post(params, signature="dGhpcyBpcyBub3QgYSBzaWduYXR1cmU=")
        elif case == "missing":
            result = await client.post(params, signature="")
        elif case == "other_url":
            result = await client.post(params, signed_url="https://elsewhere.example.org" + PATH)
        elif case == "other_token":
            result = await client.post(params, signature=sign(PUBLIC_URL + PATH, params, "other"))
        else:
            signature = sign(PUBLIC_URL + PATH, params)
            result = await client.post({**params, "Body": "something else"}, signature=signature)
        await channel.idle()
    assert result[0] == 403
    assert bot.received == [] and channel.sender.sent == []


async def test_the_signature_covers_the_query_string_of_the_public_url():
    bot, channel = FakeBot(), make_channel()
    params = sms("hello")
    async with serve(channel, bot) as client:
        ok = await client.post(params, query="area=kent")
        stripped = await client.post(sms("hello"), query="area=kent",
                                     signed_url=PUBLIC_URL + PATH)
        await channel.idle()
    assert ok[0] == 200 and stripped[0] == 403
    assert bot.texts == ["hello"]


async def test_the_signature_is_checked_against_the_public_url_not_the_servers_own():
    bot, channel = FakeBot(), make_channel()
    async with serve(channel, bot) as client:
        local = await client.post(sms("hello"), signed_url=client.base + PATH)
    assert local[0] == 403 and bot.received == []


async def test_without_a_public_url_the_servers_own_url_is_used():
    bot = FakeBot()
    channel = TwilioSmsInput(ACCOUNT_SID, TOKEN, None, SECRET, sender=FakeSender())
    async with serve(channel, bot) as client:
        local = await client.post(sms("hello"), signed_url=client.base + PATH)
        await channel.idle()
    assert local[0] == 200 and bot.texts == ["hello"]


async def test_an_unconfigured_channel_refuses_every_call_and_says_so_once(monkeypatch, caplog):
    for name in ("TWILIO_ACCOUNT_SID", "TWILIO_AUTH_TOKEN", "TWILIO_PUBLIC_URL",
                 "SENDER_ID_SECRET", "ALLOW_EPHEMERAL_SENDER_ID_SECRET"):
        monkeypatch.delenv(name, raising=False)
    channel = TwilioSmsInput.from_credentials(None)
    bot = FakeBot()
    caplog.set_level(logging.INFO)
    async with serve(channel, bot) as client:
        first = await client.post(sms("hello"))
        second = await client.post(sms("hello again"))
    assert not channel.configured
    assert first[0] == second[0] == 403 and bot.received == []
    assert caplog.text.count("Twilio is not configured") == 1


# -- configuration --------------------------------------------------------------------------

def twilio_env(monkeypatch, **values):
    for name in ("TWILIO_ACCOUNT_SID", "TWILIO_AUTH_TOKEN", "TWILIO_PUBLIC_URL",
                 "SENDER_ID_SECRET", "ALLOW_EPHEMERAL_SENDER_ID_SECRET"):
        monkeypatch.delenv(name, raising=False)
    for name, value in values.items():
        monkeypatch.setenv(name, value)


def test_settings_come_from_the_environment(monkeypatch):
    twilio_env(monkeypatch, TWILIO_ACCOUNT_SID=ACCOUNT_SID, TWILIO_AUTH_TOKEN=TOKEN,
               TWILIO_PUBLIC_URL=PUBLIC_URL + "/", SENDER_ID_SECRET=SECRET.decode())
    channel = TwilioSmsInput.from_credentials({})
    assert channel.configured and channel.public_url == PUBLIC_URL
    assert channel.secret == SECRET


def test_credentials_win_over_the_environment(monkeypatch):
    twilio_env(monkeypatch, TWILIO_ACCOUNT_SID=ACCOUNT_SID, TWILIO_AUTH_TOKEN=TOKEN,
               TWILIO_PUBLIC_URL=PUBLIC_URL, SENDER_ID_SECRET=SECRET.decode())
    channel = TwilioSmsInput.from_credentials({"public_url": "https://other.example.org"})
    assert channel.public_url == "https://other.example.org"


@pytest.mark.parametrize("secret", [None, "too-short"])
def test_twilio_without_a_proper_sender_id_secret_refuses_to_start(monkeypatch, secret):
    twilio_env(monkeypatch, TWILIO_ACCOUNT_SID=ACCOUNT_SID, TWILIO_AUTH_TOKEN=TOKEN,
               **({"SENDER_ID_SECRET": secret} if secret else {}))
    with pytest.raises(TwilioChannelConfigError, match="SENDER_ID_SECRET"):
        TwilioSmsInput.from_credentials(None)


def test_the_dev_flag_allows_a_random_secret_with_a_warning(monkeypatch, caplog):
    twilio_env(monkeypatch, TWILIO_ACCOUNT_SID=ACCOUNT_SID, TWILIO_AUTH_TOKEN=TOKEN,
               ALLOW_EPHEMERAL_SENDER_ID_SECRET="1")
    caplog.set_level(logging.WARNING)
    first = TwilioSmsInput.from_credentials(None)
    second = TwilioSmsInput.from_credentials(None)
    assert first.configured and len(first.secret) == 32 and first.secret != second.secret
    assert "random secret" in caplog.text


# -- each message once ----------------------------------------------------------------------

async def test_a_retried_message_is_acknowledged_but_not_handled_again():
    bot, channel = FakeBot(), make_channel()
    params = sms("i feel anxious", sid="SM" + "2" * 32)
    async with serve(channel, bot) as client:
        first = await client.post(params)
        await channel.idle()
        retry = await client.post(params)
        await channel.idle()
    assert first[0] == retry[0] == 200 and "<Response />" in retry[1]
    assert bot.texts == ["i feel anxious"] and len(channel.sender.sent) == 1


async def test_servers_sharing_a_store_handle_a_retry_once():
    shared, bot = MemoryTtlStore(ttl=60), FakeBot()
    first, second = make_channel(seen=shared), make_channel(seen=shared)
    params = sms("i feel anxious")
    async with serve(first, bot) as one, serve(second, bot) as two:
        await one.post(params)
        await two.post(params)
        await first.idle()
        await second.idle()
    assert bot.texts == ["i feel anxious"]
    assert len(first.sender.sent) + len(second.sender.sent) == 1


def test_memory_store_expires_entries_and_stays_bounded():
    now = [0.0]
    store = MemoryTtlStore(ttl=10, max_entries=3, clock=lambda: now[0])

    async def run():
        assert await store.add("a") and not await store.add("a")
        now[0] = 11
        assert await store.get("a") is None and await store.add("a")
        for key in "bcde":
            await store.set(key, key)
        assert len(store) == 3 and await store.get("a") is None and await store.get("e") == "e"
        await store.delete("e")
        assert await store.get("e") is None

    asyncio.run(run())


# -- what the person sends ------------------------------------------------------------------

@pytest.mark.parametrize("body, num_media", [("", 0), ("   ", 0), ("", 1), ("", 3)])
async def test_empty_and_picture_only_messages_get_the_text_only_reply(body, num_media):
    bot, channel = FakeBot(), make_channel()
    async with serve(channel, bot) as client:
        status, _ = await client.say(body, num_media=num_media,
                                     **({"MediaUrl0": "https://api.twilio.com/m/ME1"}
                                        if num_media else {}))
    assert status == 200 and bot.received == []
    assert channel.sender.bodies == [TEXT_ONLY]


async def test_a_picture_with_words_is_handled_as_words():
    bot, channel = FakeBot(), make_channel()
    async with serve(channel, bot) as client:
        await client.say("this is my school", num_media=1, MediaUrl0="https://api.twilio.com/m/ME1")
    assert bot.texts == ["this is my school"]


async def test_a_very_long_message_is_cut_before_the_bot():
    bot, channel = FakeBot(), make_channel()
    body = "i feel anxious all the time " * 200
    async with serve(channel, bot) as client:
        await client.say(body)
    assert len(body) > MAX_INCOMING_CHARS
    assert bot.texts == [body[:MAX_INCOMING_CHARS].strip()]
    assert channel.sender.bodies == ["Thanks for telling me."]


async def test_an_emoji_message_is_handled():
    bot, channel = FakeBot(), make_channel()
    async with serve(channel, bot) as client:
        await client.say("😢😢 can't stop crying")
    assert bot.texts == ["😢😢 can't stop crying"] and len(channel.sender.sent) == 1


async def test_the_bot_failing_still_sends_the_fallback_with_crisis_routes():
    bot, channel = FakeBot(fail=True), make_channel()
    async with serve(channel, bot) as client:
        await client.say("i want to die")
    assert channel.sender.bodies == [COULD_NOT_ANSWER]
    assert "999" in COULD_NOT_ANSWER and "85258" in COULD_NOT_ANSWER


async def test_a_turn_the_bot_leaves_unanswered_sends_nothing():
    """The rate limit answers a flood once, then stays silent; each SMS out would cost."""
    bot, channel = FakeBot(default=[]), make_channel()
    async with serve(channel, bot) as client:
        await client.say("hello")
    assert bot.texts == ["hello"] and channel.sender.bodies == []


async def test_turns_of_one_conversation_are_answered_in_order():
    bot, channel = FakeBot(replies={"first": [{"text": "one"}], "second": [{"text": "two"}]}), \
        make_channel()
    bot.release = asyncio.Event()
    async with serve(channel, bot) as client:
        await client.post(sms("first"))
        await client.post(sms("second"))
        await asyncio.sleep(0.05)
        assert bot.texts == ["first"]           # the second waits for the first turn
        bot.release.set()
        await channel.idle()
    assert channel.sender.bodies == ["one", "two"]


# -- keywords -------------------------------------------------------------------------------

@pytest.mark.parametrize("word", ["STOP", "stop", "Unsubscribe", "CANCEL", "end", "QUIT",
                                  "stopall"])
async def test_stop_sends_nothing_and_marks_the_sender_opted_out(word):
    bot, channel = FakeBot(), make_channel()
    async with serve(channel, bot) as client:
        status, _ = await client.say(word)
    assert status == 200 and bot.received == [] and channel.sender.sent == []
    assert await channel.opted_out.get(conversation_id(USER, SECRET)) == "1"
    assert await channel.opted_out.get(conversation_id(OTHER_USER, SECRET)) is None


async def test_stop_in_other_words_reaches_the_bots_own_stop():
    bot, channel = FakeBot(), make_channel()
    async with serve(channel, bot) as client:
        await client.say("stop please")
        await client.say("Stop.")
    assert bot.texts == ["stop please", "Stop."] and len(channel.sender.sent) == 2
    assert await channel.opted_out.get(conversation_id(USER, SECRET)) is None


@pytest.mark.parametrize("word", ["HELP", "help", "Info"])
async def test_help_gets_the_fixed_help_text(word):
    bot, channel = FakeBot(), make_channel()
    async with serve(channel, bot) as client:
        await client.say(word)
    assert bot.received == [] and channel.sender.bodies == [HELP_TEXT]


@pytest.mark.parametrize("word", ["START", "unstop", "YES"])
async def test_start_after_stop_opts_back_in_with_the_welcome(word):
    bot = FakeBot(replies={"hi": [{"text": "Hi, I'm the support finder."}]})
    channel = make_channel()
    async with serve(channel, bot) as client:
        await client.say("STOP")
        await client.say(word)
    assert bot.texts == ["hi"] and channel.sender.bodies == ["Hi, I'm the support finder."]
    assert await channel.opted_out.get(conversation_id(USER, SECRET)) is None


async def test_start_without_a_stop_is_the_welcome_but_yes_is_an_answer():
    bot, channel = FakeBot(), make_channel()
    async with serve(channel, bot) as client:
        await client.say("START")
        await client.say("YES")
    assert bot.texts == ["hi", "YES"]


async def test_a_message_after_stop_is_still_answered():
    # Twilio refuses SMS replies until START; our in-memory flag must not hold one back.
    bot, channel = FakeBot(), make_channel()
    async with serve(channel, bot) as client:
        await client.say("STOP")
        await client.say("i want to die")
    assert bot.texts == ["i want to die"] and channel.sender.bodies == ["Thanks for telling me."]


# -- numbered options -----------------------------------------------------------------------



async def test_buttons_become_numbered_options_and_a_number_sends_the_payload():
    bot = FakeBot(replies={"i want to die": SAFE_QUESTION})
    channel = make_channel()
    async with serve(channel, bot) as client:
        await client.say("i want to die")
        await client.say(" 2 ")
    assert channel.sender.bodies[0] == ("Are you safe right now?\n"
                                        "Reply 1 for I'm safe right now, 2 for I'm not safe.")
    assert bot.texts == ["i want to die", "/deny"]


async def test_options_belong_to_one_conversation_and_one_turn():
    bot = FakeBot(replies={"i want to die": SAFE_QUESTION})
    channel = make_channel()
    async with serve(channel, bot) as client:
        await client.say("i want to die")
        await client.say("1", from_=OTHER_USER)     # someone else: no options
        await client.say("1")                       # this person: the payload
        await client.say("1")                       # the turn after had no buttons
        await client.say("3")
    assert bot.texts == ["i want to die", "1", "/affirm", "1", "3"]


async def test_a_number_that_is_not_an_option_is_passed_on_as_text():
    bot = FakeBot(replies={"i want to die": SAFE_QUESTION})
    channel = make_channel()
    async with serve(channel, bot) as client:
        await client.say("i want to die")
        await client.say("3")
    assert bot.texts == ["i want to die", "3"]


# -- WhatsApp and identities ----------------------------------------------------------------

async def test_whatsapp_is_answered_on_whatsapp_from_the_number_it_arrived_at():
    bot, channel = FakeBot(), make_channel()
    async with serve(channel, bot) as client:
        await client.say("hello", from_="whatsapp:" + USER, to="whatsapp:" + OUR_NUMBER)
        await client.say("hello", from_=USER, to=OUR_NUMBER)
    assert channel.sender.sent[0]["to"] == "whatsapp:" + USER
    assert channel.sender.sent[0]["from_"] == "whatsapp:" + OUR_NUMBER
    assert channel.sender.sent[1]["to"] == USER and channel.sender.sent[1]["from_"] == OUR_NUMBER
    whatsapp, sms_id = (m.sender_id for m in bot.received)
    assert whatsapp == conversation_id("whatsapp:" + USER, SECRET) != sms_id


async def test_the_conversation_id_is_a_keyed_hash_of_the_number():
    bot, channel = FakeBot(), make_channel()
    async with serve(channel, bot) as client:
        await client.say("hello")
        await client.say("hello again")
    ids = {m.sender_id for m in bot.received}
    assert ids == {conversation_id(USER, SECRET)}
    sender_id = ids.pop()
    assert USER_DIGITS not in sender_id and "447700" not in sender_id
    assert len(sender_id) == 64 and int(sender_id, 16) >= 0


def test_conversation_ids_are_stable_per_secret_and_differ_between_numbers():
    assert conversation_id(USER, SECRET) == conversation_id(USER, SECRET)
    assert conversation_id(USER, SECRET) != conversation_id(USER, b"another-secret-" * 3)
    assert conversation_id(USER, SECRET) != conversation_id(OTHER_USER, SECRET)


# -- sending to Twilio ----------------------------------------------------------------------

def real_sender(outcomes, attempts=4, timeout=5.0):
    http, delays = FakeTwilioHttp(outcomes), []

    async def no_wait(seconds):
        delays.append(seconds)

    sender = TwilioSender(ACCOUNT_SID, TOKEN, http_client=http, attempts=attempts,
                          timeout=timeout, sleep=no_wait)
    return sender, http, delays


async def test_a_503_is_retried_and_then_sent():
    sender, http, delays = real_sender([twilio_error(503, 20503), QUEUED])
    assert await sender.send(USER, OUR_NUMBER, "Call 999")
    assert len(http.requests) == 2 and len(delays) == 1
    assert http.requests[-1] == {"To": USER, "From": OUR_NUMBER, "Body": "Call 999"}


async def test_network_errors_and_429_are_retried_with_growing_waits():
    sender, http, delays = real_sender([aiohttp.ClientConnectionError("reset"),
                                        asyncio.TimeoutError(), twilio_error(429, 20429), QUEUED])
    assert await sender.send(USER, OUR_NUMBER, "Call 999")
    assert len(http.requests) == 4 and len(delays) == 3
    assert delays[0] < delays[1] < delays[2]


async def test_a_stalled_request_times_out_and_is_retried():
    sender, http, delays = real_sender(["hang", QUEUED], timeout=0.1)
    assert await asyncio.wait_for(sender.send(USER, OUR_NUMBER, "Call 999"), timeout=5)
    assert len(http.requests) == 2 and len(delays) == 1


async def test_a_permanent_failure_is_not_retried_and_is_logged_without_content(caplog):
    caplog.set_level(logging.DEBUG)
    sender, http, delays = real_sender([twilio_error(400, 21211), QUEUED])
    assert not await sender.send(USER, OUR_NUMBER, "Call 999 secret words")
    assert len(http.requests) == 1 and delays == []
    assert "21211" in caplog.text
    assert USER_DIGITS not in caplog.text and "secret words" not in caplog.text


async def test_giving_up_after_the_last_attempt():
    sender, http, delays = real_sender([twilio_error(500, 20500)] * 3, attempts=3)
    assert not await sender.send(USER, OUR_NUMBER, "Call 999")
    assert len(http.requests) == 3 and len(delays) == 2


async def test_the_channel_sends_through_twilio_with_retries():
    sender, http, _ = real_sender([twilio_error(503, 20503), QUEUED])
    bot, channel = FakeBot(), make_channel(sender=sender)
    async with serve(channel, bot) as client:
        await client.say("hello", from_="whatsapp:" + USER, to="whatsapp:" + OUR_NUMBER)
    assert [r["To"] for r in http.requests] == ["whatsapp:" + USER] * 2
    assert http.requests[-1]["From"] == "whatsapp:" + OUR_NUMBER


# -- logs -----------------------------------------------------------------------------------

async def test_logs_hold_no_message_text_and_no_number(caplog):
    caplog.set_level(logging.DEBUG)
    sender, _, _ = real_sender([twilio_error(503, 20503), QUEUED, twilio_error(400, 21211)]
                               + [QUEUED] * 9)
    bot = FakeBot(replies={"my secret words": [{"text": "a reply with private words"}],
                           "it hurts": SAFE_QUESTION})
    channel = make_channel(sender=sender)
    params = sms("my secret words", sid="SM" + "3" * 32)
    async with serve(channel, bot) as client:
        await client.post(params)
        await channel.idle()
        await client.post(params)                                   # a retry
        await client.post(sms("forged words"), signature="Zm9yZ2Vk")
        for body in ("it hurts", "1", "STOP", "HELP", "START", "", "x" * 3000):
            await client.say(body, from_="whatsapp:" + USER if body == "1" else USER)
        bot.fail = True
        await client.say("failing words")
    logged = caplog.text
    assert "handled" in logged and "refused" in logged     # the logs do say what happened
    for secret in ("secret words", "private words", "forged words", "it hurts", "failing words",
                   "xxxxxxxxxx", USER_DIGITS, "7700 900"):
        assert secret not in logged, secret


# -- with the trained model -----------------------------------------------------------------

@pytest.fixture(scope="module")
def trained_agent(model_path):
    from rasa.core.agent import Agent
    from rasa.utils.endpoints import EndpointConfig
    from rasa.utils.log_utils import configure_structlog

    configure_structlog(logging.WARNING)   # Rasa's debug logs quote every message
    # No action server listens there: urgent replies must not need one.
    nowhere = EndpointConfig(f"http://127.0.0.1:{free_port()}/webhook")
    return Agent.load(model_path, action_endpoint=nowhere)


async def test_a_crisis_text_gets_every_route_by_sms_with_the_trained_model(trained_agent):
    from signposting.sms import MAX_SEGMENTS, is_gsm, segments
    from tests.support.model import CRISIS_ROUTES, assert_crisis_routes

    channel = make_channel()
    async with serve(channel, trained_agent) as client:
        await client.say("i want to kill myself")
        await client.say("2")
        await client.say("STOP")
    crisis = channel.sender.bodies[0]
    assert_crisis_routes(crisis, CRISIS_ROUTES)
    assert all(is_gsm(b) and segments(b) <= MAX_SEGMENTS for b in channel.sender.bodies)
    assert len(channel.sender.sent) == 2 and "**" not in crisis


async def test_the_real_async_client_sends_and_retries_against_a_local_api():
    """twilio's own AsyncTwilioHttpClient over HTTP, to a stand-in for api.twilio.com."""
    from aiohttp import web

    calls = []

    async def messages(request):
        calls.append((request.match_info["sid"], dict(await request.post()),
                      request.headers.get("Authorization", "")))
        if len(calls) == 1:
            return web.json_response({"code": 20503, "status": 503}, status=503)
        return web.json_response(QUEUED[1], status=201)

    app = web.Application()
    app.router.add_post("/2010-04-01/Accounts/{sid}/Messages.json", messages)
    runner = web.AppRunner(app)
    await runner.setup()
    port = free_port()
    await web.TCPSite(runner, "127.0.0.1", port).start()
    delays = []

    async def no_wait(seconds):
        delays.append(seconds)

    sender = TwilioSender(ACCOUNT_SID, TOKEN, sleep=no_wait)
    try:
        sender.client().api.base_url = f"http://127.0.0.1:{port}"
        assert await sender.send("whatsapp:" + USER, "whatsapp:" + OUR_NUMBER, "Call 999")
    finally:
        await sender.close()
        await runner.cleanup()
    assert len(calls) == 2 and len(delays) == 1
    sid, form, auth = calls[-1]
    assert sid == ACCOUNT_SID and auth.startswith("Basic ")
    assert form == {"To": "whatsapp:" + USER, "From": "whatsapp:" + OUR_NUMBER, "Body": "Call 999"}


# -- sending failing, with the trained model ---------------------------------------------------

SEND_FAILURES = {
    "Twilio 503 on every attempt": [twilio_error(503, 20503)] * 4,
    "no network": [aiohttp.ClientConnectionError("connection refused")] * 4,
    "Twilio refuses the number": [twilio_error(400, 21211)],
    "an unexpected error in the client": [RuntimeError("the client broke")],
}


@pytest.mark.parametrize("failure", SEND_FAILURES)
async def test_a_turn_whose_reply_cannot_be_sent_is_kept_and_logged_without_content(
        trained_agent, caplog, failure):
    """The bot's turn is in the tracker whatever happens to the text afterwards, the failure
    is logged (at ERROR) without the number or the words, and the next message is handled.
    The trained agent has no action server: the need gets its acknowledgement and the honest
    "can't look services up" reply; the logs are read at INFO, the level production runs at."""
    from rasa.shared.core.events import BotUttered, UserUttered

    caplog.set_level(logging.INFO)
    user, words = "+447700900321", "zebra-canary-2718 i keep getting panic attacks"
    sender, http, _ = real_sender(SEND_FAILURES[failure] + [QUEUED] * 4)
    channel = make_channel(sender=sender)
    async with serve(channel, trained_agent) as client:
        status, _ = await client.say(words, from_=user)
        assert status == 200
        await client.say("hello", from_=user)           # the channel carries on
    events = list((await trained_agent.tracker_store.retrieve(
        conversation_id(user, SECRET))).events)
    said = [i for i, e in enumerate(events) if isinstance(e, UserUttered)]
    assert [events[i].text for i in said[-2:]] == [words, "hello"]
    first_turn = events[said[-2]:said[-1]]
    assert any(isinstance(e, BotUttered) and "That sounds really hard" in e.text
               for e in first_turn), "the turn whose reply was not sent is not in the tracker"
    assert len(http.requests) == len(SEND_FAILURES[failure]) + 1   # then the reply to "hello"
    assert "That sounds really hard" in http.requests[0]["Body"]
    assert any(r.levelno >= logging.ERROR and r.name.startswith("bot.channels.twilio.")
               for r in caplog.records), "a reply that could not be sent must be an ERROR"
    logged = caplog.text + "\n".join(f"{r.getMessage()} {r.args}" for r in caplog.records)
    for secret in ("zebra-canary-2718", "panic attacks", "That sounds really hard", user,
                   user[1:], "7700900321", "7700 900321"):
        assert secret not in logged, secret


async def test_a_crisis_reply_is_delivered_when_sending_fails_then_succeeds(trained_agent):
    from tests.support.model import CRISIS_ROUTES, assert_crisis_routes

    user = "+447700900654"
    sender, http, delays = real_sender([twilio_error(503, 20503),
                                        aiohttp.ClientConnectionError("reset"), QUEUED])
    channel = make_channel(sender=sender)
    async with serve(channel, trained_agent) as client:
        await client.say("i want to kill myself", from_=user)
    assert len(http.requests) == 3 and len(delays) == 2
    assert {r["Body"] for r in http.requests} == {http.requests[-1]["Body"]}  # the same text
    assert http.requests[-1]["To"] == user
    assert_crisis_routes(http.requests[-1]["Body"], CRISIS_ROUTES)
