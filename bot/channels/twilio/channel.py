"""SMS and WhatsApp through Twilio, at /webhooks/twilio_sms/webhook.

Rasa's built-in ``twilio`` channel takes a request from anyone who knows the URL, answers
Twilio's retries of a message a second time, and sends with the blocking client inside the
request, so one slow call to Twilio stalls every conversation on the server, crisis replies
included. This channel instead:

1. answers 403 unless Twilio is configured and X-Twilio-Signature is right for the URL Twilio
   called (``public_url`` + path + query: behind a proxy the server sees another URL);
2. acknowledges a MessageSid it has seen before with an empty TwiML response and does not
   handle it again;
3. returns the empty TwiML at once and handles the message in a background task, which sends
   the whole turn's replies (formatted by ``signposting.sms``) with Twilio's async client,
   retrying network errors, 429 and 5xx.

Privacy: Rasa never sees the phone number. The conversation id is an HMAC-SHA256 of the full
From address ("whatsapp:+44..." included) under SENDER_ID_SECRET, and the number stays in
memory only until the turn's replies are sent. Logs carry a MessageSid at most, never a message
body or a number (Twilio's error messages can contain the number, so only their codes are
logged). Rasa's own DEBUG logs do contain message text: run production at INFO.

Carrier keywords and Rasa's "stop" intent: an exact single-word STOP, STOPALL, UNSUBSCRIBE,
CANCEL, END or QUIT never reaches Rasa and gets no reply, because Twilio has already opted the
number out and confirmed it (a reply would be refused with error 21610). Everything else that
means stop ("stop please", "leave me alone", "Stop.") is no opt-out for the carrier, reaches
Rasa's ``stop`` intent and gets ``utter_stop`` as on web chat. START and UNSTOP opt back in and
get the welcome; YES does so only after an opt-out, since otherwise it answers a question
("Are you safe right now?"). HELP and INFO get a fixed text with 999 and Shout. A later message
from someone who opted out is still handled and its reply attempted: for SMS Twilio refuses it
until they text START, and on WhatsApp (no carrier opt-out) the person who wrote again gets
the answer; our own in-memory flag must never hold back a crisis reply.
"""
from __future__ import annotations

import asyncio
import json
import logging
import os
import traceback
from dataclasses import dataclass
from typing import Any, Dict, List, Optional, Set, Text
from urllib.parse import parse_qs

from rasa.core.channels.channel import CollectingOutputChannel, InputChannel, UserMessage
from sanic import Blueprint, response
from sanic.request import Request, RequestParameters
from sanic.response import HTTPResponse
from twilio.request_validator import RequestValidator
from twilio.twiml.messaging_response import MessagingResponse

from signposting.sms import MAX_INCOMING_CHARS, format_turn, keyword
from signposting.texts import COULD_NOT_ANSWER, HELP_TEXT, TEXT_ONLY

from ..base import OnNewMessage, hinted, with_server_listeners
from .identity import conversation_id, load_secret
from .memory import (
    OPT_OUT_TTL,
    OPTIONS_TTL,
    SEEN_TTL,
    MemoryTtlStore,
    TtlStore,
    redis_stores,
)
from .sender import TwilioSender
from .settings import setting

logger = logging.getLogger(__name__)

CHANNEL_NAME = "twilio_sms"
EMPTY_TWIML = str(MessagingResponse())


# -- the channel ----------------------------------------------------------------------------

def _where(error: BaseException) -> str:
    """An exception's type and innermost frame: enough to find the fault. Never its message
    or a traceback, which can quote the text being handled."""
    frames = traceback.extract_tb(error.__traceback__)
    place = f" at {os.path.basename(frames[-1].filename)}:{frames[-1].lineno}" if frames else ""
    return type(error).__name__ + place


@dataclass(repr=False)
class Inbound:
    """One incoming message. Holds the number, so it is never logged or stored (no repr)."""
    sid: str
    from_: str
    to: str
    body: str
    num_media: int

    @property
    def kind(self) -> str:
        return "whatsapp" if self.from_.startswith("whatsapp:") else "sms"


class SmsCollector(CollectingOutputChannel):
    """Collects a turn's messages; named after the channel so that responses can have SMS
    variants (``channel: twilio_sms``) later."""

    @classmethod
    def name(cls) -> Text:
        return CHANNEL_NAME


