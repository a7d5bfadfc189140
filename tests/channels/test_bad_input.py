"""Bad input through every way in, against the real trained model (tests/channels/conftest.py).

One matrix of inputs (empty, whitespace, 10,000 characters, binary garbage, mixed scripts,
emoji only, HTML and script, SQL-looking text, JSON as text) through the REST channel, the
web chat's channel, the web server's /api/chat proxy, the Twilio webhook (validly signed),
socket.io and the directory's query parameters; and request bodies that are not what the
channel expects (JSON that is not an object, broken JSON, binary). Whatever comes in:

- a clear reply (some text) or a 4xx that says what was wrong, never a 5xx;
- no traceback or source path in any response;
- HTML and script never come back unescaped in an HTML page, nor in the bot's replies;
- what the person wrote is in the tracker store as plain data (the text itself, as JSON).
"""
from __future__ import annotations

import asyncio
import json
import random
import re
import uuid
from typing import Any, Dict, List, Optional
from urllib.parse import quote, quote_from_bytes, urlencode

import aiohttp
import pytest

from bot.channels.twilio.channel import conversation_id
from signposting.sms import MAX_INCOMING_CHARS, MAX_SEGMENTS, is_gsm, segments
from signposting.texts import TEXT_ONLY
from tests.support.http import get, post, raw_json, sender
from tests.support.processes import stored_events
from tests.support.twilio import PATH as TWILIO_PATH
from tests.support.twilio import PUBLIC_URL, SECRET, sign, sms
from web import chat as web_chat

pytestmark = pytest.mark.asyncio(loop_scope="session")

# -- the inputs (made up) ----------------------------------------------------------------------

GARBAGE = bytes(random.Random(7).getrandbits(8) for _ in range(600))

INPUTS: Dict[str, str] = {
    "empty": "",
    "whitespace": " \t\n \u3000\u00a0 ",
    "10,000 characters": ("i feel anxious about school " * 400)[:10_000],
    # Random bytes read as Latin-1: NUL, control characters, high bytes, all as text.
    "binary garbage": GARBAGE.decode("latin-1"),
    "mixed scripts": "Привет, мне грустно 我很难过 أنا حزين Γειά σου i feel sad",
    "emoji only": "😭😭😭🙃💔",
    "HTML and script": '<script>alert("x")</script><img src=x onerror=alert(1)><b>hi</b>',
    "HTML attribute break-out": '" autofocus onfocus="alert(1)" x=\'',
    "SQL-looking": "'; DROP TABLE events; -- \" OR 1=1; SELECT * FROM users",
    "JSON as text": '["i feel anxious", {"sender": "x"}, null, 1]',
}
#: Only where the transport can carry it (JSON's \ud800): not UTF-8 text at all.
LONE_SURROGATE = "hi \ud800 there"
#: spaCy (the first NLU component) raises on a lone surrogate, so the REST and web chat
#: channels refuse it with a 400 (bot/channels/rest.py), as the web proxy does.

#: Request bodies that are not what a JSON channel expects: a 4xx with an explanation.
NOT_A_MESSAGE: Dict[str, bytes] = {
    "JSON array": b'["i feel anxious"]',
    "JSON string": b'"i feel anxious"',
    "JSON number": b"42",
    "JSON null": b"null",
    "JSON true": b"true",
    "fields of the wrong type": json.dumps({"sender": ["x"], "message": {"text": "hi"}}).encode(),
    "message missing": json.dumps({"sender": "a-sender-0001"}).encode(),
    "broken JSON": b'{"sender": "a-sender-0001", "message": ',
    "binary garbage": GARBAGE,
    "empty body": b"",
    "deep nesting": b"[" * 30_000 + b"]" * 30_000,
}

#: What a Python failure looks like when it leaks into a response.
TRACEBACK = re.compile(r"Traceback \(most recent|File \"[^\"]*\", line \d+|\b[A-Z][A-Za-z]*(?:Error|"
                       r"Exception)\b|sqlalchemy|sqlite3\.")


def assert_no_internals(body: str) -> None:
    assert not TRACEBACK.search(body), f"internals in a response: {body[:500]}"


def assert_not_reflected(raw: str, body: str) -> None:
    """Markup in the input never comes back as markup: not verbatim (quotes could break out of
    an attribute), and no tag of the input's in the output (escaped text may mention them)."""
    if any(c in raw for c in "<>\"'"):
        assert raw not in body, body[:500]
    if "<" in raw:
        assert not re.search(r"<script|<img", body, re.I), body[:500]


