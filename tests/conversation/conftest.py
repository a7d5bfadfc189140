"""The trained model, an action server, and helpers to talk to them.

The model is trained once per run by `make test` (make train) and shared by every test here;
a missing model is a failure, never a skip.
"""
from __future__ import annotations

import os
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

from tests.sanic_servers import free_port  # noqa: F401  (used here and by other test modules)

ROOT = Path(__file__).resolve().parents[2]
MODEL = ROOT / "models" / "current.tar.gz"

#: The 24/7 routes, in the order each urgent reply must give them (see test_crisis_routes).
ROUTES = {
    "crisis_suicidal": ["111", "option 2", "SHOUT to 85258", "116 123", "0800 1111", "0800 068 4141", "999"],
    "crisis_self_harm": ["999", "111", "option 2", "SHOUT to 85258", "116 123", "0800 1111"],
    "crisis_danger": ["999", "0800 1111"],
    "safeguarding_disclosure": ["not your fault", "999", "0800 1111"],
    "safeguarding_disclosure_adult": ["999", "0808 800 5000", "children's services"],
}
CRISIS_ROUTES = ROUTES["crisis_suicidal"]


def wait_for(url: str, process: subprocess.Popen, seconds: float) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"{process.args} exited with {process.returncode}")
        try:
            with urllib.request.urlopen(url, timeout=2):
                return
        except OSError:
            time.sleep(0.3)
    raise TimeoutError(f"{url} did not answer within {seconds}s")


def assert_crisis_routes(text: str, routes=CRISIS_ROUTES) -> None:
    positions = [text.find(route) for route in routes]
    assert -1 not in positions, f"missing routes in: {text}"
    assert positions == sorted(positions), f"routes out of order in: {text}"


@pytest.fixture(scope="session")
def model_path() -> str:
    if not MODEL.exists():
        pytest.fail(f"{MODEL} is missing: run `make train` (make test does this first)")
    return str(MODEL)


@pytest.fixture(scope="session")
def action_server(catalogue_url):
    port = free_port()
    env = dict(os.environ, CATALOGUE_DB_URL=catalogue_url, PYTHONPATH=str(ROOT))
    process = subprocess.Popen(
        [sys.executable, "-m", "actions.server", "--actions", "actions", "--port", str(port)],
        cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )
    try:
        wait_for(f"http://127.0.0.1:{port}/health", process, 90)
        yield f"http://127.0.0.1:{port}/webhook"
    finally:
        process.terminate()
        process.wait(timeout=20)


def _agent(model_path: str, action_url: str, trackers: Path):
    """The model behind the tracker store `make run` uses (SQLite, erasable on request)."""
    import logging

    from rasa.core.agent import Agent
    from rasa.utils.endpoints import EndpointConfig
    from rasa.utils.log_utils import configure_structlog

    from bot.tracker_store import ErasableSQLTrackerStore

    configure_structlog(logging.WARNING)

    # As endpoints.yml: the domain is sent only to actions that ask for it.
    action_endpoint = EndpointConfig(action_url, enable_selective_domain=True)
    return Agent.load(model_path, action_endpoint=action_endpoint,
                      tracker_store=ErasableSQLTrackerStore(dialect="sqlite", db=str(trackers)))


@pytest.fixture(scope="session")
def tracker_db(tmp_path_factory) -> Path:
    return tmp_path_factory.mktemp("trackers") / "trackers.sqlite"


@pytest.fixture(scope="session")
def agent(model_path, action_server, tracker_db):
    return _agent(model_path, action_server, tracker_db)


@pytest.fixture(scope="session")
def agent_without_actions(model_path, tracker_db):
    """The same model with its action server unreachable (nothing listens on the port)."""
    return _agent(model_path, f"http://127.0.0.1:{free_port()}/webhook", tracker_db)


class Conversation:
    def __init__(self, agent, sender: str):
        self.agent, self.sender = agent, sender

    async def say(self, text: str) -> str:
        replies = await self.agent.handle_text(text, sender_id=self.sender)
        return "\n".join(r.get("text", "") for r in replies)

    async def tracker(self):
        return await self.agent.tracker_store.retrieve(self.sender)

    async def replies(self, text: str) -> list:
        return await self.agent.handle_text(text, sender_id=self.sender)


@pytest.fixture
def chat(agent, request):
    return Conversation(agent, f"test-{request.node.name}")


@pytest.fixture
def chat_without_actions(agent_without_actions, request):
    return Conversation(agent_without_actions, f"test-down-{request.node.name}")
