"""What a service offers beyond its need and area: how it can be reached, when, and how to get
in. After a list, people ask for these rather than for "more" ("do any of them do text only?",
"one that does evenings", "she won't sit in a room with a counsellor, anything online?"), and
the catalogue's facts answer them: a way of contact counts only when it is confirmed (only
confirmed contacts are read out), hours come from the weekly schedule, and the rest from the
service's own description and access codes.
"""
from __future__ import annotations

import re
from typing import FrozenSet

from .query import ServiceView

TEXT, ONLINE, PHONE, IN_PERSON, EVENING, WEEKEND, SELF_REFERRAL = (
    "text", "online", "phone", "in_person", "evening", "weekend", "self_referral")
OFFERS = (TEXT, ONLINE, PHONE, IN_PERSON, EVENING, WEEKEND, SELF_REFERRAL)

#: The contact kind that gives each way of contact, to give it first in the list.
CONTACT_KINDS = {TEXT: "text", ONLINE: "webchat", PHONE: "phone"}
#: Open after this (minutes after midnight, UK time) on some day: "evenings".
EVENING_FROM = 18 * 60
_SATURDAY, _SUNDAY = 5, 6
#: A service that is itself online, as its description says ("Online counselling and
#: self-help"); not an online form or a website that tells about it.
_ONLINE_WORDS = re.compile(r"\bonline\s+(?:counsell?ing|chat|support|therapy|sessions?|service|"
                           r"community|groups?|mentoring)\b|\bweb ?chat\b|\blive chat\b",
                           re.IGNORECASE)
_IN_PERSON_WORDS = re.compile(r"\bface[- ]to[- ]face\b|\bin person\b|\bdrop[- ]in\b|\bwalk[- ]in\b",
                              re.IGNORECASE)


def offers(service: ServiceView) -> FrozenSet[str]:
    """Everything in OFFERS the catalogue says ``service`` has."""
    found = set()
    # The ways a list reads out: confirmed and not too old (signposting.replies).
    kinds = {c.kind for c in service.contacts if c.confirmed and not c.stale and not service.stale}
    words = f"{service.summary} {service.description}"
    if "text" in kinds:
        found.add(TEXT)
    if "phone" in kinds:
        found.add(PHONE)
    if "webchat" in kinds or _ONLINE_WORDS.search(words):
        found.add(ONLINE)
    if "walk_in" in service.access or _IN_PERSON_WORDS.search(words):
        found.add(IN_PERSON)
    if "self_referral" in service.access:
        found.add(SELF_REFERRAL)
    rows = list(service.schedule) + [row for c in service.contacts if c.confirmed
                                     for row in c.schedule]
    if service.always_open or any(closes > EVENING_FROM or closes <= opens
                                  for _, opens, closes in rows):
        found.add(EVENING)
    if service.always_open or any(day in (_SATURDAY, _SUNDAY) for day, _, _ in rows):
        found.add(WEEKEND)
    return frozenset(found)
