"""Where is someone? From a postcode, a postcode district or a place name, typos included.

Built on open data copied into ``locality_data/`` (OS Code-Point Open, ONS, OS Open Names and
GeoNames; see SOURCES.md there for licences and attribution). A resolution says how sure it
is: one area, several candidates to ask about, somewhere outside the five areas, or nothing
recognised, so that the conversation can ask a useful next question rather than guess.

A place name is read as people say it: local names (aliases.yml), a district or county after
it ("Halstead in Essex"), and UK towns and cities elsewhere (populations.csv). The places one
name can mean are ranked by how many people live there (GeoNames), the five areas' own
counting LOCAL_WEIGHT times; one CLEAR_LEAD times the next is taken, otherwise the person is
asked (README, "Where someone lives").
"""
from __future__ import annotations

import csv
import gzip
import re
from collections import defaultdict
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Dict, List, Optional, Sequence, Tuple

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
#: Of misspellings scoring within this much of the best, the place with most people wins.
FUZZY_TIE = 4

# -- ranking places of the same name (README, "Where someone lives") --------------------------
#: A place inside the five areas counts this many times its population: the assistant is for
#: people there, so of two places of one name the local one is the likelier.
LOCAL_WEIGHT = 10
#: The first place is taken without asking when it counts at least this many times the next.
CLEAR_LEAD = 20
#: ... or, when the first is in the five areas and the next elsewhere, this many times: a local
#: reading that is wrong still lists national services and every 24/7 route, while a wrong
#: "outside" loses a local person their local services ("Hythe" is Hythe in Kent, "Rainham"
#: Rainham in Medway, without a question).
LOCAL_LEAD = 5
#: A place in the five areas that the population data does not list: a village of this size.
VILLAGE = 1_000
#: At most this many places are offered when the bot asks which one.
MOST_CHOICES = 3

FOUND, AMBIGUOUS, OUTSIDE, UNKNOWN = "found", "ambiguous", "outside", "unknown"

#: Words after a town's name that make it a street named after the town: "Rye Street, Cliffe"
#: is Cliffe in Medway, not Rye in East Sussex (the independent review of round 30). Not "close"
#: ("margate close to the seafront"), nor a word followed by "to" or "by" (the second review).
_STREET_WORDS = frozenset("""road rd street lane avenue ave drive crescent grove gardens terrace
parade""".split())

_POSTCODE = re.compile(r"\b([A-Z]{1,2}[0-9][A-Z0-9]?) ?([0-9][A-Z]{2})\b")
_OUTCODE = re.compile(r"^([A-Z]{1,2}[0-9][A-Z0-9]?)$")
#: A postcode district followed by a name: "ME3, Hoo", "SS9 leigh".
_LEADING_OUTCODE = re.compile(r"^([A-Z]{1,2}[0-9][A-Z0-9]?)[\s,;:/-]+(?=[A-Z' -]*[A-Z]{2})")
_LEAD_INS = re.compile(
    r"^(?:(?:i|we|they|he|she)\s*(?:'?m|am|are|is|'?re|live|lives|living|stay|stays)?\s*"
    r"(?:live|living|based|staying|from)?\s*(?:in|at|near|around|nr)?\s+|"
    r"(?:in|at|near|around|from|nr)\s+|(?:it'?s|its)\s+)",
)
#: A possessive's "s" left on its own by normalise_name ("bishop's" -> "bishop s").
_APOSTROPHE_S = re.compile(r"\b([a-z]{2,}) s\b")
#: Outside the five areas, said so: "just outside kent", "outside of essex", "outside the county".
_OUTSIDE_THE_AREAS = re.compile(r"\b(?:just\s+|right\s+)?outside\s+(?:of\s+)?"
                                r"(kent|essex|the\s+(?:county|area|areas))\b")
#: The areas each of those is: a place in them is not "outside" it.
#: Never "outside of southend", "outside medway": said of a place in Essex or Kent (the second
#: independent review of round 33).
_OUTSIDE_OF = {"kent": frozenset({"kent", "medway"}), "essex": frozenset({"essex", "southend", "thurrock"})}
#: A border named beside the county that says which side: "near the kent border in east sussex".
_BORDER = re.compile(r"\b(?:on|near|by|over|across|just\s+over|close\s+to)?\s*(?:the\s+)?"
                     r"(?:kent|essex|medway|london|sussex|surrey|suffolk|herts|hertfordshire)"
                     r"(?:\s+\w+)?\s+border\b")