def assert_clear_reply(texts: List[str], raw: str) -> None:
    assert texts and any(t.strip() for t in texts), "no reply text"
    for text in texts:
        assert_no_internals(text)
        assert_not_reflected(raw, text)


def assert_4xx_with_reason(status: int, body: Any) -> None:
    assert 400 <= status < 500, (status, body)
    text = json.dumps(body) if not isinstance(body, str) else body
    assert len(text.strip()) > 5, "a refusal should say what was wrong"
    assert_no_internals(text)


async def assert_stored(agent, trackers, conversation: str, text: str) -> None:
    """The tracker holds the message exactly (Rasa trims the ends), as plain data, in memory
    and in SQLite."""
    from rasa.shared.core.events import UserUttered

    tracker = await agent.tracker_store.retrieve(conversation)
    assert tracker is not None, "the conversation was not stored"
    text = text.strip()
    said = [e.text for e in tracker.events if isinstance(e, UserUttered)]
    assert said and said[-1] == text
    rows = [e for e in stored_events(trackers, conversation) if e["event"] == "user"]
    assert rows and rows[-1]["text"] == text and isinstance(rows[-1]["text"], str)


# -- the REST channel and the web chat's channel -------------------------------------------------

@pytest.mark.parametrize("channel", ["rest", "webchat"])
@pytest.mark.parametrize("name", [*INPUTS, "lone surrogate"])
async def test_json_channels_answer_any_text_and_store_it_as_text(
        servers, channels_agent, channels_trackers, channel, name):
    text = INPUTS.get(name, LONE_SURROGATE)
    conversation = sender()
    status, kind, body = await post(f"{servers.rasa}/webhooks/{channel}/webhook",
                                    raw_json(conversation, text))
    if name == "lone surrogate":   # refused, with the reason
        assert_4xx_with_reason(status, body)
        return
    assert status == 200 and kind.startswith("application/json"), (status, body[:300])
    assert_clear_reply([m.get("text", "") for m in json.loads(body)], text)
    await assert_stored(channels_agent, channels_trackers, conversation, text)


@pytest.mark.parametrize("channel", ["rest", "webchat"])
@pytest.mark.parametrize("name", NOT_A_MESSAGE)
async def test_json_channels_refuse_what_is_not_a_message_with_a_4xx(servers, channel, name):
    status, _, body = await post(f"{servers.rasa}/webhooks/{channel}/webhook",
                                 NOT_A_MESSAGE[name])
    assert_4xx_with_reason(status, body)


@pytest.mark.parametrize("name", INPUTS)
async def test_bad_answers_in_the_middle_of_the_form_get_a_clear_reply(
        servers, channels_agent, channels_trackers, name):
    """The same inputs as the answer to "how old?" and then to "where do you live?"."""
    text, conversation = INPUTS[name], sender()
    url = f"{servers.rasa}/webhooks/rest/webhook"

    async def say(message: str) -> str:
        status, _, body = await post(url, raw_json(conversation, message))
        assert status == 200, body[:300]
        texts = [m.get("text", "") for m in json.loads(body)]
        assert_clear_reply(texts, message)
        return "\n".join(texts)

    assert "How old" in await say("i keep getting panic attacks")
    await say(text)
    await assert_stored(channels_agent, channels_trackers, conversation, text)
    tracker = await channels_agent.tracker_store.retrieve(conversation)
    if tracker.active_loop_name and tracker.get_slot("requested_slot") == "age":
        await say("15")
    await say(text)
    await assert_stored(channels_agent, channels_trackers, conversation, text)


# -- the web server's chat proxy -----------------------------------------------------------------

@pytest.mark.parametrize("name", [*INPUTS, "lone surrogate"])
async def test_the_chat_proxy_answers_or_refuses_with_a_400(
        servers, channels_agent, channels_trackers, name):
    text, conversation = INPUTS.get(name, LONE_SURROGATE), sender()
    status, kind, body = await post(f"{servers.web}/api/chat", raw_json(conversation, text))
    assert kind.startswith("application/json")
    try:
        cleaned: Optional[str] = web_chat.clean_message(text)
    except web_chat.BadRequest:
        cleaned = None
    if cleaned is None:
        assert_4xx_with_reason(status, json.loads(body))
        assert await channels_agent.tracker_store.retrieve(conversation) is None
        return
    assert status == 200, body[:300]
    assert_clear_reply([m.get("text", "") for m in json.loads(body)["messages"]], text)
    await assert_stored(channels_agent, channels_trackers, conversation, cleaned)


