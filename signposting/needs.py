"""Plain names for the taxonomy's needs: as the bot says them back ("You also mentioned ..."),
and as the bot's list of topics names them, so that a topic typed back ("family", "autism or
ADHD") is read as exactly that need rather than guessed at.
"""
from __future__ import annotations

import re
from typing import Dict, List, Optional, Sequence, Tuple

LABELS = {
    "anxiety": "worry or panic",
    "low_mood": "feeling low",
    "self_harm": "self-harm",
    "eating_body_image": "eating or body image",
    "bereavement": "grief",
    "bullying": "bullying",
    "family_relationships": "family or relationships",
    "school_stress": "school stress",
    "sleep": "sleep",
    "anger_behaviour": "anger",
    "neurodevelopmental": "autism or ADHD",
    "substance_use": "drugs or alcohol",
    "identity": "identity",
    "trauma": "something traumatic",
    "loneliness": "loneliness",
    "psychosis": "hearing or seeing things",
    "general_wellbeing": "how you're feeling",
}
#: The names of the topics list (domain/conversation.yml, utter_fallback_topics: its text and
#: its buttons; tests/signposting/test_needs.py checks the two agree), and the labels above.
TOPIC_NAMES: Dict[str, Tuple[str, ...]] = {
    "anxiety": ("worry or panic", "worry", "panic", "anxiety"),
    "low_mood": ("low mood", "feeling low", "depression"),
    "self_harm": ("self-harm", "self harm", "selfharm"),
    "eating_body_image": ("eating or body image", "eating", "body image"),
    "bereavement": ("grief", "bereavement"),
    "bullying": ("bullying",),
    "family_relationships": ("family", "family or relationships", "relationships"),
    "school_stress": ("school stress", "school"),
    "sleep": ("sleep",),
    "anger_behaviour": ("anger",),
    "neurodevelopmental": ("autism or adhd", "autism", "adhd"),
    "substance_use": ("drugs or alcohol", "drugs", "alcohol"),
    "identity": ("identity",),
    "trauma": ("something traumatic", "trauma"),
    "loneliness": ("loneliness",),
    "psychosis": ("hearing or seeing things",),
    "general_wellbeing": ("something else",),
}
_BY_NAME = {name: code for code, names in TOPIC_NAMES.items() for name in names}
_NOT_WORDS = re.compile(r"[^a-z\s-]+")
_POLITE = re.compile(r"^(?:(?:um+|erm+|er|uh+|ok|okay|yeah|yes|yh|ye|maybe|i guess|probably)\s+)*"
                     r"|\s+(?:please|pls|plz|i guess|i think|probably|tbh)$")
PREFIX = "need_"
#: A second need intent this sure, next to the first, is taken as also meant.
ALSO_MEANT = 0.15


def need_label(code: str) -> str:
    return LABELS.get(code, code.replace("_", " "))


def topic_named(text: Optional[str]) -> Optional[str]:
    """The need a message names when it is just one of the bot's own topic names ("family",
    "Autism or ADHD", "grief please"); None for anything longer, which the model reads."""
    if not text or len(text) > 40:
        return None
    key = _NOT_WORDS.sub(" ", text.lower().replace("\u2019", "'"))
    key = _POLITE.sub("", re.sub(r"\s+", " ", key).strip()).strip()
    return _BY_NAME.get(key)


def other_needs(ranking: Sequence[Tuple[str, float]], top: str) -> List[str]:
    """Further needs in one message ("I'm anxious and can't sleep"), from the intent ranking."""
    return [name[len(PREFIX):] for name, confidence in ranking
            if name.startswith(PREFIX) and name != top and confidence >= ALSO_MEANT
            and name != PREFIX + "general_wellbeing"][:2]
