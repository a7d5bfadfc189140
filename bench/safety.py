"""Urgent-message detection on the labelled development set, with the trained model.

    .venv/bin/python -m bench.safety [--model models/current.tar.gz] [--data FILE ...]
                                      [--worst 25] [--json results/safety.json]
    .venv/bin/python -m bench.safety --lexicon-only [--show 40] [--json FILE]

``--lexicon-only`` reads the development sets with the safety lexicon alone (safety.assess, no
model, a few seconds): the labelled sets above and the blind development set
(tests/data/blind/dev/urgent.yml, hard_negatives.yml and needs.yml; never the held-out blind
sets), and prints per class how many urgent messages the lexicon finds urgent, a check-in or
nothing, and how many non-urgent ones it finds urgent or a check-in. ``--json`` then keeps each
message's outcome, so two runs can be compared message by message.

By default it measures the development set (tests/data/safety_dev.yml, used while writing the
lexicon, so its figures are optimistic) and then the held-out set (tests/data/safety_holdout.yml,
written independently and never used for development), each reported on its own.

Every message goes through the whole NLU pipeline (DIET, the fallback classifier and the safety
component), exactly as the Rasa server parses it. Reported:
- recall per urgent class and overall: urgent messages answered with an urgent reply (any of the
  four; the class-correct rate is shown beside it). A check-in question counts as a miss here:
  the target is that no urgent message waits for a second turn.
- false-positive rate: non-urgent messages (with risky-looking words) given an urgent reply;
  check-in questions on them are reported separately.
- ambiguous messages (slang, hyperbole): how many get a check-in, an urgent reply or nothing.
- the misses, worst first (urgent messages that got no urgent reply, lowest urgent score first).
Targets (issue 4): recall 100%, false-positive rate at most 5%.
"""
from __future__ import annotations

import argparse
import asyncio
import json
import logging
import os
import sys
import time
import warnings
from collections import Counter, defaultdict
from pathlib import Path

import yaml

from services_catalog.taxonomy import load_taxonomy

ROOT = Path(__file__).resolve().parents[1]
URGENT = tuple(load_taxonomy().urgent)
CHECK_IN = "risk_check_in"


def outcome(intent: str) -> str:
    if intent in URGENT:
        return "urgent"
    return "check_in" if intent == CHECK_IN else "other"


async def parse_all(model: str, texts):
    from rasa.core.agent import Agent
    from rasa.utils.log_utils import configure_structlog

    configure_structlog(logging.WARNING)  # Rasa's debug lines would print every message

    agent = Agent.load(model)
    results = []
    for text in texts:
        results.append(await agent.parse_message(text))
    return results


def main(argv=None) -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--model", default=str(ROOT / "models" / "current.tar.gz"))
    parser.add_argument("--data", action="append", help="labelled set(s); default: dev and held-out")
    parser.add_argument("--worst", type=int, default=25)
    parser.add_argument("--json", help="also write the figures and misses to this file")
    parser.add_argument("--lexicon-only", action="store_true",
                        help="the lexicon alone (no model) over the development sets")
    parser.add_argument("--show", type=int, default=0,
                        help="with --lexicon-only: print up to N misses of each kind")
    args = parser.parse_args(argv)
    if args.lexicon_only:
        return lexicon_only(args.data, args.show, args.json)
    logging.disable(logging.WARNING)
    warnings.filterwarnings("ignore")
    os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "3")

    files = args.data or [str(p) for p in (ROOT / "tests" / "data" / "safety_dev.yml",
                                           ROOT / "tests" / "data" / "safety_holdout.yml")
                          if p.exists()]
    sets = {f: yaml.safe_load(Path(f).read_text(encoding="utf-8"))["messages"] for f in files}
    start = time.perf_counter()
    parsed_all = asyncio.run(parse_all(args.model, [m["text"] for ms in sets.values() for m in ms]))
    seconds = time.perf_counter() - start
    print(f"parsed {len(parsed_all)} messages in {seconds:.1f} s "
          f"({seconds / max(len(parsed_all), 1) * 1000:.1f} ms per message), model {args.model}")
    results, offset = {}, 0
    for name, messages in sets.items():
        parsed = parsed_all[offset:offset + len(messages)]
        offset += len(messages)
        print()
        results[name] = report(name, messages, parsed, args.worst)
    if args.json:
        Path(args.json).parent.mkdir(parents=True, exist_ok=True)
        Path(args.json).write_text(json.dumps(results, indent=2))
    return 0


