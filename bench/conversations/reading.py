"""Reading the bot's replies: what kind of turn it is and what it asks.

Everything the bench knows about the bot's wording is in this file, learnt by talking to it,
and written loosely on purpose (key words, not whole sentences): the wording will change, and
a reworded question should still be recognised. Each pattern lists several ways of asking.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Dict, List, Optional, Sequence, Tuple

from bench.conversations.transports import BotMessage, Button

# Kinds of turn, as the answerer and the checks see them.
URGENT = "urgent"                  # crisis reply: 24/7 routes, "are you safe?"
CHECK_IN = "check_in"              # "are you thinking about ending your life ... yes or no"
WHO_FOR = "who_for"
PLACE_AMBIGUOUS = "place_ambiguous"
PLACE = "place"
AGE = "age"
SERVICES = "services"
FALLBACK = "fallback"              # "not sure I understood, say it another way"
TOPIC = "topic"                    # a new worry after a list: "which of these is closest?"
OPEN = "open"                      # "what's on your mind?"
OFFER = "offer"                    # "would you like ...?", "just say if you'd like ..."
UNRECOGNISED = "unrecognised_question"
STATEMENT = "statement"            # nothing asked

DETAIL_KINDS = {AGE: "age", PLACE: "place", PLACE_AMBIGUOUS: "place", WHO_FOR: "who_for"}


def _any(*patterns: str) -> re.Pattern:
    return re.compile("|".join(f"(?:{p})" for p in patterns), re.IGNORECASE)


ROUTES = _any(r"\b999\b", r"\b111\b", r"85258", r"\bshout\b", r"childline", r"samaritans",
              r"116 ?123", r"papyrus", r"nspcc", r"0808 800 5000")
#: A crisis reply asks whether the person (or the child) is safe, or says to call 999 now.
#: Safety advice inside an ordinary reply ("if the injury needs treatment, call 111 or go to
#: A&E") is not a crisis reply.
SAFE_QUESTION = _any(r"are you (somewhere )?safe", r"is (the|your) (child|young person) safe",
                     r"safe (right )?now\?")
URGENT_MARKERS = _any(r"call 999 now", r"in danger right now, call 999",
                      r"right now, day or night")
CHECK_IN_Q = _any(r"thinking (about|of) (ending|killing|hurting)", r"ending your life",
                  r"hurting yourself", r"check i'?ve understood", r"want to check",
                  r"are you (in danger|at risk)")
WHO_FOR_Q = _any(r"is (this|it) for you", r"for your child", r"someone you work with",
                 r"who (is|are) (this|you asking) for", r"who('s| is) (it|this) for",
                 r"young person you work with", r"(asking )?for yourself", r"someone else\?")
AMBIGUOUS_PLACE = _any(r"more than one (area|place|town)", r"which one do you mean",
                       r"which [\w'-]+(?: [\w'-]+){0,3} do you mean",
                       r"did you mean", r"(two|several|a few) places called",
                       r"which of (these|those)")
PLACE_Q = _any(r"where (do|does|are|is)\b[^?]*\b(live|living|based|from|stay)",
               r"postcode", r"which (town|area|part)", r"name of (your|the|their) (town|area)",
               r"whereabouts", r"where (are|is) (you|they|he|she)\b")
AGE_Q = _any(r"how old", r"what age", r"\bage (is|are)\b", r"(your|their|his|her) age",
             r"(catch|find) an age", r"send a number", r"(which|what) (school )?year",
             r"year (are|is) (you|they|he|she) in")
FALLBACK_MARKERS = _any(r"not sure i (understood|follow|got that)", r"say (it|that) another way",
                        r"(could|can) you (rephrase|put it another way)",
                        r"didn'?t (quite )?(understand|get) (that|you)",
                        r"i'?m not sure what you mean", r"choose one of these topics")
TOPIC_Q = _any(r"which of these is closest")
#: A reply that lists every topic the bot knows names every need without answering one.
TOPICS_LISTED = _any(r"which of these is closest", r"i can help find support with:")
REASK_MARKERS = _any(r"didn'?t catch", r"didn'?t recognise", r"couldn'?t find (that|a place)",
                     r"please send a (number|postcode)")
OPEN_Q = _any(r"what'?s on your mind", r"how can i help", r"what (can|could) i help",
              r"how are (you|things) (feeling|doing|going)",
              r"what would you like (help|to talk)", r"what'?s (been )?(going on|happening)",
              r"tell me (a bit )?(more|about)")
OFFER_Q = _any(r"you also mentioned", r"would you like", r"do you want", r"just say if",
               r"shall i", r"want me to", r"anything else")
#: Options that say who the help is for ("Me" / "My child" / "A pupil"), whatever the question.
WHO_FOR_LABELS = (r"\bme\b|myself", r"child|son|daughter")
LIST_ITEM = re.compile(r"^\s*(?P<marker>\d{1,2}[.)]|[-*\u2022])\s+(?P<name>[^:\n]+?)"
                       r"(?::|\s[-\u2013]\s|\s\(|$)", re.MULTILINE)
SMS_OPTION = re.compile(r"\b(\d)\s*(?:for|=|:|-)\s*([^,.;\n]+?)(?=\s*(?:,|\.|;|\n|\bor\b|$))",
                        re.IGNORECASE)


def turn_text(messages: Sequence[BotMessage]) -> str:
    return "\n".join(m.text for m in messages if m.text)


def is_urgent(text: str) -> bool:
    """A crisis reply: 24/7 routes together with "are you safe?" or an urgent instruction."""
    return bool(ROUTES.search(text) and (SAFE_QUESTION.search(text)
                                         or URGENT_MARKERS.search(text)))


def is_check_in(text: str) -> bool:
    return bool(CHECK_IN_Q.search(text)) and not SAFE_QUESTION.search(text)


def is_fallback(text: str) -> bool:
    return bool(FALLBACK_MARKERS.search(text))


def is_reask(text: str) -> bool:
    return bool(REASK_MARKERS.search(text))


def list_items(text: str) -> List[Tuple[bool, str]]:
    """(numbered, head) of each list line ("1. Kooth: ..." -> (True, "Kooth"); "- Shout ..."
    -> (False, "Shout ..."))."""
    return [(m.group("marker")[0].isdigit(), m.group("name").strip())
            for m in LIST_ITEM.finditer(text)]


def list_lines(text: str) -> List[Tuple[bool, str, str]]:
    """(numbered, head, whole line) of each list line."""
    return [(m.group("marker")[0].isdigit(), m.group("name").strip(),
             text[m.start():].split("\n", 1)[0]) for m in LIST_ITEM.finditer(text)]


def non_list_text(text: str) -> str:
    """The lines that are not list items: headers, notes and questions."""
    return "\n".join(line for line in text.splitlines() if not LIST_ITEM.match(line))


def questions(text: str) -> List[str]:
    """Sentences that ask something, last one last ("...?" or "Please send ...")."""
    sentences = re.split(r"(?<=[.?!])\s+|\n", text)
    return [s for s in sentences if s.strip().endswith("?")
            or re.match(r"\s*(please )?(send|reply|tell me|choose|say)\b", s, re.IGNORECASE)]


@dataclass(frozen=True)
class Reading:
    """What a turn of the bot's replies is, and the question it ends on."""

    kind: str
    question: str
    options: Tuple[Tuple[str, str], ...] = ()   # (label, what to send), SMS numbers or buttons
    shows_services: bool = False
    urgent: bool = False
    text: str = ""