_FILLER = re.compile(r"\b(?:we|i|they|live|lives|living|are|re|m|just|so|but|and|actually|its|it s)\b")
#: Short names people use for counties.
_COUNTY_SHORT = {"herts": "hertfordshire", "beds": "bedfordshire", "bucks": "buckinghamshire",
                 "cambs": "cambridgeshire", "hants": "hampshire", "london": "greater london"}
#: ... and after a county's name: "devon road", "on cornwall road" (never outside).
_COUNTY_STREETS = _STREET_WORDS | frozenset(
    "st ln close dr way place court walk hill park rise square mews".split())
#: The five areas are in England: "medway kent england", "south east england" are not outside.
_HOME_NATION = frozenset({"england", "uk", "united kingdom", "great britain", "britain"})
_LOCAL_TIERS = frozenset({"kent", "essex", "medway", "southend on sea", "thurrock"})
#: Words between a place and what places it ("Halstead in Essex", "Leigh, near Tonbridge",
#: "Rainham (Kent)"): skipped when looking for the district or county that follows.
_JOINERS = frozenset("""in near nr by outside off close to next the of area county just not far
from borough district council side way up down""".split())
#: Names that are also everyday words: a place only when the answer starts with them.
_EVERYDAY = frozenset("""bridge seal bean ware march street reading sale hook bury hale hyde bath
wells deal ham""".split())
#: The historic counties of the unitary areas, so "Rainham, Kent" is the Medway one.
_CEREMONIAL = {"Medway": "Kent", "Southend-on-Sea": "Essex", "Thurrock": "Essex"}


@dataclass(frozen=True)
class Locality:
    district: Optional[str]
    upper_tier: str           # outside the five areas: the county (or country) of the place
    area: Optional[str]       # taxonomy area code, None when outside the five areas


@dataclass(frozen=True)
class Place:
    """One place a name can mean, with how many people live there (None: not in the data)."""
    name: str
    locality: Locality
    population: Optional[int] = None

    @property
    def weight(self) -> float:
        """What the place counts for when places of one name are ranked."""
        if self.locality.area:
            return (self.population or VILLAGE) * LOCAL_WEIGHT
        return float(self.population or 1)

    @property
    def label(self) -> str:
        """"Leigh-on-Sea (Southend-on-Sea)", "Leigh (Sevenoaks, Kent)", "Leigh (Greater
        Manchester)": the name and what tells it apart; read back, it resolves to this place."""
        loc = self.locality
        where = [p for p in dict.fromkeys((loc.district, loc.upper_tier))
                 if p and normalise_name(p) != normalise_name(self.name)]
        return f"{self.name} ({', '.join(where)})" if where else self.name


@dataclass(frozen=True)
class Resolution:
    status: str
    query: str
    kind: Optional[str] = None  # "postcode", "outcode" or "place"
    candidates: Tuple[Locality, ...] = ()
    matched: Optional[str] = None  # the name or code that was recognised
    #: A place name: the places to ask about (AMBIGUOUS), or the one taken (FOUND, OUTSIDE).
    places: Tuple[Place, ...] = ()
    #: Places in the five areas of the same name that a much bigger place elsewhere outranked.
    passed_over: Tuple[Place, ...] = ()
    #: Every word was read as a name, a district or county, or a joining word (no typo).
    exact: bool = False

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

    @property
    def choices(self) -> Tuple[str, ...]:
        """What to offer when asking which place was meant: labels that resolve by themselves."""
        return tuple(p.label for p in self.places) if self.status == AMBIGUOUS else ()


def _postcode_area(outward: str) -> str:
    match = re.match(r"[A-Z]+", outward)
    return match.group() if match else ""


def normalise_name(text: str) -> str:
    text = text.lower().replace("&", " and ")
    text = re.sub(r"\bst\.", "st", text)
    text = re.sub(r"[^a-z0-9]+", " ", text)
    return re.sub(r"\s+", " ", text).strip()