@pytest.mark.parametrize("name", NOT_A_MESSAGE)
async def test_the_chat_proxy_refuses_what_is_not_a_message_with_a_400(servers, name):
    status, _, body = await post(f"{servers.web}/api/chat", NOT_A_MESSAGE[name])
    assert status == 400
    assert_4xx_with_reason(status, json.loads(body))


# -- Twilio (signed as Twilio signs) -------------------------------------------------------------

TWILIO_INPUTS = list(INPUTS)   # a lone surrogate cannot be sent as form-encoded UTF-8


@pytest.mark.parametrize("number, name", enumerate(TWILIO_INPUTS, start=100))
async def test_sms_of_any_text_gets_a_text_back_and_is_stored_as_text(
        servers, channels_agent, channels_trackers, number, name):
    text, user = INPUTS[name], f"+447700900{number}"
    channel = servers.twilio
    channel.sender.sent.clear()
    params = sms(text, from_=user)
    async with aiohttp.ClientSession() as http:
        async with http.post(servers.rasa + TWILIO_PATH, data=params,
                             headers={"X-Twilio-Signature": sign(PUBLIC_URL + TWILIO_PATH,
                                                                 params)}) as response:
            status, answer = response.status, await response.text()
    assert status == 200 and "<Response" in answer
    assert not text.strip() or text not in answer
    await channel.idle(timeout=120)
    bodies = [s["body"] for s in channel.sender.sent if s["to"] == user]
    assert_clear_reply(bodies, text)
    if name == "mixed scripts":
        # Mostly Russian: the reply in Russian goes as UCS-2, each text still within three
        # segments, and the English routes come with it.
        assert all(segments(b) <= MAX_SEGMENTS for b in bodies)
        assert any("999" in b and is_gsm(b) for b in bodies), bodies
    else:
        assert all(is_gsm(b) for b in bodies)
    body = text.strip()
    if not body:
        assert bodies == [TEXT_ONLY]
        return
    await assert_stored(channels_agent, channels_trackers, conversation_id(user, SECRET),
                        body[:MAX_INCOMING_CHARS])


@pytest.mark.parametrize("case", ["unsigned", "wrong signature", "not UTF-8", "empty body"])
async def test_twilio_refuses_what_twilio_did_not_send_with_a_403(servers, case):
    """Binary garbage cannot be signed (the signature is over the decoded form), and an empty
    body has no signature that fits a message."""
    params = sms("<script>alert(1)</script>", from_="+447700900199")
    body = urlencode(params).encode()
    headers = {"Content-Type": "application/x-www-form-urlencoded"}
    if case == "wrong signature":
        headers["X-Twilio-Signature"] = sign(PUBLIC_URL + TWILIO_PATH, {**params, "Body": "x"})
    elif case == "not UTF-8":
        body = GARBAGE
        headers["X-Twilio-Signature"] = sign(PUBLIC_URL + TWILIO_PATH, {})
    elif case == "empty body":
        body = b""
        headers["X-Twilio-Signature"] = sign(PUBLIC_URL + TWILIO_PATH, params)
    async with aiohttp.ClientSession() as http:
        async with http.post(servers.rasa + TWILIO_PATH, data=body, headers=headers) as response:
            status, answer = response.status, await response.text()
    assert status == 403 and answer == "Forbidden"


async def test_a_signed_call_that_is_no_message_is_acknowledged_and_ignored(servers):
    servers.twilio.sender.sent.clear()
    for params in ({}, {"Body": '["i feel anxious"]'}, {"MessageSid": "SM" + "7" * 32}):
        async with aiohttp.ClientSession() as http:
            async with http.post(servers.rasa + TWILIO_PATH, data=params, headers={
                    "X-Twilio-Signature": sign(PUBLIC_URL + TWILIO_PATH, params)}) as response:
                assert response.status == 200 and "<Response" in await response.text()
    await servers.twilio.idle(timeout=30)
    assert servers.twilio.sender.sent == []


# -- socket.io -----------------------------------------------------------------------------------

#: python-socketio 5.10 made AsyncServer.enter_room a coroutine; Rasa 3.6.21's socket.io channel
#: calls it without await, so with credentials.yml's session_persistence the client never joined
#: its session's room and every reply went to an empty room (requirements.txt pins < 5.10).
SOCKETIO_ROOMS_BROKEN = ("socket.io replies never reach the client: rasa/core/channels/socketio.py "
                         "calls python-socketio >= 5.10's coroutine AsyncServer.enter_room without "
                         "await (RuntimeWarning: coroutine ... was never awaited)")


