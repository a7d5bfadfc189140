"""The checks run on every conversation. Each gives pass, fail or not applicable, with a reason.

The checks read only the record of the conversation (``runner.Conversation``) and the
catalogue. They hold the bot to what its README promises: crisis replies first, services
reached quickly, nothing asked twice, only eligible services and confirmed numbers, SMS texts
of at most three segments, corrections applied, a second need picked up, no misunderstanding
of a plain answer, and no crisis reply for an ordinary worry.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Callable, Dict, List, Optional, Sequence

from bench.conversations import reading as r
from bench.conversations.catalogue import BenchCatalogue
from bench.conversations.runner import Conversation, Turn
from bench.conversations.scenarios import Facts
from bench.conversations.segments import count_segments
from services_catalog.locality import FOUND, resolve

#: Services should be reached within this many messages from the person.
SERVICES_WITHIN = 8
MAX_SEGMENTS = 3
#: Messages where the reply to a correction may come (the correction's reply and one more).
CORRECTION_WINDOW = 2

#: Words that show a reply is about each need (for the second-need check).
NEED_WORDS: Dict[str, str] = {
    "anxiety": r"anxi|worr|panic|nervous|fear",
    "low_mood": r"\blow\b|sad|depress|mood|down\b",
    "self_harm": r"self[- ]?harm|hurting yourself|cutting",
    "eating_body_image": r"eating|\beat\b|food|body image|weight",
    "bereavement": r"grie|bereave|loss|died|death",
    "bullying": r"bull(y|ied|ying)",
    "family_relationships": r"family|home|parents|relationship|arguments",
    "school_stress": r"school|exam|revision",
    "sleep": r"sleep|nightmare|insomnia|tired|bed\b|bedtime",
    "anger_behaviour": r"anger|angry|temper|behaviou?r|tantrum",
    "neurodevelopmental": r"autis|adhd|neurodiver|learning disab|sen\b|send\b",
    "substance_use": r"drug|alcohol|drink|vap|substance|cannabis|weed",
    "identity": r"identity|gender|sexuality|lgbt|coming out|trans\b|gay",
    "trauma": r"trauma|flashback|frightening|happened to you",
    "loneliness": r"lonel|isolat|friends",
    "psychosis": r"voices|psychosis|seeing things|hearing things",
    "general_wellbeing": r"wellbeing|feel better|cope",
}
#: Routes a crisis reply should lead with, by urgent class (README, "Crisis and safeguarding").
URGENT_ROUTES: Dict[str, str] = {
    "crisis_danger": r"\b999\b",
    "crisis_suicidal": r"\b111\b|85258|shout|samaritans|116 ?123",
    "crisis_self_harm": r"\b111\b|85258|shout|samaritans|\b999\b|a ?& ?e",
    "safeguarding_disclosure": r"childline|0800 1111|not your fault|nspcc",
}
#: For an adult reporting: a route for the adult (the NSPCC or children's services, or PAPYRUS,
#: which takes calls from anyone worried about a young person), in a reply that speaks of the
#: child rather than to them (ADULT_WORDING).
ADULT_ROUTES = (r"nspcc|0808 800 5000|children'?s (social )?services|social care|local authority|"
                r"papyrus|hopeline")
ADULT_WORDING = r"\byour child\b|\bthe young person\b|\bthe child\b|\bthe pupil\b"
AREA_NAMES = {"kent": "kent", "medway": "medway", "essex": "essex",
              "southend": "southend", "thurrock": "thurrock"}


@dataclass(frozen=True)
class CheckResult:
    name: str
    passed: Optional[bool]   # None: not applicable to this conversation
    reason: str


Check = Callable[[Conversation, BenchCatalogue], CheckResult]


def _na(name: str, reason: str) -> CheckResult:
    return CheckResult(name, None, reason)


def _quote(text: str, length: int = 90) -> str:
    flat = " ".join(text.split())
    return f'"{flat[:length]}{"..." if len(flat) > length else ""}"'


# -- urgent ----------------------------------------------------------------------------------

def _urgent_turn(conversation: Conversation) -> Optional[Turn]:
    """The reply to the urgent opening (the last opening message)."""
    count = len(conversation.scenario.openings)
    return conversation.turns[count - 1] if len(conversation.turns) >= count else None


def urgent_first(conversation: Conversation, _: BenchCatalogue) -> CheckResult:
    name = "urgent_first"
    if not conversation.scenario.expect.urgent:
        return _na(name, "the opening is not urgent")
    turn = _urgent_turn(conversation)
    if turn is None:
        return CheckResult(name, False, "no reply to the urgent opening")
    text = turn.text
    route = r.ROUTES.search(text)
    question = text.find("?")
    if route and (question < 0 or route.start() < question):
        return CheckResult(name, True, f"24/7 route {route.group()!r} first")
    return CheckResult(name, False, f"no 24/7 route before the first question: {_quote(text)}")


def urgent_fits(conversation: Conversation, _: BenchCatalogue) -> CheckResult:
    """The crisis reply suits the class and the writer: 999 for danger; 111/Shout/Samaritans
    for suicidal thoughts; Childline or "not your fault" for a young person's disclosure, and
    for an adult reporting, a reply that speaks of the child, with a route for the adult (the
    NSPCC, children's services or PAPYRUS)."""
    name = "urgent_fits"
    expected = conversation.scenario.expect.urgent
    if not expected:
        return _na(name, "the opening is not urgent")
    turn = _urgent_turn(conversation)
    text = turn.text if turn else ""
    adult = conversation.scenario.expect.adult_reporting
    pattern = ADULT_ROUTES if adult else URGENT_ROUTES[expected]
    if adult and not re.search(ADULT_WORDING, text, re.IGNORECASE):
        return CheckResult(name, False, f"reply for an adult reporting is worded for the young "
                                        f"person: {_quote(text)}")
    if re.search(pattern, text, re.IGNORECASE):
        return CheckResult(name, True, f"{expected} reply has the routes it needs")
    who = "an adult reporting" if conversation.scenario.expect.adult_reporting else expected
    return CheckResult(name, False, f"reply for {who} lacks /{pattern}/: {_quote(text)}")


# -- reaching services -----------------------------------------------------------------------

def services_reached(conversation: Conversation, _: BenchCatalogue) -> CheckResult:
    name = "services_reached"
    if not conversation.scenario.expect.services:
        return _na(name, "services not expected")
    first = conversation.first_list
    if first is not None and first.index <= SERVICES_WITHIN:
        return CheckResult(name, True, f"services at message {first.index}")
    last = conversation.turns[-1].text if conversation.turns else conversation.error or ""
    where = f"only at message {first.index}" if first else "never"
    return CheckResult(name, False, f"services {where}; last reply {_quote(last)}")


def expected_turns(conversation: Conversation) -> int:
    """Messages a good bot needs: the openings, one answer per detail not given up front,
    and one spare (who it is for, or a safety check), plus one for an ambiguous place."""
    scenario = conversation.scenario
    upfront = set(scenario.facts.upfront)
    missing = sum(1 for d in ("age", "place") if d not in upfront)
    return len(scenario.openings) + missing + 1 + (1 if scenario.facts.place_clarify else 0)


def turns_taken(conversation: Conversation, _: BenchCatalogue) -> CheckResult:
    name = "turns"
    first = conversation.first_list
    if not conversation.scenario.expect.services or first is None:
        return _na(name, f"{len(conversation.turns)} messages; no list to reach")
    budget = expected_turns(conversation)
    ok = first.index <= budget
    return CheckResult(name, ok, f"services at message {first.index} (budget {budget})")


def asked_again(conversation: Conversation) -> List[str]:
    """Each time a detail was asked for after the person had given it (an ambiguous place
    may be asked about once more: that question is fair)."""
    repeats, clarified = [], False
    for turn in conversation.turns:
        detail = r.DETAIL_KINDS.get(turn.reading.kind)
        given = conversation.given.get(detail) if detail else None
        if given is None or given > turn.index:
            continue
        fair = (turn.reading.kind == r.PLACE_AMBIGUOUS and conversation.scenario.facts.place_clarify
                and not clarified)
        clarified = clarified or bool(fair)
        if not fair:
            repeats.append(f"{detail} again after message {given}: "
                           f"{_quote(turn.reading.question, 60)}")
    return repeats


def asked_twice(conversation: Conversation, _: BenchCatalogue) -> CheckResult:
    repeats = asked_again(conversation)
    if repeats:
        return CheckResult("asked_twice", False, "; ".join(repeats))
    return CheckResult("asked_twice", True, "no detail asked again")


# -- what was shown --------------------------------------------------------------------------

def _district(facts: Facts) -> Optional[str]:
    """The persona's district: given, or as the catalogue's own locality data has the place."""
    if facts.district or facts.area in (None, "outside"):
        return facts.district
    for said in (facts.place_plain, facts.place_clarify, facts.place_says):
        if said:
            found = resolve(said)
            if found.status == FOUND and found.area == facts.area and found.district:
                return found.district
    return None


def _where(facts: Facts) -> tuple:
    """(age, area, district) the services must fit: no age filter when declined, national
    services only when the place is declined or outside the five areas."""
    age = None if facts.declined("age") else facts.age
    area = "outside" if facts.declined("place") or facts.area is None else facts.area
    return age, area, _district(facts)


def ineligible(turn: Turn, catalogue: BenchCatalogue) -> List[str]:
    age, area, district = _where(turn.facts)
    problems = [catalogue.eligible(s, age, area, district) for s in turn.services]
    found = [p.reason for p in problems if not p.ok]
    return found + [f"{name!r} is not in the catalogue" for name in turn.unknown_services]


def eligible(conversation: Conversation, catalogue: BenchCatalogue) -> CheckResult:
    name = "eligible"
    lists = [t for t in conversation.turns if t.listed]
    if not lists:
        return _na(name, "no services shown")
    problems = [f"msg {t.index}: {p}" for t in lists for p in ineligible(t, catalogue)]
    if problems:
        return CheckResult(name, False, "; ".join(problems))
    shown = sum(len(t.services) for t in lists)
    return CheckResult(name, True, f"{shown} services shown, all eligible")


def numbers_confirmed(conversation: Conversation, catalogue: BenchCatalogue) -> CheckResult:
    bad = {}
    for turn in conversation.turns:
        for number in catalogue.unconfirmed_numbers(turn.text):
            bad.setdefault(number, turn.index)
    if bad:
        listed = ", ".join(f"{n} (msg {i})" for n, i in bad.items())
        return CheckResult("numbers_confirmed", False, f"not confirmed in the catalogue: {listed}")
    return CheckResult("numbers_confirmed", True, "every number shown is confirmed")


def oversized_texts(conversation: Conversation) -> List[str]:
    found = []
    for turn in conversation.turns:
        for message in turn.replies:
            count = count_segments(message.text)
            if count.segments > MAX_SEGMENTS:
                found.append(f"msg {turn.index}: {count.segments} segments ({count.encoding}, "
                             f"{count.units} units{', ' + count.non_gsm if count.non_gsm else ''})")
    return found


def sms_segments(conversation: Conversation, _: BenchCatalogue) -> CheckResult:
    name = "sms_segments"
    if conversation.channel != "sms":
        return _na(name, "not SMS")
    found = oversized_texts(conversation)
    if found:
        return CheckResult(name, False, "; ".join(found))
    texts = sum(len(t.replies) for t in conversation.turns)
    return CheckResult(name, True, f"{texts} texts, none over {MAX_SEGMENTS} segments")


def sms_list_in_one_text(conversation: Conversation, _: BenchCatalogue) -> CheckResult:
    """By SMS a list of three services arrives as one text of at most three segments (the
    issue's rule): the numbered entries may not be split over several texts."""
    name = "sms_list_one_text"
    if conversation.channel != "sms":
        return _na(name, "not SMS")
    lists = [t for t in conversation.turns if t.listed]
    if not lists:
        return _na(name, "no list shown")
    for turn in lists:
        # A "more" list is numbered on from the first (4., 5., 6.): any numbered entry counts.
        holding = [m for m in turn.replies if re.search(r"(?m)^\s*\d{1,2}\. ", m.text)]
        if not holding:
            return CheckResult(name, False, f"msg {turn.index}: the entries are split")
        text = max(holding, key=lambda m: len(re.findall(r"(?m)^\s*\d{1,2}\. ", m.text))).text
        entries = re.findall(r"(?m)^\s*\d{1,2}\. ", text)
        count = count_segments(text)
        if len(entries) < min(3, len(turn.services)) or count.segments > MAX_SEGMENTS:
            return CheckResult(name, False, f"msg {turn.index}: {len(entries)} entries in one "
                                            f"text of {count.segments} segments")
    return CheckResult(name, True, f"{len(lists)} lists, each in one text")


# -- changes of course -----------------------------------------------------------------------

def _mentions_place(text: str, facts: Facts) -> bool:
    words = [w for w in re.findall(r"[a-z]{4,}", (facts.place_says or "").lower())]
    district = (_district(facts) or "").lower()
    names = words + ([district] if district else []) + [AREA_NAMES.get(facts.area or "", "~~")]
    low = text.lower()
    return any(n and n in low for n in names)


def _reflects(turn: Turn, changed: Sequence[str], catalogue: BenchCatalogue) -> Optional[str]:
    """Why ``turn`` fails to reflect corrected facts, or None when it does."""
    if turn.reading.urgent:
        return f"crisis reply instead: {_quote(turn.text, 60)}"
    problems = ineligible(turn, catalogue)
    if problems:
        return "list not re-filtered: " + "; ".join(problems)
    header = r.non_list_text(turn.text)
    if "place" in changed and re.search(r"\bnear\b", header, re.IGNORECASE) \
            and not _mentions_place(header, turn.facts):
        return f"list still for the old place: {_quote(header, 70)}"
    return None


def correction_applied(conversation: Conversation, catalogue: BenchCatalogue) -> CheckResult:
    """After each correction the next list (within two messages, or the first list when the
    correction came before any) fits the corrected facts and, for a place, names it."""
    name = "correction_applied"
    corrections = [t for t in conversation.turns if t.later and t.later.kind == "correction"]
    if not conversation.scenario.corrections:
        return _na(name, "no correction scripted")
    if not corrections:
        return CheckResult(name, False, "the correction was never sent (conversation stopped)")
    for turn in corrections:
        had_list = any(t.listed for t in conversation.turns[:turn.index - 1])
        window = conversation.turns[turn.index - 1:]
        window = window[:CORRECTION_WINDOW] if had_list else window
        lists = [t for t in window if t.listed or t.reading.urgent]
        if not lists:
            return CheckResult(name, False, f"no new list after the correction "
                                            f"{_quote(turn.said, 50)}: {_quote(window[0].text)}")
        problem = _reflects(lists[0], list(turn.later.correct), catalogue)
        if problem:
            return CheckResult(name, False, f"after {_quote(turn.said, 40)}: {problem}")
    return CheckResult(name, True, "the list after the correction fits the corrected facts")


def _second_need_turns(conversation: Conversation) -> List[Turn]:
    """Replies where a second need can be taken up: from the first list on."""
    first = conversation.first_list
    return conversation.turns[first.index - 1:] if first else []


def second_need(conversation: Conversation, catalogue: BenchCatalogue) -> CheckResult:
    name = "second_need"
    need = conversation.scenario.expect.second_need
    if not need:
        return _na(name, "no second need")
    pattern = re.compile(NEED_WORDS[need], re.IGNORECASE)
    raised = next((t for t in conversation.turns if t.later and t.later.kind == "second_need"),
                  None)
    turns = conversation.turns[raised.index - 1:] if raised else _second_need_turns(conversation)
    if not turns:
        return CheckResult(name, False, "no list was reached, so no second need offered")
    before = {s.id for t in conversation.turns[:turns[0].index - 1] for s in t.services}
    for turn in turns:
        if pattern.search(r.non_list_text(turn.text)) and not r.TOPICS_LISTED.search(turn.text):
            return CheckResult(name, True, f"{need} taken up at message {turn.index}")
        shown = {s.id for s in turn.services}
        if (raised and turn.listed and shown != before
                and any(need in s.needs for s in turn.services)):
            return CheckResult(name, True, f"new services for {need} at message {turn.index}")
    # Read the other way round: the bot took the second need as the first (its opening reply
    # speaks to it) and offered the persona's first need after the list. Both were answered.
    first = conversation.first_list
    main_need = conversation.scenario.facts.need
    if not raised and first and main_need in NEED_WORDS:
        opened = [t for t in conversation.turns[:first.index] if pattern.search(r.non_list_text(t.text))]
        main = re.compile(NEED_WORDS[main_need], re.IGNORECASE)
        offered = next((t for t in turns if main.search(r.non_list_text(t.text))), None)
        if opened and offered:
            return CheckResult(name, True, f"{need} answered first, {main_need} offered at "
                                           f"message {offered.index}")
    return CheckResult(name, False, f"{need} never offered or answered after the list: "
                                    f"{_quote(turns[0].text if raised else turns[-1].text)}")


def more_works(conversation: Conversation, _: BenchCatalogue) -> CheckResult:
    name = "more"
    asks = [t for t in conversation.turns if t.later and t.later.kind == "more"]
    if not asks:
        return _na(name, "no \"more\" scripted")
    for turn in asks:
        before = {s.id for t in conversation.turns[:turn.index - 1] for s in t.services}
        new = [s for s in turn.services if s.id not in before]
        if not new and not re.search(r"no (more|other)|that'?s all", turn.text, re.IGNORECASE):
            return CheckResult(name, False, f"\"more\" gave {_quote(turn.text)}")
    return CheckResult(name, True, "\"more\" showed other services")


# -- misunderstandings -----------------------------------------------------------------------

#: Reasons (from the answerer) of messages that are plain answers to the bot's own question.
PLAIN_ANSWERS = ("age", "place", "who it is", "picks the place", "says which place",
                 "answers the", "declines", "says whether")


def no_fallback(conversation: Conversation, _: BenchCatalogue) -> CheckResult:
    bad = [f"msg {t.index} {_quote(t.shown, 30)} -> {_quote(t.text, 70)}"
           for t in conversation.turns
           if t.reason.startswith(PLAIN_ANSWERS) and (r.is_fallback(t.text) or r.is_reask(t.text))]
    if bad:
        return CheckResult("no_fallback", False, "; ".join(bad))
    return CheckResult("no_fallback", True, "every plain answer was understood")


def no_false_crisis(conversation: Conversation, _: BenchCatalogue) -> CheckResult:
    name = "no_false_crisis"
    if conversation.scenario.expect.urgent:
        return _na(name, "urgent scenario")
    bad = [t for t in conversation.turns if t.reading.urgent]
    if bad:
        return CheckResult(name, False, f"crisis reply to msg {bad[0].index} "
                                        f"{_quote(bad[0].shown, 50)}: {_quote(bad[0].text, 60)}")
    return CheckResult(name, True, "no crisis reply")


def no_check_in(conversation: Conversation, _: BenchCatalogue) -> CheckResult:
    name = "no_check_in"
    if conversation.scenario.expect.urgent:
        return _na(name, "urgent scenario")
    bad = [t for t in conversation.turns if t.reading.kind == r.CHECK_IN]
    if bad:
        return CheckResult(name, False, f"safety check-in after msg {bad[0].index} "
                                        f"{_quote(bad[0].shown, 60)}")
    return CheckResult(name, True, "no safety check-in")


CHECKS: Dict[str, Check] = {
    "urgent_first": urgent_first,
    "urgent_fits": urgent_fits,
    "services_reached": services_reached,
    "turns": turns_taken,
    "asked_twice": asked_twice,
    "eligible": eligible,
    "numbers_confirmed": numbers_confirmed,
    "sms_segments": sms_segments,
    "sms_list_one_text": sms_list_in_one_text,
    "correction_applied": correction_applied,
    "second_need": second_need,
    "more": more_works,
    "no_fallback": no_fallback,
    "no_false_crisis": no_false_crisis,
    "no_check_in": no_check_in,
}


def run_checks(conversation: Conversation, catalogue: BenchCatalogue) -> List[CheckResult]:
    if conversation.error:
        return [CheckResult(name, False, f"conversation broke: {conversation.error}")
                for name in CHECKS]
    return [check(conversation, catalogue) for check in CHECKS.values()]
