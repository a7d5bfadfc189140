"""Stable identifiers for Open Referral UK.

ORUK ids are UUIDs; the catalogue's own ids are readable slugs ("medway-safe-haven"). Every id
this project publishes is a version-5 UUID of a slug under one fixed project namespace, so a
service keeps its id across reloads, machines and databases, and a directory that stored the id
finds the service again. Parts of a service (schedules, areas, attributes) take their ids from
the service's UUID, so a service read back from the feed republishes the very same ids.
"""
from __future__ import annotations

import re
import uuid
from typing import Optional

NAMESPACE = uuid.uuid5(uuid.NAMESPACE_DNS, "catalogue.kent-essex-youth-wellbeing.invalid")

#: The one textual form the profile's ``format: uuid`` accepts (the official validator parses
#: with .NET's ``Guid.TryParseExact(value, "D")``): 8-4-4-4-12 hexadecimal digits.
UUID_TEXT = re.compile(r"[0-9a-fA-F]{8}-(?:[0-9a-fA-F]{4}-){3}[0-9a-fA-F]{12}")


def oruk_id(kind: str, key: str) -> str:
    """The UUID of one thing of a kind ("service", "term", ...) with a project key."""
    return str(uuid.uuid5(NAMESPACE, f"{kind}:{key}"))


def part_id(kind: str, owner_uuid: str, *key: object) -> str:
    """The UUID of a part of a published record, derived from the record's own UUID."""
    return oruk_id(kind, ":".join([owner_uuid, *map(str, key)]))


def canonical_uuid(text: object) -> Optional[str]:
    """The lower-case form of a UUID written in the standard 8-4-4-4-12 form, else None."""
    if isinstance(text, str) and UUID_TEXT.fullmatch(text):
        return text.lower()
    return None
