"""Messages that look urgent are marked for the queue before NLU (bot/urgent_lane.py)."""
from pathlib import Path

import pytest
import yaml

from bot import urgent_lane
from bot.turn_gate import URGENT

URGENT_LABELS = {"crisis_suicidal", "crisis_self_harm", "crisis_danger",
                 "safeguarding_disclosure"}
DATA = Path(__file__).resolve().parents[1] / "data"


def test_importing_the_policy_wraps_rasas_message_handling():
    from rasa.core.agent import Agent

    import bot.policies  # noqa: F401

    assert Agent.handle_message is urgent_lane.handle_message


@pytest.mark.parametrize("text", [
    "i want to kill myself", "kms fr i cant do this anymore",
    "my dad hits me with a belt when im naughty",
    "theres a man following me home and i dont feel safe",
    "ive taken a load of paracetamol"])
def test_made_up_crisis_messages_look_urgent(text):
    assert urgent_lane.looks_urgent(text)


@pytest.mark.parametrize("text", [
    "hello", "15", "ME14 1XX", "more", "i feel anxious all the time", "/greet",
    "/crisis_suicidal", "", None, "🙂🙂🙂", "<script>alert(1)</script>", "x" * 10000,
    "\x00\x01 binary"])
def test_ordinary_messages_commands_and_odd_input_do_not(text):
    assert urgent_lane.looks_urgent(text) is False


def test_the_queue_hint_catches_nearly_every_urgent_message_of_the_development_set():
    messages = yaml.safe_load((DATA / "safety_dev.yml").read_text())["messages"]
    urgent = [m["text"] for m in messages if m["label"] in URGENT_LABELS]
    hinted = sum(urgent_lane.looks_urgent(text) for text in urgent)
    assert len(urgent) > 250
    assert hinted / len(urgent) >= 0.95  # 298 of 301 when written; a miss only waits in line


async def test_the_mark_is_set_while_the_message_is_handled_and_cleared_after(monkeypatch):
    seen = []

    async def rasas_handle_message(agent, message):
        seen.append(URGENT.get())
        return ["a reply"]

    monkeypatch.setattr(urgent_lane, "HANDLE_MESSAGE", rasas_handle_message)
    message = type("Message", (), {"text": "i want to end my life tonight"})()
    assert await urgent_lane.handle_message(None, message) == ["a reply"]
    message.text = "what do you do"
    await urgent_lane.handle_message(None, message)
    assert seen == [True, False]
    assert URGENT.get() is False
