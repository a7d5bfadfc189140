"""The project's Twilio channel with Twilio's REST API replaced by an outbox, for the bench.

The real channel (``bot.channels.twilio.TwilioSmsInput``) answers Twilio's webhook at once and
sends the turn's texts afterwards through Twilio's REST API. The bench has no Twilio account,
so, as the tests' scaffolding does (a channel whose sender records), this subclass keeps every
signature check, MessageSid memory, numbered option and formatting step of the real channel
and only swaps the sender for one that records. Two extra routes let the bench, in another
process, read what would have been texted:

- ``GET  /webhooks/twilio_sms/bench/outbox?to=+447700900123`` waits until no message is being
  handled, then returns ``{"texts": [...]}`` for that number (and forgets them);
- ``POST /webhooks/twilio_sms/bench/reset`` starts every SMS conversation afresh (a new key for
  the conversation ids, options forgotten), so that a second bench run against the same server
  does not continue the first run's conversations.

Load it with ``rasa run --credentials bench/conversations/credentials.yml`` (``--start`` does).
It is a test double: never list it in a production credentials file.
"""
from __future__ import annotations

import asyncio
import secrets
from collections import defaultdict
from typing import Any, Awaitable, Callable, Dict, List, Optional, Text

from rasa.core.channels.channel import UserMessage
from sanic import Blueprint, response
from sanic.request import Request
from sanic.response import HTTPResponse

from bench.conversations.test_account import (
    BENCH_ACCOUNT_SID,
    BENCH_AUTH_TOKEN,
    BENCH_PUBLIC_URL,
)
from bot.channels.twilio import TwilioSmsInput
from bot.channels.twilio.memory import OPTIONS_TTL, MemoryTtlStore

#: How long the outbox waits for the messages being handled.
IDLE_TIMEOUT = 90.0


class OutboxSender:
    """Stands in for ``TwilioSender``: records each text by recipient instead of sending it."""

    def __init__(self) -> None:
        self.sent: Dict[str, List[str]] = defaultdict(list)

    async def send(self, to: str, from_: str, body: str) -> bool:
        self.sent[to].append(body)
        return True

    def take(self, to: str) -> List[str]:
        return self.sent.pop(to, [])

    async def close(self) -> None:
        """Nothing to close: the real sender closes its HTTP client here."""


class CapturingTwilioSmsInput(TwilioSmsInput):
    """``TwilioSmsInput`` configured with the bench's test account and an outbox sender."""

    @classmethod
    def from_credentials(cls, credentials: Optional[Dict[Text, Any]]
                         ) -> "CapturingTwilioSmsInput":
        credentials = credentials or {}
        return cls(credentials.get("account_sid") or BENCH_ACCOUNT_SID,
                   credentials.get("auth_token") or BENCH_AUTH_TOKEN,
                   credentials.get("public_url") or BENCH_PUBLIC_URL,
                   secrets.token_bytes(32), sender=OutboxSender())

    def blueprint(self, on_new_message: Callable[[UserMessage], Awaitable[Any]]) -> Blueprint:
        webhook = super().blueprint(on_new_message)

        @webhook.route("/bench/outbox", methods=["GET"])
        async def outbox(request: Request) -> HTTPResponse:
            to = request.args.get("to", "")
            await self.idle(timeout=IDLE_TIMEOUT)
            await asyncio.sleep(0)  # let a just-finished task's last send land
            return response.json({"texts": self.sender.take(to)})

        @webhook.route("/bench/reset", methods=["POST"])
        async def reset(_: Request) -> HTTPResponse:
            await self.idle(timeout=IDLE_TIMEOUT)
            self.secret = secrets.token_bytes(32)
            self.options = MemoryTtlStore(OPTIONS_TTL)
            self.sender.sent.clear()
            return response.json({"status": "reset"})

        return webhook
