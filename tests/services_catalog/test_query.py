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
