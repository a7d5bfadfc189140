"""Which of two readings of one message the bot answers: the whole message's, or that of what
it says after an ordinary opening (signposting.rest.told_after_a_reply).

"any other ones, it's all arranged for friday" is read whole as a wish for more services; its
second clause, read on its own, as suicidal. An urgent reading of the rest is not lost because
the message opened as a reply to the list. But the rest is read without the opening that gives
it its sense, and the model is less sure of a fragment ("my phone is smashed so i can only use
my laptop" was a danger check-in on its own; development set 16), so the rest counts only
when the model is as sure of it as its class's crisis reply needs, and then asks the check-in
question; only a reading at ``sure`` gives the crisis reply. A check-in the rest alone would
have asked counts for nothing, and so does a rest the lexicon finds more urgent than the
whole (the context it lost made the phrase ordinary). Nothing is ever made less urgent here:
an urgent whole keeps its reading, and a rest read as ordinary changes nothing.
"""
from __future__ import annotations

from typing import Any, Mapping, Optional, Tuple

from .assess import CHECK_IN, CHECK_IN_INTENT, NONE, URGENT, URGENT_CLASSES, Thresholds

Reading = Tuple[Optional[str], float]

#: As sure as this of the rest, the model's reading gives the crisis reply.
SURE = 0.9
#: How the safety source of a message given its rest's reading begins ("rest:lexicon").
REST_SOURCE = "rest:"


#: The lexicon's levels, least urgent first.
_LEVELS = (NONE, CHECK_IN, URGENT)


def stronger(whole: Reading, rest: Reading, levels: Mapping[str, Thresholds],
             sure: float = SURE, whole_level: str = NONE, rest_level: str = NONE
             ) -> Optional[Reading]:
    """The reading to give the whole message when its rest is more urgent, else None: the
    rest's class at ``sure`` or above (over a check-in too); a check-in (with the rest's
    confidence) from its class's crisis level; nothing below it, over an urgent whole, or for a
    rest the lexicon finds more urgent than the whole."""
    whole_intent, (rest_intent, confidence) = whole[0], rest
    if whole_intent in URGENT_CLASSES or rest_intent not in URGENT_CLASSES:
        return None
    if _rank(rest_level) > _rank(whole_level):
        # The lexicon, which read every word of the whole, finds more in the rest alone: the
        # opening it lost was what made a phrase ordinary ("screaming that he hates me" after
        # "he had a full-on tantrum in tesco ... he's 4").
        return None
    if confidence >= sure:
        return rest  # over a check-in too: the rest is surely urgent
    if whole_intent == CHECK_IN_INTENT:
        return None
    level = levels.get(str(rest_intent))
    if level is not None and confidence >= level.crisis:
        return CHECK_IN_INTENT, confidence
    return None


def _rank(level: str) -> int:
    return _LEVELS.index(level) if level in _LEVELS else 0


def from_the_rest(safety: Mapping[str, Any]) -> bool:
    """Was this safety assessment's decision the reading of a message's rest? A check-in it
    asked is then never taken for a plain answer, a correction or noise on a list question:
    it read what followed them."""
    return str(safety.get("source") or "").startswith(REST_SOURCE)
