"""Messages that look urgent go ahead of the others waiting for a turn (bot/stores/turn_gate.py).

Whether a message is urgent is decided later, by NLU and the safety lexicon together
(bot/nlu/safety.py); the queue for a turn comes before NLU. So the queue asks the safety
lexicon alone whether the text holds any risk phrase at all, before any context is weighed
("kms", "end my life", "he hits me"): a wider net than the decision, since a false alarm only
costs the others a place in the queue, while a crisis message must never wait behind them.

Every channel of the project hands Rasa its messages through ``hinted``, which notes what the
lexicon saw in a context variable for the task handling the message; the lock stores' gate
reads it once the message holds its conversation's lock. No Rasa code is replaced.
"""
from __future__ import annotations

import functools
from typing import Any, Awaitable, Callable, Optional

from bot.stores.turn_gate import URGENT
from safety.assess import default_matcher
from safety.lexicon import URGENT_CLASSES

OnNewMessage = Callable[[Any], Awaitable[Any]]


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


def hinted(on_new_message: OnNewMessage) -> OnNewMessage:
    """``on_new_message`` (Rasa's handler of a channel's messages) with each message marked
    for the turn gate while it is handled."""

    @functools.wraps(on_new_message)
    async def handle(message: Any) -> Any:
        token = URGENT.set(looks_urgent(getattr(message, "text", None)))
        try:
            return await on_new_message(message)
        finally:
            URGENT.reset(token)

    return handle


def warm() -> None:
    """Build the lexicon's matcher now, at server start, not on the first message."""
    default_matcher()
