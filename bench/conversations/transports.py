"""The two ways a persona reaches the bot: the REST protocol (web) and signed Twilio SMS.

Each transport sends one message and returns the bot's replies to it, in order, as
``BotMessage``s: the text and, on the web, the quick-reply buttons.
"""
from __future__ import annotations

import json
import urllib.error
import urllib.parse
import urllib.request
import uuid
from dataclasses import dataclass, field
from typing import Any, Dict, List, Optional, Tuple

from twilio.request_validator import RequestValidator

from bench.conversations.test_account import (
    BENCH_ACCOUNT_SID,
    BENCH_AUTH_TOKEN,
    BENCH_OUR_NUMBER,
    BENCH_PUBLIC_URL,
)

TWILIO_PATH = "/webhooks/twilio_sms/webhook"
OUTBOX_PATH = "/webhooks/twilio_sms/bench/outbox"
RESET_PATH = "/webhooks/twilio_sms/bench/reset"
#: Ofcom's drama range (07700 900000-900999): numbers that are never anyone's.
DRAMA_PREFIX = "+447700900"
TIMEOUT = 120.0


class TransportError(RuntimeError):
    """The bot could not be reached, or answered something that is not a reply."""


@dataclass(frozen=True)
class Button:
    title: str
    payload: str


@dataclass(frozen=True)
class BotMessage:
    text: str
    buttons: Tuple[Button, ...] = ()


@dataclass
class Transport:
    """Base: one conversation's sender identity on one server."""

    base_url: str
    sent: int = field(default=0, init=False)

    def send(self, text: str) -> List[BotMessage]:
        raise NotImplementedError


def _request(url: str, data: Optional[bytes] = None, headers: Optional[Dict[str, str]] = None,
             method: Optional[str] = None) -> Tuple[int, bytes]:
    request = urllib.request.Request(url, data=data, headers=headers or {}, method=method)
    try:
        with urllib.request.urlopen(request, timeout=TIMEOUT) as response:
            return response.status, response.read()
    except urllib.error.HTTPError as error:
        return error.code, error.read()
    except (urllib.error.URLError, OSError) as error:
        raise TransportError(f"{url}: {error}") from error


class RestTransport(Transport):
    """POST {"sender","message"} to ``/webhooks/<channel>/webhook``.

    The web chat page uses the ``webchat`` channel, which answers with quick-reply buttons;
    the plain ``rest`` channel answers with the SMS-style wording and no buttons.
    """

    def __init__(self, base_url: str, channel: str = "webchat") -> None:
        super().__init__(base_url.rstrip("/"))
        self.channel = channel
        self.sender = str(uuid.uuid4())

    def send(self, text: str) -> List[BotMessage]:
        url = f"{self.base_url}/webhooks/{self.channel}/webhook"
        body = json.dumps({"sender": self.sender, "message": text}).encode()
        status, raw = _request(url, body, {"Content-Type": "application/json"})
        if status != 200:
            raise TransportError(f"{url} answered {status}: {raw[:200]!r}")
        self.sent += 1
        return [_message(m) for m in json.loads(raw) if isinstance(m, dict)]


def _message(raw: Dict[str, Any]) -> BotMessage:
    buttons = tuple(Button(str(b.get("title", "")), str(b.get("payload", "")))
                    for b in raw.get("buttons") or () if isinstance(b, dict))
    return BotMessage(str(raw.get("text") or ""), buttons)


class TwilioTransport(Transport):
    """Twilio's form post, signed with the bench's test auth token, from a drama-range number;
    the texts the bot would send come back from the capturing channel's outbox."""

    def __init__(self, base_url: str, number: str) -> None:
        super().__init__(base_url.rstrip("/"))
        self.number = number
        self.validator = RequestValidator(BENCH_AUTH_TOKEN)

    def form(self, text: str) -> Dict[str, str]:
        """The fields Twilio posts for one incoming SMS (the signed ones)."""
        sid = "SM" + uuid.uuid4().hex
        return {"MessageSid": sid, "SmsMessageSid": sid, "SmsSid": sid,
                "AccountSid": BENCH_ACCOUNT_SID, "From": self.number, "To": BENCH_OUR_NUMBER,
                "Body": text, "NumMedia": "0", "NumSegments": "1", "SmsStatus": "received",
                "FromCountry": "GB", "ToCountry": "US", "ApiVersion": "2010-04-01"}

    def send(self, text: str) -> List[BotMessage]:
        params = self.form(text)
        signature = self.validator.compute_signature(BENCH_PUBLIC_URL + TWILIO_PATH, params)
        status, raw = _request(self.base_url + TWILIO_PATH,
                               urllib.parse.urlencode(params).encode(),
                               {"X-Twilio-Signature": signature,
                                "Content-Type": "application/x-www-form-urlencoded"})
        if status != 200:
            raise TransportError(f"the Twilio webhook answered {status}: {raw[:200]!r}")
        self.sent += 1
        return [BotMessage(t) for t in self._outbox()]

    def _outbox(self) -> List[str]:
        query = urllib.parse.urlencode({"to": self.number})
        status, raw = _request(f"{self.base_url}{OUTBOX_PATH}?{query}")
        if status != 200:
            raise TransportError(f"no SMS outbox at {self.base_url} ({status}): start the "
                                 f"server with bench/conversations/credentials.yml")
        return list(json.loads(raw)["texts"])


def sms_available(base_url: str) -> bool:
    """Whether the server runs the capturing Twilio channel; if so, start every SMS
    conversation afresh (a second run against the same server must not continue the first)."""
    try:
        status, _ = _request(base_url.rstrip("/") + RESET_PATH, b"", method="POST")
    except TransportError:
        return False
    return status == 200


def drama_number(index: int) -> str:
    return f"{DRAMA_PREFIX}{index % 1000:03d}"
