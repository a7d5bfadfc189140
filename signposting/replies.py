"""Turn catalogue entries into short, channel-neutral reply text.

Only confirmed contact details are ever given as numbers to call or text. A detail from a
secondary source, or a service whose facts are over a year old, is shown with "check the
website for current details" instead, as the catalogue's status rules require.
"""
from __future__ import annotations

from datetime import datetime
from typing import Iterable, List, Optional

from services_catalog.query import ContactView, ServiceView, open_status

from .audience import PROFESSIONAL

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


def how_to_reach(service: ServiceView) -> str:
    if not service.contacts and service.access_note:
        return service.access_note.rstrip(".")
    order = {"phone": 0, "text": 1, "webchat": 2, "website": 3, "email": 4}
    confirmed = sorted((c for c in service.contacts if c.confirmed), key=lambda c: order.get(c.kind, 9))
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
                  audience: Optional[str] = None) -> str:
    parts = [f"{number}. {service.name}: {service.summary} {how_to_reach(service)}."]
    if audience == PROFESSIONAL and how_to_refer(service):
        parts.append(how_to_refer(service))
    status = open_now(service, at) if at else None
    if status is not None:
        parts.append("Open now." if status else "Closed now.")
    return " ".join(parts)


def one_way_to_reach(service: ServiceView) -> str:
    """The one best way to reach a service, short enough for a text message: a confirmed
    number first, else its website (with "check the website" when the details are not
    confirmed or are old), else how to get there (through school, through the GP)."""
    order = {"phone": 0, "text": 1, "webchat": 2, "website": 3, "email": 4}
    confirmed = sorted((c for c in service.contacts if c.confirmed and not c.stale),
                       key=lambda c: order.get(c.kind, 9))
    if confirmed and not service.stale:
        c = confirmed[0]
        if c.kind == "phone":
            return f"call {c.value}"
        if c.kind == "text":
            return f"text {c.keyword + ' to ' if c.keyword else ''}{c.value}"
        if c.kind in ("webchat", "website"):
            return f"{'chat at' if c.kind == 'webchat' else 'see'} {short_address(c.value)}"
        if c.kind == "email":
            return f"email {c.value}"
    websites = [c.value for c in service.contacts if c.kind in ("website", "webchat")]
    websites += [service.url] if service.url else []
    if websites:
        return f"see {short_address(websites[0])} ({CHECK_WEBSITE})"
    if service.access_note:
        return service.access_note.split(".")[0].rstrip(".")
    return "ask at school or your GP"


def short_address(url: str) -> str:
    """A web address as people type it: no scheme, no "www.", no trailing slash."""
    bare = url.split("://", 1)[-1]
    bare = bare[4:] if bare.startswith("www.") else bare
    return bare.rstrip("/")


def compact_entry(service: ServiceView, number: int, at: Optional[datetime] = None) -> str:
    """One line for a text message: the name, the one way to reach it, and open now."""
    status = open_now(service, at) if at else None
    when = "" if status is None else (" Open now." if status else " Closed now.")
    return f"{number}. {service.name}: {one_way_to_reach(service)}.{when}"


def compact_list(services: Iterable[ServiceView], start: int = 1,
                 at: Optional[datetime] = None) -> List[str]:
    return [compact_entry(s, i, at) for i, s in enumerate(services, start)]


def service_list(services: Iterable[ServiceView], start: int = 1, at: Optional[datetime] = None,
                 audience: Optional[str] = None) -> List[str]:
    return [service_entry(s, i, at, audience) for i, s in enumerate(services, start)]
