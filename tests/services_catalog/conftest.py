"""Fixtures for the ORUK tests: this project's feed served on a free port, and the official
example feeds."""
from __future__ import annotations

import pytest
import pytest_asyncio

import web.oruk as web_oruk
from services_catalog.db import make_engine
from services_catalog.oruk.feed import FeedCatalogue
from tests.services_catalog.oruk_examples import serve_examples
from tests.support.sanic_apps import sanic_test_mode, serve_app
from web.app import create_app


@pytest_asyncio.fixture(scope="module", loop_scope="session")
async def own_feed(catalogue_url):
    """The whole web app on a free port, its feed reading the test catalogue; yields the
    feed's base URL. Tests that use it run on the session's loop (``on_server_loop``)."""
    source = FeedCatalogue(make_engine(catalogue_url))
    with sanic_test_mode(), pytest.MonkeyPatch.context() as patch:
        patch.setattr(web_oruk, "feed_catalogue", lambda: source)
        async with serve_app(create_app("http://127.0.0.1:9")) as url:
            yield url + "/oruk"


@pytest.fixture(scope="module")
def examples():
    """The official pass, warn and fail example feeds at <base>/pass, /warn and /fail."""
    with serve_examples() as base:
        yield base
