"""Plain descriptions of a service's contact details, with their provenance, for staff tools
(the command line, the directory). The bot's own wording is in signposting.replies."""
from __future__ import annotations

from typing import List

from .query import ContactView, ServiceView


def describe_contact(c: ContactView) -> str:
    what = f"text {c.keyword} to {c.value}" if c.kind == "text" and c.keyword else f"{c.kind} {c.value}"
    extra = ", ".join(p for p in (c.note, c.hours) if p)
    return (f"{what}{f' ({extra})' if extra else ''} [{c.status}, checked "
            f"{c.assured_date.isoformat()}]")


def describe_contacts(service: ServiceView) -> List[str]:
    lines = [describe_contact(c) for c in service.contacts]
    if not lines and service.access_note:
        lines.append(service.access_note)
    return lines
