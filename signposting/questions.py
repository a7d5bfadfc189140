"""The bot's own questions, worded for who is asking.

A parent is asked about their child and a professional about the young person they support;
asking a worried parent "how old are you?" is the kind of slip that makes people give up.
"""
from __future__ import annotations

from typing import Optional

YOUNG_PERSON, PARENT_CARER, PROFESSIONAL = "young_person", "parent_carer", "professional"

_AGE = {
    YOUNG_PERSON: "How old are you?",
    PARENT_CARER: "How old is your child?",
    PROFESSIONAL: "How old is the young person you're supporting?",
    None: "How old are you (or the young person you're asking about)?",
}

_LOCATION = {
    YOUNG_PERSON: "Where do you live? A postcode or the name of your town is fine.",
    PARENT_CARER: "Where does your child live? A postcode or the name of the town is fine.",
    PROFESSIONAL: "Where does the young person live? A postcode or the name of the town is fine.",
    None: "Where do you live? A postcode or the name of your town is fine.",
}


def ask_age(audience: Optional[str] = None) -> str:
    return _AGE.get(audience, _AGE[None])


def ask_location(audience: Optional[str] = None) -> str:
    return _LOCATION.get(audience, _LOCATION[None])
