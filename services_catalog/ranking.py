"""The order of search results: a short list of named rules, each a reason a person would give.

A search first keeps the services that fit the need, the age and the place
(:func:`services_catalog.query.fits`). The rules below then order them. Each rule scores a
candidate for the person asking, lower first; a result's sort key is the scores in the order of
:data:`RULES`, then the name, so a later rule only separates services that every earlier rule
ranks alike. The first rule that separates two neighbouring results is why one is above the
other (:func:`deciding_rule`), which is what ``python -m services_catalog search --explain``
prints.

The national 24/7 lines are not lost by coming later: every reply that has nothing open now
ends with them, and the crisis replies never depend on search.
"""
from __future__ import annotations

import operator
from dataclasses import dataclass
from typing import Any, Callable, NamedTuple, Optional, Sequence, Tuple

from .models import usable_contact

PARENT = "parent_carer"
PROFESSIONAL = "professional"
YOUNG_PERSON = "young_person"
GENERAL_NEED = "general_wellbeing"

#: Access routes that need nobody else's referral (a parent may refer their own child).
SELF_ROUTES = frozenset({"self_referral", "walk_in", "parent"})
#: Access routes through which a professional can refer.
REFERRAL_ROUTES = frozenset({"professional", "school", "gp"})
#: Open now first, then hours not known, then closed now.
OPEN_ORDER = {True: 0, None: 1, False: 2}


@dataclass(frozen=True)
class Profile:
    """What the rules need to know about a service, worked out once per catalogue load."""
    general_line: bool
    direct: bool
    confirmed: bool
    referrable: bool
    for_a_group: bool


@dataclass(frozen=True)
class Asker:
    """The person searching: their need, who they are, and whether they asked for open now."""
    need: str
    audience: Optional[str] = None
    open_now_asked: bool = False


class Candidate(NamedTuple):
    """A service that fits, with where it sits for this person and whether it is open now (a
    named tuple: a search makes hundreds)."""
    service: Any  # a query.ServiceView (not imported: query imports this module)
    profile: Profile
    locality: int  # 0: for the person's district; 1: their area; 2: national
    opened: Optional[bool]


Rule = Callable[[Candidate, Asker], int]


# -- what the rules know about a service --------------------------------------------------------

def is_general_line(service) -> bool:
    """A national line for anyone about anything: a 24/7 crisis route (NHS 111, Samaritans,
    Shout, Childline) or a listening line for every topic and every asker (CALM). A helpline
    for one audience (the parents' helpline, a young people's service) is not one: for its
    audience it is a service that fits."""
    return service.national and (bool(service.urgent) or (
        GENERAL_NEED in service.needs and len(service.audiences) > 1))


def has_usable_contact(service) -> bool:
    """A detail the bot may give out: a confirmed one, or a web address ("check the website")."""
    return bool(service.url) or any(usable_contact(c.kind, c.status) for c in service.contacts)


def reachable_directly(service) -> bool:
    """The person can get in touch without anyone referring them: the service takes
    self-referrals, walk-ins or a parent's referral (or names no route), and gives a usable
    contact or a place to walk in. Otherwise it is "ask at school" or "ask your GP"."""
    if service.access and not SELF_ROUTES & set(service.access):
        return False  # only through school, a GP or a professional
    return has_usable_contact(service) or "walk_in" in service.access


def profile(service) -> Profile:
    return Profile(
        general_line=is_general_line(service),
        direct=reachable_directly(service),
        confirmed=any(c.confirmed for c in service.contacts),
        referrable=bool(REFERRAL_ROUTES & set(service.access)) or PROFESSIONAL in service.audiences,
        for_a_group=bool(service.groups),
    )


# -- the rules, in order -------------------------------------------------------------------------

def open_now_when_asked(c: Candidate, asker: Asker) -> int:
    """Someone who asks for services open now (--open-now, the directory's "open now") needs
    help at this moment: open services first, then those whose hours are not known, then closed
    ones. Without the request this rule ranks every service alike."""
    return OPEN_ORDER[c.opened] if asker.open_now_asked else 0


def for_the_asker(c: Candidate, asker: Asker) -> int:
    """Services for the person asking come first: a parent sees parent-facing services and
    parent helplines early, a young person services they can use themselves. Services for
    someone else are still shown, after them. (Professionals pass on any service; what they
    need first, how to refer, is direct_before_gatekept's.)"""
    if asker.audience in (PARENT, YOUNG_PERSON):
        return 0 if asker.audience in c.service.audiences else 1
    return 0


def general_lines_follow(c: Candidate, asker: Asker) -> int:
    """The national listening and crisis lines take nobody's place: anything else that fits
    comes first, and the lines follow as routes (every reply with nothing open now ends with
    them anyway)."""
    return 1 if c.profile.general_line else 0


def open_to_everyone_first(c: Candidate, asker: Asker) -> int:
    """A service only for young carers, care leavers or young people in the youth justice
    system helps only those people, and a person rarely says they are one: services open to
    anyone with the need come first."""
    return 1 if c.profile.for_a_group else 0


