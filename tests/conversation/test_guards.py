"""The policy's guards with the trained model: an unreachable action server, and flooding."""
from __future__ import annotations

import pytest
from rasa.shared.core.events import UserUttered

from tests.support.domain import said
from tests.support.model import Conversation, assert_crisis_routes
from tests.support.patches import require_patch

CATALOGUE_DOWN = said("utter_services_unavailable")

SLOW_DOWN = "You're sending a lot of messages quickly"


async def user_texts(chat) -> list:
    return [e.text for e in (await chat.tracker()).events if isinstance(e, UserUttered)]


@pytest.mark.parametrize("message", ["I'm being bullied at school", "i cant sleep at all",
                                     "my son is 14 and really anxious"])
async def test_a_need_with_the_action_server_down_gets_an_honest_reply(chat_without_actions,
                                                                       message):
    reply = await chat_without_actions.say(message)
    assert reply.endswith(CATALOGUE_DOWN)
    assert_crisis_routes(reply, ["111", "option 2", "SHOUT to 85258", "0800 1111", "116 123", "999"])
    assert await user_texts(chat_without_actions) == [message]


async def test_more_with_the_action_server_down_gets_an_honest_reply(chat_without_actions):
    await chat_without_actions.say("i feel anxious all the time")
    assert await chat_without_actions.say("more") == CATALOGUE_DOWN


async def test_the_form_carries_on_when_the_action_server_comes_back(agent, agent_without_actions,
                                                                     request):
    """One conversation (one tracker store): up, then down for a turn, then up again."""
    sender = f"test-{request.node.name}"
    up, down = Conversation(agent, sender), Conversation(agent_without_actions, sender)
    assert "How old" in await up.say("I'm being bullied at school")
    assert await down.say("15") == CATALOGUE_DOWN
    assert "Where do you live" in await up.say("15")  # asked again while down: answered now
    assert "Open now" in (reply := await up.say("Dartford")) or "Closed now" in reply
    assert await user_texts(up) == ["I'm being bullied at school", "15", "15", "Dartford"]


async def test_a_flood_gets_one_polite_reply_then_quiet_and_nothing_is_lost(chat):
    messages = [f"hello there number {i}" for i in range(15)]
    replies = [await chat.say(m) for m in messages]
    assert all(SLOW_DOWN not in r for r in replies[:12])
    assert SLOW_DOWN in replies[12] and "999" in replies[12]
    assert replies[13:] == ["", ""]
    assert await user_texts(chat) == messages


@pytest.mark.parametrize("message", ["I want to kill myself", "he hits me and i'm scared to go home"])
async def test_urgent_messages_are_answered_in_the_middle_of_a_flood(chat, message):
    for i in range(14):
        await chat.say(f"hello there number {i}")
    reply = await chat.say(message)
    assert SLOW_DOWN not in reply and "999" in reply


async def test_delete_my_data_is_answered_in_the_middle_of_a_flood(chat):
    for i in range(14):
        await chat.say(f"hello there number {i}")
    assert "delete this conversation" in await chat.say("delete my data")


@pytest.fixture
def hung_action_server():
    """Accepts connections and never answers, as a stuck action server would."""
    import socket

    with socket.socket() as listener:
        listener.bind(("127.0.0.1", 0))
        listener.listen(16)
        yield f"http://127.0.0.1:{listener.getsockname()[1]}/webhook"


async def test_a_hung_action_server_counts_as_down_after_the_timeout(model_path, tmp_path,
                                                                     hung_action_server):
    import time

    from bot.patches import action_calls
    from tests.support.model import load_agent

    require_patch("action_timeout")
    action_calls.apply(1.0)
    try:
        chat = Conversation(load_agent(model_path, hung_action_server, tmp_path / "t.sqlite"),
                            "hung")
        started = time.monotonic()
        reply = await chat.say("I'm being bullied at school")
        waited = time.monotonic() - started
    finally:
        action_calls.apply(action_calls.action_timeout())
    assert reply.endswith(CATALOGUE_DOWN)
    assert waited < 10, f"waited {waited:.1f}s for a hung action server"