def options_of(messages: Sequence[BotMessage]) -> Tuple[Tuple[str, str], ...]:
    """Buttons (title, payload) on the web; "Reply 1 for X, 2 for Y" on SMS (label, digit)."""
    buttons: List[Button] = [b for m in messages for b in m.buttons]
    if buttons:
        return tuple((b.title, b.payload) for b in buttons)
    found: Dict[str, str] = {}
    for message in messages:
        for line in message.text.splitlines():
            if re.search(r"\breply\b", line, re.IGNORECASE):
                for digit, label in SMS_OPTION.findall(line):
                    found.setdefault(digit, label.strip())
    return tuple((label, digit) for digit, label in found.items())


def classify(messages: Sequence[BotMessage], listed: bool) -> Reading:
    """The kind of turn, judged on the whole turn for replies that change everything (crisis,
    a list) and on its last question otherwise. ``listed``: the turn shows services."""
    text = turn_text(messages)
    asked = questions(text)
    last = asked[-1] if asked else ""
    options = options_of(messages)
    urgent = is_urgent(text)
    kind = _kind(text, last, urgent, listed, options)
    sentences = [x for x in re.split(r"(?<=[.?!])\s+|\n", text) if x.strip()]
    return Reading(kind, last or (sentences[-1] if sentences else ""), options, listed, urgent,
                   text)


def _kind(text: str, last: str, urgent: bool, listed: bool,
          options: Tuple[Tuple[str, str], ...]) -> str:
    if urgent:
        return URGENT
    if is_check_in(text):
        return CHECK_IN
    if listed:
        return SERVICES
    if TOPIC_Q.search(text):  # before the place question's "which of these"
        return TOPIC
    labels = " | ".join(label for label, _ in options)
    # "... support for your child and family. Which Halstead do you mean? Reply 1 for ...":
    # the question asks which place, whatever an acknowledgement before it says.
    asked = questions(text)
    if any(AMBIGUOUS_PLACE.search(q) for q in asked) and not any(WHO_FOR_Q.search(q) for q in asked):
        return PLACE_AMBIGUOUS
    if (WHO_FOR_Q.search(last) or (WHO_FOR_Q.search(text) and options)
            or all(re.search(p, labels, re.IGNORECASE) for p in WHO_FOR_LABELS)):
        return WHO_FOR
    if AMBIGUOUS_PLACE.search(text):
        return PLACE_AMBIGUOUS
    for kind, pattern in ((PLACE, PLACE_Q), (AGE, AGE_Q)):
        if last and pattern.search(last):
            return kind
    if is_fallback(text):
        return FALLBACK
    # No question sentence: an invitation ("tell me what's been going on, or how old you are")
    # is an open question, not a request for a detail.
    for kind, pattern in ((OPEN, OPEN_Q), (PLACE, PLACE_Q), (AGE, AGE_Q), (OFFER, OFFER_Q)):
        if pattern.search(last or text):
            return kind
    return UNRECOGNISED if last.strip().endswith("?") else STATEMENT


def pick_option(options: Sequence[Tuple[str, str]], pattern: str) -> Optional[Tuple[str, str]]:
    """The first option whose label matches ``pattern`` (case-insensitive)."""
    for label, value in options:
        if re.search(pattern, label, re.IGNORECASE):
            return label, value
    return None
