"""One catalogue and locality index per action-server process, created on first use."""
from __future__ import annotations

from functools import lru_cache

from services_catalog.query import Catalogue


@lru_cache(maxsize=1)
def catalogue() -> Catalogue:
    return Catalogue()
