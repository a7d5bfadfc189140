"""Find services by need, age, place and audience, best first, each with a reason.

The catalogue is small and changes only when someone runs ``load``, so each process keeps an
in-memory snapshot of the active services, indexed by need (:mod:`.snapshots` says when it is
rebuilt). Searches then take microseconds, and a database that becomes unreachable does not
stop the bot signposting from the last snapshot.
Results are frozen dataclasses, detached from any session.
"""
from __future__ import annotations

import heapq
from dataclasses import dataclass
from datetime import date, datetime
from typing import Dict, Iterable, List, Optional, Sequence, Tuple

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from .hours import Row, UkMoment, is_open, now
from .loader import is_stale
from .models import CONFIRMED, Service
from .snapshots import Refreshing
from .taxonomy import NATIONAL, load_taxonomy

GENERAL_NEED = "general_wellbeing"
PROFESSIONAL = "professional"


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
    schedule: Tuple[Row, ...] = ()

    @property
    def confirmed(self) -> bool:
        return self.status == CONFIRMED

    @property
    def stale(self) -> bool:
        return is_stale(self.assured_date)


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
    districts: Tuple[str, ...] = ()
    schedule: Tuple[Row, ...] = ()
    closed_bank_holidays: bool = False
    access_note: Optional[str] = None
    description: str = ""
    organisation: str = ""
    email: Optional[str] = None
    serves_adults: bool = False
    data_file: str = ""

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
    open_now: Optional[bool] = None


def view(service: Service) -> ServiceView:
    own_hours = tuple(sorted((s.weekday, s.opens, s.closes) for s in service.schedules
                             if s.contact_position is None))
    return ServiceView(
        id=service.id, name=service.name, summary=service.summary, url=service.url,
        hours=service.hours, always_open=service.always_open,
        minimum_age=service.minimum_age, maximum_age=service.maximum_age,
        areas=tuple(sorted({a.area for a in service.areas})),
        districts=tuple(sorted({a.district for a in service.areas if a.district})),
        needs=tuple(service.codes("need")), urgent=tuple(service.codes("urgent")),
        audiences=tuple(service.codes("audience")), thrive=tuple(service.codes("thrive")),
        access=tuple(service.codes("access")),
        contacts=tuple(
            ContactView(c.kind, c.value, c.keyword, c.note, c.hours, c.status, c.source,
                        c.assured_date,
                        tuple(sorted((s.weekday, s.opens, s.closes) for s in service.schedules
                                     if s.contact_position == c.position)))
            for c in service.contacts
        ),
        source=service.source, assured_date=service.assured_date, schedule=own_hours,
        closed_bank_holidays=service.closed_bank_holidays, access_note=service.access_note,
        description=service.description, organisation=service.organisation.name,
        email=service.email, serves_adults=service.serves_adults, data_file=service.data_file,
    )


class Snapshot:
    """The active services of one catalogue load, indexed for search."""

    def __init__(self, version: str, services: Iterable[ServiceView]):
        self.version = version
        self.services: Tuple[ServiceView, ...] = tuple(sorted(services, key=lambda s: s.id))
        self.by_id = {s.id: s for s in self.services}
        urgent: Dict[str, List[ServiceView]] = {}
        #: (need, area) -> (need-specific rank, confirmed-contact rank, name, service) for every
        #: service in that area (or national) tagged with the need or with general wellbeing,
        #: so that a search reads two short lists and ranks them with precomputed parts.
        buckets: Dict[Tuple[str, str], list] = {}
        all_needs = set(load_taxonomy().needs)
        for s in self.services:
            for code in s.urgent:
                urgent.setdefault(code, []).append(s)
            needs = all_needs if GENERAL_NEED in s.needs else set(s.needs)
            confirmed = 0 if any(c.confirmed for c in s.contacts) else 1
            for need in needs:
                for area in s.areas:
                    buckets.setdefault((need, area), []).append(
                        (0 if need in s.needs else 1, confirmed, s.name, s))
        self.by_urgent = {code: tuple(items) for code, items in urgent.items()}
        self.by_need_area = {key: tuple(items) for key, items in buckets.items()}


