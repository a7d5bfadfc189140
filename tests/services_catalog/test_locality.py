import pytest

from services_catalog.locality import AMBIGUOUS, FOUND, OUTSIDE, UNKNOWN, resolve


@pytest.mark.parametrize("text, area, district", [
    ("ME7 1AA", "medway", "Medway"),
    ("ct1 1aa", "kent", "Canterbury"),
    ("ME14", "kent", "Maidstone"),
    ("SS1", "southend", "Southend-on-Sea"),
    ("Maidstone", "kent", "Maidstone"),
    ("i live in chelmsford", "essex", "Chelmsford"),
    ("grays", "thurrock", "Thurrock"),
    ("sittingborne", "kent", "Swale"),
    ("gravesnd", "kent", "Gravesham"),
    ("leigh on sea", "southend", "Southend-on-Sea"),
    ("Kent", "kent", None),
])
def test_found(text, area, district):
    place = resolve(text)
    assert place.status == FOUND
    assert place.area == area
    assert place.district == district


def test_outcode_spanning_areas_returns_candidates():
    place = resolve("DA1")
    assert place.status == AMBIGUOUS
    assert {c.district for c in place.candidates} >= {"Dartford", "Bexley"}


def test_town_in_two_areas_is_ambiguous():
    place = resolve("Halstead")
    assert place.status == AMBIGUOUS
    assert {c.area for c in place.candidates} == {"essex", "kent"}


@pytest.mark.parametrize("text", ["SW1A 1AA", "M1 1AE", "EH1 1YZ"])
def test_postcode_elsewhere_is_outside(text):
    assert resolve(text).status == OUTSIDE


@pytest.mark.parametrize("text", ["asdfgh", "", "🙂🙂", "<script>alert(1)</script>", "x" * 10000,
                                  "ZZ9 9ZZ", "QQ1"])
def test_nonsense_is_not_recognised(text):
    assert resolve(text).status == UNKNOWN