class SocketChat:
    """A socket.io client as Rasa's web widgets use it (session_request, then user_uttered).
    Long polling: python-engineio's websocket client needs a newer aiohttp than Rasa's."""

    def __init__(self, url: str, agent) -> None:
        import socketio

        self.url, self.agent, self.replies = url, agent, asyncio.Queue()
        self.client = socketio.AsyncClient(reconnection=False)
        self.session = uuid.uuid4().hex
        self.confirmed = asyncio.Event()
        self.client.on("bot_uttered", self._bot)
        self.client.on("session_confirm", self._confirm)

    async def _bot(self, data: Any) -> None:
        self.replies.put_nowait(data)

    async def _confirm(self, data: Any) -> None:
        self.confirmed.set()

    async def __aenter__(self) -> "SocketChat":
        await self.client.connect(self.url, socketio_path="/socket.io",
                                  transports=["polling"], wait_timeout=10)
        await self.client.emit("session_request", {"session_id": self.session})
        await asyncio.wait_for(self.confirmed.wait(), 10)
        return self

    async def __aexit__(self, *_: Any) -> None:
        # A polite disconnect waits for the pending long poll (up to 25 s): close at once.
        engine = self.client.eio
        await engine.disconnect(abort=True)
        for task in (getattr(engine, "read_loop_task", None),
                     getattr(engine, "write_loop_task", None)):
            if task is not None and not task.done():
                task.cancel()

    async def turns(self) -> int:
        """User messages of this session the bot has finished with (back to listening)."""
        from rasa.shared.core.events import ActionExecuted, UserUttered

        tracker = await self.agent.tracker_store.retrieve(self.session)
        if tracker is None:
            return 0
        done, waiting = 0, False
        for event in tracker.events:
            if isinstance(event, UserUttered):
                waiting = True
            elif (waiting and isinstance(event, ActionExecuted)
                  and event.action_name == "action_listen"):
                done, waiting = done + 1, False
        return done

    async def say(self, payload: Any, handled: bool = True, within: float = 60.0
                  ) -> List[Any]:
        """Everything the bot says in reply. With ``handled``, waits until the tracker shows
        the turn finished, then a moment for replies in flight; otherwise a second."""
        before = await self.turns()
        await self.client.emit("user_uttered", payload)
        if handled:
            deadline = asyncio.get_running_loop().time() + within
            while await self.turns() == before:
                assert asyncio.get_running_loop().time() < deadline, "the turn never finished"
                await asyncio.sleep(0.2)
            await asyncio.sleep(1.0)
        else:
            await asyncio.sleep(1.0)
        received = []
        while not self.replies.empty():
            received.append(self.replies.get_nowait())
        return received


def reply_texts(replies: List[Any]) -> List[str]:
    return [r.get("text", "") for r in replies if isinstance(r, dict)]


@pytest.mark.parametrize("name", [*INPUTS, "lone surrogate"])
async def test_socketio_handles_any_text_and_stores_it_as_text(
        servers, channels_agent, channels_trackers, name):
    if not servers.socketio_mounted:
        pytest.skip("credentials.yml does not mount socketio")
    text = INPUTS.get(name, LONE_SURROGATE)
    async with SocketChat(servers.rasa, channels_agent) as chat:
        if name == "lone surrogate":   # spaCy cannot read it: the turn fails, nothing stored
            await chat.say({"message": text, "session_id": chat.session}, handled=False)
            assert await channels_agent.tracker_store.retrieve(chat.session) is None
        else:
            replies = await chat.say({"message": text, "session_id": chat.session})
            await assert_stored(channels_agent, channels_trackers, chat.session, text)
            for reply in replies:
                assert_no_internals(json.dumps(reply))
        # The connection and the server carry on.
        replies = await chat.say({"message": "i feel anxious", "session_id": chat.session})
        assert any("How old" in text for text in reply_texts(replies)), SOCKETIO_ROOMS_BROKEN


async def test_socketio_replies_reach_the_client(servers, channels_agent):
    if not servers.socketio_mounted:
        pytest.skip("credentials.yml does not mount socketio")
    async with SocketChat(servers.rasa, channels_agent) as chat:
        replies = await chat.say({"message": "i keep getting panic attacks",
                                  "session_id": chat.session})
        assert any("How old" in text for text in reply_texts(replies))


@pytest.mark.parametrize("payload", [["i feel anxious"], "i feel anxious", 42, None,
                                     {"message": ["not", "text"]}, {"message": "hi"},
                                     {"message": {"text": "hi"}, "session_id": "x"},
                                     {"message": "hi", "session_id": {"an": "object"}},
                                     {"message": "hi", "metadata": "{not json"}],
                         ids=["array", "string", "number", "null", "message a list",
                              "no session id", "message an object", "session id an object",
                              "metadata not JSON"])
