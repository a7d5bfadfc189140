from services_catalog.taxonomy import load_taxonomy


def test_local_services_come_before_national(catalogue):
    matches = catalogue.search("anxiety", age=14, area="kent", limit=None)
    local = ["kent" in m.service.areas for m in matches]
    assert local[0] is True
    assert local == sorted(local, reverse=True)  # every local one before any national one
    assert all(m.service.national or "kent" in m.service.areas for m in matches)


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


def test_audience_ranks_after_locality_and_need(catalogue):
    young = [m.service.id for m in catalogue.search("anxiety", 15, "kent", limit=None)]
    parent = catalogue.search("anxiety", 15, "kent", audience="parent_carer", limit=None)
    assert {m.service.id for m in parent} == set(young)  # audience reorders, never filters
    groups = {}
    for m in parent:
        group = ("kent" in m.service.areas, "anxiety" in m.service.needs)
        groups.setdefault(group, []).append("parent_carer" in m.service.audiences)
    assert len(groups) > 1
    for flags in groups.values():
        assert flags == sorted(flags, reverse=True)


def test_reasons_are_one_line(catalogue):
    for m in catalogue.search("low_mood", 17, "essex", limit=None):
        assert m.reason and "\n" not in m.reason
