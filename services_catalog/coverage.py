"""Where the catalogue is thin: local services for every district and need, and the gaps.

A gap is a need, a district and an age band where a young person of some age in the band would
find no local service for that need (tagged with it), only national ones. General support
(services tagged ``general_wellbeing``, offered for every need) is counted beside the
need-specific services but does not close a gap: a youth club is not help with psychosis. The
stricter question, whether a search would show nothing local at all, is counted too.

Both answer from the catalogue's active services through the search's own tests of who a
service is for (:func:`services_catalog.query.fits`), so the report and the bot cannot disagree.

    python -m services_catalog coverage [--csv]
    python -m services_catalog oldest [--limit N]
"""
from __future__ import annotations

import csv
import io
from dataclasses import dataclass
from datetime import date
from typing import Dict, Iterable, List, Optional, Sequence, Tuple

from .locality import district_areas
from .query import ServiceView, fits, locality_of
from .taxonomy import load_taxonomy

#: Age bands of the report: early years, primary, secondary, sixth form, young adults.
AGE_BANDS: Tuple[Tuple[int, int], ...] = ((0, 4), (5, 10), (11, 15), (16, 17), (18, 25))


def band_label(band: Tuple[int, int]) -> str:
    return f"{band[0]}-{band[1]}"


@dataclass(frozen=True)
class Cell:
    """One district and need: the local services that fit, and the age bands left uncovered."""
    area: str
    district: str
    need: str
    specific: Tuple[ServiceView, ...]  # local services tagged with the need
    general: Tuple[ServiceView, ...]  # local general support, offered for every need
    gaps: Tuple[Tuple[int, int], ...]  # bands with an age no local need-specific service serves
    empty: Tuple[Tuple[int, int], ...]  # bands with an age for which nothing local fits at all

    @property
    def gap(self) -> bool:
        return bool(self.gaps)


def districts() -> List[Tuple[str, str]]:
    """(area, district) for the districts of the five areas, by area then name."""
    return sorted(((area, name) for name, area in district_areas().items()))


def _local(service: ServiceView, area: str, district: str) -> bool:
    return locality_of(service, area, district) in (0, 1)


def _uncovered(services: Sequence[ServiceView], need: str, area: str,
               district: str) -> Tuple[Tuple[int, int], ...]:
    """The bands with at least one age that none of these services serves for the need."""
    return tuple(band for band in AGE_BANDS
                 if any(not any(fits(s, need, age, area, district) for s in services)
                        for age in range(band[0], band[1] + 1)))


def cell(services: Iterable[ServiceView], area: str, district: str, need: str) -> Cell:
    local = [s for s in services
             if _local(s, area, district) and fits(s, need, None, area, district)]
    specific = tuple(s for s in local if need in s.needs)
    general = tuple(s for s in local if need not in s.needs)
    return Cell(area, district, need, specific, general,
                gaps=_uncovered(specific, need, area, district),
                empty=_uncovered(local, need, area, district))


def coverage(services: Sequence[ServiceView]) -> List[Cell]:
    """Every district of the five areas against every need, in a stable order."""
    needs = list(load_taxonomy().needs)
    return [cell(services, area, district, need)
            for area, district in districts() for need in needs]


@dataclass(frozen=True)
class Totals:
    pairs: int  # district x need
    gap_pairs: int  # with a gap in at least one age band
    gap_bands: int  # district x need x age band
    empty_pairs: int  # where some age finds nothing local at all
    services: int


def totals(cells: Sequence[Cell], services: Sequence[ServiceView]) -> Totals:
    return Totals(pairs=len(cells), gap_pairs=sum(c.gap for c in cells),
                  gap_bands=sum(len(c.gaps) for c in cells),
                  empty_pairs=sum(bool(c.empty) for c in cells), services=len(services))


def _names(services: Iterable[ServiceView]) -> str:
    return "; ".join(s.name for s in services) or "-"


