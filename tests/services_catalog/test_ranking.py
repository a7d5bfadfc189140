"""The ranking rules (services_catalog/ranking.py), each tested with a case from issue 17's
"What a new user meets", on the real catalogue. The moment is fixed (a Tuesday morning unless
said otherwise), so that the open-now rules are the same whenever the tests run."""
from datetime import datetime

import pytest

from services_catalog import ranking
from services_catalog.hours import UK
from services_catalog.locality import resolve
from services_catalog.query import locality_of
from services_catalog.ranking import RULES, deciding_rule

TUESDAY_10AM = datetime(2026, 11, 24, 10, 0, tzinfo=UK)
TUESDAY_11PM = datetime(2026, 11, 24, 23, 0, tzinfo=UK)


def search(catalogue, need, age, place=None, audience=None, at=TUESDAY_10AM, limit=None):
    where = resolve(place) if place else None
    return catalogue.search(need, age, where.area if where else None,
                            where.district if where else None, audience, at=at, limit=limit)


def ids(matches):
    return [m.service.id for m in matches]


def why(matches, above: str, below: str) -> str:
    """The rule that puts one service above another in a result list."""
    by_id = {m.service.id: m for m in matches}
    assert ids(matches).index(above) < ids(matches).index(below), (above, below)
    return deciding_rule(by_id[above].rank, by_id[below].rank)


@pytest.fixture(scope="module")
def chatham_teen(catalogue):
    """An anxious 15-year-old in Chatham (issue 17: Kooth, school nursing and CALM shown)."""
    return search(catalogue, "anxiety", 15, "Chatham", "young_person")


@pytest.fixture(scope="module")
def chelmsford_parent(catalogue):
    """A parent of an anxious 13-year-old in Chelmsford (issue 17: SET CAMHS, NHS 111 and
    Samaritans shown; the parents' helpline 7th, the local family service 9th)."""
    return search(catalogue, "anxiety", 13, "Chelmsford", "parent_carer")


def test_every_rule_says_why(catalogue):
    assert len({r.__name__ for r in RULES}) == len(RULES)
    for rule in RULES:
        assert rule.__doc__ and len(rule.__doc__.split()) >= 10, rule.__name__


def test_general_lines_follow_services_that_fit(chatham_teen, catalogue):
    """Chatham: no general line in the first three; for the 7-year-old with autism or ADHD in
    the directory (issue 17: CALM, Childline, NHS 111, Samaritans and Shout after SET CAMHS),
    every local service for the need comes before any general line."""
    assert not any(ranking.is_general_line(m.service) for m in chatham_teen[:3])
    assert why(chatham_teen, "kooth-kent-medway", "childline") == "general_lines_follow"
    child = search(catalogue, "neurodevelopmental", 7, "Chelmsford")
    lines = [i for i, m in enumerate(child) if ranking.is_general_line(m.service)]
    local = [i for i, m in enumerate(child)
             if not m.service.national and "neurodevelopmental" in m.service.needs]
    assert len(local) >= 4 and max(local) < min(lines)
    assert ids(child)[:5].count("set-camhs") == 1


def test_parent_helpline_before_general_lines(chelmsford_parent):
    for line in ("nhs-111-mental-health", "samaritans", "shout"):
        assert why(chelmsford_parent, "youngminds-parents-helpline", line) == \
            "general_lines_follow"


def test_parent_facing_services_first_for_a_parent(chelmsford_parent):
    """The local family service is in the parent's first three; every service for parents
    comes before the young-person-only ones."""
    top3 = ids(chelmsford_parent[:3])
    assert top3[0] == "set-camhs" and "essex-healthy-family-team-chelmsford" in top3
    parent_facing = ["parent_carer" in m.service.audiences for m in chelmsford_parent]
    assert parent_facing == sorted(parent_facing, reverse=True) and not all(parent_facing)
    assert why(chelmsford_parent, "essex-child-family-wellbeing-service",
               "essex-youth-service") == "for_the_asker"


def test_services_for_a_group_after_those_open_to_all(chelmsford_parent):
    """The young carers service fits a parent in Chelmsford, but only if the child is a young
    carer: it follows the family services open to everyone."""
    assert why(chelmsford_parent, "youngminds-parents-helpline",
               "essex-young-carers-service") == "open_to_everyone_first"


