"""The trained model in the test process, and what the tests check urgent replies against.

Every fixture that needs the model goes through ``model_path`` (tests/conftest.py), so a test is
marked ``model`` by the fixtures it uses, never by hand, and `make unit` on a clone without a
model runs exactly the tests that need none.
"""
from __future__ import annotations

import logging
from pathlib import Path
from typing import Any, Dict, List, Sequence

ROOT = Path(__file__).resolve().parents[2]
MODEL = ROOT / "models" / "current.tar.gz"

#: The 24/7 routes, in the order each urgent reply must give them (see test_crisis_routes).
ROUTES: Dict[str, List[str]] = {
    "crisis_suicidal": ["111", "option 2", "SHOUT to 85258", "116 123", "0800 1111",
                        "0800 068 4141", "999"],
    "crisis_self_harm": ["999", "111", "option 2", "SHOUT to 85258", "116 123", "0800 1111"],
    "crisis_danger": ["999", "0800 1111"],
    "safeguarding_disclosure": ["not your fault", "999", "0800 1111"],
    "safeguarding_disclosure_adult": ["999", "0808 800 5000", "children's services"],
}
CRISIS_ROUTES = ROUTES["crisis_suicidal"]


def assert_crisis_routes(text: str, routes: Sequence[str] = CRISIS_ROUTES) -> None:
    positions = [text.find(route) for route in routes]
    assert -1 not in positions, f"missing routes in: {text}"
    assert positions == sorted(positions), f"routes out of order in: {text}"


def load_agent(model_path: str, action_url: str, trackers: Path) -> Any:
    """The model behind the tracker store `make run` uses (SQLite, erasable on request), with
    the project's patches to Rasa installed as `python -m bot` installs them."""
    from rasa.core.agent import Agent
    from rasa.utils.endpoints import EndpointConfig
    from rasa.utils.log_utils import configure_structlog

    from bot import patches
    from bot.stores.tracker_store import ErasableSQLTrackerStore

    patches.install()
    configure_structlog(logging.WARNING)
    # As endpoints.yml: the domain is sent only to actions that ask for it.
    action_endpoint = EndpointConfig(action_url, enable_selective_domain=True)
    return Agent.load(model_path, action_endpoint=action_endpoint,
                      tracker_store=ErasableSQLTrackerStore(dialect="sqlite", db=str(trackers)))


class Conversation:
    """One conversation with an in-process agent."""

    def __init__(self, agent: Any, sender: str) -> None:
        self.agent, self.sender = agent, sender

    async def say(self, text: str) -> str:
        replies = await self.agent.handle_text(text, sender_id=self.sender)
        return "\n".join(r.get("text", "") for r in replies)

    async def tracker(self) -> Any:
        return await self.agent.tracker_store.retrieve(self.sender)

    async def replies(self, text: str) -> list:
        return await self.agent.handle_text(text, sender_id=self.sender)
