"""Choose the urgent thresholds per class from the development sets (safety.assess.Thresholds,
kept in safety/thresholds.yml), and show what they would do.

    .venv/bin/python -m bench.calibrate [--model models/current.tar.gz] [--margin 0.02]

Only development sets are read (the blind development sets dev to dev7, tests/data/safety_dev.yml and
tests/data/safety_holdout.yml, which earlier work looked at); the held-out blind set never is.
Every message goes through the trained NLU (no dialogue needed), and what matters is kept: the
lexicon's level and evidence, and the model's own ranking before the safety component decided
(kept by bot/nlu/safety.py on the parse as ``safety.model``).

The rule for each urgent class c, over messages where the lexicon found no risk phrase and the
model's top guess is c with confidence p:
- ``check_in``: below the least sure urgent message of the development sets (minus a margin),
  so that no urgent message there loses its check-in: never recall for precision; a class with
  no such message takes the least sure urgent message of any class;
- ``crisis``: the lowest confidence at which no non-urgent development message would get the
  crisis reply, kept at or above the ``check_in`` level.
The table shows, per class, how many urgent and non-urgent messages fall in each band.
"""
from __future__ import annotations

import argparse
import asyncio
import logging
import os
import sys
import warnings
from collections import defaultdict
from pathlib import Path
from typing import Dict, List, Optional, Sequence, Tuple

import yaml

from bench.blind_sets import understanding_devs
from services_catalog.taxonomy import load_taxonomy

ROOT = Path(__file__).resolve().parents[1]
URGENT = tuple(load_taxonomy().urgent)
SETS = (ROOT / "tests" / "data" / "safety_dev.yml", ROOT / "tests" / "data" / "safety_holdout.yml")
#: The blind development sets (read and tuned on; never the held-out set).
BLIND_DEVS = understanding_devs()


def development_messages() -> List[Tuple[str, bool]]:
    """(text, is urgent) of every development message."""
    found: List[Tuple[str, bool]] = []
    for path in SETS:
        for item in yaml.safe_load(path.read_text(encoding="utf-8"))["messages"]:
            if item["label"] != "ambiguous":
                found.append((item["text"], item["label"] in URGENT))
    for folder in BLIND_DEVS:
        for name, urgent in (("urgent.yml", True), ("hard_negatives.yml", False),
                             ("needs.yml", False)):
            path = folder / name
            if path.exists():
                for item in yaml.safe_load(path.read_text(encoding="utf-8")) or []:
                    found.append((str(item["text"]), urgent))
    return found


async def readings(model: Path, texts: Sequence[str]) -> List[dict]:
    from rasa.core.agent import Agent

    from bot import patches

    patches.install()
    agent = Agent.load(str(model))
    return [await agent.parse_message(text) for text in texts]


def calibrate(rows: List[Tuple[bool, str, float]], margin: float) -> Dict[str, Dict[str, float]]:
    """rows: (is urgent, model's top urgent class, its confidence), lexicon silent."""
    chosen: Dict[str, Dict[str, float]] = {}
    # A class with no urgent development message that rests on the model alone has no evidence
    # of how unsure an urgent message can be: it takes the least sure urgent message of any
    # class (the model's confidence is one scale), never a guess that could lose recall.
    pooled = min((p for u, c, p in rows if u), default=0.5)
    for name in URGENT:
        urgent = sorted(p for u, c, p in rows if u and c == name)
        ordinary = sorted(p for u, c, p in rows if not u and c == name)
        check_in = max(0.0, round((urgent[0] if urgent else pooled) - margin, 2))
        crisis = round(max(ordinary) + 0.01, 2) if ordinary else check_in
        chosen[name] = {"crisis": min(max(crisis, check_in, 0.5), 0.99), "check_in": check_in}
    return chosen


def table(rows: List[Tuple[bool, str, float]], chosen: Dict[str, Dict[str, float]]) -> None:
    print(f"{'class':<26}{'check_in':>9}{'crisis':>8}   urgent: crisis/check-in/noise"
          f"   ordinary: crisis/check-in/noise")
    for name in URGENT:
        limits = chosen[name]
        bands = defaultdict(lambda: [0, 0, 0])
        for u, c, p in rows:
            if c != name:
                continue
            band = 0 if p >= limits["crisis"] else 1 if p >= limits["check_in"] else 2
            bands[u][band] += 1
        print(f"{name:<26}{limits['check_in']:>9.2f}{limits['crisis']:>8.2f}   "
              f"{'/'.join(map(str, bands[True])):>28}   {'/'.join(map(str, bands[False])):>33}")


def main(argv: Optional[Sequence[str]] = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--model", default=str(ROOT / "models" / "current.tar.gz"))
    parser.add_argument("--margin", type=float, default=0.02)
    args = parser.parse_args(argv)
    warnings.filterwarnings("ignore")
    logging.disable(logging.WARNING)
    os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "3")
    messages = development_messages()
    parsed = asyncio.run(readings(Path(args.model), [t for t, _ in messages]))
    rows = []
    for (_, urgent), parse in zip(messages, parsed):
        safety = parse.get("safety") or {}
        if safety.get("evidence"):
            continue  # the lexicon decides these
        model = [(n, p) for n, p in safety.get("model") or [] if n != "nlu_fallback"]
        if model and model[0][0] in URGENT:
            rows.append((urgent, model[0][0], float(model[0][1])))
    chosen = calibrate(rows, args.margin)
    print(f"{len(messages)} development messages; {len(rows)} with no risk phrase and an "
          f"urgent top guess")
    table(rows, chosen)
    print("\nfor safety/thresholds.yml (confirm and second kept as they are):")
    for name, limits in chosen.items():
        print(f"{name}: {{crisis: {limits['crisis']}, check_in: {limits['check_in']}, ...}}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
