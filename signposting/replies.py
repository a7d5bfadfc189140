"""Turn catalogue entries into short, channel-neutral reply text.

Only confirmed contact details are ever given as numbers to call or text. A detail from a
secondary source, or a service whose facts are over a year old, is shown with "check the
website for current details" instead, as the catalogue's status rules require.
"""
from __future__ import annotations

from typing import Iterable, List

from services_catalog.query import ContactView, ServiceView

CHECK_WEBSITE = "check the website for current details"


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
        where = websites[0] if websites else "the provider's website"
        return f"{where} ({CHECK_WEBSITE})"
    text = "; ".join(contact_line(c) for c in confirmed[:2])
    if service.stale or any(c.stale for c in confirmed[:2]):
        text += f" ({CHECK_WEBSITE})"
    return text[:1].upper() + text[1:]


def service_entry(service: ServiceView, number: int) -> str:
    return f"{number}. {service.name}: {service.summary} {how_to_reach(service)}."


def service_list(services: Iterable[ServiceView], start: int = 1) -> List[str]:
    return [service_entry(s, i) for i, s in enumerate(services, start)]