class TwilioSmsInput(InputChannel):
    @classmethod
    def name(cls) -> Text:
        return CHANNEL_NAME

    @classmethod
    def from_credentials(cls, credentials: Optional[Dict[Text, Any]]) -> "TwilioSmsInput":
        """Each setting from credentials.yml, else the environment. With no account SID or
        auth token the channel still loads (``make run`` and the tests have no Twilio) and
        refuses every webhook call; with them, a missing SENDER_ID_SECRET stops the start."""
        credentials = credentials or {}
        account_sid = setting(credentials, "account_sid")
        auth_token = setting(credentials, "auth_token")
        public_url = setting(credentials, "public_url")
        secret = load_secret() if account_sid and auth_token else None
        redis_url = setting(credentials, "redis_url")
        stores = redis_stores(redis_url) if redis_url else {}
        if account_sid and auth_token:
            logger.info("Twilio SMS channel: MessageSids, numbered options and opt-outs kept %s",
                        "in Redis (TWILIO_REDIS_URL)" if stores else
                        "in this process only (one process for SMS, or set TWILIO_REDIS_URL)")
        return cls(account_sid, auth_token, public_url, secret, **stores)

    def __init__(self, account_sid: Optional[str], auth_token: Optional[str],
                 public_url: Optional[str], secret: Optional[bytes],
                 sender: Optional[Any] = None, seen: Optional[TtlStore] = None,
                 options: Optional[TtlStore] = None, opted_out: Optional[TtlStore] = None) -> None:
        self.configured = bool(account_sid and auth_token and secret)
        self.public_url = public_url.rstrip("/") if public_url else None
        # Used only when configured (every webhook call is refused otherwise).
        self.secret = secret or b""
        self.validator = RequestValidator(auth_token or "")
        self.sender = sender or TwilioSender(account_sid or "", auth_token or "")
        # "is None", not "or": an empty store is falsy.
        self.seen = MemoryTtlStore(SEEN_TTL) if seen is None else seen
        self.options = MemoryTtlStore(OPTIONS_TTL) if options is None else options
        self.opted_out = MemoryTtlStore(OPT_OUT_TTL) if opted_out is None else opted_out
        self.pending: Set[asyncio.Task] = set()
        self._locks: Dict[str, List[Any]] = {}
        self._warned_unconfigured = False
        if not self.configured:
            logger.info("Twilio SMS channel loaded without TWILIO_ACCOUNT_SID and "
                        "TWILIO_AUTH_TOKEN: its webhook refuses every call")
        elif not self.public_url:
            logger.warning("TWILIO_PUBLIC_URL is not set: signatures are checked against the "
                           "URL this server sees, which fails behind a proxy")

    def get_output_channel(self) -> None:
        """None: messages the person did not ask for would need their number, which is not
        kept."""
        return None

    # -- webhook ---------------------------------------------------------------------------

    def blueprint(self, on_new_message: OnNewMessage) -> Blueprint:
        webhook = with_server_listeners(Blueprint(f"{CHANNEL_NAME}_webhook", __name__))
        on_new_message = hinted(on_new_message)

        @webhook.route("/", methods=["GET"])
        async def health(_: Request) -> HTTPResponse:
            return response.json({"status": "ok"})

        @webhook.route("/webhook", methods=["POST"])
        async def receive(request: Request) -> HTTPResponse:
            if not self.configured:
                if not self._warned_unconfigured:
                    self._warned_unconfigured = True
                    logger.warning("a Twilio webhook call was refused: Twilio is not configured "
                                   "(TWILIO_ACCOUNT_SID, TWILIO_AUTH_TOKEN, SENDER_ID_SECRET)")
                return response.text("Forbidden", status=403)
            params = self._form(request)
            if params is None or not self._signed_by_twilio(request, params):
                logger.warning("a webhook call was refused: missing or wrong Twilio signature")
                return response.text("Forbidden", status=403)
            inbound = self._inbound(params)
            if inbound is None:
                logger.info("a signed call without MessageSid or From was acknowledged and ignored")
                return self._twiml()
            if not await self.seen.add(inbound.sid):
                logger.info("message %s arrived again (a Twilio retry): acknowledged, "
                            "not handled twice", inbound.sid)
                return self._twiml()
            task = asyncio.create_task(self.handle(inbound, on_new_message))
            self.pending.add(task)
            task.add_done_callback(self.pending.discard)
            return self._twiml()

        @webhook.listener("before_server_stop")
        async def finish_replies(*_: Any) -> None:
            await self.idle(timeout=20)

        @webhook.listener("after_server_stop")
        async def close_sender(*_: Any) -> None:
            if self.sender is not None and hasattr(self.sender, "close"):
                await self.sender.close()
            for store in (self.seen, self.options, self.opted_out):
                if hasattr(store, "close"):
                    await store.close()

        return webhook

    @staticmethod
    def _twiml() -> HTTPResponse:
        return response.text(EMPTY_TWIML, content_type="text/xml")

    @staticmethod
    def _form(request: Request) -> Optional[RequestParameters]:
        # Sanic's request.form drops blank values ("Body=" on a picture), but Twilio signs them.
        try:
            return RequestParameters(parse_qs(request.body.decode("utf-8"), keep_blank_values=True))
        except (UnicodeDecodeError, ValueError):
            return None

    def _signed_by_twilio(self, request: Request, params: RequestParameters) -> bool:
        signature = request.headers.get("X-Twilio-Signature")
        if not signature:
            return False
        base = self.public_url or f"{request.scheme}://{request.host}"
        query = request.query_string
        url = base + request.path + (f"?{query}" if query else "")
        return self.validator.validate(url, params, signature)

    @staticmethod
    def _inbound(params: RequestParameters) -> Optional[Inbound]:
        sid = params.get("MessageSid") or params.get("SmsMessageSid")
        sender, to = params.get("From"), params.get("To")
        if not sid or not sender or not to:
            return None
        try:
            num_media = int(params.get("NumMedia") or 0)
        except ValueError:
            num_media = 0
        return Inbound(sid, sender, to, params.get("Body") or "", num_media)

    async def idle(self, timeout: Optional[float] = None) -> None:
        """Wait for the messages being handled (tests; a graceful stop)."""
        if self.pending:
            await asyncio.wait(set(self.pending), timeout=timeout)

    # -- handling --------------------------------------------------------------------------

    async def handle(self, inbound: Inbound,
                     on_new_message: OnNewMessage) -> None:
        """Answer one message; turns of one conversation go one at a time, in order."""
        conversation = conversation_id(inbound.from_, self.secret)
        entry = self._locks.setdefault(conversation, [asyncio.Lock(), 0])
        entry[1] += 1
        try:
            async with entry[0]:
                texts = await self._reply_texts(inbound, conversation, on_new_message)
                sent = 0
                for text in texts:
                    sent += bool(await self.sender.send(to=inbound.from_, from_=inbound.to,
                                                        body=text))
                logger.info("%s message %s handled: %d of %d texts sent",
                            inbound.kind, inbound.sid, sent, len(texts))
        except Exception as error:  # a background task: nothing above would see it
            logger.error("%s message %s failed: %s", inbound.kind, inbound.sid, _where(error))
        finally:
            entry[1] -= 1
            if entry[1] == 0:
                self._locks.pop(conversation, None)

    async def _reply_texts(self, inbound: Inbound, conversation: str,
                           on_new_message: OnNewMessage) -> List[str]:
        body = inbound.body.strip()
        word = keyword(body)
        if word == "stop":
            await self.opted_out.set(conversation, "1")
            await self.options.delete(conversation)
            logger.info("%s message %s: opt-out keyword; nothing sent (Twilio confirms)",
                        inbound.kind, inbound.sid)
            return []
        was_opted_out = await self.opted_out.get(conversation) is not None
        if word == "start" and (body.lower() != "yes" or was_opted_out):
            await self.opted_out.delete(conversation)
            logger.info("%s message %s: opt-in keyword; sending the welcome",
                        inbound.kind, inbound.sid)
            text = "hi"
        elif word == "help":
            return [HELP_TEXT]
        elif not body:
            return [TEXT_ONLY]
        else:
            if was_opted_out:
                logger.info("%s message %s from a sender who opted out: answering anyway",
                            inbound.kind, inbound.sid)
            if len(body) > MAX_INCOMING_CHARS:
                logger.info("%s message %s cut to %d characters", inbound.kind, inbound.sid,
                            MAX_INCOMING_CHARS)
            text = body[:MAX_INCOMING_CHARS]
            options = await self.options.get(conversation)
            if options:
                text = json.loads(options).get(text, text)
        return await self._ask_rasa(inbound, conversation, text, on_new_message)

    async def _ask_rasa(self, inbound: Inbound, conversation: str, text: str,
                        on_new_message: OnNewMessage) -> List[str]:
        collector = SmsCollector()
        try:
            await on_new_message(UserMessage(text, collector, conversation,
                                             input_channel=self.name(), message_id=inbound.sid,
                                             metadata={"transport": inbound.kind}))
        except Exception as error:
            logger.error("%s message %s: the bot failed (%s); sending the fallback",
                         inbound.kind, inbound.sid, _where(error))
            return [COULD_NOT_ANSWER]
        turn = format_turn(collector.messages)
        if turn.options:
            await self.options.set(conversation, json.dumps(turn.options))
        else:
            await self.options.delete(conversation)
        if not turn.texts:
            # The turn worked and chose silence: over the rate limit after its one polite reply
            # (bot/dialogue/guards.py). Each text out costs, so a flood gets nothing more.
            logger.info("%s message %s: no reply this turn", inbound.kind, inbound.sid)
        return turn.texts
