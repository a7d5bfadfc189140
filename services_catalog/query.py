"""Find services by need, age, area and audience, best first, each with a reason.

Results are plain frozen dataclasses, detached from the database session, so the bot, the
directory and tests can format them without holding a connection.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import List, Optional, Sequence, Tuple

from sqlalchemy import select
from sqlalchemy.engine import Engine
from sqlalchemy.orm import Session, selectinload

from .db import make_engine
from .loader import is_stale
from .models import CONFIRMED, Service, ServiceArea, ServiceAttribute
from .taxonomy import NATIONAL

GENERAL_NEED = "general_wellbeing"


@dataclass(frozen=True)
class ContactView:
    kind: str
    value: str
    keyword: Optional[str]
    note: Optional[str]
    hours: Optional[str]
    status: str
    source: str
    assured_date: date

    @property
    def confirmed(self) -> bool:
        return self.status == CONFIRMED


@dataclass(frozen=True)
class ServiceView:
    id: str
    name: str
    summary: str
    url: Optional[str]
    hours: Optional[str]
    always_open: bool
    minimum_age: Optional[int]
    maximum_age: Optional[int]
    areas: Tuple[str, ...]
    needs: Tuple[str, ...]
    urgent: Tuple[str, ...]
    audiences: Tuple[str, ...]
    thrive: Tuple[str, ...]
    access: Tuple[str, ...]
    contacts: Tuple[ContactView, ...]
    source: str
    assured_date: date

    @property
    def stale(self) -> bool:
        return is_stale(self.assured_date)

    @property
    def national(self) -> bool:
        return NATIONAL in self.areas


@dataclass(frozen=True)
class Match:
    service: ServiceView
    reason: str


def view(service: Service) -> ServiceView:
    return ServiceView(
        id=service.id, name=service.name, summary=service.summary, url=service.url,
        hours=service.hours, always_open=service.always_open,
        minimum_age=service.minimum_age, maximum_age=service.maximum_age,
        areas=tuple(sorted({a.area for a in service.areas})),
        needs=tuple(service.codes("need")), urgent=tuple(service.codes("urgent")),
        audiences=tuple(service.codes("audience")), thrive=tuple(service.codes("thrive")),
        access=tuple(service.codes("access")),
        contacts=tuple(
            ContactView(c.kind, c.value, c.keyword, c.note, c.hours, c.status, c.source,
                        c.assured_date)
            for c in service.contacts
        ),
        source=service.source, assured_date=service.assured_date,
    )


class Catalogue:
    def __init__(self, engine: Optional[Engine] = None):
        self.engine = engine or make_engine()

    def _services(self, *criteria) -> List[ServiceView]:
        stmt = (
            select(Service)
            .where(Service.status == "active", *criteria)
            .options(selectinload(Service.contacts), selectinload(Service.areas),
                     selectinload(Service.attributes))
        )
        with Session(self.engine, future=True) as session:
            return [view(s) for s in session.execute(stmt).scalars().unique()]

    def search(self, need: str, age: Optional[int] = None, area: Optional[str] = None,
               audience: Optional[str] = None, limit: Optional[int] = 3) -> List[Match]:
        """Services for a need, best first: local before national, the need itself before
        general wellbeing, the asker's audience first."""
        areas = [NATIONAL] + ([area] if area else [])
        criteria = [
            Service.id.in_(select(ServiceAttribute.service_id).where(
                ServiceAttribute.taxonomy == "need",
                ServiceAttribute.code.in_([need, GENERAL_NEED]))),
            Service.id.in_(select(ServiceArea.service_id).where(ServiceArea.area.in_(areas))),
        ]
        if age is not None:
            criteria += [
                (Service.minimum_age.is_(None)) | (Service.minimum_age <= age),
                (Service.maximum_age.is_(None)) | (Service.maximum_age >= age),
            ]
        ranked = sorted(
            self._services(*criteria),
            key=lambda s: (
                0 if area and area in s.areas else 1,
                0 if need in s.needs else 1,
                0 if audience is None or audience in s.audiences else 1,
                0 if any(c.confirmed for c in s.contacts) else 1,
                s.name,
            ),
        )
        matches = [Match(s, _reason(s, need, age, area, audience)) for s in ranked]
        return matches if limit is None else matches[:limit]

    def crisis_routes(self, urgent_class: str) -> List[ServiceView]:
        """The catalogue's 24/7 and urgent routes for one urgent class."""
        return self._services(Service.id.in_(select(ServiceAttribute.service_id).where(
            ServiceAttribute.taxonomy == "urgent", ServiceAttribute.code == urgent_class)))

    def get(self, service_ids: Sequence[str]) -> List[ServiceView]:
        found = {s.id: s for s in self._services(Service.id.in_(list(service_ids)))}
        return [found[i] for i in service_ids if i in found]


def _reason(s: ServiceView, need: str, age: Optional[int], area: Optional[str],
            audience: Optional[str]) -> str:
    parts = ["local to your area" if area and area in s.areas else "available across the UK"]
    parts.append(f"helps with {need.replace('_', ' ')}" if need in s.needs
                 else "general wellbeing support")
    if age is not None and (s.minimum_age is not None or s.maximum_age is not None):
        parts.append(f"for ages {s.minimum_age or 0}-{s.maximum_age if s.maximum_age is not None else 'any'}")
    if audience and audience in s.audiences:
        parts.append(f"for {audience.replace('_', ' ')}s")
    return "; ".join(parts)
