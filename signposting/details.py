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
    AMBIGUOUS, FOUND, OUTSIDE, default_index, normalise_name, resolve,
)

from .ages import OLDEST_PLAUSIBLE, parse_age
from .questions import PARENT_CARER, PROFESSIONAL, YOUNG_PERSON

_NUMBER_WORD = (r"(?:\d{1,3}|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|"
                r"thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty"
                r"(?:[\s-](?:one|two|three|four|five))?)")
_HEDGES = r"(?:(?:only|just|nearly|almost|actually|now|really|turning)\s+)*"
#: After "I'm 15" or "she's 9" an age is followed by the end of a clause, "and", "from", a
#: pronoun starting the next clause, or "years"; "im 2 scared", "I am 100 percent done",
#: "im 24/7 anxious" and "she's 5 foot 2" are not ages.
_AGE_ENDS = (r"(?=\s*(?:$|[,.;:!?)]|(?:and|but|so|from|in|living|live|at|with|years?|yrs?|"
             r"yo|y/o|now|too|though|tho|i|im|i'm|my|we|she|he|they|it|its|it's|lol|x+)\b))")
_AGE_PHRASES = re.compile(
    r"\b" + _NUMBER_WORD + r"\s*(?:-\s*)?(?:years?|yrs?|yo|y/o)(?:\s*-?\s*old)?\b"
    r"|\b(?:i'?m|i\s+am|im|she'?s|he'?s|they'?re|she\s+is|he\s+is|they\s+are|who'?s|who\s+is|"
    r"(?:son|daughter|child|kid|boy|girl|pupil|student|friend|brother|sister)\s+(?:is|'s))"
    r"\s+" + _HEDGES + _NUMBER_WORD + _AGE_ENDS +
    r"|\baged?\s+" + _NUMBER_WORD + r"\b"
    r"|\b(?:in\s+)?(?:year|yr)\s?(?:[1-9]|1[0-3])s?\b"
    r"|\b(?:in\s+)?(?:sixth|6th)[\s-]?form\b"
)
_FIRST_PERSON_AGE = re.compile(
    r"\b(?:i'?m|i\s+am|im)\s+" + _HEDGES + _NUMBER_WORD + _AGE_ENDS +
    r"|\b(?:i'?m|i\s+am|im)\s+" + _NUMBER_WORD + r"\s*(?:years?|yrs?|yo|y/o)\b"
    r"|\bi'?m\s+in\s+(?:year|yr|sixth|6th)")

_POSTCODE_LIKE = re.compile(r"\b([A-Za-z]{1,2}\d[A-Za-z\d]?(?:\s*\d[A-Za-z]{2})?)\b")
_PLACE_CUE = re.compile(
    r"\b(?:(?:live|lives|living|based|stay|stays|staying)(?:\s+(?:in|at|near|around))?|from|in|near|"
    r"around|nr)\s+"
    r"((?:[a-z][a-z'.-]*)(?:\s+[a-z][a-z'.-]*){0,3})", re.IGNORECASE)

#: Who the young person is to the writer, and so who is writing.
RELATIONS = {
    **{w: PARENT_CARER for w in ("son", "daughter", "child", "kid", "stepson", "stepdaughter",
                                 "grandson", "granddaughter", "toddler", "teenager", "foster child")},
    **{w: PROFESSIONAL for w in ("pupil", "student", "learner", "tutee", "client", "patient")},
    **{w: YOUNG_PERSON for w in ("friend", "mate", "bestie", "brother", "sister", "boyfriend",
                                 "girlfriend", "cousin", "classmate")},
}
_RELATION = re.compile(r"\b(?:my|our|a|one\s+of\s+my|one\s+of\s+our)\s+(?:\w+\s+){0,3}?("
                       + "|".join(sorted(RELATIONS, key=len, reverse=True)) + r")s?\b")
_ROLE = re.compile(r"\b(?:i'?m|i\s+am|im|as)\s+(?:a|an|the|his|her|their)\s+(?:\w+\s+)?(teacher|senco|dsl|"
                   r"tutor|head\s?teacher|school\s+nurse|youth\s+worker|social\s+worker|gp|"
                   r"counsellor|mentor|pastoral\s+lead|support\s+worker)\b")

_CLASS = re.compile(r"\b(?:my|our)\s+(?:year|yr)\s?\d{1,2}s\b")


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


def find_relation(text: str) -> Optional[str]:
    match = _RELATION.search(text)
    if match:
        return match.group(1)
    if _ROLE.search(text) or _CLASS.search(text):
        return "pupil"
    if _FIRST_PERSON_AGE.search(text):
        return "self"
    return None


_FIRST_PERSON = re.compile(r"\b(?:i|im|i'm|i've|ive|me|my|myself)\b")
_ME = re.compile(r"\b(?:me|my|myself|mine)\b")
_THIRD_PERSON = re.compile(r"\b(?:he|she|they|him|her|them|his|hers|their|he's|she's|they're)\b")


def _asks_for_another(text: str) -> bool:
    """ "my son", "one of my pupils", "I'm a SENCo": writing for a child or a pupil."""
    relation = find_relation(text)
    return RELATIONS.get(relation or "") in (PARENT_CARER, PROFESSIONAL) or bool(_ROLE.search(text))


def _only_about_another(text: str) -> bool:
    """ "she won't eat, I'm so worried": another person, and nothing the writer suffers
    ("she keeps bullying me" is about the writer)."""
    return bool(_THIRD_PERSON.search(text)) and not _ME.search(text)


def writes_as_young_person(texts) -> bool:
    """Someone who writes about themselves ("I can't sleep", "they laugh at me") and never for
    a child or pupil is taken to be the young person. One slip here only changes the wording
    and the order of services, never which urgent help is given."""
    texts = [(t or "").lower().replace("\u2019", "'")[:1000] for t in texts]
    if any(_asks_for_another(t) or _only_about_another(t) for t in texts):
        return False
    return any(_FIRST_PERSON.search(t) for t in texts)


def about_someone_else(text: str) -> bool:
    """Is the writer asking about a child or pupil, so that advice should be about them?"""
    lower = (text or "").lower().replace("\u2019", "'")[:1000]
    return _asks_for_another(lower) or _only_about_another(lower)


def extract(text: str) -> Details:
    text = (text or "")[:1000]
    lower = text.lower().replace("\u2019", "'")
    relation = find_relation(lower)
    audience = YOUNG_PERSON if relation == "self" else RELATIONS.get(relation or "")
    if _ROLE.search(lower):
        audience = PROFESSIONAL
    return Details(age=find_age(lower), place=find_place(text), relation=relation,
                   audience=audience)
