"""What people say right after a list of services, through the whole pipeline.

    .venv/bin/python -m bench.after_list                     # every after-list set
    .venv/bin/python -m bench.after_list --show 40           # and the misses

The sets (tests/data/blind/after_*/after_list.yml) were written by people who had not seen the
training data or the code. ``after_heldout`` is held out: its figures are printed, its
messages never (``--show`` applies to development sets only), and nothing is tuned on it. Each
row is the next message after the list, with ``kind: more`` (other or further services wanted,
in the person's own words: "none of those suit him", "any that do weekends?") or ``kind:
not_more`` (thanks, a question about a service shown, a second worry with its ``need``, a
correction, chat, a closing "no thanks").

Each message is sent after a real list (the conversation is talked there as the writer would,
as bench/understanding.py does, and checked). Figures: "more" answered with more services (the
next ones, the honest "no more", or a new list for what the wish named), other messages
answered with the next services, second worries answered as their need, and any crisis reply,
check-in or "not understood".
"""
from __future__ import annotations

import argparse
import asyncio
import logging
import os
import warnings
from collections import Counter
from pathlib import Path
from typing import Any, Dict, List, Optional, Sequence

import yaml

from bench.understanding import ROOT, Outcome, pct, run_items, running_bot

BLIND = ROOT / "tests" / "data" / "blind"
#: Other services shown: the next ones, the honest "no more", or a new list (the person named
#: a need, a place or an age with the wish: "anything for young carers?", "any near Deal?").
NEXT_SERVICES = ("action_more_services", "utter_no_more_services")
MORE_ACTIONS = NEXT_SERVICES + ("action_find_services",)
NOT_UNDERSTOOD = ("utter_ask_rephrase", "utter_fallback_topics", "utter_default")


def sets() -> List[Path]:
    return sorted(BLIND.glob("after_*/after_list.yml"))


def score(items: Sequence[Dict[str, Any]], outcomes: Sequence[Outcome]) -> Dict[str, Any]:
    counts: Counter = Counter()
    misses = []
    for item, out in zip(items, outcomes):
        kind, note = item["kind"], str(item.get("note") or "")
        more = any(name in MORE_ACTIONS for name in out.actions)
        next_services = any(name in NEXT_SERVICES for name in out.actions)
        lost = any(name in NOT_UNDERSTOOD for name in out.actions)
        counts[kind] += 1
        counts["unreached"] += not out.reached
        counts["crisis"] += bool(out.crisis)
        counts["check_in"] += out.check_in
        counts[f"{kind}_lost"] += lost
        wrong = bool(out.crisis or out.check_in) or lost
        if kind == "more":
            counts["more_met"] += more
            wrong = wrong or not more
        else:
            counts["false_more"] += next_services
            wrong = wrong or next_services
            if item.get("need"):
                counts["second"] += 1
                met = out.intent == f"need_{item['need']}"
                counts["second_met"] += met
                wrong = wrong or not met
        if wrong:
            misses.append((item, out, note))
    return {"counts": counts, "misses": misses}


def held_out(name: str) -> bool:
    return "heldout" in name


def report(name: str, result: Dict[str, Any], show: int) -> None:
    c = result["counts"]
    print(f"\n== {name} ({'held-out' if held_out(name) else 'development'})")
    show = 0 if held_out(name) else show
    print(f"asks for more answered with more (or 'no more'): {pct(c['more_met'], c['more'])}")
    print(f"other messages answered with the next services: {pct(c['false_more'], c['not_more'])}")
    print(f"second worries read as their need: {pct(c['second_met'], c['second'])}")
    print(f"'not understood' replies: more {c['more_lost']}/{c['more']}, "
          f"others {c['not_more_lost']}/{c['not_more']}")
    print(f"crisis replies {c['crisis']}, check-ins {c['check_in']}, lists not reached "
          f"{c['unreached']}")
    for item, out, note in result["misses"][:show]:
        print(f"  [{item['kind']}/{note}] {item['text'][:110]!r} -> {out.intent}, "
              f"{[a for a in out.actions if a != 'action_listen'][:3]}")


async def measure(model: Path, show: int) -> Dict[str, Any]:
    results = {}
    with running_bot(model, "bench-after-list-") as bot:
        for path in sets():
            items = [dict(row, context="after_services")
                     for row in yaml.safe_load(path.read_text(encoding="utf-8"))]
            result = score(items, await run_items(bot, items, path.parent.name))
            report(path.parent.name, result, show)
            results[path.parent.name] = dict(result["counts"])
    return results


def main(argv: Optional[Sequence[str]] = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--model", default=str(ROOT / "models" / "current.tar.gz"))
    parser.add_argument("--show", type=int, default=0,
                        help="print up to N misses (development sets only)")
    args = parser.parse_args(argv)
    warnings.filterwarnings("ignore")
    logging.disable(logging.WARNING)
    os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "3")
    asyncio.run(measure(Path(args.model), args.show))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
