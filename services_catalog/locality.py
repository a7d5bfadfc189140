"""Where is someone? From a postcode, a postcode district or a place name, typos included.

Built on open data copied into ``locality_data/`` (OS Code-Point Open, ONS, OS Open Names and
GeoNames; see SOURCES.md there for licences and attribution). A resolution says how sure it
is: one area, several candidates to ask about, somewhere outside the five areas, or nothing
recognised, so that the conversation can ask a useful next question rather than guess.
"""
from __future__ import annotations

import csv
import gzip
import re
from collections import defaultdict
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Dict, List, Optional, Tuple

import yaml
from rapidfuzz import fuzz, process

DATA = Path(__file__).with_name("locality_data")

#: Upper-tier names in the data, mapped to the taxonomy's area codes.
UPPER_TIER_AREAS = {
    "Kent": "kent",
    "Medway": "medway",
    "Essex": "essex",
    "Southend-on-Sea": "southend",
    "Thurrock": "thurrock",
}

#: The postcode areas of the UK (and the Crown dependencies), the letters before the first
#: digit. A well-formed code outside this list is not a real postcode.
UK_POSTCODE_AREAS = frozenset("""
AB AL B BA BB BD BF BH BL BN BR BS BT BX CA CB CF CH CM CO CR CT CV CW DA DD DE DG DH DL DN DT
DY E EC EH EN EX FK FY G GL GU GY HA HD HG HP HR HS HU HX IG IM IP IV JE KA KT KW KY L LA LD
LE LL LN LS LU M ME MK ML N NE NG NN NP NR NW OL OX PA PE PH PL PO PR RG RH RM S SA SE SG SK
SL SM SN SO SP SR SS ST SW SY TA TD TF TN TQ TR TS TW UB W WA WC WD WF WN WR WS WV YO ZE
""".split())

#: Below this share of an outcode's postcodes, one district is not a safe guess (SOURCES.md).
DOMINANT_SHARE = 0.95
#: rapidfuzz score (0-100) a misspelt place name must reach to count as a match.
FUZZY_CUTOFF = 86

FOUND, AMBIGUOUS, OUTSIDE, UNKNOWN = "found", "ambiguous", "outside", "unknown"

_POSTCODE = re.compile(r"\b([A-Z]{1,2}[0-9][A-Z0-9]?) ?([0-9][A-Z]{2})\b")
_OUTCODE = re.compile(r"^([A-Z]{1,2}[0-9][A-Z0-9]?)$")
_LEAD_INS = re.compile(
    r"^(?:(?:i|we|they|he|she)\s*(?:'?m|am|are|is|'?re|live|lives|living|stay|stays)?\s*"
    r"(?:live|living|based|staying|from)?\s*(?:in|at|near|around|nr)?\s+|"
    r"(?:in|at|near|around|from|nr)\s+|(?:it'?s|its)\s+)",
)


@dataclass(frozen=True)
class Locality:
    district: Optional[str]
    upper_tier: str
    area: Optional[str]  # taxonomy area code, None when outside the five areas


@dataclass(frozen=True)
class Resolution:
    status: str
    query: str
    kind: Optional[str] = None  # "postcode", "outcode" or "place"
    candidates: Tuple[Locality, ...] = ()
    matched: Optional[str] = None  # the name or code that was recognised

    @property
    def area(self) -> Optional[str]:
        """The single area this resolves to, if there is one."""
        areas = {c.area for c in self.candidates}
        return areas.pop() if self.status == FOUND and len(areas) == 1 else None

    @property
    def district(self) -> Optional[str]:
        districts = {c.district for c in self.candidates}
        return districts.pop() if self.status == FOUND and len(districts) == 1 else None

    @property
    def label(self) -> str:
        """A human name for what was recognised, for replies ("Maidstone, Kent")."""
        if self.status != FOUND or not self.candidates:
            return self.matched or self.query
        c = self.candidates[0]
        place = self.matched if self.kind == "place" else None
        parts = [p for p in (place, self.district, c.upper_tier) if p]
        return ", ".join(dict.fromkeys(parts))


def _postcode_area(outward: str) -> str:
    match = re.match(r"[A-Z]+", outward)
    return match.group() if match else ""


def normalise_name(text: str) -> str:
    text = text.lower().replace("&", " and ")
    text = re.sub(r"\bst\.", "st", text)
    text = re.sub(r"[^a-z0-9]+", " ", text)
    return re.sub(r"\s+", " ", text).strip()


