"""Compile the lexicon's pattern notation into spaCy Matcher token patterns.

    kill myself        -> [{"NORM": "kill"}, {"NORM": "myself"}]
    <kill> @selfish    -> [{"NORM": {"IN": forms of kill}}, {"NORM": {"IN": class selfish}}]
    want ?to die|dead  -> [{"NORM": "want"}, {"NORM": "to", "OP": "?"}, {"NORM": {"IN": [...]}}]
    how many ... to die-> up to three tokens of anything between "many" and "to"
    a girl ~... told   -> the same, with no negation among them
    took #num pills    -> [{"NORM": "took"}, {"LIKE_NUM": True}, {"NORM": "pills"}]

Matching is on NORM, spaCy's normalised form, so "dont" and "don't" both read "do not".
"""
from __future__ import annotations

import re
from typing import Dict, List, Sequence

from .lexicon import Lexicon

GAP = 3  # how many tokens "..." may skip
#: "~..." is a gap with no negation in it: "i like a girl in my class. havent told anyone" is
#: not "a girl ~... told" (a disclosure check-in on a young person asking about sexuality:
#: development set 57), while "It's a pupil. He told the TA ..." still is.
_NEGATIONS = ["not", "never", "n't", "nt", "nobody", "noone"]


class PatternError(ValueError):
    pass


def _alternatives(word: str, lexicon: Lexicon) -> List[str]:
    # "<make|force>" is shorthand for "<make>|<force>".
    word = re.sub(r"<([^>]+)>", lambda m: "|".join(f"<{x}>" for x in m.group(1).split("|")), word)
    out: List[str] = []
    for part in word.split("|"):
        if part.startswith("<") and part.endswith(">"):
            lemma = part[1:-1]
            if not lemma.isalpha():
                raise PatternError(f"bad lemma <{lemma}>")
            out.extend(lexicon.lemmas.get(lemma, ()) + regular_forms(lemma))
        elif part.startswith("@"):
            name = part[1:]
            if name not in lexicon.classes:
                raise PatternError(f"unknown class @{name}")
            out.extend(lexicon.classes[name])
        elif part:
            out.append(part)
        else:
            raise PatternError(f"empty alternative in '{word}'")
    # spaCy normalises "he's" to "he" + "'s" and "I'd" to "i" + "'d".
    if {"s", "is", "has"} & set(out):
        out.append("'s")
    if {"d", "would", "had"} & set(out):
        out.append("'d")
    # A lemma's forms may include multi-word strings; the matcher works on single tokens.
    return list(dict.fromkeys(w for w in out if " " not in w))


def regular_forms(lemma: str) -> tuple:
    """Regular English inflections; irregular forms and misspellings come from the table."""
    forms = [lemma, lemma + "s", lemma + "ed", lemma + "ing", lemma + "in"]
    if lemma.endswith("e"):
        forms += [lemma + "d", lemma[:-1] + "ing", lemma[:-1] + "in"]
    if lemma.endswith(("s", "sh", "ch", "x", "z", "o")):
        forms.append(lemma + "es")
    if lemma.endswith("y") and len(lemma) > 2 and lemma[-2] not in "aeiou":
        forms += [lemma[:-1] + "ies", lemma[:-1] + "ied"]
    if (len(lemma) >= 3 and lemma[-1] not in "aeiouwxy" and lemma[-2] in "aeiou"
            and lemma[-3] not in "aeiou"):
        forms += [lemma + lemma[-1] + "ed", lemma + lemma[-1] + "ing"]
    return tuple(dict.fromkeys(forms))


def _token_specs(word: str, lexicon: Lexicon) -> List[Dict]:
    """One spaCy token spec per way the word can match (a number, or one of some words)."""
    optional = word.startswith("?")
    word = word[1:] if optional else word
    parts = word.split("|")
    specs: List[Dict] = []
    if "#num" in parts:
        specs.append({"LIKE_NUM": True})
        parts = [p for p in parts if p != "#num"]
    if parts:
        choices = _alternatives("|".join(parts), lexicon)
        specs.append({"NORM": choices[0]} if len(choices) == 1 else {"NORM": {"IN": choices}})
    for spec in specs:
        if optional:
            spec["OP"] = "?"
    return specs


def compile_pattern(text: str, lexicon: Lexicon) -> List[List[Dict]]:
    """The spaCy patterns for one lexicon pattern (more than one when a word may be a number)."""
    patterns: List[List[Dict]] = [[]]
    for word in text.split():
        options: List[List[Dict]]
        if word in ("...", "?..."):  # a gap is optional already
            options = [[{"OP": "?"} for _ in range(GAP)]]
        elif word in ("~...", "?~..."):
            options = [[{"OP": "?", "NORM": {"NOT_IN": list(_NEGATIONS)}} for _ in range(GAP)]]
        else:
            options = [[spec] for spec in _token_specs(word, lexicon)]
        patterns = [p + option for p in patterns for option in options]
    for tokens in patterns:
        if not tokens or all(t.get("OP") == "?" for t in tokens):
            raise PatternError(f"pattern '{text}' can match nothing")
    return patterns


def compile_all(patterns: Sequence[str], lexicon: Lexicon) -> List[List[Dict]]:
    compiled = []
    for text in patterns:
        try:
            compiled.extend(compile_pattern(str(text), lexicon))
        except PatternError as exc:
            raise PatternError(f"{exc} (in pattern '{text}')") from None
    return compiled
