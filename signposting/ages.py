"""Read an age from a free-text answer ("15", "I'm fifteen", "15yo", "twenty one")."""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Optional

YOUTH_MIN, YOUTH_MAX = 0, 25
OLDEST_PLAUSIBLE = 120

_UNITS = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13,
    "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18,
    "nineteen": 19,
}
_TENS = {"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70,
         "eighty": 80, "ninety": 90}
_WORD_NUMBER = re.compile(
    r"\b(?:(" + "|".join(_TENS) + r")(?:[\s-]+(" + "|".join(list(_UNITS)[1:10]) + r"))?|("
    + "|".join(sorted(_UNITS, key=len, reverse=True)) + r"))\b"
)
_DIGITS = re.compile(r"(?<![\d.])(-?\d{1,4})(?![\d.])")

ADULT, NOT_AN_AGE, MISSING = "adult", "not_an_age", "missing"


@dataclass(frozen=True)
class AgeAnswer:
    age: Optional[int]
    problem: Optional[str] = None  # ADULT, NOT_AN_AGE or MISSING

    @property
    def ok(self) -> bool:
        return self.problem is None


def parse_age(text: str) -> AgeAnswer:
    text = (text or "").lower()[:500]
    match = _DIGITS.search(text)
    if match:
        value = int(match.group(1))
    else:
        word = _WORD_NUMBER.search(text)
        if not word:
            return AgeAnswer(None, MISSING)
        if word.group(3):
            value = _UNITS[word.group(3)]
        else:
            value = _TENS[word.group(1)] + (_UNITS[word.group(2)] if word.group(2) else 0)
    if value < 0 or value > OLDEST_PLAUSIBLE:
        return AgeAnswer(None, NOT_AN_AGE)
    if value > YOUTH_MAX:
        return AgeAnswer(value, ADULT)
    return AgeAnswer(value)
