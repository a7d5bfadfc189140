"""Scenarios: who is writing, what they say first, what they know, and what should happen.

Read from ``scenarios.yml`` beside this file and checked on load against the taxonomy, so a
typo in a need code or an area fails loudly instead of silently weakening a check.
"""
from __future__ import annotations

from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any, Dict, List, Optional, Sequence, Tuple

import yaml

from services_catalog.taxonomy import load_taxonomy

SCENARIO_FILE = Path(__file__).with_name("scenarios.yml")

AUDIENCES = ("young_person", "parent_carer", "professional")
CHANNELS = ("sms", "web")
AREAS = ("kent", "medway", "essex", "southend", "thurrock", "outside")
DETAILS = ("age", "place", "who_for")
#: When a scripted later turn is said: once services were shown, or as soon as the bot has
#: answered the openings (whatever it asked).
WHEN = ("services", "next")
TURN_KINDS = ("correction", "second_need", "more", "other")


class ScenarioError(ValueError):
    """A scenario file that does not say what the bench needs; the message names the id."""


@dataclass(frozen=True)
class Facts:
    """What the persona knows and how they say it. ``area`` is where the place really is."""

    need: str
    age: Optional[int]
    age_says: Optional[str]
    place_says: Optional[str]
    area: Optional[str]
    district: Optional[str] = None
    place_plain: Optional[str] = None   # a second try when the first is not understood
    place_clarify: Optional[str] = None  # the answer to "which one?" for an ambiguous name
    declines: Tuple[str, ...] = ()      # details the persona would rather not give
    upfront: Tuple[str, ...] = ()       # details already given in the opening message(s)
    safe: bool = True                   # the answer to "are you safe right now?"
    safe_says: Optional[str] = None     # that answer in their own words, typed on any channel
    rephrase: Optional[str] = None      # what they say when the bot did not understand

    def declined(self, detail: str) -> bool:
        return detail in self.declines


@dataclass(frozen=True)
class LaterTurn:
    """A scripted message: a correction, a second need, "more", or anything else."""

    say: str
    kind: str = "other"
    when: str = "services"
    correct: Dict[str, Any] = field(default_factory=dict)
    need: Optional[str] = None   # for kind second_need: the need it raises


@dataclass(frozen=True)
class Expect:
    urgent: Optional[str] = None          # urgent class of the opening, when it is urgent
    services: bool = True                 # a list of services should be reached
    second_need: Optional[str] = None     # a second need that should be offered or answered
    adult_reporting: bool = False         # an adult reporting a child at risk


@dataclass(frozen=True)
class Scenario:
    id: str
    audience: str
    channel: str
    style: str
    openings: Tuple[str, ...]
    facts: Facts
    later: Tuple[LaterTurn, ...]
    expect: Expect
    fast: bool = False
    tags: Tuple[str, ...] = ()

    @property
    def corrections(self) -> List[LaterTurn]:
        return [t for t in self.later if t.kind == "correction"]

    def on_channel(self, channel: str) -> "Scenario":
        """The same person on another channel (``--channel`` forces one for every scenario)."""
        return replace(self, channel=channel)


@dataclass(frozen=True)
class ScenarioSet:
    hard_checks: Tuple[str, ...]
    scenarios: Tuple[Scenario, ...]

    def select(self, only: Sequence[str] = (), fast: bool = False) -> List[Scenario]:
        chosen = [s for s in self.scenarios if (not only or s.id in only)
                  and (not fast or s.fast)]
        missing = set(only) - {s.id for s in self.scenarios}
        if missing:
            raise ScenarioError(f"no scenario with id {', '.join(sorted(missing))}")
        return chosen