def without_lead_in(text: str) -> str:
    """The normalised text without "I live in", "we're near", "from" ... before the place."""
    return _LEAD_INS.sub("", normalise_name(text)).strip()


@dataclass(frozen=True)
class _Reading:
    """A place answer taken apart: the name, then what places it ("in Essex, near Braintree")."""
    name: str
    qualifiers: Tuple[str, ...]
    exact: bool


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
        self.populations: Dict[Tuple[str, Optional[str]], int] = {}
        self.elsewhere: Dict[str, List[Place]] = defaultdict(list)
        self._load_populations(data_dir / "populations.csv")
        self._load_districts_elsewhere(data_dir / "districts.csv")
        #: Local names: each maps to the names (in the five areas) that it can mean.
        self.aliases: Dict[str, Tuple[str, ...]] = {}
        for alias, meant in (yaml.safe_load((data_dir / "aliases.yml").read_text()) or {}).items():
            targets = meant if isinstance(meant, list) else [meant]
            self.aliases[normalise_name(str(alias))] = tuple(normalise_name(str(t))
                                                             for t in targets)
        self._county_names = {normalise_name(p.locality.upper_tier): p.locality.upper_tier
                              for places in self.elsewhere.values() for p in places}
        self._county_names.update({normalise_name(loc.upper_tier): loc.upper_tier
                                   for locs in self.names.values() for loc in locs
                                   if not loc.area})  # "Grange Hill (Redbridge)"
        self.counties = set(self._county_names)
        self._choices = list(dict.fromkeys([*self.names, *self.aliases, *self.elsewhere]))
        tiers = {normalise_name(u) for u in UPPER_TIER_AREAS}
        self._district_keys = tiers | {
            normalise_name(loc.district) for locs in self.names.values() for loc in locs
            if loc.district and loc.area}
        #: Words that name a whole area or county ("Kent", "Greater Manchester", "Wales").
        self._tier_keys = tiers | self.counties | {
            k for k, meant in self.aliases.items() if all(m in tiers for m in meant)}
        self._longest = max(len(k.split()) for k in self._choices)

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

    def _load_districts_elsewhere(self, path: Path) -> None:
        """Districts next to the five areas ("Bromley", "Havering", "Tandridge"), named as where
        someone lives: outside, like a town elsewhere, when no town of the name is listed
        (conversations26: "she lives in Bromley itself" was not known as a place)."""
        with open(path, encoding="utf-8") as fh:
            for row in csv.DictReader(fh):
                key = normalise_name(row["district"])
                if row["in_target_area"] != "Y" and key not in self.elsewhere and key not in self.names:
                    self.elsewhere[key].append(
                        Place(row["district"], Locality(None, row["upper_tier"], None), None))
                    self.display.setdefault(key, row["district"])

    def _load_populations(self, path: Path) -> None:
        """GeoNames populations (SOURCES.md): of places in the five areas, by name and district;
        and the UK's towns and cities elsewhere, with their county."""
        with open(path, encoding="utf-8") as fh:
            for row in csv.DictReader(fh):
                key, population = normalise_name(row["place"]), int(row["population"])
                if row["district"]:
                    self.populations[(key, row["district"])] = population
                else:
                    self.elsewhere[key].append(
                        Place(row["place"], Locality(None, row["county"], None), population))
                    self.display.setdefault(key, row["place"])

    # -- resolution -------------------------------------------------------------------------

    def resolve(self, text: str) -> Resolution:
        query = (text or "").strip()[:200]
        upper = query.upper()
        match = _POSTCODE.search(upper)
        if match:
            found = self._postcode(query, match.group(1), match.group(2))
            return self._settled_by_name(found, query[:match.start()] + " " + query[match.end():])
        lead = _LEADING_OUTCODE.match(upper)
        if lead and lead.group(1) in self.outcodes:
            # The postcode district first, then the place that settles it: "ME3, Hoo"
            # (conversations42). A place it does not settle is read as before ("RM14 upminster"
            # is outside, not a choice of districts: the independent review of round 27).
            found = self._outcode(query, lead.group(1))
            settled = self._settled_by_name(found, query[lead.end():])
            if settled is not found:
                return settled
            # ... and a postcode of one area settles a name shared by two places ("SS9, Leigh" is
            # Leigh-on-Sea, "TN9, Leigh" the one near Tonbridge: the second review of round 27).
            named = self._place(re.sub(r"[^\w' -]+", " ", query[lead.end():]).strip())
            if found.status == FOUND and named is not None and named.status == AMBIGUOUS:
                return found
        compact = re.sub(r"[^A-Z0-9]", "", upper)
        if _OUTCODE.match(compact) and compact in self.outcodes:
            return self._outcode(query, compact)
        outside = self._outside_said(query)
        if outside:
            return outside
        # A border named says where the place is near, not where it is ("sevenoaks, near the
        # surrey border" is Sevenoaks in Kent).
        unbordered = _BORDER.sub(" ", normalise_name(query)).strip()
        place = self._place(unbordered if unbordered != normalise_name(query)
                            and re.search(r"[a-z]{3}", unbordered) else query)
        if place:
            return place
        if _OUTCODE.match(compact) and _postcode_area(compact) in UK_POSTCODE_AREAS:
            return Resolution(OUTSIDE, query, "outcode", matched=compact)
        return Resolution(UNKNOWN, query)

    def _outside_said(self, query: str) -> Optional[Resolution]:
        """An answer that says it is outside the five areas: "we live just outside kent",
        "near the kent border in east sussex", "surrey" (development sets 53 and 55: Kent was
        read from the first, the county was not known in the others). A town it names decides
        ("just outside kent, in crowborough", "sevenoaks, near the surrey border"); the five
        areas' own names are never outside."""
        text = normalise_name(query)
        said = _OUTSIDE_THE_AREAS.search(text)
        rest = _OUTSIDE_THE_AREAS.sub(" ", text) if said else text
        county = self._county_outside(_BORDER.sub(" ", rest))
        if county is None and not said:
            return None
        if not said:
            # A county named: the place read as before, unless it is only a county or area
            # ("Gillingham, Dorset" is read by _place; "near the kent border in east sussex"
            # read "Kent").
            named = self._place(_BORDER.sub(" ", text))
            if named is not None and named.status != UNKNOWN and (
                    not self._only_a_tier(named) or named.status == FOUND):
                # A town, or one of the five areas named beside the county ("essex near herts",
                # "kent but close to surrey", "we moved from surrey to kent"): read as before.
                return None
        else:
            left = without_lead_in(_FILLER.sub(" ", rest))
            named = self._place(left) if re.search(r"[a-z]{3}", left) else None
            left_out = _OUTSIDE_OF.get(said.group(1).split()[0], frozenset(UPPER_TIER_AREAS.values()))
            if named is not None and named.status != UNKNOWN and not self._only_a_tier(named) \
                    and not any(c.area in left_out for c in named.candidates):
                # A town or village named beside it, not in the area they are outside of ("just
                # outside kent, in crowborough"; never "outside of essex, near harlow").
                return named
        if county is not None:
            there = Place(self._county_names[county], Locality(None, self._county_names[county], None))
            return Resolution(OUTSIDE, query, "place", (there.locality,), there.name, (there,))
        return Resolution(OUTSIDE, query, "area")

    def _only_a_tier(self, found: Resolution) -> bool:
        """Read as a whole area or county only ("Kent", "East Sussex"), no town in it."""
        return normalise_name(found.matched or "") in self._tier_keys

    def _county_outside(self, text: str) -> Optional[str]:
        """A county (or country) outside the five areas named in the answer: "in east sussex",
        "surrey", "over in herts"."""
        words = text.split()
        for size in (4, 3, 2, 1):
            for i in range(len(words) - size + 1):
                key = " ".join(words[i:i + size])
                key = _COUNTY_SHORT.get(key, key)
                if i + size < len(words) and words[i + size] in _COUNTY_STREETS:
                    continue
                if key in self.counties and key not in self._district_keys and key not in _HOME_NATION \
                        and normalise_name(self._county_names[key]) not in _LOCAL_TIERS:
                    return key
        return None

    def _settled_by_name(self, found: Resolution, rest: str) -> Resolution:
        """A postcode whose district spans two areas, said with the place's name ("ME3 9ZZ,
        hoo": Medway and Gravesham share ME3; conversations24): the place, when it lies in one
        of the postcode's districts."""
        rest = re.sub(r"[^\w' -]+", " ", rest).strip()
        if found.status != AMBIGUOUS or not re.search(r"[A-Za-z]{2}", rest):
            return found
        place = self._place(rest)
        districts = {c.district for c in found.candidates}
        if place and place.status == FOUND and place.candidates and all(
                c.district in districts for c in place.candidates):
            return place
        return found

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

    # -- place names ------------------------------------------------------------------------

    def known(self, key: str) -> bool:
        """Is this (normalised) text a place name, a local name or a town elsewhere?"""
        return key in self.names or key in self.aliases or key in self.elsewhere

    def places_named(self, key: str, *, local_names: bool = True) -> List[Place]:
        """Every place the name can mean. A local name (aliases.yml) means only the places it
        lists, unless ``local_names`` is off (a district or county given with it may point
        elsewhere: "Leigh, Greater Manchester")."""
        keys: Tuple[str, ...] = (key,)
        if key in self.aliases:
            keys = self.aliases[key] + ((key,) if not local_names else ())
        found: Dict[Tuple[str, Locality], Place] = {}
        for k in keys:
            table = self.names if k in self.names else self.minor_names
            for loc in table.get(k, ()):
                population = self.populations.get((k, loc.district))
                found.setdefault((k, loc), Place(self.display.get(k, k), loc, population))
            if k not in self.aliases.get(key, ()) or not local_names:
                for place in self.elsewhere.get(k, ()):
                    found.setdefault((k, place.locality), place)
        return list(found.values())

    def _place(self, query: str) -> Optional[Resolution]:
        name = without_lead_in(query)
        if not name:
            return None
        reading = self._read(name)
        if reading is None and _APOSTROPHE_S.search(name):
            # "Bishop's Stortford" typed with the apostrophe the data leaves out ("Bishops
            # Stortford": development set 59, a parent's correction to home over the border).
            reading = self._read(_APOSTROPHE_S.sub(r"\1s", name))
        if reading is None:
            return self._fuzzy(query, name)
        places = self.places_named(reading.name)
        if reading.qualifiers:
            wider = self.places_named(reading.name, local_names=False)
            kept = self._placed(wider, reading.qualifiers)
            if kept is not wider:
                places = kept
            elif any(q in self.counties and q not in self._district_keys
                     for q in reading.qualifiers):
                # "Gillingham, Dorset": a place of that name in a county elsewhere, too small
                # for the data; outside the five areas, whichever it is.
                county = next(q for q in reading.qualifiers if q in self.counties)
                there = Place(self.display.get(reading.name, reading.name),
                              Locality(None, self._county_names[county], None))
                return Resolution(OUTSIDE, query, "place", (there.locality,), there.name,
                                  (there,), exact=reading.exact)
        if not places:
            return None
        return self._decide(query, places, reading.exact)

    def _read(self, name: str) -> Optional[_Reading]:
        """The first place name in the words (the longest one where several start together),
        with any district or county that follows it. A name that is only a district or county,
        followed by a place ("Kent, Leigh"), places that place."""
        if self.known(name) or name in self.minor_names:
            return _Reading(name, (), True)
        words = name.split()
        found = self._chunk(words, 0)
        if found is None:
            return None
        if self._landmark(words, found[0]):
            # "by the river in maidstone": a name after "the" is a landmark when a place
            # follows ("the isle of sheppey" alone is still the place).
            later = self._chunk(words, found[1])
            if later is not None and not self._landmark(words, later[0]):
                found = later
        start, end, key = found
        qualifiers, after = self._qualifiers(words, end)
        exact = start == 0 and after == len(words)
        if self._only_a_district(key):
            if qualifiers and self.known(qualifiers[0]) and \
                    not self._only_a_district(qualifiers[0]):
                return _Reading(qualifiers[0], (key, *qualifiers[1:]), exact)
            nxt = None if qualifiers else self._chunk(words, end)
            # "maidstone, by the river": a name after "the" is a landmark in the district
            # (River is a village near Dover), as in _qualifiers.
            if nxt is not None and self._landmark(words, nxt[0]):
                # ... and the words are all read: the district is the place said
                exact = start == 0 and nxt[1] == len(words) and all(
                    w in _JOINERS or w == "the" for w in words[end:nxt[0]])
                return _Reading(key, (), exact)
            if nxt is not None and not self._only_a_district(nxt[2]):
                rest, after = self._qualifiers(words, nxt[1])
                return _Reading(nxt[2], (key, *rest), start == 0 and after == len(words) and
                                all(w in _JOINERS for w in words[end:nxt[0]]))
        return _Reading(key, qualifiers, exact)

    @staticmethod
    def _landmark(words: List[str], start: int) -> bool:
        """A name said after "the" ("up by the river", "near the broadway")."""
        return start > 0 and words[start - 1] == "the"

    def _chunk(self, words: List[str], begin: int) -> Optional[Tuple[int, int, str]]:
        """The first known name from ``begin`` on, the longest where several start together.
        A short or everyday name counts only at the very start ("deal", "ash, dover")."""
        for start in range(begin, len(words)):
            for size in range(min(self._longest, len(words) - start), 0, -1):
                key = " ".join(words[start:start + size])
                if not self.known(key):
                    continue
                if size == 1 and start != 0 and (len(key) < 4 or key in _EVERYDAY):
                    continue
                if start + size < len(words) and words[start + size] in _STREET_WORDS and not (
                        start + size + 1 < len(words) and words[start + size + 1] in ("to", "by")):
                    continue  # "Rye Street, Cliffe", "London Road": a street, not the town
                return start, start + size, key
        return None

    def _qualifiers(self, words: List[str], end: int) -> Tuple[Tuple[str, ...], int]:
        """Districts, counties or places right after the name, joined by "in", "near", ","..."""
        qualifiers: List[str] = []
        position = end
        while position < len(words) and len(qualifiers) < 2:
            skip = position
            while skip < len(words) and words[skip] in _JOINERS:
                skip += 1
            # "leigh, up near the broadway": a name after "the" is a street or a landmark
            # there, not a place that says which Leigh (it chose Leigh in Sevenoaks, through
            # Broadway in Ashford: conversations28); a district or county may follow "the".
            street = skip > position and words[skip - 1] == "the"
            for size in range(min(self._longest, len(words) - skip), 0, -1):
                key = " ".join(words[skip:skip + size])
                if street and not (key in self.counties or self._only_a_district(key)):
                    continue
                if self.known(key) or key in self.counties:
                    qualifiers.append(key)
                    position = skip + size
                    break
            else:
                break
        while position < len(words) and words[position] in _JOINERS:
            position += 1
        return tuple(qualifiers), position

    def _only_a_district(self, key: str) -> bool:
        """Kent, Essex, Medway, Sevenoaks...: the name of one of the five areas or districts."""
        return all(k in self._district_keys for k in self.aliases.get(key, (key,)))

    def _placed(self, places: List[Place], qualifiers: Tuple[str, ...]) -> List[Place]:
        """The places that the district, county or nearby place given fits: same district
        first, then same county; all of them (the same list) when none fits."""
        for level in ("district", "county"):
            kept = [p for p in places if any(self._fits(p, q, level) for q in qualifiers)]
            if kept:
                return kept
        return places

    def _fits(self, place: Place, qualifier: str, level: str) -> bool:
        loc = place.locality
        if loc.area is None:
            county = normalise_name(loc.upper_tier)
            if level == "district":
                return qualifier == county or any(
                    normalise_name(p.locality.upper_tier) == county
                    for p in self.elsewhere.get(qualifier, ()))
            return qualifier == county or qualifier in county.split()
        named = [loc for k in self.aliases.get(qualifier, (qualifier,))
                 for loc in self.names.get(k, ())]
        if level == "district":
            return bool(loc.district) and any(n.district == loc.district for n in named)
        tiers = {loc.upper_tier, _CEREMONIAL.get(loc.upper_tier, loc.upper_tier)}
        return any(n.upper_tier in tiers for n in named)

    def _fuzzy(self, query: str, name: str) -> Optional[Resolution]:
        if len(name) < 4:
            return None
        # A typo keeps the first letter ("sittingborne"); a big town elsewhere that looks like
        # a village here does not ("Croydon" is not Roydon). Of near-equal scores, the place
        # with most people wins ("birmingam" is Birmingham).
        scored = [(candidate, score) for candidate, score, _ in process.extract(
            name, self._choices, scorer=fuzz.ratio, score_cutoff=FUZZY_CUTOFF, limit=10)
            if candidate[:1] == name[:1]]
        if not scored:
            return None
        best = max(score for _, score in scored)
        near = [c for c, score in scored if score >= best - FUZZY_TIE]
        key = max(near, key=lambda c: max((p.weight for p in self.places_named(c)), default=0))
        places = self.places_named(key)
        return self._decide(query, places, exact=False) if places else None

    def _decide(self, query: str, places: List[Place], exact: bool) -> Resolution:
        """Rank the places a name can mean by how many people live there (LOCAL_WEIGHT for the
        five areas): take the first when it is CLEAR_LEAD times the next (LOCAL_LEAD times a
        place elsewhere, when the first is local); when the close ones
        are all in one area, that area; when they are all elsewhere, outside; else ask."""
        ranked = sorted(places, key=lambda p: -p.weight)  # ties: as listed (aliases.yml order)
        top = ranked[0]
        local_top = top.locality.area is not None
        close = [p for p in ranked
                 if p.weight * (LOCAL_LEAD if local_top and p.locality.area is None
                                else CLEAR_LEAD) > top.weight]
        areas = {p.locality.area for p in close}
        passed_over = tuple(p for p in ranked if p.locality.area and p not in close)
        if len(areas) == 1:
            area = areas.pop()
            if area is None:
                return Resolution(OUTSIDE, query, "place", (top.locality,), top.name, (top,),
                                  passed_over, exact)
            locs = tuple(dict.fromkeys(p.locality for p in close))
            return Resolution(FOUND, query, "place", locs, top.name, (top,), (), exact)
        chosen = close[:MOST_CHOICES]
        if not any(p.locality.area for p in chosen):
            chosen[-1] = next(p for p in close if p.locality.area)
        return Resolution(AMBIGUOUS, query, "place",
                          tuple(dict.fromkeys(p.locality for p in chosen)),
                          _common_name(chosen), tuple(chosen), (), exact)

    def choose(self, answer: str, choices: Sequence[str]) -> Optional[str]:
        """Which of the places offered ("Leigh-on-Sea (Southend-on-Sea)", ...) the answer
        picks: "1", "the second", the place itself ("leigh on sea"), a district only one of
        them is in ("Sevenoaks"), or a county ("Kent", "the Southend one"). None when it picks
        none of them, or more than one."""
        text = normalise_name(answer)
        number = _ORDINALS.get(text) or (int(text) if text.isdigit() and len(text) < 3 else 0)
        if number:
            return choices[number - 1] if number <= len(choices) else None
        said = " ".join(w for w in text.split() if w not in _JOINERS and w not in _FILLERS)
        if not said:
            return None
        named = [c for c in choices
                 if normalise_name(c) == said or normalise_name(c).startswith(said + " ")]
        if len(named) == 1:
            return named[0]
        places = [self.resolve(c).places for c in choices]
        levels = ("district", "county") if said in self._tier_keys or any(
            said in county.split() for county in self.counties) else ("district",)
        for level in levels:
            fits = [c for c, ps in zip(choices, places) if ps and self._fits(ps[0], said, level)]
            if len(fits) == 1:
                return fits[0]
        return None


_ORDINALS = {"first": 1, "1st": 1, "the first": 1, "second": 2, "2nd": 2, "the second": 2,
             "third": 3, "3rd": 3, "the third": 3, "first one": 1, "second one": 2,
             "third one": 3, "the first one": 1, "the second one": 2, "the third one": 3}
_FILLERS = frozenset("one please that it its s i mean meant yes yeah".split())


def _common_name(places: Sequence[Place]) -> Optional[str]:
    """The name the places share ("Leigh" for Leigh and Leigh-on-Sea), else None: "the
    island" is Sheerness, Canvey Island or West Mersea, and asking "which Canvey Island do you
    mean?" would name one of them as the question (conversations6)."""
    names = [p.name for p in places]
    first = names[0].split("-")[0].split(" ")[0]
    return first if all(n.startswith(first) for n in names) else None


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
