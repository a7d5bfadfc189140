"""One short self-help idea per need, offered next to the services and never instead of them.

The ideas are reviewed content, so they live in ``content/self_help.yml`` where they can be read
against their sources without reading Python. The file is checked as it loads, because each rule
guards something real: a missing need would silently offer nothing, a tip over 200 characters
costs an extra SMS segment, one curly quote turns the whole SMS into UCS-2 (a third of the
length), and a source off the allowed list is advice nobody has vouched for.
"""
from __future__ import annotations

import datetime
import string
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Dict, Mapping, Optional
from urllib.parse import urlsplit

import yaml

from services_catalog.taxonomy import load_taxonomy

CONTENT_FILE = Path(__file__).with_name("content") / "self_help.yml"
MAX_CHARS = 200
#: The person asking is a young person unless we know otherwise: the wording that is safe for them.
DEFAULT_AUDIENCE = "young_person"
#: The NHS and established UK charities; subdomains count (www., connect.kooth.com).
ALLOWED_DOMAINS = (
    "nhs.uk", "mind.org.uk", "youngminds.org.uk", "childline.org.uk", "samaritans.org",
    "annafreud.org", "beateatingdisorders.org.uk", "cruse.org.uk", "winstonswish.org",
    "kooth.com", "talktofrank.com", "papyrus-uk.org", "anti-bullyingalliance.org.uk",
)
#: ASCII that GSM-7 carries in one septet; ^ { } [ ] ~ \ | and ` are left out (escaped or absent).
_GSM7_PLAIN = frozenset(string.ascii_letters + string.digits + " !\"#$%&'()*+,-./:;<=>?@_")


@dataclass(frozen=True)
class SelfHelpIdea:
    text: str
    source_title: str
    source_url: str


#: need -> audience -> idea; None where the file says ``none`` (no idea on purpose).
Ideas = Dict[str, Optional[Dict[str, SelfHelpIdea]]]


def load_ideas(path: Path = CONTENT_FILE) -> Ideas:
    """Takes a path so that tests can prove a broken file is refused, not just that ours loads."""
    raw = yaml.safe_load(Path(path).read_text(encoding="utf-8"))
    if not isinstance(raw, dict) or raw.get("version") != 1:
        raise ValueError(f"{path}: expected a mapping with version: 1")
    if not isinstance(raw.get("checked"), datetime.date):
        raise ValueError(f"{path}: checked: must be the date the sources were last read (YYYY-MM-DD)")
    entries = raw.get("ideas")
    if not isinstance(entries, dict):
        raise ValueError(f"{path}: ideas: must map each need code to its entry")
    taxonomy = load_taxonomy()
    audiences = tuple(taxonomy.audiences)
    for need in taxonomy.needs:
        if need not in entries:
            raise ValueError(f"{path}: {need}: missing; give ideas and a source, or none: with a reason")
    ideas: Ideas = {}
    for need, entry in entries.items():
        if need not in taxonomy.needs:
            raise ValueError(f"{path}: {need}: not a need code in services_catalog/taxonomy.yml")
        ideas[need] = _entry(path, need, entry, audiences)
    return ideas


def _entry(path: Path, need: str, entry: object, audiences: tuple) -> Optional[Dict[str, SelfHelpIdea]]:
    if not isinstance(entry, dict):
        raise ValueError(f"{path}: {need}: must be a mapping")
    if "none" in entry:
        if set(entry) != {"none"}:
            raise ValueError(f"{path}: {need}: has none: and ideas; give one or the other")
        _text(path, need, "none", entry["none"])
        return None
    expected = set(audiences) | {"source"}
    for field in sorted(expected ^ set(entry)):
        problem = "missing" if field in expected else "unknown field"
        raise ValueError(f"{path}: {need}.{field}: {problem}")
    source = entry["source"]
    if not isinstance(source, dict) or set(source) != {"title", "url"}:
        raise ValueError(f"{path}: {need}.source: must have exactly title and url")
    title = _text(path, need, "source.title", source["title"])
    url = _url(path, need, source["url"])
    return {audience: SelfHelpIdea(_text(path, need, audience, entry[audience]), title, url)
            for audience in audiences}


def _text(path: Path, need: str, field: str, value: object) -> str:
    if not isinstance(value, str) or not value.strip():
        raise ValueError(f"{path}: {need}.{field}: must be non-empty text")
    if len(value) > MAX_CHARS:
        raise ValueError(f"{path}: {need}.{field}: {len(value)} characters, at most {MAX_CHARS}")
    for char in value:
        if char not in _GSM7_PLAIN:
            name = unicodedata.name(char, hex(ord(char)))
            raise ValueError(f"{path}: {need}.{field}: {char!r} ({name}) is not plain GSM-7; "
                             "use straight quotes, '-' and ASCII only")
    return value


def _url(path: Path, need: str, value: object) -> str:
    try:
        parts = urlsplit(value) if isinstance(value, str) else None
        host = (parts.hostname or "") if parts else ""
    except ValueError:  # a malformed address (bad port or brackets) is just a bad address
        parts, host = None, ""
    if not parts or parts.scheme != "https" or parts.username or parts.password:
        raise ValueError(f"{path}: {need}.source.url: must be a plain https address")
    if not any(host == domain or host.endswith("." + domain) for domain in ALLOWED_DOMAINS):
        raise ValueError(f"{path}: {need}.source.url: {host!r} is not on the allowed list "
                         "(NHS and established UK charities)")
    return str(value)


@lru_cache(maxsize=1)
def _shipped() -> Ideas:
    return load_ideas()


def idea_for(need: str, audience: Optional[str] = None) -> Optional[SelfHelpIdea]:
    """None means offer services only: the need has no idea on purpose, or is not a need code
    (an urgent route, say), where a tip would be the wrong thing to send."""
    ideas: Optional[Mapping[str, SelfHelpIdea]] = _shipped().get(need)
    if ideas is None:
        return None
    return ideas.get(audience or DEFAULT_AUDIENCE) or ideas[DEFAULT_AUDIENCE]
