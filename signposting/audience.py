"""Who is asking, from the answer to "is this for you, your child, or someone you work with?"

The question offers numbered choices, so "1", "2" and "3" count as well as words.
"""
from __future__ import annotations

import re
from typing import Optional

from .details import extract
from .questions import PARENT_CARER, PROFESSIONAL, YOUNG_PERSON

_CHOICES = (
    (PARENT_CARER, re.compile(r"^\s*2\b|\b(?:my (?:child|son|daughter|kid|boy|girl)|parent|"
                              r"carer|mum|mom|mam|dad|step ?(?:mum|dad)|guardian|foster|"
                              r"grand(?:son|daughter|child|ma|pa|parent))")),
    (PROFESSIONAL, re.compile(r"^\s*3\b|\b(?:work|pupil|student|teacher|school|professional|"
                              r"senco|dsl|nurse|gp|doctor|youth worker|social worker|client|"
                              r"staff|tutor|mentor|counsellor|coach)")),
    (YOUNG_PERSON, re.compile(r"^\s*1\b|\b(?:me|myself|mine|for me|i am|im|i'm|my ?self)\b")),
)

QUESTION = ("Is this for you, for your child, or for a young person you work with? "
            "Reply 1 for me, 2 for my child, 3 for someone I work with.")
BUTTONS = (("For me", "1"), ("For my child", "2"), ("Someone I work with", "3"))


def parse_audience(text: str) -> Optional[str]:
    lower = (text or "").lower().replace("\u2019", "'")[:200]
    found = extract(lower).audience
    if found:
        return found
    for audience, pattern in _CHOICES:
        if pattern.search(lower):
            return audience
    return None
