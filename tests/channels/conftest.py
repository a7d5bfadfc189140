"""Every way in, served together in the test process around the real trained model.

One Sanic app carries the channels credentials.yml enables, mounted by Rasa's own register()
as `rasa run` mounts them: the REST channel (bot/rest_channel.py), the web chat's channel
(bot/webchat_channel.py), socket.io (Rasa's own, with credentials.yml's settings) and Twilio
(bot/twilio_channel.py, configured with test credentials; what it would send is recorded).
The web server (web/app.py: the chat proxy and the directory) runs beside it and talks to
that app as it talks to `rasa run`. The agent is the trained model (a private copy), with a
live action server on the test catalogue and the SQLite tracker store `make run` uses.

test_faults.py switches the agent's action server off and on within a test (its endpoint
pointed at a port where nothing listens).
"""
from __future__ import annotations

import json
import uuid
from dataclasses import dataclass
from pathlib import Path
from typing import Any, AsyncIterator, Tuple

import aiohttp
import pytest
import pytest_asyncio
import yaml
from yarl import URL

from tests.sanic_servers import sanic_test_mode, serve_app, serve_channels
from tests.servers import ActionServer, ROOT, snapshot_model


@pytest.fixture(scope="session")
def channels_model(tmp_path_factory) -> Path:
    return snapshot_model(tmp_path_factory.mktemp("channels-model"))


@pytest.fixture(scope="session")
def channels_actions(catalogue_url, tmp_path_factory):
    with ActionServer(catalogue_url, tmp_path_factory.mktemp("channels-actions")) as server:
        yield server


@pytest.fixture(scope="session")
def channels_trackers(tmp_path_factory) -> Path:
    return tmp_path_factory.mktemp("channels-trackers") / "trackers.sqlite"


@pytest.fixture(scope="session")
def channels_agent(channels_model, channels_actions, channels_trackers):
    from tests.conversation.conftest import _agent

    return _agent(str(channels_model), channels_actions.webhook, channels_trackers)


def socketio_settings() -> dict:
    with (ROOT / "credentials.yml").open(encoding="utf-8") as fh:
        return yaml.safe_load(fh).get("socketio")


@dataclass
class Servers:
    rasa: str                # the channels' app, as `rasa run` would serve them
    web: str                 # the web server (chat proxy, directory)
    twilio: Any              # the Twilio channel instance (its sender records the texts)
    socketio_mounted: bool


@pytest_asyncio.fixture(scope="module", loop_scope="session")
async def servers(channels_agent) -> AsyncIterator[Servers]:
    from rasa.core.channels.socketio import SocketIOInput

    from bot.rest_channel import QuietRestInput
    from bot.webchat_channel import WebChatInput
    from tests.bot.test_twilio_channel import make_channel
    from web.app import create_app

    settings = socketio_settings()
    channels = [QuietRestInput(), WebChatInput(), make_channel()]
    if settings is not None:
        channels.append(SocketIOInput.from_credentials(settings))
    with sanic_test_mode():
        async with serve_channels(channels, channels_agent) as rasa:
            async with serve_app(create_app(rasa)) as web:
                yield Servers(rasa, web, channels[2], settings is not None)


# -- talking to them ---------------------------------------------------------------------------

def sender() -> str:
    return str(uuid.uuid4())   # the web page's own kind of id (crypto.randomUUID)


def raw_json(sender_id: str, text: str) -> bytes:
    # ensure_ascii: every character as the JSON escape (\ud800 included), as a script would.
    return json.dumps({"sender": sender_id, "message": text}).encode("ascii")


async def post(url: str, body: bytes, content_type: str = "application/json"
               ) -> Tuple[int, str, str]:
    """(status, content type, body text) of a POST; the URL is sent exactly as given."""
    async with aiohttp.ClientSession() as http:
        async with http.post(URL(url, encoded=True), data=body,
                             headers={"Content-Type": content_type},
                             timeout=aiohttp.ClientTimeout(total=120)) as response:
            return (response.status, response.headers.get("Content-Type", ""),
                    await response.text(errors="replace"))


async def get(url: str) -> Tuple[int, str, str]:
    async with aiohttp.ClientSession() as http:
        async with http.get(URL(url, encoded=True),
                            timeout=aiohttp.ClientTimeout(total=60)) as response:
            return (response.status, response.headers.get("Content-Type", ""),
                    await response.text(errors="replace"))
