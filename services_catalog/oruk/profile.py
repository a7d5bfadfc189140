"""The Open Referral UK 3.0 API: its nine GET endpoints and the schema of each response.

Two schema files of the profile are copied unmodified into ``profile/`` (see its README):
``schema/compiled/service.json`` (a service with everything nested in it) and
``schema/compiled/service_list.json`` (a service in a list). Every other response schema the
profile uses is a part of those two, picked out here rather than copied again:

- a taxonomy term is ``service.json``'s ``attributes[].taxonomy_term``;
- a service at a location is ``service.json``'s ``service_at_locations[]`` with the service
  added (in a list item the service of ``service_list.json`` and a location without its arrays,
  as the profile's ``service_at_location_list.json`` has it; in full, the whole service);
- a taxonomy is the profile's ``taxonomy.json``: id, name and description required, uri,
  version and its terms;
- the page envelope and ``GET /`` are written out from the profile's OpenAPI document.

Each assembled schema was compared, keyword by keyword, with the profile's own file at commit
ecdfabf7 before it was written down here.

Which endpoints are optional follows the official validator: it treats an operation tagged
"Optional" as optional, and the OpenAPI document it shipped with (oruk-validator before commit
cf4bd67, ``Schemas/V3.0-UK/open_api.json``) tagged taxonomies, taxonomy terms and services at
locations, and answered ``/service_at_locations/{id}`` with ``service_at_location.json``. The
profile's current OpenAPI document has no tags (so all nine are required) and answers that
endpoint with ``service.json``; ``ALL_REQUIRED`` selects that reading.
"""
from __future__ import annotations

import copy
import json
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any, Dict, Tuple

PROFILE_DIR = Path(__file__).with_name("profile")

#: What ``GET /`` says of this API; ``version`` is what the official validator reads to pick
#: the 3.0 profile, ``openapi_url`` the profile's published OpenAPI document.
VERSION = "HSDS-UK-3.0"
PROFILE_URL = "https://github.com/OpenReferralUK/uk-profile"
OPENAPI_URL = "https://openreferraluk.org/specifications/3.0/openapi.json"

PAGE_SCHEMA: Dict[str, Any] = {
    "type": "object",
    "properties": {
        "total_items": {"type": "integer"},
        "total_pages": {"type": "integer"},
        "page_number": {"type": "integer"},
        "size": {"type": "integer"},
        "first_page": {"type": "boolean"},
        "last_page": {"type": "boolean"},
        "empty": {"type": "boolean"},
    },
}
ROOT_SCHEMA: Dict[str, Any] = {
    "type": "object",
    "properties": {
        "version": {"type": "string"},
        "profile": {"type": "string", "format": "uri"},
        "openapi_url": {"type": "string", "format": "uri"},
    },
}


def _load(relative: str) -> Dict[str, Any]:
    return json.loads((PROFILE_DIR / relative).read_text(encoding="utf-8"))


@lru_cache(maxsize=1)
def service_schema() -> Dict[str, Any]:
    return _load("schema/compiled/service.json")


@lru_cache(maxsize=1)
def service_list_item_schema() -> Dict[str, Any]:
    return _load("schema/compiled/service_list.json")


def taxonomy_term_schema() -> Dict[str, Any]:
    return copy.deepcopy(
        service_schema()["properties"]["attributes"]["items"]["properties"]["taxonomy_term"])


def taxonomy_schema() -> Dict[str, Any]:
    term = service_schema()["properties"]["attributes"]["items"]["properties"]["taxonomy_term"]
    string = {"type": "string"}
    return {
        "type": "object",
        "properties": {
            "id": copy.deepcopy(term["properties"]["id"]),
            "name": string, "description": string,
            "uri": {"type": "string", "format": "uri"}, "version": string,
            "taxonomy_terms": {"type": "array", "items": taxonomy_term_schema()},
        },
        "required": ["id", "name", "description"],
    }


def service_at_location_schema(full: bool) -> Dict[str, Any]:
    """A service at a location, in full (with the whole service) or as a list item."""
    schema = copy.deepcopy(service_schema()["properties"]["service_at_locations"]["items"])
    if full:
        service = copy.deepcopy(service_schema())
        del service["properties"]["service_at_locations"]
    else:
        service = copy.deepcopy(service_list_item_schema())
        location = schema["properties"]["location"]["properties"]
        for name in [n for n, p in location.items() if p.get("type") == "array"]:
            del location[name]
    schema["properties"]["service"] = service
    return schema


def page_of(item_schema: Dict[str, Any]) -> Dict[str, Any]:
    """A list response: the page envelope with its ``contents``, as the profile writes it."""
    return {"properties": {"contents": {"type": "array", "items": item_schema}},
            "allOf": [copy.deepcopy(PAGE_SCHEMA)]}


@dataclass(frozen=True)
class Endpoint:
    """One GET operation of the profile, as the official validator sees it."""

    path: str
    summary: str
    schema: Dict[str, Any]
    paginated: bool  # the operation declares a ``page`` query parameter
    optional: bool

    @property
    def parameterized(self) -> bool:
        return "{" in self.path

    @property
    def root(self) -> str:
        """The path up to its first parameter: ``/services/{id}`` -> ``/services``."""
        segments = []
        for segment in self.path.strip("/").split("/"):
            if segment.startswith("{") and segment.endswith("}"):
                break
            if segment:
                segments.append(segment)
        return "/" + "/".join(segments)


ALL_REQUIRED = "all-required"
VALIDATOR_SPEC = "validator"
READINGS = (VALIDATOR_SPEC, ALL_REQUIRED)


@lru_cache(maxsize=2)
def endpoints(reading: str = VALIDATOR_SPEC) -> Tuple[Endpoint, ...]:
    """The nine endpoints in the order of the profile's OpenAPI paths."""
    if reading not in READINGS:
        raise ValueError(f"unknown reading of the profile: {reading}")
    tagged = reading == VALIDATOR_SPEC
    sal_full = service_at_location_schema(True) if tagged else service_schema()
    return (
        Endpoint("/", "Retrieve information about this API and its relationship with HSDS.",
                 ROOT_SCHEMA, False, False),
        Endpoint("/services/{id}",
                 "Retrieves a fully nested service with all related data with id.",
                 service_schema(), False, False),
        Endpoint("/services", "Retrieves paginated listings of services that only have "
                 "one-to-one fields in them.", page_of(service_list_item_schema()), True, False),
        Endpoint("/taxonomies/{id}", "Retrieves full information on a taxonomy by {id}.",
                 taxonomy_schema(), False, tagged),
        Endpoint("/taxonomies", "Paginated listing of taxonomies.",
                 page_of(taxonomy_schema()), True, tagged),
        Endpoint("/taxonomy_terms/{id}", "Full information on a taxonomy term.",
                 taxonomy_term_schema(), False, tagged),
        Endpoint("/taxonomy_terms", "Paginated listing of taxonomy terms",
                 page_of(taxonomy_term_schema()), True, tagged),
        Endpoint("/service_at_locations/{id}", "Retrieve fully nested service_at_location "
                 "with all related data with specified id.", sal_full, False, tagged),
        Endpoint("/service_at_locations", "Retrieve paginated listings of service_at_location "
                 "that only have one-to-one fields in them.",
                 page_of(service_at_location_schema(False)), True, tagged),
    )