def test_need_specific_before_general_support(chelmsford_parent, chatham_teen):
    assert why(chelmsford_parent, "essex-mental-health-support-teams",
               "essex-healthy-family-team-chelmsford") == "need_specific_first"
    assert why(chatham_teen, "mental-health-support-teams-kent-medway",
               "medway-school-nursing") == "need_specific_first"


def test_direct_contact_before_ask_at_school(chatham_teen, catalogue):
    """Chatham: the single point of access and Kooth, which a young person contacts directly,
    before the school's support team; a teacher refers, so for them the team comes first."""
    for direct in ("kent-medway-cypmhs-spa", "kooth-kent-medway"):
        assert why(chatham_teen, direct, "mental-health-support-teams-kent-medway") == \
            "direct_before_gatekept"
    teacher = search(catalogue, "anxiety", 15, "Chatham", "professional")
    assert why(teacher, "mental-health-support-teams-kent-medway", "kooth-kent-medway") == \
        "direct_before_gatekept"


def test_local_before_national(chelmsford_parent):
    assert why(chelmsford_parent, "essex-healthy-family-team-chelmsford",
               "essex-child-family-wellbeing-service") == "local_first"  # district, then area
    assert why(chelmsford_parent, "essex-child-family-wellbeing-service",
               "youngminds-parents-helpline") == "local_first"


def test_open_now_before_closed_when_otherwise_equal(catalogue):
    """School stress with no place (issue 17: CALM first, "Closed now"): on a weekday morning
    the 24/7 lines come before CALM, which opens at 5pm; at 11pm CALM is open too."""
    morning = search(catalogue, "school_stress", 14)
    assert ids(morning)[0] != "calm-helpline"
    assert why(morning, "childline", "calm-helpline") == "open_now_first"
    assert morning[0].open_now is not False
    night = search(catalogue, "school_stress", 14, at=TUESDAY_11PM)
    assert why(night, "calm-helpline", "samaritans") == "name"  # both open: only the name


def test_confirmed_contact_first_when_otherwise_equal(chatham_teen):
    """Chatham: the single point of access (a confirmed number) before Kooth (check the
    website), both local, for anxiety, for young people and contacted directly."""
    assert ids(chatham_teen)[:2] == ["kent-medway-cypmhs-spa", "kooth-kent-medway"]
    assert why(chatham_teen, "kent-medway-cypmhs-spa", "kooth-kent-medway") == "confirmed_first"


def test_open_now_when_asked_comes_before_every_other_rule(catalogue):
    asked = catalogue.search("anxiety", 15, "kent", open_now=True, at=TUESDAY_11PM, limit=None)
    order = [ranking.OPEN_ORDER[m.open_now] for m in asked]
    assert order == sorted(order) and asked[0].open_now is True


# -- the fast key is the rules' key --------------------------------------------------------------

def test_search_orders_exactly_as_the_rules_say(catalogue):
    """query.search builds keys fast (ranking.fast_key); each result's rank must be sort_key's,
    and the results sorted by it, for every kind of asker, with open now asked or not."""
    snap = catalogue.snapshot()
    for audience in ranking.AUDIENCES + ("someone_else",):
        for open_now, at in ((None, TUESDAY_10AM), (True, TUESDAY_11PM)):
            for need, place in (("anxiety", "Maidstone"), ("bereavement", "Chelmsford")):
                where = resolve(place)
                found = catalogue.search(need, 14, where.area, where.district, audience,
                                         open_now=open_now, at=at, limit=None)
                asker = ranking.Asker(need, audience, bool(open_now))
                for m in found:
                    candidate = ranking.Candidate(
                        m.service, snap.profiles[m.service.id],
                        locality_of(m.service, where.area, where.district), m.open_now)
                    assert m.rank == ranking.sort_key(candidate, asker), m.service.id
                assert [m.rank for m in found] == sorted(m.rank for m in found)


def test_only_the_per_search_rules_read_the_place_or_the_moment(catalogue):
    snap = catalogue.snapshot()
    static = [rule for run in ranking._RUNS for rule in run]
    assert set(static) | set(ranking.PER_SEARCH_RULES) == set(RULES)
    for s in snap.services:
        for audience in ranking.AUDIENCES:
            asker = ranking.Asker("anxiety", audience, True)
            scores = {tuple(rule(ranking.Candidate(s, snap.profiles[s.id], locality, opened), asker)
                            for rule in static)
                      for locality in (0, 1, 2) for opened in (True, None, False)}
            assert len(scores) == 1, s.id
