"""Stable identifiers for Open Referral UK.

ORUK ids are UUIDs; the catalogue's own ids are readable slugs ("medway-safe-haven"). Every id
this project publishes is a version-5 UUID of a slug under one fixed project namespace, so a
service keeps its id across reloads, machines and databases, and a directory that stored the id
finds the service again. Parts of a service (schedules, areas, attributes) take their ids from
the service's UUID, so a service read back from the feed republishes the very same ids.
"""
from __future__ import annotations

import hashlib
import re
import uuid
from typing import Optional

NAMESPACE = uuid.uuid5(uuid.NAMESPACE_DNS, "catalogue.kent-essex-youth-wellbeing.invalid")
_NAMESPACE_BYTES = NAMESPACE.bytes

#: The one textual form the profile's ``format: uuid`` accepts (the official validator parses
#: with .NET's ``Guid.TryParseExact(value, "D")``): 8-4-4-4-12 hexadecimal digits.
UUID_TEXT = re.compile(r"[0-9a-fA-F]{8}-(?:[0-9a-fA-F]{4}-){3}[0-9a-fA-F]{12}")


def oruk_id(kind: str, key: str) -> str:
    """The UUID of one thing of a kind ("service", "term", ...) with a project key: exactly
    ``str(uuid.uuid5(NAMESPACE, f"{kind}:{key}"))``, written out because a feed of 1,000
    services makes some 40,000 of them and uuid.UUID's checks would take most of the time."""
    digest = bytearray(hashlib.sha1(_NAMESPACE_BYTES + f"{kind}:{key}".encode("utf-8")).digest())
    digest[6] = (digest[6] & 0x0F) | 0x50  # version 5
    digest[8] = (digest[8] & 0x3F) | 0x80  # RFC 4122 variant
    text = digest[:16].hex()
    return f"{text[:8]}-{text[8:12]}-{text[12:16]}-{text[16:20]}-{text[20:]}"


def part_id(kind: str, owner_uuid: str, *key: object) -> str:
    """The UUID of a part of a published record, derived from the record's own UUID."""
    return oruk_id(kind, ":".join([owner_uuid, *map(str, key)]))


def canonical_uuid(text: object) -> Optional[str]:
    """The lower-case form of a UUID written in the standard 8-4-4-4-12 form, else None."""
    if isinstance(text, str) and UUID_TEXT.fullmatch(text):
        return text.lower()
    return None
