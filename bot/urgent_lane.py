"""Messages that look urgent go ahead of the others waiting for a turn (bot/turn_gate.py).

Whether a message is urgent is decided later, by NLU and the safety lexicon together
(bot/safety_component.py); the queue for a turn comes before NLU. So the queue asks the safety
lexicon alone whether the text holds any risk phrase at all, before any context is weighed
("kms", "end my life", "he hits me"): a wider net than the decision, since a false alarm only
costs the others a place in the queue, while a crisis message must never wait behind them.

Rasa's ``Agent.handle_message`` takes the conversation lock and then handles the message; it
is wrapped here to note, for the task handling the message, what the lexicon saw (a context
variable the lock store's gate reads). Set when the policy is imported (bot/policies.py), like
the other adjustments to Rasa's modules; tests/bot/test_urgent_lane.py fails if that moves.
"""
from __future__ import annotations

import functools
from typing import Any, Optional

from rasa.core.agent import Agent

from bot.turn_gate import URGENT
from safety.assess import default_matcher
from safety.lexicon import URGENT_CLASSES

HANDLE_MESSAGE = Agent.handle_message


def looks_urgent(text: Optional[str]) -> bool:
    if not text or text.startswith("/"):
        return False
    matcher = default_matcher()
    try:
        # The same text the NLU component reads, so the doc is built once (safety/matcher.py).
        hits = matcher.hits(matcher.doc(text))
    except Exception:  # never let the queue hint stop a message; NLU decides anyway
        return False
    return any(hit.kind in URGENT_CLASSES for hit in hits)


@functools.wraps(HANDLE_MESSAGE)
async def handle_message(self: Agent, message: Any) -> Any:
    token = URGENT.set(looks_urgent(getattr(message, "text", None)))
    try:
        return await HANDLE_MESSAGE(self, message)
    finally:
        URGENT.reset(token)


def install() -> None:
    default_matcher()  # built now, with the model, not on the first message
    Agent.handle_message = handle_message
