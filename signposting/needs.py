"""Plain names for the taxonomy's needs, as the bot says them back ("You also mentioned ...")."""
from __future__ import annotations

from typing import List, Sequence, Tuple

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
PREFIX = "need_"
#: A second need intent this sure, next to the first, is taken as also meant.
ALSO_MEANT = 0.15


def need_label(code: str) -> str:
    return LABELS.get(code, code.replace("_", " "))


def other_needs(ranking: Sequence[Tuple[str, float]], top: str) -> List[str]:
    """Further needs in one message ("I'm anxious and can't sleep"), from the intent ranking."""
    return [name[len(PREFIX):] for name, confidence in ranking
            if name.startswith(PREFIX) and name != top and confidence >= ALSO_MEANT
            and name != PREFIX + "general_wellbeing"][:2]
