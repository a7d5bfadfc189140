"""Which blind sets there are, found by folder name.

A new development set (``tests/data/blind/devN``, ``languages_devN``) joins every bench that
reads its kind without editing lists in three places. Held-out sets are named on purpose where
they are read (``heldout``, ``languages``, ``conversationsN``): never discovered, never tuned on.
"""
from __future__ import annotations

import re
from pathlib import Path
from typing import Tuple

BLIND = Path(__file__).resolve().parents[1] / "tests" / "data" / "blind"


def _numbered(stem: str) -> Tuple[Path, ...]:
    pattern = re.compile(rf"{stem}(\d*)")
    found = [(int(m.group(1) or 1), path) for path in BLIND.iterdir()
             if path.is_dir() and (m := pattern.fullmatch(path.name))]
    return tuple(path for _, path in sorted(found))


def understanding_devs() -> Tuple[Path, ...]:
    """``dev``, ``dev2`` ...: urgent messages, hard negatives and needs (development)."""
    return _numbered("dev")


def language_devs() -> Tuple[Path, ...]:
    """``languages_dev2`` ...: messages in other languages, English look-alikes (development)."""
    return _numbered("languages_dev")