def need_specific_first(c: Candidate, asker: Asker) -> int:
    """A service for the need itself (anxiety, bereavement, psychosis) before general support
    offered for any worry."""
    return 0 if asker.need in c.service.needs else 1


def direct_before_gatekept(c: Candidate, asker: Asker) -> int:
    """Services the person can contact themselves, now or on a website, before those reached
    only through school, a GP or a professional. A professional refers, so for them it is the
    other way round: services they can refer to (or that are for professionals) first."""
    if asker.audience == PROFESSIONAL:
        return 0 if c.profile.referrable else 1
    return 0 if c.profile.direct else 1


def local_first(c: Candidate, asker: Asker) -> int:
    """Local before national where both fit, and a service for the person's own district before
    one for their whole area."""
    return c.locality


def open_now_first(c: Candidate, asker: Asker) -> int:
    """When all else is equal, a service open now before one whose hours are not known, and that
    before one closed now: the person may be reading this at 10pm."""
    return OPEN_ORDER[c.opened]


def confirmed_first(c: Candidate, asker: Asker) -> int:
    """When all else is equal, a service with a confirmed contact, whose number the bot can give,
    before one the person must look up ("check the website")."""
    return 0 if c.profile.confirmed else 1


RULES: Tuple[Rule, ...] = (
    open_now_when_asked, for_the_asker, general_lines_follow, open_to_everyone_first,
    need_specific_first, direct_before_gatekept, local_first, open_now_first, confirmed_first,
)


#: The rules that read the place or the moment of a search (a candidate's locality and whether
#: it is open, and whether open now was asked), and nothing of the service itself.
PER_SEARCH_RULES = (open_now_when_asked, local_first, open_now_first)
#: Who may be asking (None: not known).
AUDIENCES = (None, YOUNG_PERSON, PARENT, PROFESSIONAL)


def sort_key(c: Candidate, asker: Asker) -> tuple:
    """The rules' scores in order, then the name (and id) for a stable order."""
    return tuple(rule(c, asker) for rule in RULES) + (c.service.name, c.service.id)


# -- the same key, fast ----------------------------------------------------------------------
# A search of a large catalogue scores hundreds of candidates. Every rule but PER_SEARCH_RULES
# depends only on the service, the need and who is asking, so a catalogue works those scores
# out once per load (static_parts: one tuple per run of such rules in RULES), and a search
# works out PER_SEARCH_RULES once for each locality and opening (per_search_table). A
# candidate's key is then the two put together in RULES' order with C-level tuple operations
# (fast_key): the same order as sort_key, with each run of rules nested as a tuple (tested).

def _runs() -> Tuple[Tuple[Rule, ...], ...]:
    """RULES split into runs of rules that are not per search (empty runs included)."""
    runs: list = [[]]
    for rule in RULES:
        if rule in PER_SEARCH_RULES:
            runs.append([])
        else:
            runs[-1].append(rule)
    return tuple(tuple(run) for run in runs)


_RUNS = _runs()
_N = len(_RUNS)  # always one more than PER_SEARCH_RULES
#: From (static runs) + (per-search scores): run 0, per-search score 0, run 1, ..., the last run.
_ORDER = operator.itemgetter(*[i for k in range(_N - 1) for i in (k, _N + k)], _N - 1)


def static_parts(c: Candidate, asker: Asker) -> tuple:
    """The scores of the rules that are not per search, one tuple per run of RULES; the last run
    ends with the name and the id."""
    parts = [tuple(rule(c, asker) for rule in run) for run in _RUNS]
    parts[-1] += (c.service.name, c.service.id)
    return tuple(parts)


#: The profile of the stand-in candidates of per_search_table: PER_SEARCH_RULES read no profile.
_NO_PROFILE = Profile(general_line=False, direct=False, confirmed=False, referrable=False,
                      for_a_group=False)


def per_search_table(asker: Asker) -> dict:
    """(locality, opened) -> the scores of PER_SEARCH_RULES, for one search."""
    return {(locality, opened): tuple(rule(Candidate(None, _NO_PROFILE, locality, opened), asker)
                                      for rule in PER_SEARCH_RULES)
            for locality in (0, 1, 2) for opened in OPEN_ORDER}


def fast_key(static: tuple, per_search: tuple) -> tuple:
    """sort_key's order from a candidate's static_parts and per-search scores."""
    return _ORDER(static + per_search)


def flat(key: tuple) -> tuple:
    """A fast_key as sort_key gives it (runs unpacked)."""
    return tuple(x for part in key for x in (part if isinstance(part, tuple) else (part,)))


def deciding_rule(first: Sequence, second: Sequence) -> str:
    """The name of the first rule whose score (in two sort keys) puts ``first`` above
    ``second``; "name" when only the alphabet does."""
    for rule, a, b in zip(RULES, first, second):
        if a != b:
            return rule.__name__
    return "name"