class Catalogue(Refreshing[Snapshot]):
    """The active services for search, rebuilt when a new load has happened."""

    def build(self, session: Session, version: str) -> Snapshot:
        return Snapshot(version, self._read_services(session))

    @staticmethod
    def _read_services(session: Session) -> List[ServiceView]:
        stmt = (
            select(Service)
            .where(Service.status == "active")
            .options(selectinload(Service.contacts), selectinload(Service.areas),
                     selectinload(Service.attributes), selectinload(Service.schedules),
                     selectinload(Service.organisation))
        )
        return [view(s) for s in session.execute(stmt).scalars().unique()]

    # -- queries ---------------------------------------------------------------------------

    def search(self, need: str, age: Optional[int] = None, area: Optional[str] = None,
               district: Optional[str] = None, audience: Optional[str] = None,
               open_now: Optional[bool] = None, at: Optional[datetime] = None,
               limit: Optional[int] = 3) -> List[Match]:
        """Services for a need, best first: open now (when asked); then services the person can
        contact directly before those reached only through school or a GP (professionals, who
        refer, see both alike); then services for the need itself before general support; then
        local before national (a service for the person's district before one for the whole
        area); then the asker's audience first, and confirmed contacts first."""
        snap = self.snapshot()
        moment = UkMoment.of(at or now()) if open_now else None
        ranked = []
        lists = [(1, snap.by_need_area.get((need, area), ()))] if area else []
        lists.append((2, snap.by_need_area.get((need, NATIONAL), ())))
        for locality, entries in lists:
            for need_rank, confirmed, name, s in entries:
                if age is not None and ((s.minimum_age is not None and s.minimum_age > age) or
                                        (s.maximum_age is not None and s.maximum_age < age)):
                    continue
                rank = locality
                if locality == 1 and s.districts:
                    if district not in s.districts:
                        continue  # for particular districts, not known to include the person's
                    rank = 0
                elif locality == 2 and area in s.areas:
                    continue  # already ranked as local
                opened = is_open(s.schedule, moment, s.always_open, s.closed_bank_holidays) \
                    if moment else None
                indirect = 0 if (s.contacts or audience == PROFESSIONAL
                                 or {"walk_in", "self_referral"} & set(s.access)) else 1
                ranked.append(((0 if opened else 1 if opened is None else 2) if moment else 0,
                               indirect, need_rank, rank,
                               0 if audience is None or audience in s.audiences else 1,
                               confirmed, name, s, opened))
        best = ranked if limit is None else heapq.nsmallest(limit, ranked, key=_KEY)
        if limit is None:
            best.sort(key=_KEY)
        return [Match(item[7], _reason(item[7], need, area, district, audience, item[8]), item[8])
                for item in best]

    def crisis_routes(self, urgent_class: str) -> List[ServiceView]:
        """The catalogue's routes for one urgent class (national and local)."""
        return list(self.snapshot().by_urgent.get(urgent_class, ()))

    def get(self, service_ids: Sequence[str]) -> List[ServiceView]:
        by_id = self.snapshot().by_id
        return [by_id[i] for i in service_ids if i in by_id]

    def all(self) -> Tuple[ServiceView, ...]:
        return self.snapshot().services


def _KEY(item: tuple) -> tuple:
    return item[:7]


def _reason(s: ServiceView, need: str, area: Optional[str], district: Optional[str],
            audience: Optional[str], opened: Optional[bool]) -> str:
    if area and area in s.areas:
        where = f"local to {district}" if district and district in s.districts else "local to your area"
    else:
        where = "available across the UK"
    parts = [where, f"helps with {need.replace('_', ' ')}" if need in s.needs
             else "general wellbeing support"]
    if s.minimum_age is not None or s.maximum_age is not None:
        low = s.minimum_age if s.minimum_age is not None else 0
        parts.append(f"ages {low}+" if s.maximum_age is None else f"ages {low}-{s.maximum_age}")
    if audience and audience in s.audiences:
        parts.append(f"for {audience.replace('_', ' ')}s")
    if opened is not None:
        parts.append("open now" if opened else "closed now")
    return "; ".join(parts)
