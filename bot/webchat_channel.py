"""The web chat's own channel: Rasa's REST channel under the name ``webchat``.

Rasa picks a response variant by the output channel's name, and the stock REST channel always
answers as ``collector``, the same name every test client and script uses. The web page (web/)
needs the variants with quick-reply buttons; SMS and plain REST callers need the ones that say
"reply yes or no". A channel of its own lets the domain tell them apart (``channel: webchat``).
"""
from __future__ import annotations

from typing import Any, Awaitable, Callable, Text

from rasa.core.channels.channel import CollectingOutputChannel, UserMessage
from rasa.core.channels.rest import RestInput
from sanic import Blueprint, response
from sanic.request import Request
from sanic.response import HTTPResponse

CHANNEL = "webchat"


class WebChatOutput(CollectingOutputChannel):
    @classmethod
    def name(cls) -> Text:
        return CHANNEL


class WebChatInput(RestInput):
    @classmethod
    def name(cls) -> Text:
        return CHANNEL

    def blueprint(self, on_new_message: Callable[[UserMessage], Awaitable[Any]]) -> Blueprint:
        webhook = Blueprint("webchat_webhook", __name__)

        @webhook.route("/", methods=["GET"])
        async def health(_: Request) -> HTTPResponse:
            return response.json({"status": "ok"})

        @webhook.route("/webhook", methods=["POST"])
        async def receive(request: Request) -> HTTPResponse:
            body = request.json if isinstance(request.json, dict) else {}
            sender, text = body.get("sender"), body.get("message")
            if not isinstance(sender, str) or not isinstance(text, str):
                return response.json({"error": "sender and message must be strings"}, status=400)
            collector = WebChatOutput()
            await on_new_message(UserMessage(text, collector, sender, input_channel=CHANNEL))
            return response.json(collector.messages)

        return webhook
