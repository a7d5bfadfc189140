"""Load and check the safety lexicon (lexicon.yml)."""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Dict, List, Tuple

import yaml

from services_catalog.taxonomy import load_taxonomy

LEXICON_FILE = Path(__file__).with_name("lexicon.yml")
#: The taxonomy's urgent classes (services_catalog/taxonomy.yml), the one list of them.
URGENT_CLASSES = tuple(load_taxonomy().urgent)
TIERS = ("strong", "ambiguous", "support")
MODIFIER_LISTS = ("hypothetical", "fiction", "information", "question_openers", "accident",
                  "history", "resolved", "current", "trivial", "trivial_threat", "benign_medicine",
                  "hyperbole_objects", "everyday", "perception", "child_behaviour", "reported_acts",
                  "reported_speech", "own_question",
                  "unusual_experiences", "again_intent", "ridicule", "panic", "feedback",
                  "first_telling", "out_of_sight", "said_for_real", "device", "play", "bullied",
                  "habitual", "service_list", "media_kinds", "story_places")


@dataclass(frozen=True)
class Lexicon:
    tokenizer_exceptions: Dict[str, List[Tuple[str, str]]]
    lemmas: Dict[str, Tuple[str, ...]]  # lemma -> forms (the lemma itself included)
    classes: Dict[str, Tuple[str, ...]]
    urgent: Dict[str, Dict[str, Tuple[str, ...]]]  # class -> tier -> patterns
    modifiers: Dict[str, Tuple[str, ...]]
    negation: Tuple[str, ...]
    negation_filler: Tuple[str, ...]
    negation_window: int
    laughter: Tuple[str, ...]

    @property
    def form_to_lemma(self) -> Dict[str, str]:
        """The lookup lemmatizer's table: listed forms (irregular, misspelt) -> lemma."""
        table: Dict[str, str] = {}
        for lemma, forms in self.lemmas.items():
            for form in forms:
                if form != lemma:
                    table.setdefault(form, lemma)
        return table


@lru_cache(maxsize=4)
def load_lexicon(path: Path = LEXICON_FILE) -> Lexicon:
    raw = yaml.safe_load(Path(path).read_text(encoding="utf-8"))
    urgent = raw["urgent"]
    unknown = set(urgent) - set(URGENT_CLASSES)
    if unknown:
        raise ValueError(f"{path}: unknown urgent classes {sorted(unknown)}")
    modifiers = raw["modifiers"]
    return Lexicon(
        tokenizer_exceptions={
            word: [tuple(piece) for piece in pieces]
            for word, pieces in raw.get("tokenizer_exceptions", {}).items()
        },
        lemmas={lemma: tuple(dict.fromkeys([lemma] + list(forms or [])))
                for lemma, forms in raw.get("lemmas", {}).items()},
        classes={name: _words(words, name) for name, words in raw["classes"].items()},
        urgent={cls: {tier: tuple(urgent[cls].get(tier) or []) for tier in TIERS}
                for cls in URGENT_CLASSES},
        modifiers={name: tuple(modifiers.get(name) or []) for name in MODIFIER_LISTS},
        negation=_words(modifiers["negation"], "negation"),
        negation_filler=_words(modifiers.get("negation_filler", []), "negation_filler"),
        negation_window=int(modifiers.get("negation_window", 3)),
        laughter=_words(modifiers["laughter"], "laughter"),
    )


def _words(items, name: str) -> Tuple[str, ...]:
    """Word lists must be strings: unquoted YAML 1.1 turns no, yes, on and off into booleans."""
    bad = [w for w in items if not isinstance(w, str)]
    if bad:
        raise ValueError(f"lexicon {name}: {bad} are not words; quote them")
    return tuple(items)
