"""Messages that look urgent are marked for the queue before NLU (bot/channels/urgent_hint.py)."""
from pathlib import Path

import pytest
import yaml

from bot.channels import urgent_hint as urgent_lane
from bot.stores.turn_gate import URGENT

URGENT_LABELS = {"crisis_suicidal", "crisis_self_harm", "crisis_danger",
                 "safeguarding_disclosure"}
DATA = Path(__file__).resolve().parents[3] / "tests" / "data"


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


async def test_the_mark_is_set_while_the_message_is_handled_and_cleared_after():
    seen = []

    async def rasas_handle_message(message):
        seen.append(URGENT.get())
        return ["a reply"]

    handle = urgent_lane.hinted(rasas_handle_message)
    message = type("Message", (), {"text": "i want to end my life tonight"})()
    assert await handle(message) == ["a reply"]
    message.text = "what do you do"
    await handle(message)
    assert seen == [True, False]
    assert URGENT.get() is False


@pytest.mark.parametrize("channel", ["rest", "webchat", "socketio", "twilio"])
async def test_every_channel_hands_rasa_its_messages_with_the_mark(channel):
    """Whatever channel a message comes by, the lock store's gate sees what the lexicon saw."""
    from bot.channels.rest import QuietRestInput
    from bot.channels.socketio import ProjectSocketIOInput
    from bot.channels.webchat import WebChatInput
    from tests.support.twilio import make_channel

    made = {"rest": QuietRestInput, "webchat": WebChatInput,
            "socketio": lambda: ProjectSocketIOInput(), "twilio": make_channel}[channel]()
    seen = []

    async def rasas_handle_message(message):
        seen.append(URGENT.get())

    hinted = []
    original = urgent_lane.hinted

    def spy(on_new_message):
        wrapped = original(on_new_message)
        hinted.append(wrapped)
        return wrapped

    import bot.channels.base as base
    import bot.channels.rest as rest
    import bot.channels.socketio as socketio
    import bot.channels.twilio.channel as twilio

    with pytest.MonkeyPatch.context() as patch:
        for module in (base, rest, socketio, twilio):
            patch.setattr(module, "hinted", spy)
        made.blueprint(rasas_handle_message)
    assert len(hinted) == 1
    message = type("Message", (), {"text": "i want to end my life tonight"})()
    await hinted[0](message)
    assert seen == [True]
