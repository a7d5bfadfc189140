"""The blank English spaCy pipeline with this project's rule machinery.

One builder for the pipeline that Rasa's NLU loads (saved by ``bot.nlu.spacy_pipeline``) and the
one the safety matcher uses on its own, so both see the same tokens: spaCy's English tokenizer
plus youth texting exceptions ("im", "wanna", "od'd") and a lookup lemmatizer whose table is
the lexicon's lemmas ("took" -> "take", "overdosed" -> "overdose").
"""
from __future__ import annotations

import re
import unicodedata
from typing import Optional

import spacy
from spacy.attrs import NORM, ORTH
from spacy.language import Language
from spacy.lookups import Lookups

from .lexicon import Lexicon, load_lexicon

_REPEATS = re.compile(r"([a-z])\1{2,}")
_HYPHEN = re.compile(r"(?<=[a-z])-(?=[a-z])")
#: Compound names that the hyphen rule would split ("pain-killers", "anti-depressants").
_COMPOUNDS = re.compile(r"\b(pain|anti|co) (killers?|depressants?|codamol)\b")
_INVISIBLE = dict.fromkeys(map(ord, "\u200b\u200c\u200d\u2060\ufeff"), None)
#: A single quote that opens or closes quoted words ("will 'finish her off'", "be 'nice' to
#: them"): words quoted are read as said (round 21). An apostrophe inside a word stays.
_QUOTED = re.compile(r"(?<![\w])'(?=\w)|(?<=\w)'(?![\w])")
_QUOTES = str.maketrans({"\u2019": "'", "\u2018": "'", "\u201c": '"', "\u201d": '"', "`": "'"})


def build_nlp(lexicon: Optional[Lexicon] = None) -> Language:
    lexicon = lexicon or load_lexicon()
    nlp = spacy.blank("en")
    for word, pieces in lexicon.tokenizer_exceptions.items():
        nlp.tokenizer.add_special_case(word, [{ORTH: orth, NORM: norm} for orth, norm in pieces])
    lemmatizer = nlp.add_pipe("lemmatizer", config={"mode": "lookup"})
    lookups = Lookups()
    lookups.add_table("lemma_lookup", lexicon.form_to_lemma)
    lemmatizer.initialize(lookups=lookups)
    nlp.add_pipe("sentencizer")
    return nlp


def normalise(text: str) -> str:
    """Lower case, plain quotes, no invisible characters, "sooooo" -> "so", "self-harm" ->
    "self harm"."""
    text = unicodedata.normalize("NFKC", text or "").translate(_INVISIBLE).translate(_QUOTES)
    text = _QUOTED.sub("", text)
    text = _HYPHEN.sub(" ", _REPEATS.sub(r"\1", text.lower()))
    return _COMPOUNDS.sub(r"\1\2", text)
