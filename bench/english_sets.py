"""Every English message the project has, by set: the "never take English for another language"
check (bench/languages.py, tests/languages/test_identify.py).

Readable sets (the developers may read them): the NLU training data (data/nlu/**), the labelled
sets in tests/data/*.yml, the blind development sets (tests/data/blind/dev to dev7 and the
English rows of languages_dev2 to languages_dev4) and the user turns
of tests/test_stories.yml. Held-out sets (read by the scorer only, which prints figures, never
their messages): tests/data/blind/heldout/, heldout2/ and the English rows of
tests/data/blind/languages/ and languages_heldout2/.
"""
from __future__ import annotations

import re
from pathlib import Path
from typing import Dict, Iterator, List

import yaml

from bench.blind_sets import language_devs, understanding_devs

ROOT = Path(__file__).resolve().parents[1]
BLIND_LANGUAGES = ROOT / "tests" / "data" / "blind" / "languages"
#: Held-out sets of messages in other languages, oldest first: each written blind as a fresh
#: measure, named here on purpose (never discovered), read only for figures.
HELD_OUT_LANGUAGES = (BLIND_LANGUAGES, ROOT / "tests" / "data" / "blind" / "languages_heldout2")
#: Held-out sets of urgent messages, hard negatives and needs (bench/understanding.py).
HELD_OUT_UNDERSTANDING = ("heldout", "heldout2")
#: Blind sets for languages written as development sets (read and tuned on), oldest first.
LANGUAGES_DEVS = language_devs()

_ANNOTATION = re.compile(r"\[([^\]]+)\](?:\([^)]*\)|\{[^}]*\})")


def _nlu_examples(path: Path) -> Iterator[str]:
    data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    for item in data.get("nlu") or []:
        if item.get("intent") in ("other_language", "other_language_urgent"):
            continue  # the other-language examples are not English
        examples = item.get("examples")
        if isinstance(examples, str):
            for line in examples.splitlines():
                line = line.strip()
                if line.startswith("- "):
                    yield _ANNOTATION.sub(r"\1", line[2:]).strip()


def listed(path: Path, lang: str = "en") -> List[dict]:
    """The rows of a set that is a list of {text, ...} (or {messages: [...]}), in ``lang``."""
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    if isinstance(data, dict):
        data = data.get("messages") or []
    return [row for row in data or [] if isinstance(row, dict) and isinstance(row.get("text"), str)
            and row.get("lang", "en") == lang]


def _stories(path: Path) -> Iterator[str]:
    data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    for story in data.get("stories") or []:
        for step in story.get("steps") or []:
            if isinstance(step, dict) and isinstance(step.get("user"), str):
                yield step["user"].strip()


#: Rows of the English development sets that are wholly another language, each checked by hand:
#: the bot is right to read them as that language, so they are no English message.
NOT_ENGLISH = {
    ("dev9", "Dzień dobry"): "a Polish greeting and nothing else (hard negative 'other language')",
    ("dev10", "hola que tal"): "a Spanish greeting and nothing else (hard negative 'other language')",
    ("dev10", "Cześć, czy jest pomoc po polsku?"): "Polish: is there help in Polish? (hard negative "
                                                  "'other language')",
    ("dev10", "merhaba"): "a Turkish greeting and nothing else (hard negative 'other language')",
}


def _mixed(row: dict) -> bool:
    """A row its writer marked as English holding words of another language ("other
    language: Spanish words"): read as English, though it may hold another language's
    marker words."""
    return str(row.get("note") or "").startswith("other language")


def readable_sets() -> Dict[str, List[str]]:
    sets: Dict[str, List[str]] = {"data/nlu (training data)": []}
    for path in sorted((ROOT / "data" / "nlu").rglob("*.yml")):
        sets["data/nlu (training data)"].extend(_nlu_examples(path))
    sets["tests/data/nlu_test.yml"] = list(_nlu_examples(ROOT / "tests" / "data" / "nlu_test.yml"))
    for name in ("safety_dev", "safety_holdout"):
        path = ROOT / "tests" / "data" / f"{name}.yml"
        sets[str(path.relative_to(ROOT))] = [r["text"] for r in listed(path)]
    for folder in understanding_devs():
        for path in sorted(folder.glob("*.yml")):
            rows = [r for r in listed(path) if (folder.name, r["text"]) not in NOT_ENGLISH]
            sets[str(path.relative_to(ROOT))] = [r["text"] for r in rows if not _mixed(r)]
            mixed = [r["text"] for r in rows if _mixed(r)]
            if mixed:  # English written around words of another language on purpose
                sets[f"{path.relative_to(ROOT)} (mixed)"] = mixed
    for folder in LANGUAGES_DEVS:
        for name in ("english.yml", "mixed.yml"):
            path = folder / name
            if path.exists():
                sets[f"{path.relative_to(ROOT)} (lang: en)"] = [r["text"] for r in listed(path)]
    sets["tests/test_stories.yml"] = list(_stories(ROOT / "tests" / "test_stories.yml"))
    return sets


def held_out_sets() -> Dict[str, List[str]]:
    sets = {}
    for held in HELD_OUT_UNDERSTANDING:
        for path in sorted((ROOT / "tests" / "data" / "blind" / held).glob("*.yml")):
            sets[str(path.relative_to(ROOT))] = [r["text"] for r in listed(path)]
    for folder in HELD_OUT_LANGUAGES:
        for name in ("english.yml", "mixed.yml"):
            path = folder / name
            if path.exists():
                sets[f"{path.relative_to(ROOT)} (lang: en)"] = [r["text"] for r in listed(path)]
    return sets
