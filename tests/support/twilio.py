"""Fakes and helpers for the Twilio SMS channel, shared by the channel's tests, the fault and
bad-input tests and the scale tests.

Requests are signed with twilio's own RequestValidator for the public URL (as Twilio would sign
them behind a proxy), with test credentials only, and Ofcom's drama numbers (+447700900xxx) and
Twilio's magic numbers. ``FakeBot`` stands in for Rasa's agent; ``FakeSender`` records what would
be sent; ``FakeTwilioHttp`` replaces Twilio's HTTP layer for the sender's own tests.
"""
from __future__ import annotations

import asyncio
import contextlib
import json
import logging
import uuid

import aiohttp
from twilio.http import AsyncHttpClient
from twilio.http.response import Response as TwilioResponse
from twilio.request_validator import RequestValidator

from bot.channels.twilio import TwilioSmsInput
from tests.support.sanic_apps import serve_channels

ACCOUNT_SID = "AC" + "0" * 32
TOKEN = "test-token"
SECRET = b"a-test-secret-that-is-long-enough-0123"
PUBLIC_URL = "https://sms.example.org"
PATH = "/webhooks/twilio_sms/webhook"
USER = "+447700900123"           # Ofcom drama range
OTHER_USER = "+447700900456"
OUR_NUMBER = "+15005550006"      # Twilio magic number (valid From with test credentials)
USER_DIGITS = "7700900123"


# -- fakes ----------------------------------------------------------------------------------

class FakeBot:
    """Stands in for Rasa's agent: records each UserMessage and answers through its channel."""

    def __init__(self, replies=None, default=None, fail=False):
        self.received = []
        self.replies = replies or {}
        self.default = [{"text": "Thanks for telling me."}] if default is None else default
        self.fail = fail
        self.release = None          # an asyncio.Event to hold the answer back

    async def __call__(self, message):
        self.received.append(message)
        if self.release is not None:
            await self.release.wait()
        if self.fail:
            raise RuntimeError(f"the model failed on {message.text}")
        for reply in self.replies.get(message.text, self.default):
            await message.output_channel.send_response(message.sender_id, dict(reply))

    @property
    def texts(self):
        return [m.text for m in self.received]

    async def handle_message(self, message):   # the agent method rasa's register() calls
        await self(message)


class FakeSender:
    def __init__(self):
        self.sent = []

    async def send(self, to, from_, body):
        self.sent.append({"to": to, "from_": from_, "body": body})
        return True

    @property
    def bodies(self):
        return [s["body"] for s in self.sent]


class FakeTwilioHttp(AsyncHttpClient):
    """Twilio's HTTP layer replaced: each request takes the next outcome (status, payload) or
    raises it; logs as twilio's own client does."""

    def __init__(self, outcomes):
        super().__init__(logging.getLogger("twilio.http_client"), True, None)
        self.outcomes, self.requests = list(outcomes), []

    async def request(self, method, url, params=None, data=None, headers=None, auth=None,
                      timeout=None, allow_redirects=False):
        self.log_request({"method": method, "url": url, "params": params, "headers": headers})
        self.requests.append(dict(data or {}))
        outcome = self.outcomes.pop(0)
        if outcome == "hang":
            await asyncio.sleep(3600)
        if isinstance(outcome, Exception):
            raise outcome
        status, payload = outcome
        return TwilioResponse(status, json.dumps(payload), {})


#: A bot reply with buttons, which the channel turns into numbered options.
SAFE_QUESTION = [{"text": "Are you safe right now?",
                  "buttons": [{"title": "I'm safe right now", "payload": "/affirm"},
                              {"title": "I'm not safe", "payload": "/deny"}]}]

QUEUED = (201, {"sid": "SM" + "1" * 32, "status": "queued"})


def twilio_error(status, code):
    # Twilio's own error text names the number: it must never reach the logs.
    return (status, {"code": code, "status": status,
                     "message": f"The 'To' number {USER} is not a valid phone number."})


# -- helpers --------------------------------------------------------------------------------

def make_channel(**kwargs):
    kwargs.setdefault("sender", FakeSender())
    return TwilioSmsInput(ACCOUNT_SID, TOKEN, PUBLIC_URL, SECRET, **kwargs)


@contextlib.asynccontextmanager
async def serve(channel, bot):
    """The channel mounted by Rasa's own register() on a Sanic app, as `rasa run` does."""
    async with serve_channels([channel], bot) as base:
        async with aiohttp.ClientSession() as session:
            yield Client(session, base, channel)


def sms(body, sid=None, from_=USER, to=OUR_NUMBER, num_media=0, **extra):
    """The form Twilio posts for an incoming message, blank fields included."""
    sid = sid or "SM" + uuid.uuid4().hex
    params = {"ToCountry": "GB", "ToState": "", "SmsMessageSid": sid, "NumMedia": str(num_media),
              "ToCity": "", "FromZip": "", "SmsSid": sid, "FromState": "", "SmsStatus": "received",
              "FromCity": "", "Body": body, "FromCountry": "GB", "To": to, "ToZip": "",
              "NumSegments": "1", "MessageSid": sid, "AccountSid": ACCOUNT_SID, "From": from_,
              "ApiVersion": "2010-04-01"}
    params.update(extra)
    return params


def sign(url, params, token=TOKEN):
    return RequestValidator(token).compute_signature(url, params)


class Client:
    def __init__(self, session, base, channel):
        self.session, self.base, self.channel = session, base, channel

    async def post(self, params, signature=None, query="", signed_url=None):
        path = PATH + (f"?{query}" if query else "")
        if signature is None:
            signature = sign(signed_url or PUBLIC_URL + path, params)
        headers = {"X-Twilio-Signature": signature} if signature else {}
        async with self.session.post(self.base + path, data=params, headers=headers) as resp:
            return resp.status, await resp.text(), resp.headers.get("Content-Type", "")

    async def say(self, body, **kwargs):
        """Post a signed message and wait until it has been handled."""
        status, text, _ = await self.post(sms(body, **kwargs))
        await self.channel.idle()
        return status, text
