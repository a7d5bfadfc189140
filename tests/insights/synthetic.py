"""Made-up coded records for the table and disclosure tests: no conversation behind them."""
from __future__ import annotations

import random
import time
from datetime import date, timedelta
from typing import List

from insights import codes
from insights.coding import Gap, SessionRecord
from insights.store import InsightsStore, make_engine


def records(count: int, start: date, days: int, seed: int = 1) -> List[SessionRecord]:
    rng = random.Random(seed)
    needs = codes.needs()
    out = []
    for _ in range(count):
        day = start + timedelta(days=rng.randrange(days))
        hour = rng.choice(range(24))
        area = rng.choices(codes.AREAS, weights=[40, 8, 30, 6, 5, 4, 25, 4])[0]
        district = None
        if area in codes.LOCAL_AREAS and rng.random() < 0.8:
            district = rng.choice(sorted(d for d, a in codes.districts().items() if a == area))
        band = rng.choices(codes.AGE_BANDS, weights=[2, 8, 30, 20, 20, 2, 18])[0]
        chosen = tuple(sorted(set(rng.choices(needs, k=rng.choice([0, 1, 1, 1, 2])))))
        urgent = rng.choice(codes.urgent_classes()) if rng.random() < 0.06 else None
        step = "none" if not chosen else rng.choice(["need", "details", "services", "services",
                                                     "more", "feedback"])
        shown = step in ("services", "more", "feedback")
        asked = shown and urgent is None
        feedback = "feedback" == step and asked
        gaps = tuple(Gap(n, band, area, district) for n in chosen
                     if shown and area in codes.LOCAL_AREAS and rng.random() < 0.3)
        out.append(SessionRecord(
            day=day, hour_of_week=day.weekday() * 24 + hour,
            out_of_hours=codes.out_of_hours(day, hour),
            channel=rng.choices(codes.CHANNELS, weights=[5, 4, 1])[0],
            audience=rng.choices(codes.AUDIENCES, weights=[6, 3, 1, 1])[0], age_band=band,
            area=area, district=district, needs=chosen, urgent_class=urgent,
            check_in=rng.random() < 0.03, furthest_step=step if (feedback or step != "feedback")
            else "more", services_shown=3 if shown else 0,
            any_local=(rng.random() < 0.6) if shown else None, gaps=gaps,
            feedback_asked=asked, feedback=rng.choice(codes.FEEDBACK) if feedback else None,
            language=rng.choice([None] * 20 + ["pl", "ro", "ar"])))
    return out


def stored(url: str, count: int, start: date, days: int, seed: int) -> InsightsStore:
    """An insights store at ``url`` holding ``count`` made-up records, as the job leaves it
    (its progress marked up to now)."""
    store = InsightsStore(make_engine(url))
    store.create()
    with store.claim() as claim:
        claim.write(records(count, start, days, seed=seed))
        claim.done_until(time.time())
    return store
