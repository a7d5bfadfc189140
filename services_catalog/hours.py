"""Opening hours: is a service open at a given moment, in UK time, bank holidays included.

Hours are stored as (weekday, opens, closes) in minutes after midnight, UK local time, with
closes = 1440 for midnight; a row whose closing time is not after its opening time runs past
midnight into the next day.
"""
from __future__ import annotations

from datetime import datetime, timezone
from functools import lru_cache
from typing import Iterable, NamedTuple, Optional, Tuple, Union
from zoneinfo import ZoneInfo

import holidays

UK = ZoneInfo("Europe/London")
DAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
MIDNIGHT = 24 * 60

Row = Tuple[int, int, int]  # weekday (0 = Monday), opens, closes


def parse_time(text: str) -> Optional[int]:
    """'09:30' -> 570, '24:00' -> 1440; None if it is not a time."""
    try:
        hours, minutes = (int(part) for part in text.split(":"))
    except (AttributeError, ValueError):
        return None
    if (hours, minutes) == (24, 0):
        return MIDNIGHT
    if 0 <= hours < 24 and 0 <= minutes < 60 and len(text) == 5:
        return hours * 60 + minutes
    return None


def format_time(minutes: int) -> str:
    return "24:00" if minutes == MIDNIGHT else f"{minutes // 60:02d}:{minutes % 60:02d}"


@lru_cache(maxsize=8)
def _bank_holidays(year: int):
    return holidays.country_holidays("GB", subdiv="ENG", years=[year])


def is_bank_holiday(moment: datetime) -> bool:
    local = moment.astimezone(UK)
    return local.date() in _bank_holidays(local.year)


class UkMoment(NamedTuple):
    """A moment in UK local time, worked out once and checked against many schedules."""
    weekday: int
    minute: int
    bank_holiday: bool

    @classmethod
    def of(cls, moment: datetime) -> "UkMoment":
        local = moment.astimezone(UK)
        return cls(local.weekday(), local.hour * 60 + local.minute, is_bank_holiday(local))


def is_open(rows: Iterable[Row], moment: Union[datetime, UkMoment], always_open: bool = False,
            closed_bank_holidays: bool = False) -> Optional[bool]:
    """True or False, or None when the hours are not known."""
    if always_open:
        return True
    if not rows:
        return None
    at = moment if isinstance(moment, UkMoment) else UkMoment.of(moment)
    yesterday = (at.weekday - 1) % 7
    for day, opens, closes in rows:
        overnight = closes <= opens
        if day == at.weekday and opens <= at.minute and (overnight or at.minute < closes):
            return not (closed_bank_holidays and at.bank_holiday)
        if overnight and day == yesterday and at.minute < closes:
            return not (closed_bank_holidays and at.bank_holiday)
    return False


def now() -> datetime:
    return datetime.now(timezone.utc)
