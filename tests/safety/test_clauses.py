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


def test_a_rest_the_lexicon_reads_as_more_urgent_than_the_whole_counts_for_nothing():
    # The opening it lost made the phrase ordinary (development set 15: a four-year-old's
    # tantrum, "screaming that he hates me", read alone).
    assert stronger(("need_anger_behaviour", 0.7), ("crisis_danger", 1.0), LEVELS,
                    whole_level="none", rest_level="urgent") is None
    assert stronger(("ask_more_services", 1.0), ("crisis_danger", 0.95), LEVELS,
                    whole_level="check_in", rest_level="check_in") == ("crisis_danger", 0.95)
