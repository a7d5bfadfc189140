"""The writing system of each letter, as ISO 15924 codes (Latn, Arab, Cyrl, Deva, ...)."""
from __future__ import annotations

import unicodedata
from collections import Counter
from typing import Dict

_NAMES = {
    "LATIN": "Latn", "ARABIC": "Arab", "CYRILLIC": "Cyrl", "DEVANAGARI": "Deva",
    "GURMUKHI": "Guru", "BENGALI": "Beng", "ETHIOPIC": "Ethi", "GREEK": "Grek", "HEBREW": "Hebr",
    "CJK": "Hani", "HIRAGANA": "Jpan", "KATAKANA": "Jpan", "HANGUL": "Hang", "THAI": "Thai",
    "GEORGIAN": "Geor", "ARMENIAN": "Armn", "TAMIL": "Taml", "GUJARATI": "Gujr",
    "TELUGU": "Telu", "KANNADA": "Knda", "MALAYALAM": "Mlym", "SINHALA": "Sinh",
    "MYANMAR": "Mymr", "KHMER": "Khmr", "LAO": "Laoo", "TIBETAN": "Tibt", "ORIYA": "Orya",
}


def script_of(char: str) -> str:
    """The script of a letter or mark ("" for anything else)."""
    if not (char.isalpha() or unicodedata.category(char).startswith("M")):
        return ""
    first = unicodedata.name(char, "").split(" ")[0]
    return _NAMES.get(first, "Zyyy" if first else "")


def scripts(text: str) -> Dict[str, int]:
    """How many letters of each script the text has."""
    counts: Counter = Counter()
    for char in text:
        script = script_of(char)
        if script:
            counts[script] += 1
    return dict(counts)


def main_script(text: str) -> str:
    """The script of most of the letters ("" when there are none)."""
    counts = scripts(text)
    return max(counts, key=lambda s: counts[s]) if counts else ""
