"""How many SMS segments a text costs, counted independently of the project's own formatter.

Written from the GSM 03.38 tables rather than imported from ``signposting.sms``, so that a
mistake in the bot's counter cannot hide the same mistake here. Rules:

- every character in the GSM-7 basic table costs one septet, every character in the
  extension table (``^{}\\[~]|€`` and form feed) costs two (an escape and the character);
- one segment holds 160 septets; a longer text is split into segments of 153 (a 7-septet
  concatenation header), and an escape pair is never split across two segments;
- any character outside both tables turns the whole text into UCS-2: 70 UTF-16 code units in
  one segment, 67 per segment when concatenated, a surrogate pair never split.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Iterable, List

GSM7_BASIC = frozenset(
    "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?"
    "¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà"
)
GSM7_EXTENSION = frozenset("^{}\\[~]|€\f")

GSM7_SINGLE, GSM7_PART = 160, 153
UCS2_SINGLE, UCS2_PART = 70, 67


@dataclass(frozen=True)
class SegmentCount:
    """The encoding a phone would choose for a text, its length in units and its segments."""

    encoding: str  # "GSM-7" or "UCS-2"
    units: int     # septets for GSM-7, UTF-16 code units for UCS-2
    segments: int
    non_gsm: str   # the characters that forced UCS-2 (empty for GSM-7)


def is_gsm7(text: str) -> bool:
    return all(c in GSM7_BASIC or c in GSM7_EXTENSION for c in text)


def _costs(text: str, gsm: bool) -> List[int]:
    """Units of each character: septets for GSM-7, UTF-16 code units for UCS-2."""
    if gsm:
        return [2 if c in GSM7_EXTENSION else 1 for c in text]
    return [2 if ord(c) > 0xFFFF else 1 for c in text]


def _pack(costs: Iterable[int], size: int) -> int:
    """Segments needed when no character's units may straddle two segments."""
    segments, used = 1, 0
    for cost in costs:
        if used + cost > size:
            segments, used = segments + 1, 0
        used += cost
    return segments


def count_segments(text: str) -> SegmentCount:
    """The segments one text takes; an empty text still costs one."""
    gsm = is_gsm7(text)
    costs = _costs(text, gsm)
    units = sum(costs)
    single, part = (GSM7_SINGLE, GSM7_PART) if gsm else (UCS2_SINGLE, UCS2_PART)
    segments = 1 if units <= single else _pack(costs, part)
    offenders = "" if gsm else "".join(sorted({c for c in text if not is_gsm7(c)}))
    return SegmentCount("GSM-7" if gsm else "UCS-2", units, segments, offenders)