def _bands(bands: Iterable[Tuple[int, int]]) -> str:
    return ", ".join(band_label(b) for b in bands) or "-"


def summary_lines(cells: Sequence[Cell], services: Sequence[ServiceView]) -> List[str]:
    t = totals(cells, services)
    return [
        f"Active services: {t.services}.",
        f"Gaps (need x district with an age band where no local service is for the need): "
        f"{t.gap_pairs} of {t.pairs}; need x district x age band: {t.gap_bands} of "
        f"{t.pairs * len(AGE_BANDS)}.",
        f"Need x district with an age that finds nothing local at all, general support "
        f"included: {t.empty_pairs} of {t.pairs}.",
    ]


def matrix(cells: Sequence[Cell]) -> List[str]:
    """Districts down, needs across: local need-specific services, with "+n" general support;
    a cell in bold has a gap (the bands are in the table below)."""
    needs = list(dict.fromkeys(c.need for c in cells))
    lines = ["| district | " + " | ".join(n.replace("_", " ") for n in needs) + " |",
             "|---|" + "---|" * len(needs)]
    by_district: Dict[Tuple[str, str], List[Cell]] = {}
    for c in cells:
        by_district.setdefault((c.area, c.district), []).append(c)
    for (area, name), row in by_district.items():
        marks = [f"{len(c.specific)}+{len(c.general)}" for c in row]
        marks = [f"**{m}**" if c.gap else m for m, c in zip(marks, row)]
        lines.append(f"| {name} ({area}) | " + " | ".join(marks) + " |")
    return lines


def table(cells: Sequence[Cell]) -> List[str]:
    """One row per district and need: the local services, and the age bands that are gaps."""
    lines = ["| area | district | need | local services for the need | general local support "
             "| gaps (age bands) |", "|---|---|---|---|---|---|"]
    for c in cells:
        lines.append(f"| {c.area} | {c.district} | {c.need} | {_names(c.specific)} | "
                     f"{len(c.general)} | {_bands(c.gaps)} |")
    return lines


def report(cells: Sequence[Cell], services: Sequence[ServiceView]) -> str:
    return "\n".join(summary_lines(cells, services) + ["", "Local services (need-specific + "
                     "general support); bold: a gap.", ""] + matrix(cells) + [""] + table(cells))


def as_csv(cells: Sequence[Cell]) -> str:
    """One row per district, need and age band: the local services, and whether it is a gap."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(["area", "district", "need", "age_band", "gap", "nothing_local",
                     "need_specific_services", "general_services"])
    for c in cells:
        for band in AGE_BANDS:
            writer.writerow([c.area, c.district, c.need, band_label(band),
                             "yes" if band in c.gaps else "no",
                             "yes" if band in c.empty else "no",
                             " ".join(s.id for s in c.specific), " ".join(s.id for s in c.general)])
    return out.getvalue()


# -- the oldest facts ---------------------------------------------------------------------------

def last_checked(service: ServiceView) -> date:
    """The oldest check among the service's facts: the service's own and each contact's."""
    return min([service.assured_date] + [c.assured_date for c in service.contacts])


def oldest(services: Iterable[ServiceView], limit: Optional[int] = None) -> List[ServiceView]:
    """Services whose facts were checked longest ago first; among those checked the same day,
    those resting on an undated page, then on the oldest page, so a maintainer checks them first."""
    ranked = sorted(services, key=lambda s: (last_checked(s), s.source_date or "", s.id))
    return ranked if limit is None else ranked[:limit]


def oldest_lines(services: Sequence[ServiceView], today: Optional[date] = None) -> List[str]:
    today = today or date.today()
    lines = ["| last checked | days ago | source page dated | service | file |",
             "|---|---|---|---|---|"]
    for s in services:
        checked = last_checked(s)
        lines.append(f"| {checked.isoformat()} | {(today - checked).days} | "
                     f"{s.source_date or 'undated'} | {s.name} ({s.id}) | {s.data_file} |")
    return lines

