"""Turn catalogue entries into short, channel-neutral reply text.

Only confirmed contact details are ever given as numbers to call or text. A detail from a
secondary source, or a service whose facts are over a year old, is shown with "check the
website for current details" instead, as the catalogue's status rules require.
"""
from __future__ import annotations

import re
from datetime import datetime
from typing import Iterable, List, Optional, Sequence, Union

from services_catalog.query import ContactView, ServiceView, open_status

from .audience import PROFESSIONAL
from .sms import segments

CHECK_WEBSITE = "check the website for current details"

#: Who can make a referral, in the catalogue's access codes, for professionals' replies.
_REFERRERS = {"gp": "a GP", "school": "school", "parent": "a parent or carer",
              "professional": "a professional"}


def contact_line(c: ContactView) -> str:
    hours = f" ({c.hours})" if c.hours else ""
    note = f", {c.note}" if c.note else ""
    if c.kind == "phone":
        return f"call {c.value}{note}{hours}"
    if c.kind == "text":
        keyword = f"{c.keyword} to " if c.keyword else ""
        return f"text {keyword}{c.value}{note}{hours}"
    if c.kind == "webchat":
        return f"chat online at {c.value}{hours}"
    if c.kind == "email":
        return f"email {c.value}"
    return f"{c.note + ': ' if c.note else 'see '}{c.value}"


#: The order ways of contact are given in: a number first.
_ORDER = {"phone": 0, "text": 1, "webchat": 2, "website": 3, "email": 4}


def _rank(prefer: Sequence[str]):
    """Sort key for contacts: the kinds in ``prefer`` (a way the person asked for, "any i can
    text?") first, then the usual order."""
    return lambda c: (c.kind not in prefer, _ORDER.get(c.kind, 9))


def how_to_reach(service: ServiceView, prefer: Sequence[str] = ()) -> str:
    if not service.contacts and service.access_note:
        return service.access_note.rstrip(".")
    confirmed = sorted((c for c in service.contacts if c.confirmed), key=_rank(prefer))
    websites = [c.value for c in service.contacts if c.kind in ("website", "webchat")]
    websites += [service.url] if service.url else []
    if not confirmed:
        if not websites:
            # Only unverified numbers: the catalogue's note says how to reach it instead.
            return (service.access_note or
                    "Contact details not confirmed yet: ask at school or your GP").rstrip(".")
        return f"See {websites[0]} ({CHECK_WEBSITE})"
    text = "; ".join(contact_line(c) for c in confirmed[:2])
    if service.stale or any(c.stale for c in confirmed[:2]):
        text += f" ({CHECK_WEBSITE})"
    return text[:1].upper() + text[1:]


def open_now(service: ServiceView, at: datetime) -> Optional[bool]:
    """Is the service, or any of its confirmed contacts, open at this moment? None: not known.
    (The catalogue's own answer, which the search also ranks by.)"""
    return open_status(service, at)


def how_to_refer(service: ServiceView) -> str:
    """For professionals: who can refer, and whether the young person can go directly."""
    referrers = [_REFERRERS[a] for a in service.access if a in _REFERRERS]
    direct = [w for a, w in (("self_referral", "refer themselves"), ("walk_in", "walk in"))
              if a in service.access]
    parts = []
    if referrers:
        parts.append("Referral by " + (referrers[0] if len(referrers) == 1 else
                                       ", ".join(referrers[:-1]) + " or " + referrers[-1]))
    if direct:
        parts.append("the young person can " + " or ".join(direct))
    text = "; ".join(parts)
    return text[:1].upper() + text[1:] + "." if text else ""


def service_entry(service: ServiceView, number: int, at: Optional[datetime] = None,
                  audience: Optional[str] = None, prefer: Sequence[str] = ()) -> str:
    parts = [f"{number}. {service.name}: {service.summary} {how_to_reach(service, prefer)}."]
    if audience == PROFESSIONAL and how_to_refer(service):
        parts.append(how_to_refer(service))
    status = open_now(service, at) if at else None
    if status is not None:
        parts.append("Open now." if status else "Closed now.")
    return " ".join(parts)


