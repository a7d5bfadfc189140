"""The persona's side of the conversation: answer the bot's last question as that person would.

Given what the bot just said (read by ``reading.classify``), the answerer says the age in the
persona's words, the place as they would write it, who the help is for (a number by SMS, the
button on the web), yes or no to a yes/no question, "rather not say" for what they decline,
and their scripted later turns (a correction, a second need, "more") once services are shown.
A question it cannot recognise is recorded as ``unrecognised_question`` and answered with the
next scripted turn, or the conversation stops there.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from typing import Dict, List, Optional

from bench.conversations import reading as r
from bench.conversations.scenarios import Facts, LaterTurn, Scenario

DECLINE = "rather not say"
#: Who the help is for, as each audience picks it from the bot's options.
WHO_FOR_OPTION = {"young_person": r"\bme\b|myself|\byou\b|yourself",
                  "parent_carer": r"child|son|daughter|family|parent",
                  "professional": r"work|pupil|student|professional|someone|client|support"}
WHO_FOR_WORDS = {"young_person": "it's for me", "parent_carer": "it's for my child",
                 "professional": "someone I work with"}
#: When the bot did not understand the opening: a plainer way to say each need.
PLAIN_NEED = {
    "anxiety": "I feel anxious and worried all the time",
    "low_mood": "I feel really low and sad",
    "self_harm": "self harm, I want help to stop",
    "eating_body_image": "problems with eating",
    "bereavement": "someone died and I'm struggling with grief",
    "bullying": "bullying",
    "family_relationships": "arguments at home with family",
    "school_stress": "stress about school",
    "sleep": "I can't sleep",
    "anger_behaviour": "anger and behaviour problems",
    "neurodevelopmental": "autism support",
    "substance_use": "drugs and alcohol",
    "identity": "sexuality and gender identity",
    "trauma": "something bad happened and I keep having flashbacks",
    "loneliness": "I feel lonely",
    "psychosis": "hearing voices",
    "general_wellbeing": "I just want to feel better",
}
#: Button titles for yes and no, and for "I'm safe" / "I'm not safe" (or "The child is ...").
YES_OPTION, NO_OPTION = r"^(yes|y|yeah)\b", r"^(no|n|nope)\b"
SAFE_OPTION = r"^(?!.*\bnot\b).*\bsafe\b|^yes"
NOT_SAFE_OPTION = r"\bnot\b.*\bsafe\b|unsafe|^no\b"
#: The topic of each need in a few words, for parents' and professionals' rephrasing.
NEED_TOPIC = {
    "anxiety": "anxiety", "low_mood": "low mood", "self_harm": "self-harm",
    "eating_body_image": "eating problems", "bereavement": "grief after a death",
    "bullying": "bullying", "family_relationships": "family arguments",
    "school_stress": "stress about school", "sleep": "sleep problems",
    "anger_behaviour": "anger and behaviour", "neurodevelopmental": "autism or ADHD",
    "substance_use": "drugs or alcohol", "identity": "sexuality or gender identity",
    "trauma": "trauma after something frightening", "loneliness": "loneliness",
    "psychosis": "hearing voices", "general_wellbeing": "general wellbeing",
}
#: Who-for words that make an opening say who the help is for.
WHO_FOR_IN_PASSING = re.compile(
    r"\bmy (son|daughter|child|kid|boy|girl|lad|grandson|granddaughter|stepson|stepdaughter|"
    r"foster|teen|toddler|little one|pupil|student|year \d+s?)\b|\bone of my\b|\bi'?m a\b",
    re.IGNORECASE)


@dataclass(frozen=True)
class Answer:
    """What the persona sends (``text``), what a person would see themselves do (``shown``,
    e.g. the button's title), why, and which scripted turn it is, if any."""

    text: str
    shown: str
    reason: str
    detail: Optional[str] = None        # the detail this answers (age, place, who_for)
    later: Optional[LaterTurn] = None   # the scripted turn sent


@dataclass
class Persona:
    """A scenario's person during one conversation: facts change when they correct them."""

    scenario: Scenario
    facts: Facts = field(init=False)
    audience: str = field(init=False)
    pending: List[LaterTurn] = field(init=False)
    asked: Dict[str, int] = field(default_factory=dict)
    rephrased: bool = False
    second_need_accepted: bool = False

    def __post_init__(self) -> None:
        self.facts = self.scenario.facts
        self.audience = self.scenario.audience
        self.pending = list(self.scenario.later)

    def upfront(self) -> List[str]:
        """Details the openings already gave (the scenario's list, plus who-for when a parent
        or professional says "my son" or "I'm a teacher")."""
        given = list(self.facts.upfront)
        if (self.audience != "young_person" and "who_for" not in given
                and any(WHO_FOR_IN_PASSING.search(o) for o in self.scenario.openings)):
            given.append("who_for")
        return given

    def apply(self, turn: LaterTurn) -> None:
        """A correction changes what is true from now on."""
        changes = dict(turn.correct)
        audience = changes.pop("audience", None)
        if audience:
            self.audience = audience
        if "age" in changes and "age_says" not in changes:
            changes["age_says"] = str(changes["age"])
        if changes:
            self.facts = replace(self.facts, **changes)

    # -- answering ---------------------------------------------------------------------------

    def answer(self, reading: r.Reading, web: bool) -> Optional[Answer]:
        """The persona's next message, or None when they would stop here."""
        scripted = self._next_scripted(reading)
        if scripted is not None:
            return scripted
        handler = {r.AGE: self._age, r.PLACE: self._place, r.PLACE_AMBIGUOUS: self._clarify,
                   r.WHO_FOR: self._who_for, r.CHECK_IN: self._check_in, r.URGENT: self._safe,
                   r.SERVICES: self._after_services, r.FALLBACK: self._rephrase,
                   r.OPEN: self._open, r.OFFER: self._offer, r.TOPIC: self._topic}.get(reading.kind)
        if handler is None:  # unrecognised question or a statement: a scripted turn, or stop
            return self._take_later(any_turn=True)
        return handler(reading, web)

    def _next_scripted(self, reading: r.Reading) -> Optional[Answer]:
        if self.pending and self.pending[0].when == "next" and reading.kind != r.URGENT:
            return self._take_later(any_turn=True)
        return None

    def _take_later(self, any_turn: bool = False) -> Optional[Answer]:
        if not self.pending or (not any_turn and self.pending[0].when != "services"):
            return None
        turn = self.pending.pop(0)
        if turn.kind == "correction":
            self.apply(turn)
        return Answer(turn.say, turn.say, f"scripted {turn.kind}", later=turn)

    def _count(self, detail: str) -> int:
        self.asked[detail] = self.asked.get(detail, 0) + 1
        return self.asked[detail]

    def _age(self, reading: r.Reading, web: bool) -> Answer:
        times = self._count("age")
        if self.facts.declined("age") or self.facts.age is None:
            return Answer(DECLINE, DECLINE, "declines the age", "age")
        said = self.facts.age_says if times == 1 else str(self.facts.age)
        return Answer(said, said, "age" + (" (plainer)" if times > 1 else ""), "age")

    def _place(self, reading: r.Reading, web: bool) -> Answer:
        times = self._count("place")
        if self.facts.declined("place") or not self.facts.place_says:
            return Answer(DECLINE, DECLINE, "declines the place", "place")
        said = self.facts.place_plain if times > 1 and self.facts.place_plain \
            else self.facts.place_says
        if times > 1 and self.facts.place_clarify and "place_clarified" in self.asked:
            said = self.facts.place_clarify
        return Answer(said, said, "place", "place")

    def _clarify(self, reading: r.Reading, web: bool) -> Answer:
        self._count("place")
        self.asked["place_clarified"] = 1
        said = self.facts.place_clarify or self.facts.place_plain or self.facts.place_says
        names = [re.escape(n) for n in (self.facts.district, self.facts.area) if n]
        choice = reading.options and names and r.pick_option(reading.options, "|".join(names))
        if choice:
            return Answer(choice[1], choice[0], "picks the place option", "place")
        return Answer(said or DECLINE, said or DECLINE, "says which place", "place")

    def _who_for(self, reading: r.Reading, web: bool) -> Answer:
        self._count("who_for")
        choice = r.pick_option(reading.options, WHO_FOR_OPTION[self.audience])
        if choice:
            label, value = choice
            return Answer(value, label if web else value, "who it is for (option)", "who_for")
        words = WHO_FOR_WORDS[self.audience]
        return Answer(words, words, "who it is for (words)", "who_for")

    def _yes_no(self, reading: r.Reading, web: bool, yes: bool, reason: str) -> Answer:
        pattern = YES_OPTION if yes else NO_OPTION
        choice = r.pick_option(reading.options, pattern) if web else None
        if choice:
            return Answer(choice[1], choice[0], reason)
        words = "yes" if yes else "no"
        return Answer(words, words, reason)

    def _check_in(self, reading: r.Reading, web: bool) -> Answer:
        urgent = self.scenario.expect.urgent is not None
        return self._yes_no(reading, web, urgent, "answers the safety check-in")

    def _safe(self, reading: r.Reading, web: bool) -> Optional[Answer]:
        if "safe" in self.asked:
            return self._take_later(any_turn=True)
        self.asked["safe"] = 1
        if self.facts.safe_says:
            said = self.facts.safe_says
            return Answer(said, said, "says in their words whether they are safe")
        pattern = SAFE_OPTION if self.facts.safe else NOT_SAFE_OPTION
        choice = r.pick_option(reading.options, pattern) if web else None
        if choice:
            return Answer(choice[1], choice[0], "says whether they are safe")
        words = "yes im safe" if self.facts.safe else "no"
        return Answer(words, words, "says whether they are safe")

    def _after_services(self, reading: r.Reading, web: bool) -> Optional[Answer]:
        later = self._take_later()
        if later is not None:
            return later
        second = self.scenario.expect.second_need
        if second and not self.second_need_accepted and r.OFFER_Q.search(reading.text):
            self.second_need_accepted = True
            return Answer("yes please", "yes please", "accepts the second need offered")
        return None

    def _rephrase(self, reading: r.Reading, web: bool) -> Optional[Answer]:
        if not self.rephrased:
            self.rephrased = True
            said = self.facts.rephrase or self._plain_need()
            return Answer(said, said, "says it another way")
        return self._take_later(any_turn=True)

    def _topic(self, reading: r.Reading, web: bool) -> Optional[Answer]:
        """Asked which topic a new worry is: the second need once it was raised, else the
        first; on the web its button."""
        raised = any(t.kind == "second_need" and t not in self.pending for t in self.scenario.later)
        need = (self.scenario.expect.second_need if raised and self.scenario.expect.second_need
                else self.facts.need)
        choice = next(((label, value) for label, value in reading.options
                       if value == f"/need_{need}"), None) if web else None
        if choice:
            return Answer(choice[1], choice[0], "names the topic")
        return Answer(NEED_TOPIC[need], NEED_TOPIC[need], "names the topic")

    def _plain_need(self) -> str:
        """The need said plainly, as the writer would: about themselves, their child, or
        a young person they work with."""
        topic = NEED_TOPIC[self.facts.need]
        if self.audience == "parent_carer":
            return f"I need support for my child with {topic}"
        if self.audience == "professional":
            return f"I need support for a young person I work with, with {topic}"
        return PLAIN_NEED[self.facts.need]

    def _open(self, reading: r.Reading, web: bool) -> Optional[Answer]:
        return self._rephrase(reading, web)

    def _offer(self, reading: r.Reading, web: bool) -> Optional[Answer]:
        """Yes to a second need they have; else their next scripted turn; else no."""
        wants = bool(self.scenario.expect.second_need) and not self.second_need_accepted
        if wants:
            self.second_need_accepted = True
            return self._yes_no(reading, web, True, "answers the offer")
        return self._take_later(any_turn=True) or self._yes_no(reading, web, False,
                                                                 "answers the offer")
