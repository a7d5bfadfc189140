"""The Open Referral UK feed at /oruk/: thin HTTP glue over services_catalog.oruk.feed.

The nine GET endpoints of the ORUK 3.0 UK profile, under one base URL, open to any origin
(``Access-Control-Allow-Origin: *``, as the profile requires) so that a council's or a
school's directory can read them from a browser. Every answer, errors included, is JSON:
bad input 400, an unknown id or path 404, a catalogue that cannot be read 503; never a 500.
"""
from __future__ import annotations

import asyncio
import logging
from functools import lru_cache
from typing import Any, Dict, Optional

from sanic import Blueprint, response
from sanic.request import Request
from sanic.response import HTTPResponse

from services_catalog.oruk.feed import FeedCatalogue, FeedError, handlers

logger = logging.getLogger(__name__)

BASE = "/oruk"
blueprint = Blueprint("oruk", url_prefix=BASE)

CORS = {"Access-Control-Allow-Origin": "*"}
PREFLIGHT = {**CORS, "Access-Control-Allow-Methods": "GET, OPTIONS",
             "Access-Control-Allow-Headers": "Accept, Content-Type",
             "Access-Control-Max-Age": "86400"}
#: Public data: a directory may keep a page for five minutes; errors are not kept.
CACHED = {**CORS, "Cache-Control": "public, max-age=300"}
NOT_CACHED = {**CORS, "Cache-Control": "no-store"}
UNAVAILABLE = ("The services catalogue cannot be read right now; try again shortly. "
               "In an emergency call 999.")


@lru_cache(maxsize=1)
def feed_catalogue() -> FeedCatalogue:
    """One feed per process, created on first use (CATALOGUE_DB_URL selects the DB)."""
    return FeedCatalogue()


def query_of(request: Request) -> Optional[str]:
    try:
        return request.query_string
    except UnicodeDecodeError:
        return None


def answer(path: str, query: Optional[str], item_id: Optional[str] = None):
    """(status, body) for one endpoint of the profile."""
    try:
        if query is None:
            raise FeedError(400, "The address could not be read: its query must be UTF-8 text.")
        handler = handlers(feed_catalogue().snapshot())[path]
        body: Dict[str, Any] = handler(item_id, query) if item_id is not None else handler(query)
        return 200, body
    except FeedError as problem:
        return problem.status, problem.body()
    except Exception:  # the database, or anything else: a JSON 503, never a bare 500
        logger.exception("ORUK feed request failed")
        return 503, {"error": UNAVAILABLE, "parameter": None}


async def reply(request: Request, path: str, item_id: Optional[str] = None) -> HTTPResponse:
    if request.method == "OPTIONS":
        return preflight_response()
    status, body = await asyncio.to_thread(answer, path, query_of(request), item_id)
    return response.json(body, status=status, headers=CACHED if status == 200 else NOT_CACHED)


def preflight_response() -> HTTPResponse:
    """What a browser asks before a cross-origin request it may not send at once."""
    return response.empty(status=204, headers=PREFLIGHT)


@blueprint.route("/", methods=["GET", "OPTIONS"], name="root", strict_slashes=False)
async def root(request: Request):
    return await reply(request, "/")


COLLECTIONS = ("services", "taxonomies", "taxonomy_terms", "service_at_locations")


def _routes(collection: str) -> None:
    async def listing(request: Request):
        return await reply(request, f"/{collection}")

    async def detail(request: Request, item: str):
        return await reply(request, f"/{collection}/{{id}}", item)

    blueprint.add_route(listing, f"/{collection}", methods=["GET", "OPTIONS"],
                        name=f"{collection}_list")
    blueprint.add_route(detail, f"/{collection}/<item>", methods=["GET", "OPTIONS"],
                        name=f"{collection}_detail")


for _collection in COLLECTIONS:
    _routes(_collection)


@blueprint.route("/<rest:path>", methods=["GET", "OPTIONS"], name="unknown")
async def unknown(request: Request, rest: str):
    if rest == "" or request.method == "OPTIONS":  # /oruk/ (the router gives /oruk to root)
        return await reply(request, "/")
    return response.json(
        {"error": f"No such endpoint: {BASE}/{rest[:80]}. This feed serves /, /services, "
                  "/services/{id}, /taxonomies, /taxonomies/{id}, /taxonomy_terms, "
                  "/taxonomy_terms/{id}, /service_at_locations and /service_at_locations/{id}.",
         "parameter": None}, status=404, headers=NOT_CACHED)
