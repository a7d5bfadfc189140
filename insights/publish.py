"""A period's published tables, made once and kept: ``python -m insights report`` and the
dashboard show the same figures every time they are asked, and nobody can get two versions
of one period to compare.

A period is final a day after it ended, once the job has coded every session up to then
(a session is dated by its start, and one that started on the last evening closes within
hours). Until then only a provisional report can be made (the command line's
``--provisional``, marked "not for publication"); the dashboard shows final periods only.
"""
from __future__ import annotations

import json
from datetime import datetime, time, timedelta
from typing import Any, Dict, List, Optional

from insights import codes, periods, report, tables
from insights.periods import Period
from insights.store import InsightsStore

SCOPES = ("all",) + codes.LOCAL_AREAS


def final(period: Period, coded_until: Optional[float]) -> bool:
    ends = datetime.combine(period.end + timedelta(days=1), time(0), codes.LONDON).timestamp()
    return coded_until is not None and coded_until >= ends


def build_views(store: InsightsStore, period: Period, provisional: bool = False
                ) -> Dict[str, Any]:
    made = tables.build(store.records(period.start, period.end), period)
    return {"period": period.name, "sessions_rounded": made.published.shown(frozenset()),
            "scopes": {scope: report.view(made, None if scope == "all" else scope, provisional)
                       for scope in SCOPES}}


def views(store: InsightsStore, period: Period, provisional: bool = False
          ) -> Optional[Dict[str, Any]]:
    """The period's published views, from the store when already made; None when the period
    is not final (and ``provisional`` is not asked for)."""
    if final(period, store.coded_until()):
        kept = store.get_published(period.name)
        if kept:
            return json.loads(kept)
        made = build_views(store, period)
        store.put_published(period.name, json.dumps(made))
        return made
    if provisional:
        return build_views(store, period, provisional=True)
    return None


def final_periods(store: InsightsStore) -> List[Period]:
    """Every month and quarter with records that is final, newest last."""
    coded_until = store.coded_until()
    found = {}
    for day in store.days():
        for quarterly in (False, True):
            period = periods.containing(day, quarterly)
            if final(period, coded_until):
                found[period.name] = period
    return sorted(found.values(), key=lambda p: (p.start, p.quarterly))


def publish_new(store: InsightsStore) -> List[str]:
    """Make the tables of every final period not yet published (the job runs this)."""
    made = []
    for period in final_periods(store):
        if store.get_published(period.name) is None:
            views(store, period)
            made.append(period.name)
    return made
