"""Run the compiled lexicon over a message and report what matched, where."""
from __future__ import annotations

from collections import OrderedDict
from dataclasses import dataclass
from typing import List, Optional

from spacy.language import Language
from spacy.matcher import Matcher
from spacy.tokens import Doc

from .lexicon import MODIFIER_LISTS, TIERS, Lexicon, load_lexicon
from .patterns import compile_all
from .pipeline import build_nlp, normalise

#: Enough for any real message; the rest of a very long message is still scanned in pieces.
MAX_CHARS = 20000
#: Where a doc keeps the lexicon's hits once found (Hit is immutable).
_HITS = "safety_hits"


@dataclass(frozen=True)
class Hit:
    kind: str  # an urgent class, or "modifier"
    tier: str  # strong / ambiguous / support, or the modifier's name
    start: int
    end: int
    text: str


class SafetyMatcher:
    def __init__(self, lexicon: Optional[Lexicon] = None, nlp: Optional[Language] = None):
        self.lexicon = lexicon or load_lexicon()
        self.nlp = nlp or build_nlp(self.lexicon)
        self.matcher = Matcher(self.nlp.vocab)
        for cls, tiers in self.lexicon.urgent.items():
            for tier in TIERS:
                patterns = compile_all(tiers[tier], self.lexicon)
                if patterns:
                    self.matcher.add(f"{cls}|{tier}", patterns)
        for name in MODIFIER_LISTS:
            patterns = compile_all(self.lexicon.modifiers[name], self.lexicon)
            if patterns:
                self.matcher.add(f"modifier|{name}", patterns)

    #: Recent texts' docs (with their hits), kept because a message is read twice in a Rasa
    #: server: once for its place in the queue (bot/channels/urgent_hint.py), then by the NLU component.
    #: Docs are only read here, never changed; each caller gets its own list of hits.
    RECENT_DOCS = 64

    def doc(self, text: str) -> Doc:
        docs = self.__dict__.setdefault("_recent_docs", OrderedDict())
        doc = docs.get(text)
        if doc is None:
            doc = docs[text] = self.nlp(normalise(text)[:MAX_CHARS])
            if len(docs) > self.RECENT_DOCS:
                docs.popitem(last=False)
        return doc

    def hits(self, doc: Doc) -> List[Hit]:
        known = doc.user_data.get(_HITS)
        if known is None:
            found = []
            for match_id, start, end in self.matcher(doc):
                kind, tier = self.nlp.vocab.strings[match_id].split("|")
                found.append(Hit(kind, tier, start, end, doc[start:end].text))
            known = doc.user_data[_HITS] = tuple(sorted(found, key=lambda h: (h.start, -h.end)))
        return list(known)
