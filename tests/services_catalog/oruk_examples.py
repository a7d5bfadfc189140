"""The official validator's pass, warn and fail example feeds, served over HTTP for the tests.

The official validator serves three mock ORUK 3.0 feeds (``/api/mock``, ``/api/mock/warn`` and
``/api/mock/fail``; OpenReferralUK/oruk-validator at 8cbf722, ``MockController.cs`` and
``OpenReferralApi/Mocks/V3.0-UK-{Default,Warn,Fail}/``). They are built here from the profile's
example service (``services_catalog/oruk/profile/examples/service_full.json``, which is the
pass feed's ``/services/{id}`` answer) and the differences each mock makes, listed below with
the check each one exercises. Like the official mocks, every feed answers any id and any page
with the same document.

- pass: ``/`` names HSDS-UK-3.0; every list holds the example's service, taxonomy, term and
  service at location, one page each.
- warn: the taxonomies list says it has 10 pages and the terms list 2 (so middle and last
  pages are read); the term answered by ``/taxonomy_terms/{id}`` has no description (required)
  and a ``term_uri`` that is not a URI ("example_com"); the terms list and
  ``/service_at_locations/{id}`` carry other ids.
- fail: ``/`` has no ``profile`` and an ``openapi_url`` that is not a URI; the services list
  holds four services without a name, with ``url`` "example_counselling" and ``email``
  "email-example_com", ``false`` and ``12345``; ``/services/{id}`` answers a service with
  ``url`` "example/counselling" and ``email`` "email-example_com" and no description; the term
  is broken as in warn; the services-at-locations list says it has 10 pages.
"""
from __future__ import annotations

import contextlib
import copy
import json
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any, Dict, Iterator, List

from services_catalog.oruk.profile import PROFILE_DIR

EXAMPLE = json.loads((PROFILE_DIR / "examples" / "service_full.json").read_text("utf-8"))
TAXONOMY_ID = "6b3b8d73-5d2c-4c1e-9b0b-3f7f2a4d8e11"
VARIANTS = ("pass", "warn", "fail")


def one_to_one(record: Dict[str, Any]) -> Dict[str, Any]:
    """A record as lists carry it: without its arrays, nested objects likewise."""
    return {k: one_to_one(v) if isinstance(v, dict) else v for k, v in record.items()
            if not isinstance(v, list)}


def page(contents: List[Dict[str, Any]], total_pages: int = 1) -> Dict[str, Any]:
    return {"total_items": total_pages * len(contents), "total_pages": total_pages,
            "page_number": 1, "size": len(contents), "first_page": True,
            "last_page": total_pages == 1, "empty": not contents, "contents": contents}


def feed(variant: str) -> Dict[str, Any]:
    """The documents of one example feed, by endpoint path."""
    service = copy.deepcopy(EXAMPLE)
    term = copy.deepcopy(service["attributes"][0]["taxonomy_term"])
    taxonomy = {"id": TAXONOMY_ID, "name": "name", "description": "description",
                "uri": "http://example.com", "version": "version"}
    sal = copy.deepcopy(service["service_at_locations"][0])
    full_service = {k: v for k, v in service.items() if k != "service_at_locations"}
    documents = {
        "/": {"version": "HSDS-UK-3.0",
              "profile": "https://github.com/OpenReferralUK/uk-profile/blob/main/docs/index.md",
              "openapi_url": "https://docs.openreferraluk.org/en/latest/openapi30.json"},
        "/services": page([one_to_one(service)]),
        "/services/{id}": service,
        "/taxonomies": page([taxonomy]),
        "/taxonomies/{id}": {**taxonomy, "taxonomy_terms": [term]},
        "/taxonomy_terms": page([term]),
        "/taxonomy_terms/{id}": term,
        "/service_at_locations": page([{"id": sal["id"], "location": one_to_one(sal["location"]),
                                        "service": one_to_one(service)}]),
        "/service_at_locations/{id}": {"id": sal["id"], "location": sal["location"],
                                       "service": full_service},
    }
    if variant in ("warn", "fail"):
        broken_term = {k: v for k, v in term.items() if k != "description"}
        documents["/taxonomy_terms/{id}"] = {**broken_term, "term_uri": "example_com"}
        documents["/taxonomy_terms"]["contents"][0]["id"] = term["parent_id"]
        documents["/service_at_locations/{id}"]["id"] = sal["location"]["id"]
    if variant == "warn":
        documents["/taxonomies"] = page([taxonomy], total_pages=10)
        documents["/taxonomy_terms"]["total_pages"] = 2
    if variant == "fail":
        documents["/"] = {"version": "HSDS-UK-3.0",
                          "openapi_url": "docs-openreferraluk-org/en/latest/openapi30.json"}
        nameless = {k: v for k, v in one_to_one(service).items() if k != "name"}
        items = [dict(nameless, url="example_counselling", email=email)
                 for email in ("email-example_com", "email-example_com", False)]
        items.append({k: v for k, v in dict(nameless, email=12345).items() if k != "url"})
        documents["/services"] = page(items)
        documents["/services/{id}"] = dict(
            {k: v for k, v in service.items() if k != "description"},
            url="example/counselling", email="email-example_com")
        sal_list = documents["/service_at_locations"]
        documents["/service_at_locations"] = page(sal_list["contents"], total_pages=10)
    return documents


class _Handler(BaseHTTPRequestHandler):
    """Routes as MockController does: ``/<variant>[/<collection>[/<anything>]]``."""

    def do_GET(self) -> None:  # noqa: N802 (http.server's name)
        parts = [p for p in self.path.split("?")[0].split("/") if p]
        if not parts or parts[0] not in VARIANTS or len(parts) > 3:
            return self._send(404, {"error": "not found"})
        documents = feed(parts[0])
        path = "/" + "/".join(parts[1:2]) + ("/{id}" if len(parts) == 3 else "")
        if path not in documents:
            return self._send(404, {"error": "not found"})
        return self._send(200, documents[path])

    def _send(self, status: int, body: Any) -> None:
        data = json.dumps(body).encode()
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def log_message(self, *args: Any) -> None:
        pass


@contextlib.contextmanager
def serve_examples() -> Iterator[str]:
    """The three example feeds on a free local port; yields the server's base URL (the feeds
    are at ``<base>/pass``, ``<base>/warn`` and ``<base>/fail``)."""
    server = ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()
