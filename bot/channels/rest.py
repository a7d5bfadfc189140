"""Rasa's REST channel, served at the same address, without message text in the logs.

Rasa 3.6's RestInput logs the message (``text=``) at ERROR when a caller hangs up or a turn
fails (rasa/core/channels/rest.py, RestInput.receive); both are ordinary in production (a
phone losing signal, a database restart), and what a child wrote must not end up in a log.
This keeps the channel's name (``rest``, so /webhooks/rest/webhook) and its replies, and logs
only what went wrong. The web chat's channel (bot/channels/webchat.py) is the same thing under
its own name.
"""
from __future__ import annotations

import logging
from asyncio import CancelledError
from typing import Any, Awaitable, Callable, Text

from rasa.core.channels.channel import CollectingOutputChannel, UserMessage
from rasa.core.channels.rest import RestInput
from sanic import Blueprint, response
from sanic.request import Request
from sanic.response import HTTPResponse

from .base import hinted, log_failed_turn, with_server_listeners

logger = logging.getLogger(__name__)


class QuietRestInput(RestInput):
    @classmethod
    def name(cls) -> Text:
        return "rest"

    def output_channel(self) -> CollectingOutputChannel:
        return CollectingOutputChannel()

    def blueprint(self, on_new_message: Callable[[UserMessage], Awaitable[Any]]) -> Blueprint:
        webhook = with_server_listeners(Blueprint(f"{self.name()}_quiet_webhook", __name__))
        on_new_message = hinted(on_new_message)

        @webhook.route("/", methods=["GET"])
        async def health(_: Request) -> HTTPResponse:
            return response.json({"status": "ok"})

        @webhook.route("/webhook", methods=["POST"])
        async def receive(request: Request) -> HTTPResponse:
            body = request.json if isinstance(request.json, dict) else {}
            sender, text = body.get("sender"), body.get("message")
            if not isinstance(sender, str) or not isinstance(text, str):
                return response.json({"error": "sender and message must be strings"}, status=400)
            if not _encodable(sender) or not _encodable(text):  # e.g. a lone surrogate, "\ud800"
                return response.json({"error": "sender and message must be valid Unicode text"},
                                     status=400)
            collector = self.output_channel()
            try:
                await on_new_message(UserMessage(text, collector, sender,
                                                 input_channel=self.name(),
                                                 metadata=self.get_metadata(request)))
            except CancelledError:
                logger.warning("%s: the caller left before the reply was ready", self.name())
            except Exception as error:  # the message and the sender stay out of the log
                log_failed_turn(self.name(), error)
            return response.json(collector.messages)

        return webhook


def _encodable(value: str) -> bool:
    """JSON may carry lone surrogates, which no tokenizer or database can take."""
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True
