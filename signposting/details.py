"""Details people give without being asked: an age, a place, who the young person is to them.

"my 14 year old son in Dartford is being bullied" already answers both of the bot's
questions; asking them again is the kind of thing that makes people give up. Free text is
full of false friends ("I can't deal with it": Deal is a town in Kent; "b4 school": B4 is a
Birmingham postcode district), so a detail is only taken when the wording makes it plain:
an age needs an age word or a first-person "I'm 15"; a place needs a postcode of the five
areas, or a place name after "in", "from", "near" or "live(s) in".
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Optional

from services_catalog.locality import (
    AMBIGUOUS,
    FOUND,
    OUTSIDE,
    default_index,
    normalise_name,
    resolve,
)

from .ages import AGE_ENDS, HEDGES, NUMBER_WORD, OLDEST_PLAUSIBLE, parse_age
from .audience import find_relation, writer_of

_AGE_PHRASES = re.compile(
    r"\b" + NUMBER_WORD + r"\s*(?:-\s*)?(?:years?|yrs?|yo|y/o)(?:\s*-?\s*old)?\b"
    r"|\b(?:i'?m|i\s+am|im|she'?s|he'?s|they'?re|she\s+is|he\s+is|they\s+are|who'?s|who\s+is|"
    r"(?:son|daughter|child|kid|boy|girl|pupil|student|friend|brother|sister)\s+(?:is|'s))"
    r"\s+" + HEDGES + NUMBER_WORD + AGE_ENDS +
    r"|\baged?\s+" + NUMBER_WORD + r"\b"
    r"|\b(?:in\s+)?(?:year|yr)\s?(?:[1-9]|1[0-3])s?\b"
    r"|\b(?:in\s+)?(?:sixth|6th)[\s-]?form\b"
)
_POSTCODE_LIKE = re.compile(r"\b([A-Za-z]{1,2}\d[A-Za-z\d]?(?:\s*\d[A-Za-z]{2})?)\b")
_PLACE_CUE = re.compile(
    r"\b(?:(?:live|lives|living|based|stay|stays|staying)(?:\s+(?:in|at|near|around))?|from|in|near|"
    r"around|nr)\s+"
    r"((?:[a-z][a-z'.-]*)(?:\s+[a-z][a-z'.-]*){0,3})", re.IGNORECASE)


@dataclass(frozen=True)
class Details:
    age: Optional[int] = None
    place: Optional[str] = None      # the words naming the place, to be resolved by the form
    relation: Optional[str] = None   # son, pupil, friend ... or "self"
    audience: Optional[str] = None   # who is writing, when the wording makes it plain


def find_age(text: str) -> Optional[int]:
    phrase = _AGE_PHRASES.search(text)
    if not phrase:
        return None
    answer = parse_age(re.sub(r"(\d)s\b", r"\1", phrase.group(0)))  # "my year 9s"
    if answer.age is None or answer.age > OLDEST_PLAUSIBLE:
        return None
    return answer.age


def find_place(text: str) -> Optional[str]:
    for match in _POSTCODE_LIKE.finditer(text):
        code = match.group(1)
        # Only a postcode-shaped word that really is one in the five areas (or a full
        # postcode anywhere): "b4", "y9" and "gr8" are not places.
        place = resolve(code)
        full = " " in code.strip() or len(code.replace(" ", "")) >= 5
        if place.status in (FOUND, AMBIGUOUS) or (full and place.status == OUTSIDE):
            return code.upper()
    for match in _PLACE_CUE.finditer(text):
        words = match.group(1).split()
        for size in range(len(words), 0, -1):
            chunk = " ".join(words[:size])
            if len(chunk) < 4:
                continue
            place = resolve(chunk)
            if place.status != "unknown" and place.kind == "place" and _exact(place, chunk):
                return chunk
    return None


def _exact(place, chunk: str) -> bool:
    """A fuzzy guess is fine for an answer to "where do you live?", not for free text."""
    if not place.matched:
        return False
    name, matched = normalise_name(chunk), normalise_name(place.matched)
    return name == matched or default_index().aliases.get(name) == matched


def extract(text: str) -> Details:
    text = (text or "")[:1000]
    lower = text.lower().replace("\u2019", "'")
    return Details(age=find_age(lower), place=find_place(text), relation=find_relation(lower),
                   audience=writer_of(lower))
