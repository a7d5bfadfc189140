"""Build and save the blank English spaCy pipeline that the NLU pipeline loads.

No pretrained spaCy model can be downloaded where this project runs, and none is needed:
intents are learned by DIET from our own data. spaCy provides its rule-based English tokenizer,
with the safety lexicon's youth-texting exceptions and lemma lookup table added
(safety/pipeline.py), so the NLU and the safety matcher see the same tokens. Usage:
    python -m bot.nlu.spacy_pipeline build/spacy/en_blank
"""
from __future__ import annotations

import sys
from pathlib import Path

import spacy

from safety.pipeline import build_nlp


def build():
    return build_nlp()


def main(argv=None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    if len(argv) != 1:
        print("usage: python -m bot.nlu.spacy_pipeline OUTPUT_DIR", file=sys.stderr)
        return 2
    out = Path(argv[0])
    out.parent.mkdir(parents=True, exist_ok=True)
    build().to_disk(out)
    print(f"saved blank English spaCy pipeline (spaCy {spacy.__version__}) to {out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
