"""Build and save the blank English spaCy pipeline that the NLU pipeline loads.

No pretrained spaCy model can be downloaded where this project runs, and none is needed:
intents are learned by DIET from our own data, and spaCy provides its English tokenizer
(rule-based, with exceptions such as "can't" -> "ca", "n't"). Usage:
    python -m bot.spacy_pipeline build/spacy/en_blank
"""
from __future__ import annotations

import sys
from pathlib import Path

import spacy


def build():
    return spacy.blank("en")


def main(argv=None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    if len(argv) != 1:
        print("usage: python -m bot.spacy_pipeline OUTPUT_DIR", file=sys.stderr)
        return 2
    out = Path(argv[0])
    out.parent.mkdir(parents=True, exist_ok=True)
    build().to_disk(out)
    print(f"saved blank English spaCy pipeline (spaCy {spacy.__version__}) to {out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
