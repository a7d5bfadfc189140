"""The trained model in this process with an action server, and conversations with it.

The model is trained once per run by `make test` (make train) and shared by every test here
(``model_path``, tests/conftest.py); a missing model is a failure, never a skip.
"""
from __future__ import annotations

from pathlib import Path

import pytest

from tests.support.model import Conversation, load_agent
from tests.support.processes import ActionServer, unused_url


@pytest.fixture(scope="session")
def action_server(catalogue_url, tmp_path_factory):
    with ActionServer(catalogue_url, tmp_path_factory.mktemp("actions")) as server:
        yield server.webhook


@pytest.fixture(scope="session")
def tracker_db(tmp_path_factory) -> Path:
    return tmp_path_factory.mktemp("trackers") / "trackers.sqlite"


@pytest.fixture(scope="session")
def agent(model_path, action_server, tracker_db):
    return load_agent(model_path, action_server, tracker_db)


@pytest.fixture(scope="session")
def agent_without_actions(model_path, tracker_db):
    """The same model with its action server unreachable (nothing listens on the port)."""
    return load_agent(model_path, unused_url(), tracker_db)


@pytest.fixture
def chat(agent, request):
    return Conversation(agent, f"test-{request.node.name}")


@pytest.fixture
def chat_without_actions(agent_without_actions, request):
    return Conversation(agent_without_actions, f"test-down-{request.node.name}")
