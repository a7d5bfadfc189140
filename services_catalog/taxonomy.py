"""The shared vocabulary (urgent classes, needs, audiences, THRIVE groupings, areas).

Intents, catalogue tags and analytics all use these codes; reading them from one file is what
keeps a message classified as ``need_anxiety`` finding services tagged ``anxiety``.
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Dict, FrozenSet

import yaml

TAXONOMY_FILE = Path(__file__).with_name("taxonomy.yml")

#: Pseudo-area for services that cover the whole UK (or England).
NATIONAL = "national"


@dataclass(frozen=True)
class Taxonomy:
    urgent: Dict[str, str]
    needs: Dict[str, str]
    audiences: Dict[str, str]
    thrive: FrozenSet[str]
    areas: Dict[str, str]

    @property
    def need_intents(self) -> Dict[str, str]:
        """Maps each ``need_<code>`` intent name to its need code."""
        return {f"need_{code}": code for code in self.needs}


@lru_cache(maxsize=1)
def load_taxonomy(path: Path = TAXONOMY_FILE) -> Taxonomy:
    raw = yaml.safe_load(path.read_text(encoding="utf-8"))
    return Taxonomy(
        urgent=dict(raw["urgent"]),
        needs=dict(raw["needs"]),
        audiences=dict(raw["audiences"]),
        thrive=frozenset(raw["thrive"]),
        areas=dict(raw["areas"]),
    )
