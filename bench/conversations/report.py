"""The bench's outputs: a table, totals, a JSON file and one transcript per scenario."""
from __future__ import annotations

import json
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Dict, List, Sequence, TextIO

from bench.conversations.checks import CHECKS, CheckResult, asked_again, oversized_texts
from bench.conversations.runner import Conversation
from bench.conversations.segments import count_segments

MARK = {True: "\u2713", False: "\u2717", None: "\u00b7"}
#: Short column titles for the table, in CHECKS order.
SHORT = {"urgent_first": "urg", "urgent_fits": "fit", "services_reached": "svc",
         "turns": "trn", "asked_twice": "2x", "eligible": "elg", "numbers_confirmed": "num",
         "sms_segments": "seg", "sms_list_one_text": "1tx", "correction_applied": "cor",
         "second_need": "2nd",
         "more": "mor", "no_fallback": "fbk", "no_false_crisis": "fcr", "no_check_in": "chk"}


@dataclass
class Outcome:
    conversation: Conversation
    results: List[CheckResult]

    @property
    def passed(self) -> bool:
        return all(r.passed is not False for r in self.results)

    def result(self, name: str) -> CheckResult:
        return next(r for r in self.results if r.name == name)

    def hard_passed(self, hard: Sequence[str]) -> bool:
        return all(self.result(name).passed is not False for name in hard)


def table(outcomes: Sequence[Outcome], out: TextIO) -> None:
    names = list(CHECKS)
    header = f"{'id':<34} {'audience':<12} {'chan':<4} {'msgs':>4} " + \
        " ".join(f"{SHORT[n]:>3}" for n in names) + "  pass"
    out.write(header + "\n" + "-" * len(header) + "\n")
    for o in outcomes:
        c = o.conversation
        marks = " ".join(f"{MARK[o.result(n).passed]:>3}" for n in names)
        out.write(f"{c.scenario.id[:34]:<34} {c.scenario.audience:<12} {c.channel:<4} "
                  f"{len(c.turns):>4} {marks}  {MARK[o.passed]}\n")
    out.write("columns: " + ", ".join(f"{SHORT[n]}={n}" for n in names) + "\n")


def totals(outcomes: Sequence[Outcome], hard: Sequence[str] = ()) -> Dict[str, Any]:
    """Pass rate, failures per check, details asked twice, SMS texts over three segments."""
    failures = Counter(r.name for o in outcomes for r in o.results if r.passed is False)
    applicable = Counter(r.name for o in outcomes for r in o.results if r.passed is not None)
    sms = [m for o in outcomes if o.conversation.channel == "sms"
           for t in o.conversation.turns for m in t.replies]
    passed = sum(o.passed for o in outcomes)
    return {
        "scenarios": len(outcomes),
        "passed": passed,
        "pass_rate": round(passed / len(outcomes), 3) if outcomes else 0.0,
        "hard_passed": sum(o.hard_passed(hard) for o in outcomes),
        "failures_per_check": {n: failures.get(n, 0) for n in CHECKS},
        "applicable_per_check": {n: applicable.get(n, 0) for n in CHECKS},
        "details_asked_twice": sum(len(asked_again(o.conversation)) for o in outcomes),
        "sms_texts": len(sms),
        "sms_texts_over_3_segments": sum(len(oversized_texts(o.conversation))
                                         for o in outcomes if o.conversation.channel == "sms"),
        "sms_texts_ucs2": sum(count_segments(m.text).encoding == "UCS-2" for m in sms),
        "unrecognised_questions": sum(len(o.conversation.unrecognised) for o in outcomes),
        "broken_conversations": sum(bool(o.conversation.error) for o in outcomes),
    }


def print_totals(summary: Dict[str, Any], out: TextIO) -> None:
    out.write(f"\npassed {summary['passed']}/{summary['scenarios']} scenarios "
              f"({summary['pass_rate']:.0%}); hard checks passed in {summary['hard_passed']}\n")
    out.write("failures per check (failed/applicable): " + ", ".join(
        f"{n} {summary['failures_per_check'][n]}/{summary['applicable_per_check'][n]}"
        for n in CHECKS) + "\n")
    out.write(f"details asked twice: {summary['details_asked_twice']}; SMS texts over 3 "
              f"segments: {summary['sms_texts_over_3_segments']} of {summary['sms_texts']} "
              f"({summary['sms_texts_ucs2']} UCS-2); unrecognised questions: "
              f"{summary['unrecognised_questions']}; broken conversations: "
              f"{summary['broken_conversations']}\n")


def as_json(outcome: Outcome) -> Dict[str, Any]:
    c = outcome.conversation
    return {
        "id": c.scenario.id, "audience": c.scenario.audience, "channel": c.channel,
        "messages": len(c.turns), "passed": outcome.passed, "error": c.error,
        "unrecognised_questions": c.unrecognised,
        "checks": {r.name: {"passed": r.passed, "reason": r.reason} for r in outcome.results},
        "turns": [{"said": t.shown, "sent": t.said, "why": t.reason, "kind": t.reading.kind,
                   "replies": [m.text for m in t.replies],
                   "buttons": [[b.title for b in m.buttons] for m in t.replies],
                   "services": [s.id for s in t.services]} for t in c.turns],
    }


def write_json(outcomes: Sequence[Outcome], summary: Dict[str, Any], path: Path) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps({"totals": summary, "scenarios": [as_json(o) for o in outcomes]},
                               indent=1, ensure_ascii=False), encoding="utf-8")


def transcript(outcome: Outcome) -> str:
    """A readable transcript: who the persona is, each message and reply, then the checks."""
    c = outcome.conversation
    s = c.scenario
    lines = [f"# {s.id} ({s.audience}, {c.channel})", f"style: {s.style}",
             f"facts: need={s.facts.need} age={s.facts.age} ({s.facts.age_says!r}) "
             f"place={s.facts.place_says!r} area={s.facts.area} declines={list(s.facts.declines)}",
             ""]
    for t in c.turns:
        shown = t.shown if t.shown == t.said else f"{t.shown} [sends {t.said!r}]"
        lines.append(f"[{t.index}] PERSONA ({t.reason}): {shown}")
        for m in t.replies:
            for i, line in enumerate(m.text.splitlines() or [""]):
                lines.append(("    BOT: " if i == 0 else "         ") + line)
            if m.buttons:
                lines.append("    BUTTONS: " + " | ".join(b.title for b in m.buttons))
        lines.append(f"    (read as: {t.reading.kind}"
                     + (f"; services: {', '.join(x.id for x in t.services)}" if t.services else "")
                     + ")")
    if c.error:
        lines.append(f"ERROR: {c.error}")
    lines += ["", "## checks"] + [f"{MARK[r.passed]} {r.name}: {r.reason}"
                                  for r in outcome.results]
    if c.unrecognised:
        lines.append("unrecognised questions: " + " | ".join(c.unrecognised))
    return "\n".join(lines) + "\n"


def write_transcripts(outcomes: Sequence[Outcome], folder: Path) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    for outcome in outcomes:
        c = outcome.conversation
        (folder / f"{c.scenario.id}.{c.channel}.txt").write_text(transcript(outcome),
                                                                 encoding="utf-8")
