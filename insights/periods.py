"""Fixed publication periods: a calendar month (``2026-11``) or quarter (``2026-Q4``).

Only these: tables for ranges that overlap (a week here, ten days there) could be subtracted
from each other to isolate a few conversations, which suppression in each table alone cannot
prevent.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from typing import List

_MONTH = re.compile(r"([0-9]{4})-(0[1-9]|1[0-2])")
_QUARTER = re.compile(r"([0-9]{4})-Q([1-4])")


@dataclass(frozen=True)
class Period:
    name: str          # "2026-11" or "2026-Q4"
    start: date        # first day
    end: date          # the day after the last

    @property
    def quarterly(self) -> bool:
        return "Q" in self.name

    @property
    def label(self) -> str:
        if self.quarterly:
            quarter = int(self.name[-1])
            months = [date(self.start.year, m, 1).strftime("%B")
                      for m in (3 * quarter - 2, 3 * quarter)]
            return f"{months[0]} to {months[1]} {self.start.year}"
        return self.start.strftime("%B %Y")

    def months(self) -> List["Period"]:
        if not self.quarterly:
            return [self]
        return [parse(f"{self.start.year}-{m:02d}")
                for m in range(self.start.month, self.start.month + 3)]


def parse(text: str) -> Period:
    """The period a name stands for; ValueError for anything else."""
    text = (text or "").strip().upper()
    month = _MONTH.fullmatch(text)
    if month:
        year, number = int(month.group(1)), int(month.group(2))
        return Period(f"{year}-{number:02d}", date(year, number, 1), _next_month(year, number))
    quarter = _QUARTER.fullmatch(text)
    if quarter:
        year, number = int(quarter.group(1)), int(quarter.group(2))
        first = 3 * number - 2
        end = date(year + 1, 1, 1) if number == 4 else date(year, first + 3, 1)
        return Period(f"{year}-Q{number}", date(year, first, 1), end)
    raise ValueError(f"{text!r} is not a period: give a month like 2026-11 or a quarter "
                     "like 2026-Q4")


def _next_month(year: int, month: int) -> date:
    return date(year + 1, 1, 1) if month == 12 else date(year, month + 1, 1)


def containing(day: date, quarterly: bool) -> Period:
    if quarterly:
        return parse(f"{day.year}-Q{(day.month - 1) // 3 + 1}")
    return parse(f"{day.year}-{day.month:02d}")


def recent(last: date, count: int = 4, quarterly: bool = True) -> List[Period]:
    """The ``count`` periods up to and including the one holding ``last``, oldest first."""
    periods = [containing(last, quarterly)]
    while len(periods) < count:
        first = periods[0].start
        previous = date(first.year - 1, 12, 1) if first.month == 1 else \
            date(first.year, first.month - 1, 1)
        periods.insert(0, containing(previous, quarterly))
    return periods