def _facts(raw: Dict[str, Any], sid: str) -> Facts:
    need = raw.get("need")
    if need not in load_taxonomy().needs:
        raise ScenarioError(f"{sid}: need {need!r} is not a need code in taxonomy.yml")
    area = raw.get("area")
    if area is not None and area not in AREAS:
        raise ScenarioError(f"{sid}: area {area!r} is not one of {', '.join(AREAS)}")
    for key in ("declines", "upfront"):
        unknown = set(raw.get(key) or ()) - set(DETAILS)
        if unknown:
            raise ScenarioError(f"{sid}: {key} has unknown details {sorted(unknown)}")
    safe = raw.get("safe", True)
    if not isinstance(safe, bool):
        raise ScenarioError(f"{sid}: safe must be true or false (their words go in safe_says), "
                            f"not {safe!r}")
    age = raw.get("age")
    if age is not None and not isinstance(age, int):
        raise ScenarioError(f"{sid}: age must be an integer, not {age!r}")
    return Facts(need=need, age=age, age_says=_text(raw.get("age_says", age)),
                 place_says=raw.get("place_says"), area=area, district=raw.get("district"),
                 place_plain=raw.get("place_plain"), place_clarify=raw.get("place_clarify"),
                 declines=tuple(raw.get("declines") or ()),
                 upfront=tuple(raw.get("upfront") or ()), safe=safe,
                 safe_says=_text(raw.get("safe_says")), rephrase=raw.get("rephrase"))


def _text(value: Any) -> Optional[str]:
    return None if value is None else str(value)


def _later(raw: Dict[str, Any], sid: str) -> LaterTurn:
    turn = LaterTurn(say=str(raw["say"]), kind=raw.get("kind", "other"),
                     when=raw.get("when", "services"), correct=dict(raw.get("correct") or {}),
                     need=raw.get("need"))
    if turn.kind not in TURN_KINDS or turn.when not in WHEN:
        raise ScenarioError(f"{sid}: later turn {turn.say!r} has kind {turn.kind!r} / when "
                            f"{turn.when!r}; kinds are {TURN_KINDS}, whens {WHEN}")
    if turn.kind == "second_need" and turn.need not in load_taxonomy().needs:
        raise ScenarioError(f"{sid}: second need {turn.need!r} is not in taxonomy.yml")
    return turn


def _expect(raw: Dict[str, Any], sid: str) -> Expect:
    urgent = raw.get("urgent")
    if urgent is not None and urgent not in load_taxonomy().urgent:
        raise ScenarioError(f"{sid}: urgent {urgent!r} is not an urgent class in taxonomy.yml")
    second = raw.get("second_need")
    if second is not None and second not in load_taxonomy().needs:
        raise ScenarioError(f"{sid}: second_need {second!r} is not in taxonomy.yml")
    return Expect(urgent=urgent, services=bool(raw.get("services", urgent is None)),
                  second_need=second, adult_reporting=bool(raw.get("adult_reporting", False)))


def parse_scenario(raw: Dict[str, Any]) -> Scenario:
    sid = str(raw.get("id") or "?")
    persona = raw.get("persona") or {}
    audience, channel = persona.get("audience"), persona.get("channel")
    if audience not in AUDIENCES or channel not in CHANNELS:
        raise ScenarioError(f"{sid}: persona needs audience in {AUDIENCES} and channel in "
                            f"{CHANNELS}, not {audience!r} / {channel!r}")
    openings = raw.get("opening")
    openings = (openings,) if isinstance(openings, str) else tuple(openings or ())
    if not openings:
        raise ScenarioError(f"{sid}: no opening message")
    return Scenario(id=sid, audience=audience, channel=channel,
                    style=str(persona.get("style", "")), openings=openings,
                    facts=_facts(raw.get("facts") or {}, sid),
                    later=tuple(_later(t, sid) for t in raw.get("later") or ()),
                    expect=_expect(raw.get("expect") or {}, sid),
                    fast=bool(raw.get("fast", False)), tags=tuple(raw.get("tags") or ()))


def load_scenarios(path: Path = SCENARIO_FILE) -> ScenarioSet:
    raw = yaml.safe_load(path.read_text(encoding="utf-8"))
    scenarios = tuple(parse_scenario(s) for s in raw["scenarios"])
    ids = [s.id for s in scenarios]
    duplicates = {i for i in ids if ids.count(i) > 1}
    if duplicates:
        raise ScenarioError(f"duplicate scenario ids: {sorted(duplicates)}")
    return ScenarioSet(hard_checks=tuple(raw.get("hard_checks") or ()), scenarios=scenarios)
