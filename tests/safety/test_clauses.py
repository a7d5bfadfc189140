"""Which reading a message gets when its rest is read on its own (safety/clauses.py)."""
import pytest

from safety.assess import Thresholds
from safety.clauses import stronger

LEVELS = {"crisis_suicidal": Thresholds(crisis=0.5, check_in=0.23),
          "crisis_danger": Thresholds(crisis=0.58, check_in=0.23)}


@pytest.mark.parametrize("whole, rest, expected", [
    (("ask_more_services", 1.0), ("crisis_suicidal", 0.95), ("crisis_suicidal", 0.95)),
    (("ask_more_services", 1.0), ("crisis_suicidal", 0.56), ("risk_check_in", 0.56)),
    (("nlu_fallback", 0.5), ("crisis_danger", 0.57), None),  # below danger's crisis level
    (("nlu_fallback", 0.5), ("risk_check_in", 0.4), None),  # the rest's check-in alone
    (("need_anxiety", 0.9), ("need_low_mood", 0.9), None),
    (("risk_check_in", 0.4), ("crisis_suicidal", 0.95), ("crisis_suicidal", 0.95)),
    (("risk_check_in", 0.4), ("crisis_suicidal", 0.6), None),  # a check-in already
    (("crisis_danger", 1.0), ("crisis_suicidal", 0.99), None),  # never over an urgent whole
])
def test_the_rest_counts_only_when_more_urgent(whole, rest, expected):
    assert stronger(whole, rest, LEVELS) == expected
