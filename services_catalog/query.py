"""Find services by need, age, place and audience, best first, each with a reason.

Which services fit is decided here (:func:`fits`); their order by the named rules of
:mod:`services_catalog.ranking`.

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
from typing import Any, Dict, Iterable, List, Optional, Sequence, Tuple

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from . import ranking
from .hours import Row, UkMoment, is_open, now
from .loader import is_stale
from .models import CONFIRMED, Service
from .ranking import GENERAL_NEED, Asker, Candidate
from .snapshots import Refreshing
from .taxonomy import NATIONAL, load_taxonomy

#: How many moments' opening states a snapshot keeps (searches within one minute share one).
_OPEN_STATES_KEPT = 4
_UNKNOWN: Any = object()  # an opening state not worked out yet
_NO_AGE_LIMIT = 1000


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
    groups: Tuple[str, ...] = ()
    source_date: Optional[str] = None

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
    open_now: Optional[bool] = None  # at the moment of the search; None: hours not known
    rank: Tuple = ()  # the ranking rules' scores (ranking.RULES), then the name


def open_status(service: ServiceView, moment) -> Optional[bool]:
    """Is the service, or any of its confirmed contacts, open at this moment (a datetime or a
    UkMoment)? None: not known. The bot, the directory and the ranking all use this one answer."""
    status = is_open(service.schedule, moment, service.always_open, service.closed_bank_holidays)
    if status:
        return True
    for contact in service.contacts:
        if contact.confirmed and contact.schedule:
            if is_open(contact.schedule, moment, False, service.closed_bank_holidays):
                return True
            status = False if status is None else status
    return status


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
        groups=tuple(service.codes("group")), source_date=service.source_date,
    )


class Snapshot:
    """The active services of one catalogue load, indexed for search."""

    def __init__(self, version: str, services: Iterable[ServiceView]):
        self.version = version
        self.services: Tuple[ServiceView, ...] = tuple(sorted(services, key=lambda s: s.id))
        self.by_id = {s.id: s for s in self.services}
        #: What the ranking rules need to know about each service, worked out once.
        self.profiles = {s.id: ranking.profile(s) for s in self.services}
        urgent: Dict[str, List[ServiceView]] = {}
        #: (need, locality, place) -> services: place is a district (locality 0), an area (1)
        #: or NATIONAL (2), as locality_of would place each service.
        buckets: Dict[Tuple[str, int, str], list] = {}
        all_needs = set(load_taxonomy().needs)
        for s in self.services:
            for code in s.urgent:
                urgent.setdefault(code, []).append(s)
            needs = all_needs if GENERAL_NEED in s.needs else set(s.needs)
            places = [(0, d) for d in s.districts] or [(1, a) for a in s.areas if a != NATIONAL]
            places += [(2, NATIONAL)] if s.national else []
            for need in needs:
                for locality, place in places:
                    buckets.setdefault((need, locality, place), []).append(s)
        self.by_urgent = {code: tuple(items) for code, items in urgent.items()}
        #: (need, locality, place, audience) -> (static ranking parts, lowest age, highest age,
        #: service) for every service of that place tagged with the need or with general
        #: wellbeing: a search reads up to three short lists (the person's district, area and
        #: the national services), with the scores of every rule that does not depend on the
        #: place or the moment already worked out (ranking.static_parts).
        self.by_need_place: Dict[Tuple[str, int, str, Optional[str]], tuple] = {
            (need, locality, place, audience): tuple(
                (self.static_parts(s, Asker(need, audience)),
                 -1 if s.minimum_age is None else s.minimum_age,
                 _NO_AGE_LIMIT if s.maximum_age is None else s.maximum_age, s)
                for s in services)
            for (need, locality, place), services in buckets.items()
            for audience in ranking.AUDIENCES}
        self._open_states: Dict[UkMoment, Dict[str, Optional[bool]]] = {}

    def static_parts(self, service: ServiceView, asker: Asker) -> tuple:
        return ranking.static_parts(Candidate(service, self.profiles[service.id], 0, None), asker)

    def open_states(self, moment: UkMoment) -> Dict[str, Optional[bool]]:
        """Service id -> open_status at this moment, for the services asked about so far:
        searches in the same minute share it."""
        states = self._open_states.get(moment)
        if states is None:
            if len(self._open_states) >= _OPEN_STATES_KEPT:
                self._open_states.clear()
            states = self._open_states.setdefault(moment, {})
        return states


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
        """Services for a need that fit the age and place, ordered by the rules of
        :mod:`services_catalog.ranking` (open now first when ``open_now`` is asked; then the
        asker's services, the general lines after what fits, services for particular groups
        after those open to all, the need itself before general support, direct contact before
        "ask at school", local before national, open now, confirmed contacts). ``at`` is the
        moment for opening hours (default: now)."""
        snap = self.snapshot()
        moment = UkMoment.of(at or now())
        asker = Asker(need, audience, bool(open_now))
        listed = audience if audience in ranking.AUDIENCES else None
        places = [(2, NATIONAL)]
        if area:
            places = ([(0, district)] if district else []) + [(1, area)] + places
        lists = [(locality, snap.by_need_place.get((need, locality, place, listed), ()))
                 for locality, place in places]
        per_search, states = ranking.per_search_table(asker), snap.open_states(moment)
        ranked = []
        for locality, entries in lists:
            for static, lowest, highest, s in entries:
                if age is not None and not lowest <= age <= highest:
                    continue
                if (area in s.areas) != (locality < 2):
                    continue  # a national service that is also local: met in the local lists
                if listed != audience:  # an asker the lists do not know: their own scores
                    static = snap.static_parts(s, asker)
                opened = states.get(s.id, _UNKNOWN)
                if opened is _UNKNOWN:
                    opened = states[s.id] = open_status(s, moment)
                ranked.append((ranking.fast_key(static, per_search[(locality, opened)]), s,
                               opened))
        best = (sorted(ranked, key=_KEY) if limit is None
                else heapq.nsmallest(limit, ranked, key=_KEY))
        return [Match(s, _reason(s, need, area, district, audience, opened), opened,
                      ranking.flat(key)) for key, s, opened in best]

    def crisis_routes(self, urgent_class: str) -> List[ServiceView]:
        """The catalogue's routes for one urgent class (national and local)."""
        return list(self.snapshot().by_urgent.get(urgent_class, ()))

    def get(self, service_ids: Sequence[str]) -> List[ServiceView]:
        by_id = self.snapshot().by_id
        return [by_id[i] for i in service_ids if i in by_id]

    def all(self) -> Tuple[ServiceView, ...]:
        return self.snapshot().services


def serves_age(service: ServiceView, age: Optional[int]) -> bool:
    """True when the service's age limits include the age (any age when it is not known)."""
    return age is None or ((service.minimum_age is None or service.minimum_age <= age) and
                           (service.maximum_age is None or service.maximum_age >= age))


def locality_of(service: ServiceView, area: Optional[str],
                district: Optional[str]) -> Optional[int]:
    """0: for the person's district; 1: for their whole area; 2: national; None: not for them.

    A service for particular districts is offered only when the person's district is known to be
    one of them: a service for Dartford is no use to someone in Canterbury.
    """
    if area and area in service.areas:
        if service.districts:
            return 0 if district in service.districts else None
        return 1
    return 2 if service.national else None


def fits(service: ServiceView, need: str, age: Optional[int], area: Optional[str],
         district: Optional[str]) -> bool:
    """Would a search for this need, age and place offer the service? (General support counts
    for every need.)"""
    return ((need in service.needs or GENERAL_NEED in service.needs) and serves_age(service, age)
            and locality_of(service, area, district) is not None)


def _KEY(item: tuple) -> tuple:
    return item[0]


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
