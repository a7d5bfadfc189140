"""What a person wants a service to offer, read from their reply to a list: "do any of them do
text only? i cant do phone calls", "she won't sit in a room with a counsellor - is there
something she could do online or by text?", "anything in the evenings, I work till 6",
"one I can refer myself to".

The answer is groups of offers (services_catalog.offers): a service fits when it has one offer
of every group. Ways of contact form one group (someone asking for "online or text" takes
either, and "won't talk on the phone" leaves text and online), times another, and
self-referral a third.
"""
from __future__ import annotations

import re
from typing import FrozenSet, Tuple

from services_catalog.offers import (
    CONTACT_KINDS,
    EVENING,
    IN_PERSON,
    ONLINE,
    PHONE,
    SELF_REFERRAL,
    TEXT,
    WEEKEND,
)

_NOT_PHONE = re.compile(
    r"\b(?:can'?t|cant|cannot|won'?t|wont|doesn'?t|dont|don'?t|not\s+good|hates?|scared|anxious|"
    r"struggles?|no)\s+(?:\w+\s+){0,3}?(?:phone|phones|phoning|telephone|ring|ringing|call|calls|calling|"
    r"(?:talk|speak)(?:ing)?\s+on\s+(?:the\s+)?(?:tele)?phone)\b"
    r"|\bnot\s+(?:a\s+)?(?:phone|call)\b|\bwithout\s+(?:a\s+)?(?:phone|calling|ringing)\b")
_NOT_IN_PERSON = re.compile(
    r"\b(?:won'?t|wont|can'?t|cant|doesn'?t|dont|don'?t|not)\s+(?:\w+\s+){0,3}?(?:sit\s+in\s+a\s+room|"
    r"go\s+(?:in|there|anywhere)|face\s+to\s+face|in\s+person|see\s+(?:anyone|someone|a\s+counsell?or))")
_CHANNELS = (
    (TEXT, re.compile(r"\b(?:text|txt|texting|texts|sms|message|messaging|whatsapp)\b")),
    (ONLINE, re.compile(r"\b(?:online|web\s*chat|live\s+chat|chat|app|internet|video|zoom)\b")),
    (PHONE, re.compile(r"\b(?:phone|ring|call)\s+(?:them|someone|up)\b|\bby\s+phone\b|"
                       r"\bon\s+the\s+phone\b|\bphone\s+line\b|\bhelpline\b")),
    (IN_PERSON, re.compile(r"\b(?:face\s*to\s*face|in\s+person|drop[- ]in|walk[- ]in|"
                           r"see\s+someone)\b")),
)
_TIMES = (
    (EVENING, re.compile(r"\b(?:evenings?|at\s+night|nights|after\s+(?:school|work|college|"
                         r"[5-9]|six|seven|eight)|out\s+of\s+hours|work(?:s|ing)?\s+(?:till|until|til)\b)")),
    (WEEKEND, re.compile(r"\b(?:weekends?|saturdays?|sundays?|sat|sun)\b")),
)
_SELF_REFERRAL = re.compile(r"\b(?:self[- ]?refer\w*|refer\s+(?:myself|herself|himself|themselves|"
                            r"ourselves)|without\s+(?:a\s+)?(?:gp|doctor|referral)|no\s+referral|"
                            r"don'?t\s+need\s+(?:a\s+)?referral|not\s+through\s+(?:the\s+)?(?:gp|school)|"
                            # "can i go to one myself", "without school knowing"
                            r"(?:go|get|ring|contact)\s+(?:to\s+)?(?:one|them|it|that)?\s*(?:myself|by\s+myself|"
                            r"on\s+my\s+own)|without\s+(?:school|my\s+(?:parents|mum|dad|teachers?|school)|"
                            r"them|anyone)\s+(?:knowing|finding\s+out))\b")

Wishes = Tuple[FrozenSet[str], ...]


def read_wishes(text: str) -> Wishes:
    """The groups of offers ``text`` asks for; () when it asks for none."""
    lower = (text or "").lower().replace("\u2019", "'")
    groups = []
    not_phone = bool(_NOT_PHONE.search(lower))
    channels = {offer for offer, words in _CHANNELS if words.search(lower)}
    if not_phone:
        channels.discard(PHONE)
        channels |= {TEXT, ONLINE} if not channels else set()
    if _NOT_IN_PERSON.search(lower):
        channels.discard(IN_PERSON)
        channels |= {TEXT, ONLINE} if not channels else set()
    if channels:
        groups.append(frozenset(channels))
    times = {offer for offer, words in _TIMES if words.search(lower)}
    if times:
        groups.append(frozenset(times))
    if _SELF_REFERRAL.search(lower):
        groups.append(frozenset({SELF_REFERRAL}))
    return tuple(groups)


def contact_kinds(wishes: Wishes) -> Tuple[str, ...]:
    """The contact kinds to give first for these wishes ("any i can text?": the text number)."""
    return tuple(CONTACT_KINDS[o] for group in wishes for o in sorted(group) if o in CONTACT_KINDS)


def fits(offered: FrozenSet[str], wishes: Wishes) -> bool:
    """A service with ``offered`` has one offer of every group."""
    return all(offered & group for group in wishes)


#: How each offer is said in "Of the services I found, these ...".
SAID = {TEXT: "take texts", ONLINE: "work online", PHONE: "take phone calls",
        IN_PERSON: "see people face to face", EVENING: "are open some evenings",
        WEEKEND: "are open at weekends", SELF_REFERRAL: "take self-referrals"}


def described(wishes: Wishes) -> str:
    """ "take texts or work online, and are open some evenings": the wishes in words, to
    follow "services that" or "they"."""
    return ", and ".join(" or ".join(SAID[o] for o in sorted(group, key=_ORDER.index))
                         for group in wishes)


_ORDER = [TEXT, ONLINE, PHONE, IN_PERSON, EVENING, WEEKEND, SELF_REFERRAL]
