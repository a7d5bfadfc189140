"""What the catalogue says about the services and numbers the bot shows.

Looked up through the catalogue package's own API (``services_catalog.query.Catalogue``), the
single source of service facts, so that a check fails when the bot says something the
catalogue does not: a service for other ages or another area, a number that is not confirmed.
"""
from __future__ import annotations

import os
import re
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Callable, Dict, FrozenSet, List, Optional, Set

import phonenumbers

from services_catalog.db import make_engine
from services_catalog.loader import load
from services_catalog.query import Catalogue, ServiceView

ROOT = Path(__file__).resolve().parents[2]
DEFAULT_DB = ROOT / "build" / "catalogue.sqlite"

#: Runs of digits, spaces and one leading "+", not glued to letters, "/" or "-" (so "24/7",
#: "11-19s" and "5pm" are not numbers).
_DIGIT_RUN = re.compile(r"(?<![\w/+\-])\+?\d[\d ]*\d(?![\w/\-])")
#: A full UK number starts with 0 (or +44) and has at least 8 digits ("0800 1111").
_MIN_FULL_DIGITS = 8


def catalogue_url() -> str:
    """CATALOGUE_DB_URL, else build/catalogue.sqlite, else a catalogue loaded afresh from the
    data files into a temporary file (the bench must not need `make` to have run)."""
    url = os.environ.get("CATALOGUE_DB_URL")
    if url:
        return url
    if DEFAULT_DB.exists():
        return f"sqlite:///{DEFAULT_DB}"
    path = Path(tempfile.mkdtemp(prefix="bench-catalogue-")) / "catalogue.sqlite"
    url = f"sqlite:///{path}"
    load(make_engine(url))
    return url


def normalise(name: str) -> str:
    return re.sub(r"[^a-z0-9]+", " ", name.lower().replace("&", " and ")).strip()


def uk_digits(raw: str) -> str:
    """Digits of a UK number in national form: "+44 800 1111" and "0800 1111" alike."""
    digits = re.sub(r"\D", "", raw)
    international = raw.strip().startswith("+44") or (digits.startswith("44") and len(digits) > 11)
    return "0" + digits[2:] if international else digits


def is_uk_number(candidate: str) -> bool:
    """A full UK number or a UK short code (999, 111, 116 123, 85258), as a reader would take
    it; list numbers, ages and times are not."""
    digits = re.sub(r"\D", "", candidate)
    if len(digits) < 3:
        return False
    try:
        number = phonenumbers.parse(candidate, "GB")
    except phonenumbers.NumberParseException:
        return False
    national = uk_digits(candidate)
    if national.startswith("0") and len(national) >= _MIN_FULL_DIGITS:
        return phonenumbers.is_possible_number(number)
    return phonenumbers.is_valid_short_number_for_region(number, "GB")


def numbers_in(text: str) -> Set[str]:
    """The phone and text numbers a reply shows, as national digits."""
    return {uk_digits(m.group()) for m in _DIGIT_RUN.finditer(text) if is_uk_number(m.group())}


@dataclass(frozen=True)
class Eligibility:
    ok: bool
    reason: str


class BenchCatalogue:
    """Services by name, confirmed numbers, and who each service is for."""

    def __init__(self, url: Optional[str] = None) -> None:
        self.catalogue = Catalogue(make_engine(url or catalogue_url()))
        self.services: List[ServiceView] = list(self.catalogue.all())
        self.by_name: Dict[str, ServiceView] = {normalise(s.name): s for s in self.services}
        # A text message may drop a bracketed part of a long name ("Children and Young People's
        # Mental Health Service, Single Point of Access"): those names too, when unambiguous.
        short: Dict[str, List[ServiceView]] = {}
        for service in self.services:
            short.setdefault(normalise(re.sub(r"\s*\([^)]*\)", "", service.name)), []).append(service)
        self.by_short_name: Dict[str, ServiceView] = {k: v[0] for k, v in short.items()
                                                      if len(v) == 1 and k not in self.by_name}
        self.confirmed: FrozenSet[str] = frozenset(
            uk_digits(c.value) for s in self.services for c in s.contacts
            if c.kind in ("phone", "text") and c.confirmed)

    def find(self, shown: str, line: str = "",
             prefer: Optional[Callable[[ServiceView], bool]] = None) -> Optional[ServiceView]:
        """The service a list item names: the exact name, else the longest catalogue name the
        item starts with (a reworded list may add words after the name). ``line`` is the whole
        list line: when several names start alike ("Mental Health Support Teams in schools
        (Kent...)" and "(Southend...)"), the one the line spells out in full wins; when a text
        message shortened the name so that nothing says which, the one ``prefer`` accepts (the
        one for the person's area: what a reader there would take it to be)."""
        key = normalise(shown)
        if key in self.by_name:
            return self.by_name[key]
        if key in self.by_short_name:
            return self.by_short_name[key]
        starts = [n for n in self.by_name if key.startswith(n + " ") or n.startswith(key + " ")]
        whole = f" {normalise(line)} "
        spelt = [n for n in starts if f" {n} " in whole]
        if not spelt and prefer is not None:
            spelt = [n for n in starts if prefer(self.by_name[n])]
        return self.by_name[max(spelt or starts, key=len)] if starts else None

    def unconfirmed_numbers(self, text: str) -> Set[str]:
        return {n for n in numbers_in(text) if n not in self.confirmed}

    @staticmethod
    def eligible(service: ServiceView, age: Optional[int], area: Optional[str],
                 district: Optional[str]) -> Eligibility:
        """Open to this age (unknown age: any) and this place: national services anywhere,
        local ones only in their areas (and their districts, when they name some)."""
        low, high = service.minimum_age, service.maximum_age
        if age is not None and ((low is not None and age < low) or
                                (high is not None and age > high)):
            return Eligibility(False, f"{service.name} is for ages {low or 0}-{high or 'any'}, "
                                      f"not {age}")
        if service.national:
            return Eligibility(True, "national")
        if area is None or area == "outside" or area not in service.areas:
            return Eligibility(False, f"{service.name} covers {'/'.join(service.areas)}, not "
                                      f"{area or 'an unknown place'}")
        if service.districts and district and _district_key(district) not in {
                _district_key(d) for d in service.districts}:
            return Eligibility(False, f"{service.name} covers only "
                                      f"{'/'.join(service.districts)}, not {district}")
        return Eligibility(True, "local")

    def needs_of(self, service: ServiceView) -> FrozenSet[str]:
        return frozenset(service.needs)


def _district_key(name: str) -> str:
    """A district as written in a scenario ("castle_point", "thanet") or in the catalogue
    ("Castle Point", "Tonbridge and Malling"), compared alike."""
    return "_".join(name.casefold().replace("-", " ").replace("_", " ").split())
