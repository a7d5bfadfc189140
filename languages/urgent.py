"""The urgent lexicon for languages other than English (its data: safety/other_languages.yml,
beside the English lexicon; the code is here so that reading it needs no spaCy).

``urgent_in(text, language)`` names the urgent class whose words the message holds, in the
language it was identified as; ``languages_with_urgent_words(text)`` says which languages' urgent
words a message holds at all (evidence of its language, for short messages). No Rasa import.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Dict, List, Optional, Pattern, Tuple

import yaml

from languages.normalise import compact, normalise
from languages.scripts import main_script

LEXICON = Path(__file__).resolve().parents[1] / "safety" / "other_languages.yml"

#: The order classes are reported in when a message holds words of several.
CLASSES = ("crisis_suicidal", "crisis_self_harm", "crisis_danger", "safeguarding_disclosure")

_WORD_SCRIPTS = ("Latn", "Cyrl")


@dataclass(frozen=True)
class Term:
    text: str
    urgent_class: str
    by_word: bool             # Latin and Cyrillic: from the start of a word
    pattern: Optional[Pattern]
    joined: str               # other scripts: the term without spaces


def _term(raw: str, urgent_class: str) -> Term:
    script = main_script(raw)
    if script in _WORD_SCRIPTS:
        parts = [re.escape(normalise(p)).replace(r"\ ", r"\s+") for p in raw.split(" ~ ")]
        body = r"(?:\s+\S+){0,2}\s+".join(parts)
        return Term(raw, urgent_class, True, re.compile(rf"(?<!\w){body}"), "")
    return Term(raw, urgent_class, False, None, compact(raw.replace(" ~ ", " ")))


@lru_cache(maxsize=4)
def _load(path: Path) -> Dict[str, Dict[str, list]]:
    """The lexicon file, read once: the terms and the everyday objects come from it."""
    return yaml.safe_load(path.read_text(encoding="utf-8"))


@lru_cache(maxsize=1)
def lexicon(path: Path = LEXICON) -> Dict[str, Tuple[Term, ...]]:
    return {code: tuple(_term(str(raw), cls) for cls in CLASSES for raw in classes.get(cls) or [])
            for code, classes in _load(path).items()}


#: How many words may stand between a term and an everyday object that follows it.
_ORDINARY_GAP = 2


@lru_cache(maxsize=1)
def ordinary_after(path: Path = LEXICON) -> Dict[str, Optional[Pattern]]:
    """Per language, the everyday objects that make a term ordinary when they follow it
    (``ordinary_after`` in the lexicon file: Spanish "me corto el pelo" is a haircut)."""
    found: Dict[str, Optional[Pattern]] = {}
    for code, classes in _load(path).items():
        objects = [re.escape(normalise(str(o))).replace(r"\ ", r"\s+")
                   for o in classes.get("ordinary_after") or []]
        # From the end of the term's last word, a few words, then the object.
        pattern = r"\w*\s+(?:\S+\s+){0,%d}?(?:%s)(?!\w)" % (_ORDINARY_GAP, "|".join(objects))
        found[code] = re.compile(pattern) if objects else None
    return found


def _matches(term: Term, words: str, joined: str, ordinary: Optional[Pattern] = None) -> bool:
    if term.by_word:
        if not term.pattern:
            return False
        return any(not (ordinary and ordinary.match(words, m.end()))
                   for m in term.pattern.finditer(words))
    return bool(term.joined) and term.joined in joined


def matches(text: str, language: str) -> List[Term]:
    """The urgent terms of ``language`` the text holds (not one an everyday object follows)."""
    words, joined = normalise(text), compact(text)
    ordinary = ordinary_after().get(language)
    return [t for t in lexicon().get(language, ()) if _matches(t, words, joined, ordinary)]


def urgent_in(text: str, language: str) -> Optional[str]:
    """The first urgent class (in CLASSES order) whose words the text holds, or None."""
    found = {t.urgent_class for t in matches(text, language)}
    return next((c for c in CLASSES if c in found), None)


def languages_with_urgent_words(text: str, phrases_only: bool = False) -> Dict[str, List[Term]]:
    """The languages whose urgent terms the text holds. ``phrases_only``: Latin and Cyrillic
    terms of two words or more only (what language identification counts as evidence: a single
    stem such as "tablet" or "chet" may also be an English word or a name)."""
    words, joined = normalise(text), compact(text)
    found: Dict[str, List[Term]] = {}
    for code, terms in lexicon().items():
        ordinary = ordinary_after().get(code)
        hits = [t for t in terms if _matches(t, words, joined, ordinary)
                and not (phrases_only and t.by_word and len(t.text.split()) < 2)]
        if hits:
            found[code] = hits
    return found