async def test_socketio_survives_payloads_that_are_not_a_message(servers, channels_agent,
                                                                 payload):
    """socket.io has no status code to refuse with: the event is dropped, the connection and
    the server carry on, and the next proper message is handled."""
    if not servers.socketio_mounted:
        pytest.skip("credentials.yml does not mount socketio")
    async with SocketChat(servers.rasa, channels_agent) as chat:
        for reply in await chat.say(payload, handled=False):
            assert_no_internals(json.dumps(reply))
        assert chat.client.connected
        replies = await chat.say({"message": "i feel anxious", "session_id": chat.session})
        tracker = await channels_agent.tracker_store.retrieve(chat.session)
        assert tracker.latest_message.text == "i feel anxious"
        assert any("How old" in text for text in reply_texts(replies)), SOCKETIO_ROOMS_BROKEN


# -- the directory's query parameters ----------------------------------------------------------

def query(**values: str) -> str:
    return "&".join(f"{quote(k, safe='')}={quote(v, safe='')}" for k, v in values.items())


DIRECTORY_QUERIES: Dict[str, str] = {}
for _name, _text in INPUTS.items():
    DIRECTORY_QUERIES[f"place: {_name}"] = query(need="anxiety", place=_text)
    DIRECTORY_QUERIES[f"need: {_name}"] = query(need=_text)
    DIRECTORY_QUERIES[f"age: {_name}"] = query(need="anxiety", age=_text)
    DIRECTORY_QUERIES[f"a parameter named {_name}"] = query(need="anxiety", **{_text or "x": "1"})
DIRECTORY_QUERIES["not UTF-8"] = "need=anxiety&place=" + quote_from_bytes(GARBAGE[:200])
DIRECTORY_QUERIES["JSON as the whole query"] = quote('{"need": "anxiety"}', safe="")


@pytest.mark.parametrize("name", DIRECTORY_QUERIES)
async def test_the_directory_answers_or_refuses_with_a_400(servers, name):
    """200 or 400 with the reason; a query too long for Sanic's 8 KB request-header limit is
    refused by Sanic itself with a 413 (JSON, with the reason) before the app sees it."""
    raw = DIRECTORY_QUERIES[name]
    given = INPUTS.get(name.split(": ", 1)[-1].replace("a parameter named ", ""), "")
    status, kind, body = await get(f"{servers.web}/api/services?{raw}")
    assert kind.startswith("application/json"), (status, body[:300])
    assert_no_internals(body)
    answer = json.loads(body)
    if status == 413:
        assert len(raw) > 8_000 and "size limit" in answer["message"]
        status, _, page = await get(f"{servers.web}/directory?{raw}")
        assert status == 413 and "size limit" in page
        return
    assert status in (200, 400), (status, body[:300])
    if status == 400:
        assert len(answer["error"]) > 10 and "parameter" in answer

    status, kind, page = await get(f"{servers.web}/directory?{raw}")
    assert status in (200, 400), (status, page[:300])
    assert kind.startswith("text/html")
    assert_no_internals(page)
    assert_not_reflected(given, page)
    assert "<script" not in page.lower()            # the page has no script at all
    if status == 400:
        assert "There is a problem" in page


# -- error pages of both servers ----------------------------------------------------------------

SCRIPT_PATH = "/" + quote('<script>alert("x")</script>', safe="")


@pytest.mark.parametrize("where", ["rasa", "web"])
@pytest.mark.parametrize("path", [SCRIPT_PATH, "/webhooks/rest" + SCRIPT_PATH,
                                  "/api/chat" + SCRIPT_PATH, "/directory" + SCRIPT_PATH])
async def test_unknown_addresses_are_4xx_and_never_echo_markup(servers, where, path):
    status, _, body = await get(getattr(servers, where) + path)
    assert 400 <= status < 500
    assert "<script>" not in body and 'alert("x")' not in body
    assert_no_internals(body)


@pytest.mark.parametrize("where, path", [("rasa", "/webhooks/rest/webhook"),
                                         ("rasa", "/webhooks/webchat/webhook"),
                                         ("web", "/api/chat")])
@pytest.mark.parametrize("content_type", ["text/html", "application/x-www-form-urlencoded",
                                          "multipart/form-data; boundary=x"])
async def test_json_channels_refuse_other_content_types_without_a_5xx(servers, where, path,
                                                                      content_type):
    body = b"sender=a-sender-0001&message=%3Cscript%3Ealert(1)%3C/script%3E"
    status, _, answer = await post(getattr(servers, where) + path, body, content_type)
    assert_4xx_with_reason(status, answer)
    assert "<script>" not in answer