def one_way_to_reach(service: ServiceView, brief: bool = False, prefer: Sequence[str] = ()) -> str:
    """The one best way to reach a service, short enough for a text message: a confirmed
    number first (a way in ``prefer`` before any), else its website (with "check the website"
    when the details are not confirmed or are old), else how to get there (through school,
    through the GP)."""
    confirmed = sorted((c for c in service.contacts if c.confirmed and not c.stale),
                       key=_rank(prefer))
    if confirmed and not service.stale:
        c = confirmed[0]
        if c.kind == "phone":
            return f"call {c.value}"
        if c.kind == "text":
            return f"text {c.keyword + ' to ' if c.keyword else ''}{c.value}"
        if c.kind in ("webchat", "website"):
            return f"{'chat at' if c.kind == 'webchat' else 'see'} {text_address(c.value)}"
        if c.kind == "email":
            return f"email {c.value}"
    websites = [c.value for c in service.contacts if c.kind in ("website", "webchat")]
    websites += [service.url] if service.url else []
    if websites:
        # "see kooth.com for current details": the website is the way in, and its details are
        # not confirmed here, in fewer characters than the web chat's note.
        return f"see {text_address(websites[0])} for current details"
    if service.access_note:
        # Its first clause: "Drop in at a family centre" (the rest says what is not confirmed,
        # which "details on request" and the web chat give in full).
        first = re.split(r"[.;:]\s", service.access_note + " ", maxsplit=1)[0].rstrip(".")
        # brief (a list that would not fit one text): up to its first comma as well.
        return first.split(", ", 1)[0] if brief else first
    return "ask at school or your GP"


#: A web address longer than this is given by its site alone in a text message: a deep page's
#: path can take a third of a text, and the site's own search finds the page.
TEXT_ADDRESS_CHARS = 32
#: A name's part in brackets longer than this is left out in a text message ("Mental Health
#: Support Teams in schools (Emotional Wellbeing Teams in Kent, Emotional Support Teams in
#: Medway)"); short ones stay, as they often name who runs it ("(Southend YMCA)").
TEXT_BRACKET_CHARS = 24
#: Briefer still, when a list would not fit one text otherwise ("(Kent and Medway)" goes).
BRIEF_BRACKET_CHARS = 12


def _brackets_over(chars: int) -> "re.Pattern[str]":
    return re.compile(r"\s*\([^()]{%d,}\)" % (chars + 1))


_LONG_BRACKET = _brackets_over(TEXT_BRACKET_CHARS)
_BRIEF_BRACKET = _brackets_over(BRIEF_BRACKET_CHARS)


def text_address(url: str) -> str:
    """A web address short enough for a text message (the site, when the page's is long)."""
    bare = short_address(url)
    return bare if len(bare) <= TEXT_ADDRESS_CHARS else bare.split("/", 1)[0]


def text_name(name: str, brief: bool = False) -> str:
    """A service's name for a text message: long bracketed parts left out."""
    return (_BRIEF_BRACKET if brief else _LONG_BRACKET).sub("", name).strip() or name


def short_address(url: str) -> str:
    """A web address as people type it: no scheme, no "www.", no trailing slash."""
    bare = url.split("://", 1)[-1]
    bare = bare[4:] if bare.startswith("www.") else bare
    return bare.rstrip("/")


def compact_entry(service: ServiceView, number: int, at: Optional[datetime] = None,
                  brief: bool = False, prefer: Sequence[str] = ()) -> str:
    """One line for a text message: the name, the one way to reach it, and open now."""
    status = open_now(service, at) if at else None
    when = "" if status is None else (" Open now." if status else " Closed now.")
    way = one_way_to_reach(service, brief, prefer)
    return f"{number}. {text_name(service.name, brief)}: {way}.{when}"


#: The first entry's number (the rest follow on), or each entry's own number (a list of
#: services picked from the whole search keeps each one's place in it).
Numbers = Union[int, Sequence[int]]


def _numbered(services: Iterable[ServiceView], start: Numbers):
    listed = list(services)
    numbers = range(start, start + len(listed)) if isinstance(start, int) else start
    return zip(numbers, listed)


def compact_list(services: Iterable[ServiceView], start: Numbers = 1,
                 at: Optional[datetime] = None, brief: bool = False,
                 prefer: Sequence[str] = ()) -> List[str]:
    return [compact_entry(s, i, at, brief, prefer) for i, s in _numbered(services, start)]


def text_list(intro: str, services: List[ServiceView], start: Numbers, at: Optional[datetime],
              tail: List[str], max_segments: int, prefer: Sequence[str] = ()) -> str:
    """A list for a text message, in one text of at most ``max_segments`` segments when it
    can be: the entries as they are, else briefer ways in (first clause only)."""
    text = ""
    for brief in (False, True):
        text = "\n".join([intro] + compact_list(services, start, at, brief, prefer) + tail)
        if segments(text) <= max_segments:
            break
    return text


def service_list(services: Iterable[ServiceView], start: Numbers = 1,
                 at: Optional[datetime] = None, audience: Optional[str] = None,
                 prefer: Sequence[str] = ()) -> List[str]:
    return [service_entry(s, i, at, audience, prefer) for i, s in _numbered(services, start)]