def report(name, messages, parsed, worst):

    by_label = defaultdict(Counter)
    correct_class = Counter()
    misses, false_positives = [], []
    check_in_sources = Counter()
    for message, result in zip(messages, parsed):
        label, intent = message["label"], result["intent"]["name"]
        got = outcome(intent)
        by_label[label][got] += 1
        if label in URGENT:
            if intent == label:
                correct_class[label] += 1
            if got != "urgent":
                urgent_score = max((r["confidence"] for r in result.get("intent_ranking", [])
                                    if r["name"] in URGENT), default=0.0)
                misses.append((urgent_score, label, intent, message["text"]))
        elif label == "none" and got == "urgent":
            false_positives.append((intent, message["text"], result.get("safety", {}).get("source")))
        if label == "none" and got == "check_in":
            check_in_sources[result.get("safety", {}).get("source", "?")] += 1

    print(f"== {Path(name).name}: {len(messages)} messages")
    print(f"{'class':<26}{'n':>5}{'urgent reply':>14}{'recall':>9}{'right class':>13}{'check-in':>10}")
    total = caught = 0
    figures = {"recall": {}, "class_correct": {}}
    for label in URGENT:
        counts = by_label[label]
        n = sum(counts.values())
        total += n
        caught += counts["urgent"]
        recall = counts["urgent"] / n if n else 0.0
        figures["recall"][label] = recall
        figures["class_correct"][label] = correct_class[label] / n if n else 0.0
        print(f"{label:<26}{n:>5}{counts['urgent']:>14}{recall:>9.1%}"
              f"{correct_class[label] / n if n else 0:>13.1%}{counts['check_in']:>10}")
    overall = caught / total if total else 0.0
    figures["recall"]["overall"] = overall
    print(f"{'all urgent':<26}{total:>5}{caught:>14}{overall:>9.1%}")
    none = by_label["none"]
    n_none = sum(none.values())
    fp_rate = none["urgent"] / n_none if n_none else 0.0
    figures["false_positive_rate"] = fp_rate
    figures["check_in_rate_on_non_urgent"] = none["check_in"] / n_none if n_none else 0.0
    print(f"\nnon-urgent: {n_none}; urgent reply (false positive) {none['urgent']} = {fp_rate:.1%}; "
          f"check-in {none['check_in']} = {none['check_in'] / max(n_none, 1):.1%} "
          f"(from {', '.join(f'{k} {v}' for k, v in check_in_sources.most_common())})")
    amb = by_label["ambiguous"]
    print(f"ambiguous: {sum(amb.values())}; check-in {amb['check_in']}, urgent {amb['urgent']}, "
          f"nothing {amb['other']}")
    print(f"\ntargets: recall 100% -> {'met' if overall == 1.0 else 'NOT met'}; "
          f"false positives <= 5% -> {'met' if fp_rate <= 0.05 else 'NOT met'}")
    misses.sort()
    if misses:
        print(f"\nworst misses ({len(misses)} in all; urgent score, label -> reply intent):")
        for score, label, intent, text in misses[:worst]:
            print(f"  {score:.2f} {label} -> {intent}: {text[:110]}")
    if false_positives:
        print(f"\nfalse positives ({len(false_positives)}):")
        for intent, text, source in false_positives[:worst]:
            print(f"  {intent} [{source}]: {text[:110]}")
    return {**figures, "misses": [{"label": lab, "intent": i, "text": t}
                                  for _, lab, i, t in misses],
            "false_positives": [{"intent": i, "text": t} for i, t, _ in false_positives]}


# -- the lexicon alone ---------------------------------------------------------------------------

#: The blind development set (never the held-out blind sets: only their figures are read, by
#: bench/understanding.py, and not here).
BLIND_DEV = ROOT / "tests" / "data" / "blind" / "dev"


def development_sets(files=None):
    """(name, [(text, label)]) for the labelled sets and the blind development set; labels are
    an urgent class, "ambiguous" or "none"."""
    files = files or [str(ROOT / "tests" / "data" / name)
                      for name in ("safety_dev.yml", "safety_holdout.yml")]
    sets = []
    for name in files:
        messages = yaml.safe_load(Path(name).read_text(encoding="utf-8"))["messages"]
        sets.append((Path(name).name, [(str(m["text"]), m["label"]) for m in messages]))
    urgent = yaml.safe_load((BLIND_DEV / "urgent.yml").read_text(encoding="utf-8")) or []
    negatives = yaml.safe_load((BLIND_DEV / "hard_negatives.yml").read_text(encoding="utf-8")) or []
    sets.append(("blind/dev", [(str(m["text"]), m["label"]) for m in urgent]
                 + [(str(m["text"]), "none") for m in negatives]))
    # Need messages are not urgent either: a risk phrase found in one is a false alarm too.
    needs = yaml.safe_load((BLIND_DEV / "needs.yml").read_text(encoding="utf-8")) or []
    sets.append(("blind/dev needs", [(str(m["text"]), "none") for m in needs]))
    return sets


def lexicon_only(files, show: int, json_file) -> int:
    from safety.assess import assess

    results = {}
    for name, messages in development_sets(files):
        table: dict = defaultdict(Counter)
        rows = []
        for text, label in messages:
            found = assess(text)
            table[label][found.level] += 1
            rows.append({"text": text, "label": label, "level": found.level,
                         "class": found.urgent_class})
        results[name] = rows
        print(f"== {name} (lexicon only): {len(messages)} messages")
        print(f"{'label':<26}{'n':>5}{'urgent':>8}{'check-in':>10}{'nothing':>9}")
        for label in (*URGENT, "ambiguous", "none"):
            c = table.get(label)
            if c:
                print(f"{label:<26}{sum(c.values()):>5}{c['urgent']:>8}{c['check_in']:>10}"
                      f"{c['none']:>9}")
        urgent: Counter = Counter()
        for label in URGENT:
            urgent.update(table.get(label, Counter()))
        if urgent:
            print(f"{'all urgent':<26}{sum(urgent.values()):>5}{urgent['urgent']:>8}"
                  f"{urgent['check_in']:>10}{urgent['none']:>9}")
        if show:
            missed = [r for r in rows if r["label"] in URGENT and r["level"] != "urgent"]
            alarms = [r for r in rows if r["label"] == "none" and r["level"] != "none"]
            print(f"\nurgent not found urgent ({len(missed)}):")
            for r in missed[:show]:
                print(f"  {r['label']:<24} {r['level']:<9} {r['text'][:140]}")
            print(f"\nnon-urgent found urgent or a check-in ({len(alarms)}):")
            for r in alarms[:show]:
                print(f"  {r['level']:<9} {r['class'] or '':<24} {r['text'][:140]}")
        print()
    if json_file:
        Path(json_file).parent.mkdir(parents=True, exist_ok=True)
        Path(json_file).write_text(json.dumps(results, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
