from datetime import datetime

import pytest

from services_catalog.hours import UK, is_open, parse_time

WEEKDAYS_9_TO_5 = [(day, 9 * 60, 17 * 60) for day in range(5)]
EVENINGS_TO_MIDNIGHT = [(day, 17 * 60, 24 * 60) for day in range(7)]


def uk(text: str) -> datetime:
    return datetime.fromisoformat(text).replace(tzinfo=UK)


@pytest.mark.parametrize("moment, expected", [
    ("2026-11-23T09:00", True),    # Monday, opening minute
    ("2026-11-23T16:59", True),
    ("2026-11-23T17:00", False),   # closing minute
    ("2026-11-22T12:00", False),   # Sunday
])
def test_weekday_hours(moment, expected):
    assert is_open(WEEKDAYS_9_TO_5, uk(moment)) is expected


def test_bank_holiday_closure_only_when_the_source_says_so():
    christmas = uk("2026-12-25T10:00")  # a Friday
    assert is_open(WEEKDAYS_9_TO_5, christmas) is True
    assert is_open(WEEKDAYS_9_TO_5, christmas, closed_bank_holidays=True) is False


def test_until_midnight_and_overnight():
    assert is_open(EVENINGS_TO_MIDNIGHT, uk("2026-11-23T23:59")) is True
    assert is_open(EVENINGS_TO_MIDNIGHT, uk("2026-11-24T00:00")) is False
    overnight = [(0, 19 * 60, 2 * 60)]  # Monday 7pm to Tuesday 2am
    assert is_open(overnight, uk("2026-11-24T01:30")) is True
    assert is_open(overnight, uk("2026-11-24T02:00")) is False


def test_utc_moments_are_read_in_uk_time():
    # 08:30 UTC in July is 09:30 in London (BST).
    assert is_open(WEEKDAYS_9_TO_5, datetime.fromisoformat("2026-07-01T08:30+00:00")) is True


def test_unknown_and_always_open():
    assert is_open([], uk("2026-11-23T10:00")) is None
    assert is_open([], uk("2026-11-23T03:00"), always_open=True) is True


@pytest.mark.parametrize("text, minutes", [("00:00", 0), ("09:30", 570), ("24:00", 1440),
                                           ("9:30", None), ("25:00", None), ("noon", None)])
def test_parse_time(text, minutes):
    assert parse_time(text) == minutes