class LocalityIndex:
    """In-memory lookups; built once per process (about 100k postcodes, a fraction of a second)."""

    def __init__(self, data_dir: Path = DATA):
        self.postcodes: Dict[str, Tuple[str, str]] = {}
        with gzip.open(data_dir / "postcodes.csv.gz", "rt", encoding="utf-8") as fh:
            for row in csv.DictReader(fh):
                self.postcodes[row["postcode"].replace(" ", "")] = (row["district"], row["upper_tier"])
        self.outcodes: Dict[str, List[Tuple[str, str, float]]] = defaultdict(list)
        with open(data_dir / "outcodes.csv", encoding="utf-8") as fh:
            for row in csv.DictReader(fh):
                self.outcodes[row["outcode"]].append(
                    (row["district"], row["upper_tier"], float(row["share"])))
        for rows in self.outcodes.values():
            rows.sort(key=lambda r: -r[2])
        self.names: Dict[str, List[Locality]] = defaultdict(list)
        self.display: Dict[str, str] = {}
        self._load_places(data_dir / "places.csv")
        self._load_districts(data_dir / "districts.csv")
        self.minor_names: Dict[str, List[Locality]] = defaultdict(list)
        self._load_minor_places(data_dir / "places_detailed.csv")
        self.aliases = {
            normalise_name(k): normalise_name(v)
            for k, v in (yaml.safe_load((data_dir / "aliases.yml").read_text()) or {}).items()
        }
        self._choices = list(self.names)

    def _add(self, table, name: str, district: Optional[str], upper_tier: str) -> None:
        key = normalise_name(name)
        loc = Locality(district, upper_tier, UPPER_TIER_AREAS.get(upper_tier))
        if loc not in table[key]:
            table[key].append(loc)
        self.display.setdefault(key, name)

    def _load_places(self, path: Path) -> None:
        with open(path, encoding="utf-8") as fh:
            for row in csv.DictReader(fh):
                self._add(self.names, row["place"], row["district"], row["upper_tier"])

    def _load_districts(self, path: Path) -> None:
        with open(path, encoding="utf-8") as fh:
            for row in csv.DictReader(fh):
                if row["in_target_area"] == "Y":
                    self._add(self.names, row["district"], row["district"], row["upper_tier"])
        for upper_tier in UPPER_TIER_AREAS:
            key = normalise_name(upper_tier)
            if key not in self.names:
                # "Kent" or "Essex" alone: the area is known, the district is not.
                self.names[key] = [Locality(None, upper_tier, UPPER_TIER_AREAS[upper_tier])]
                self.display[key] = upper_tier

    def _load_minor_places(self, path: Path) -> None:
        with open(path, encoding="utf-8") as fh:
            for row in csv.DictReader(fh):
                if row["confidence"] in ("high-minor", "ward-name"):
                    self._add(self.minor_names, row["place"], row["district"], row["upper_tier"])

    # -- resolution -------------------------------------------------------------------------

    def resolve(self, text: str) -> Resolution:
        query = (text or "").strip()[:200]
        upper = query.upper()
        match = _POSTCODE.search(upper)
        if match:
            return self._postcode(query, match.group(1), match.group(2))
        compact = re.sub(r"[^A-Z0-9]", "", upper)
        if _OUTCODE.match(compact) and compact in self.outcodes:
            return self._outcode(query, compact)
        place = self._place(query)
        if place:
            return place
        if _OUTCODE.match(compact) and _postcode_area(compact) in UK_POSTCODE_AREAS:
            return Resolution(OUTSIDE, query, "outcode", matched=compact)
        return Resolution(UNKNOWN, query)

    def _postcode(self, query: str, outward: str, inward: str) -> Resolution:
        if _postcode_area(outward) not in UK_POSTCODE_AREAS:
            return Resolution(UNKNOWN, query)
        code = outward + inward
        if code in self.postcodes:
            district, upper_tier = self.postcodes[code]
            loc = Locality(district, upper_tier, UPPER_TIER_AREAS.get(upper_tier))
            return Resolution(FOUND, query, "postcode", (loc,), f"{outward} {inward}")
        rows = self.outcodes.get(outward)
        if not rows:
            # A well-formed postcode whose district has no postcodes in the five areas.
            return Resolution(OUTSIDE, query, "postcode", matched=f"{outward} {inward}")
        if all(UPPER_TIER_AREAS.get(upper) for _, upper, _ in rows):
            # Not a live postcode we know, but its district lies wholly in the five areas.
            return self._outcode(query, outward)
        # Every live postcode in the five areas is listed, so this one lies outside them.
        return Resolution(OUTSIDE, query, "postcode", matched=f"{outward} {inward}")

    def _outcode(self, query: str, outcode: str) -> Resolution:
        rows = self.outcodes[outcode]
        area_share: Dict[Optional[str], float] = defaultdict(float)
        for _, upper, share in rows:
            area_share[UPPER_TIER_AREAS.get(upper)] += share
        candidates = tuple(Locality(d, u, UPPER_TIER_AREAS.get(u)) for d, u, _ in rows)
        top_district = rows[0]
        top_area, top_area_share = max(area_share.items(), key=lambda kv: kv[1])
        if top_district[2] >= DOMINANT_SHARE:
            loc = candidates[0]
            status = FOUND if loc.area else OUTSIDE
            return Resolution(status, query, "outcode", (loc,), outcode)
        if top_area_share >= DOMINANT_SHARE:
            if top_area is None:
                return Resolution(OUTSIDE, query, "outcode", candidates, outcode)
            inside = tuple(c for c in candidates if c.area == top_area)
            return Resolution(FOUND, query, "outcode", inside, outcode)
        return Resolution(AMBIGUOUS, query, "outcode", candidates, outcode)

    def _place(self, query: str) -> Optional[Resolution]:
        name = normalise_name(query)
        name = _LEAD_INS.sub("", name).strip()
        if not name:
            return None
        name = self.aliases.get(name, name)
        for table in (self.names, self.minor_names):
            if name in table:
                return self._from_name(query, name, table[name])
        # Longest run of words that is a known name ("my son lives in gravesend kent").
        words = name.split()
        for size in range(min(len(words), 5), 0, -1):
            for start in range(len(words) - size + 1):
                chunk = " ".join(words[start:start + size])
                chunk = self.aliases.get(chunk, chunk)
                if chunk in self.names and len(chunk) > 3:
                    return self._from_name(query, chunk, self.names[chunk])
        if len(name) < 4:
            return None
        # A typo keeps the first letter ("sittingborne"); a big town elsewhere that looks like
        # a village here does not ("Croydon" is not Roydon, "Cambridge" is not Abridge).
        for candidate, _, _ in process.extract(name, self._choices, scorer=fuzz.ratio,
                                               score_cutoff=FUZZY_CUTOFF, limit=5):
            if candidate[:1] == name[:1]:
                return self._from_name(query, candidate, self.names[candidate])
        return None

    def _from_name(self, query: str, key: str, locs: List[Locality]) -> Resolution:
        display = self.display.get(key, key)
        inside = tuple(loc for loc in locs if loc.area)
        if not inside:
            return Resolution(OUTSIDE, query, "place", tuple(locs), display)
        if len({loc.area for loc in inside}) == 1 and len({loc.district for loc in inside}) == 1:
            return Resolution(FOUND, query, "place", inside[:1], display)
        if len({loc.area for loc in inside}) == 1:
            return Resolution(FOUND, query, "place", inside, display)
        return Resolution(AMBIGUOUS, query, "place", inside, display)


