"""The web chat's own channel: Rasa's REST channel under the name ``webchat``.

Rasa picks a response variant by the output channel's name, and the stock REST channel always
answers as ``collector``, the same name every test client and script uses. The web page (web/)
needs the variants with quick-reply buttons; SMS and plain REST callers need the ones that say
"reply yes or no". A channel of its own lets the domain tell them apart (``channel: webchat``).
"""
from __future__ import annotations

from typing import Text

from rasa.core.channels.channel import CollectingOutputChannel

from .rest import QuietRestInput

CHANNEL = "webchat"


class WebChatOutput(CollectingOutputChannel):
    @classmethod
    def name(cls) -> Text:
        return CHANNEL


class WebChatInput(QuietRestInput):
    @classmethod
    def name(cls) -> Text:
        return CHANNEL

    def output_channel(self) -> CollectingOutputChannel:
        return WebChatOutput()
