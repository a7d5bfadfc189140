from services_catalog.locality import resolve
from services_catalog.query import fits
from services_catalog.taxonomy import load_taxonomy


def test_results_are_in_the_order_of_the_ranking_rules(catalogue):
    """Whatever the rules say, search returns results sorted by them (the rules themselves are
    tested, each with a case from issue 17, in test_ranking.py)."""
    for audience in (None, "young_person", "parent_carer", "professional"):
        matches = catalogue.search("anxiety", age=14, area="kent", audience=audience, limit=None)
        assert [m.rank for m in matches] == sorted(m.rank for m in matches)
        assert all(m.service.national or "kent" in m.service.areas for m in matches)


def test_top_three_for_bereavement_in_kent_are_bereavement_services(catalogue):
    top3 = catalogue.search("bereavement", age=14, area="kent")
    assert all("bereavement" in m.service.needs for m in top3)


def test_professionals_see_the_same_services_as_young_people(catalogue):
    young = catalogue.search("sleep", age=12, area="kent", limit=None)
    staff = catalogue.search("sleep", age=12, area="kent", audience="professional", limit=None)
    assert {m.service.id for m in staff} == {m.service.id for m in young}


def test_district_services_only_for_their_districts(catalogue):
    dartford = {m.service.id for m in catalogue.search("self_harm", 16, "kent", "Dartford", limit=None)}
    canterbury = {m.service.id for m in catalogue.search("self_harm", 16, "kent", "Canterbury", limit=None)}
    county = {m.service.id for m in catalogue.search("self_harm", 16, "kent", None, limit=None)}
    assert "emerge-advocacy-dvh" in dartford
    assert "emerge-advocacy-dvh" not in canterbury | county


def test_inactive_services_are_never_offered(catalogue):
    offered = {s.id for s in catalogue.all()}
    assert "moodspark" not in offered and "mind-and-body" not in offered


def test_every_need_has_a_service_in_every_area_for_ages_5_to_25(catalogue):
    taxonomy = load_taxonomy()
    gaps = [(need, area, age) for need in taxonomy.needs for area in taxonomy.areas
            for age in range(5, 26)
            if not [m for m in catalogue.search(need, age=age, area=area, limit=None)
                    if m.service.contacts]]
    assert gaps == []


def test_other_areas_services_are_not_offered(catalogue):
    names = {m.service.id for m in catalogue.search("anxiety", age=14, area="essex", limit=None)}
    assert "set-camhs" in names
    assert "kent-medway-cypmhs-spa" not in names


def test_age_limits_are_respected(catalogue):
    for age in (5, 14, 19, 24):
        for m in catalogue.search("low_mood", age=age, area="kent", limit=None):
            s = m.service
            assert s.minimum_age is None or s.minimum_age <= age
            assert s.maximum_age is None or s.maximum_age >= age
    ids = {m.service.id for m in catalogue.search("anxiety", age=22, area="kent", limit=None)}
    assert "childline" not in ids and "kent-medway-cypmhs-spa" not in ids


def test_outside_the_areas_gets_national_services_only(catalogue):
    matches = catalogue.search("anxiety", age=15, area=None, limit=None)
    assert matches and all(m.service.national for m in matches)


def test_limit_and_reasons(catalogue):
    matches = catalogue.search("anxiety", age=15, area="medway")
    assert len(matches) == 3
    assert matches[0].reason.startswith("local to your area")


def test_every_urgent_class_has_catalogue_routes(catalogue):
    for urgent in load_taxonomy().urgent:
        routes = catalogue.crisis_routes(urgent)
        assert routes, urgent
        assert any(r.always_open for r in routes), urgent


def test_open_now_puts_open_services_first(catalogue):
    from datetime import datetime

    from services_catalog.hours import UK
    sunday_night = datetime(2026, 11, 22, 23, 30, tzinfo=UK)
    matches = catalogue.search("anxiety", age=15, area="kent", open_now=True, at=sunday_night,
                               limit=None)
    states = [m.open_now for m in matches]
    order = [0 if s else 1 if s is None else 2 for s in states]
    assert order == sorted(order)
    assert states[0] is True
    assert all(("open now" in m.reason) == (m.open_now is True) for m in matches)


def test_audience_reorders_and_never_filters(catalogue):
    young = {m.service.id for m in catalogue.search("anxiety", 15, "kent", limit=None)}
    for audience in ("young_person", "parent_carer", "professional"):
        found = {m.service.id for m in catalogue.search("anxiety", 15, "kent", audience=audience,
                                                        limit=None)}
        assert found == young, audience


def test_reasons_are_one_line(catalogue):
    for m in catalogue.search("low_mood", 17, "essex", limit=None):
        assert m.reason and "\n" not in m.reason


def test_search_offers_exactly_the_services_that_fit(catalogue):
    """Search reads lists made per district, area and need; it must offer exactly what fits()
    says, for every need, places of every kind and ages at the edges."""
    places = [resolve(p) for p in ("Dartford", "Canterbury", "Chatham", "Brentwood", "Grays",
                                   "Southend-on-Sea", "Colchester")]
    wheres = [(p.area, p.district) for p in places] + [("essex", None), (None, None)]
    for need in load_taxonomy().needs:
        for area, district in wheres:
            for age in (None, 3, 11, 17, 19, 25, 40):
                found = [m.service.id for m in catalogue.search(need, age, area, district,
                                                                limit=None)]
                expected = {s.id for s in catalogue.all() if fits(s, need, age, area, district)}
                assert len(found) == len(set(found)) and set(found) == expected, (
                    need, area, district, age)
