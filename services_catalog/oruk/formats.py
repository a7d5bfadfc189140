"""The string formats of the profile's schemas, checked as the official validator checks them.

The official validator (OpenReferralUK/oruk-validator) validates with Newtonsoft.Json.Schema,
which asserts ``format``: a string that is not a URI where the schema says ``uri`` is an
error, and the official "fail" example relies on that. Python's jsonschema would not check
``uri`` or ``date-time`` without optional packages, and checks ``email`` only for an "@", so
each format the profile uses is checked here the way that library does:

- ``uuid``: .NET ``Guid.TryParseExact(value, "D")``, 8-4-4-4-12 hexadecimal digits;
- ``uri``: .NET ``Uri.IsWellFormedUriString(value, UriKind.Absolute)``: a scheme, then only
  characters a URI may hold (percent escapes, and letters beyond ASCII as IRIs allow), and a
  host for the schemes that have one (approximated: .NET's parser has more corner cases);
- ``email``: the address grammar of Newtonsoft's EmailHelpers (dot-separated atoms or quoted
  strings, "@", then a domain of labels or an address literal), international letters allowed;
- ``date``: ``yyyy-MM-dd``, a real calendar date;
- ``date-time`` and ``time``: Newtonsoft's DateTimeParser: ``HH:mm:ss``, optional fraction,
  optional zone (``Z``, ``+hh``, ``+hh:mm``, ``+hhmm``), after a date and "T" for date-time.

Formats the profile does not use ("csv" is only a label there) pass, as in that library.
"""
from __future__ import annotations

import calendar
import ipaddress
import re

import jsonschema

from .ids import UUID_TEXT

_SCHEME = re.compile(r"([A-Za-z][A-Za-z0-9+.\-]*):(.*)", re.S)
#: RFC 3986 unreserved, reserved and "%"; anything at or above U+00A0 as an IRI allows.
_URI_CHARS = re.compile(r"(?:[A-Za-z0-9\-._~:/?#\[\]@!$&'()*+,;=]|%[0-9A-Fa-f]{2}|[^\x00-\x9f])*")
_HOSTED_SCHEMES = {"http", "https", "ftp", "ftps", "ws", "wss", "gopher", "ldap", "net.tcp"}
_HOST = re.compile(r"(?:[^@/?#]*@)?(\[[0-9A-Fa-f:.]+\]|[^:/?#\[\]@]+)(?::[0-9]*)?")

_ATOM = r"(?:[A-Za-z0-9!#$%&'*+\-/=?^_`{|}~]|[^\x00-\x7f])+"
_QUOTED = r'"(?:[^"\\]|\\.)*"'
_LOCAL = re.compile(rf"(?:{_ATOM}|{_QUOTED})(?:\.(?:{_ATOM}|{_QUOTED}))*", re.S)
_LABEL = re.compile(r"(?:[A-Za-z0-9]|[^\x00-\x7f])(?:(?:[A-Za-z0-9\-]|[^\x00-\x7f])*"
                    r"(?:[A-Za-z0-9]|[^\x00-\x7f]))?")

_DATE = re.compile(r"([0-9]{4})-([0-9]{2})-([0-9]{2})")
_TIME = re.compile(r"([0-9]{2}):([0-9]{2}):([0-9]{2})(?:\.([0-9]+))?"
                   r"(?:[Zz]|[+\-][0-9]{2}(?::?[0-9]{2})?)?")


def is_uuid(value: str) -> bool:
    return bool(UUID_TEXT.fullmatch(value))


def is_uri(value: str) -> bool:
    found = _SCHEME.fullmatch(value)
    if not found or not _URI_CHARS.fullmatch(found.group(2)):
        return False
    scheme, rest = found.group(1).lower(), found.group(2)
    if scheme in _HOSTED_SCHEMES:
        if not rest.startswith("//"):
            return False
        authority = re.split(r"[/?#]", rest[2:], maxsplit=1)[0]
        return bool(_HOST.fullmatch(authority))
    return bool(rest)


def is_email(value: str) -> bool:
    if not 0 < len(value) < 255 or "@" not in value:
        return False
    local, _, domain = value.rpartition("@")
    if not local or len(local) > 64 or not _LOCAL.fullmatch(local):
        return False
    if domain.startswith("[") and domain.endswith("]"):
        literal = domain[1:-1]
        try:
            if literal.upper().startswith("IPV6:"):
                ipaddress.IPv6Address(literal[5:])
            else:
                ipaddress.IPv4Address(literal)
        except ValueError:
            return False
        return True
    labels = domain.split(".")
    return all(len(label) < 64 and _LABEL.fullmatch(label) for label in labels)


def is_date(value: str) -> bool:
    found = _DATE.fullmatch(value)
    if not found:
        return False
    year, month, day = (int(g) for g in found.groups())
    return _real_date(year, month, day)


def is_time(value: str) -> bool:
    found = _TIME.fullmatch(value)
    if not found:
        return False
    hour, minute, second = (int(g) for g in found.groups()[:3])
    fraction = found.group(4) or ""
    if hour == 24:
        return minute == 0 and second == 0 and not fraction.strip("0")
    return hour < 24 and minute < 60 and second < 60


def is_date_time(value: str) -> bool:
    if len(value) < 11 or value[10] not in "Tt":
        return False
    return is_date(value[:10]) and is_time(value[11:])


def _real_date(year: int, month: int, day: int) -> bool:
    return year >= 1 and 1 <= month <= 12 and 1 <= day <= calendar.monthrange(year, month)[1]


def format_checker() -> jsonschema.FormatChecker:
    """A FormatChecker that knows only the formats above, checked as described."""
    checker = jsonschema.FormatChecker(formats=())
    for name, check in (("uuid", is_uuid), ("uri", is_uri), ("email", is_email),
                        ("date", is_date), ("time", is_time), ("date-time", is_date_time)):
        checker.checks(name)(lambda value, check=check: not isinstance(value, str) or check(value))
    return checker