@lru_cache(maxsize=1)
def district_areas(data_dir: Path = DATA) -> Dict[str, str]:
    """District name -> area code, for the districts inside the five areas."""
    with open(data_dir / "districts.csv", encoding="utf-8") as fh:
        return {row["district"]: UPPER_TIER_AREAS[row["upper_tier"]]
                for row in csv.DictReader(fh) if row["upper_tier"] in UPPER_TIER_AREAS}


@lru_cache(maxsize=1)
def gss_codes(data_dir: Path = DATA) -> Dict[str, str]:
    """ONS (GSS) codes of the five areas' councils (by area code) and of their districts (by
    district name): Kent E10000016, Maidstone E07000110, Medway E06000035, ..."""
    codes: Dict[str, str] = {}
    with open(data_dir / "districts.csv", encoding="utf-8") as fh:
        for row in csv.DictReader(fh):
            if row["upper_tier"] in UPPER_TIER_AREAS:
                codes[UPPER_TIER_AREAS[row["upper_tier"]]] = row["upper_tier_code"]
                codes[row["district"]] = row["district_code"]
    return codes


@lru_cache(maxsize=1)
def default_index() -> LocalityIndex:
    return LocalityIndex()


def resolve(text: str) -> Resolution:
    return default_index().resolve(text)
