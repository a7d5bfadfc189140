"""One way to normalise a message for matching words, whatever its script.

Phones and keyboards differ: Polish typed without its letters' marks ("chce sie zabic"), Persian
typed on an Arabic keyboard (ي for ی), Hindi with or without the candrabindu. Matching is done
on a form where those differences are gone: lower case, Latin letters without their marks,
Arabic-script letter variants unified and short vowels dropped, Indic nasal and nukta marks
unified, Cyrillic ё as е and apostrophes dropped; Spanish's inverted ¿ and ¡ part words like
other punctuation (round 13).
"""
from __future__ import annotations

import re
import unicodedata
from typing import List

#: Latin letters whose mark NFD does not take off.
_LATIN_PLAIN = str.maketrans({"ł": "l", "ı": "i", "đ": "d", "ø": "o", "ß": "ss", "æ": "ae",
                              "œ": "oe", "ħ": "h"})
_ARABIC = str.maketrans({
    "أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا", "ي": "ی", "ى": "ی", "ې": "ی", "ۍ": "ی", "ك": "ک",
    "ة": "ه", "ۀ": "ه", "ؤ": "و", "ٲ": "ا", "\u0640": "",
})
#: Arabic short vowels and other marks, the superscript alef; Indic nukta; zero-width joiners.
_DROP = re.compile("[\u064b-\u065f\u0670\u06d6-\u06ed\u093c\u09bc\u0a3c\u200c\u200d\u200e\u200f"
                   "\u00ad\u2019\u02bc'`]")
_SPACES = re.compile(r"[\s\u1361-\u1366\u0964\u0965\u06d4\u060c\u061f"
                     r",.!?;:\"()\[\]{}\-¿¡]+")


def normalise(text: str) -> str:
    """Lower case, marks and letter variants unified, words separated by single spaces."""
    text = unicodedata.normalize("NFKC", text or "").casefold()
    text = text.replace("ё", "е").replace("\u0901", "\u0902").replace("\u0a01", "\u0a02")
    text = text.translate(_ARABIC)
    text = _DROP.sub("", text)
    out: List[str] = []
    for char in unicodedata.normalize("NFD", text):
        if unicodedata.combining(char):
            # Marks on Latin letters go; Indic and Ethiopic vowel signs are letters' parts.
            if out and "LATIN" in unicodedata.name(out[-1], ""):
                continue
        out.append(char)
    text = unicodedata.normalize("NFC", "".join(out)).translate(_LATIN_PLAIN)
    return _SPACES.sub(" ", text).strip()


def compact(text: str) -> str:
    """The normalised text without spaces: for scripts whose word breaks vary in typing
    (Arabic-script joins and half-spaces, Ethiopic word marks)."""
    return normalise(text).replace(" ", "")
