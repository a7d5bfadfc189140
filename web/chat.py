"""POST /api/chat: the chat page's only way to the bot, a thin proxy to Rasa's REST channel.

The browser talks to this origin alone, so the page needs no CORS and its Content-Security-
Policy can forbid every other origin. The page is not the only possible client, so the
request is checked strictly here and anything malformed gets a short 400, never a 500.
When Rasa cannot be reached the person still gets the 24/7 routes (503), because a silent
failure is the worst answer for someone in crisis. What people write is never logged: it can
be the most private thing a young person has said.
"""
from __future__ import annotations

import asyncio
import json
import logging
import re
from typing import Any, Dict, List, Tuple

import aiohttp
from sanic import Blueprint, Sanic
from sanic.request import Request
from sanic.response import HTTPResponse
from sanic.response import json as json_response

# The one wording of the national routes; static/chat.js keeps a copy for when this server
# itself is down (tests/web/test_chat.py checks that they agree).
from signposting.languages import load as load_languages
from signposting.texts import CHAT_UNAVAILABLE, ROUTES_24_7  # noqa: F401

logger = logging.getLogger(__name__)

blueprint = Blueprint("chat")

#: What the page shows when the bot cannot answer: no promise that it will be back soon, and
#: the routes that work without it.
UNAVAILABLE = CHAT_UNAVAILABLE

#: The page makes its sender id with crypto.randomUUID (36 characters); anything that could
#: be a path, a name or a very long key is refused.
SENDER = re.compile(r"[A-Za-z0-9-]{8,64}")
#: Longer messages are cut to this, the page's own limit: Rasa gains nothing from more.
MAX_MESSAGE = 2_000
#: Longer than this is not a message someone typed: refused rather than cut.
REJECT_OVER = 10_000
#: Control characters (tab and line breaks kept) say nothing and can upset logs downstream.
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")
FIELDS = {"sender", "message"}

#: Seconds to connect to Rasa, and for the whole answer (set as RASA_TIMEOUT in the app's
#: config). Rasa can take a few seconds when it calls the action server.
CONNECT_TIMEOUT = 5
DEFAULT_TIMEOUT = 30


class BadRequest(ValueError):
    """The request is not what the page sends; the message is shown to the client."""


def read_request(content_type: str, body: bytes) -> Tuple[str, str]:
    """(sender, message) from the request, checked and tidied; BadRequest otherwise."""
    if content_type.split(";")[0].strip().lower() != "application/json":
        raise BadRequest("Send JSON, with Content-Type: application/json.")
    try:
        data = json.loads(body)
    except (ValueError, RecursionError):  # UnicodeDecodeError is a ValueError
        raise BadRequest("The request body is not valid JSON.") from None
    if not isinstance(data, dict):
        raise BadRequest("Send a JSON object with sender and message.")
    if set(data) - FIELDS:
        raise BadRequest("Only sender and message are allowed.")
    sender, message = data.get("sender"), data.get("message")
    if not isinstance(sender, str) or not SENDER.fullmatch(sender):
        raise BadRequest("sender must be 8 to 64 letters, digits or hyphens.")
    if not isinstance(message, str):
        raise BadRequest("message must be a string.")
    return sender, clean_message(message)


def clean_message(message: str) -> str:
    try:
        message.encode("utf-8")
    except UnicodeEncodeError:  # a lone surrogate, from "\ud800" in the JSON
        raise BadRequest("message contains characters that are not text.") from None
    text = _CONTROL.sub("", message).strip()
    if not text:
        raise BadRequest("message is empty.")
    if len(text) > REJECT_OVER:
        raise BadRequest(f"message is too long: keep it under {MAX_MESSAGE:,} characters.")
    return text[:MAX_MESSAGE].rstrip()


def _languages_of_texts() -> Dict[str, Tuple[str, str]]:
    """Each paragraph of the replies in other languages (Rasa sends each paragraph of a response
    as a message of its own) to its language and direction, so that the page can mark it with
    ``lang`` and ``dir`` for screen readers and right-to-left scripts. Only these fixed texts are
    marked: everything else the bot says is English, the page's own language."""
    marked: Dict[str, Tuple[str, str]] = {}
    for text, language in load_languages().texts_by_language().items():
        for paragraph in text.split("\n\n"):
            marked[paragraph.strip()] = (language.code, language.direction)
    return marked


LANGUAGE_OF_TEXT = _languages_of_texts()


def replies(answer: Any) -> List[Dict[str, Any]]:
    """Rasa's messages with their text and buttons as Rasa gave them (other kinds, such as
    images, are left out: the page shows only these). ValueError if it is not Rasa's list."""
    if not isinstance(answer, list) or not all(isinstance(m, dict) for m in answer):
        raise ValueError("Rasa's answer is not a list of messages")
    kept = []
    for message in answer:
        reply: Dict[str, Any] = {}
        if isinstance(message.get("text"), str):
            reply["text"] = message["text"]
            marked = LANGUAGE_OF_TEXT.get(message["text"].strip())
            if marked:
                reply["lang"], reply["dir"] = marked
        given = message.get("buttons")
        buttons = [{"title": b["title"], "payload": b["payload"]}
                   for b in (given if isinstance(given, list) else []) if isinstance(b, dict)
                   and isinstance(b.get("title"), str) and isinstance(b.get("payload"), str)]
        if buttons:
            reply["buttons"] = buttons
        if reply:
            kept.append(reply)
    return kept


async def ask_rasa(session: aiohttp.ClientSession, rasa_url: str, sender: str,
                   message: str) -> List[Dict[str, Any]]:
    async with session.post(f"{rasa_url}/webhooks/webchat/webhook",
                            json={"sender": sender, "message": message}) as response:
        if response.status != 200:
            raise ValueError(f"Rasa answered {response.status}")
        return replies(await response.json(content_type=None))


@blueprint.post("/api/chat")
async def chat(request: Request) -> HTTPResponse:
    try:
        sender, message = read_request(request.headers.get("content-type", ""), request.body)
    except BadRequest as problem:
        return json_response({"error": str(problem)}, status=400)
    try:
        messages = await ask_rasa(request.app.ctx.rasa, request.app.config.RASA_URL,
                                  sender, message)
    except (aiohttp.ClientError, asyncio.TimeoutError, ValueError) as failure:
        # The kind of failure only: the message and the sender id stay out of the logs.
        logger.warning("Rasa could not answer: %s", type(failure).__name__)
        return json_response({"error": UNAVAILABLE}, status=503)
    return json_response({"messages": messages})


@blueprint.listener("before_server_start")
async def open_rasa_client(app: Sanic, _loop: Any) -> None:
    """One client per app, so connections to Rasa are reused. It keeps no cookies, because
    it is shared by everyone using the chat."""
    timeout = aiohttp.ClientTimeout(total=app.config.get("RASA_TIMEOUT", DEFAULT_TIMEOUT),
                                    connect=CONNECT_TIMEOUT)
    app.ctx.rasa = aiohttp.ClientSession(timeout=timeout, cookie_jar=aiohttp.DummyCookieJar())


@blueprint.listener("after_server_stop")
async def close_rasa_client(app: Sanic, _loop: Any) -> None:
    await app.ctx.rasa.close()
