"""Every way in, served together in the test process around the real trained model.

One Sanic app carries the channels credentials.yml enables, mounted by Rasa's own register()
as `rasa run` mounts them: the REST channel (bot/channels/rest.py), the web chat's channel
(bot/channels/webchat.py), socket.io (Rasa's own, with credentials.yml's settings) and Twilio
(bot/channels/twilio/channel.py, configured with test credentials; what it would send is recorded).
The web server (web/app.py: the chat proxy and the directory) runs beside it and talks to
that app as it talks to `rasa run`. The agent is the trained model (a private copy), with a
live action server on the test catalogue and the SQLite tracker store `make run` uses.

test_faults.py switches the agent's action server off and on within a test (its endpoint
pointed at a port where nothing listens).
"""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any, AsyncIterator

import pytest
import pytest_asyncio
import yaml

from tests.support.model import load_agent
from tests.support.processes import ROOT, ActionServer, snapshot_model
from tests.support.sanic_apps import sanic_test_mode, serve_app, serve_channels


@pytest.fixture(scope="session")
def channels_model(model_path, tmp_path_factory) -> Path:
    return snapshot_model(tmp_path_factory.mktemp("channels-model"), Path(model_path))


@pytest.fixture(scope="session")
def channels_actions(catalogue_url, tmp_path_factory):
    with ActionServer(catalogue_url, tmp_path_factory.mktemp("channels-actions")) as server:
        yield server


@pytest.fixture(scope="session")
def channels_trackers(tmp_path_factory) -> Path:
    return tmp_path_factory.mktemp("channels-trackers") / "trackers.sqlite"


@pytest.fixture(scope="session")
def channels_agent(channels_model, channels_actions, channels_trackers):
    return load_agent(str(channels_model), channels_actions.webhook, channels_trackers)


def socketio_settings() -> dict:
    with (ROOT / "credentials.yml").open(encoding="utf-8") as fh:
        return yaml.safe_load(fh).get("bot.channels.socketio.ProjectSocketIOInput")


@dataclass
class Servers:
    rasa: str                # the channels' app, as `rasa run` would serve them
    web: str                 # the web server (chat proxy, directory)
    twilio: Any              # the Twilio channel instance (its sender records the texts)
    socketio_mounted: bool


@pytest_asyncio.fixture(scope="module", loop_scope="session")
async def servers(channels_agent) -> AsyncIterator[Servers]:
    from bot.channels.rest import QuietRestInput
    from bot.channels.socketio import ProjectSocketIOInput
    from bot.channels.webchat import WebChatInput
    from tests.support.twilio import make_channel
    from web.app import create_app

    settings = socketio_settings()
    channels = [QuietRestInput(), WebChatInput(), make_channel()]
    if settings is not None:
        channels.append(ProjectSocketIOInput.from_credentials(settings))
    with sanic_test_mode():
        async with serve_channels(channels, channels_agent) as rasa:
            async with serve_app(create_app(rasa)) as web:
                yield Servers(rasa, web, channels[2], settings is not None)
