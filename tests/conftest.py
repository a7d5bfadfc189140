"""Shared fixtures: a catalogue database built from the real data files.

By default a SQLite file in a temp folder. With TEST_CATALOGUE_DB_URL set to a PostgreSQL
database (`make test-scale` sets it to the one scripts/scale-services.sh made), the catalogue
is loaded into a new schema of that database for this run only, and the schema is dropped at
the end, so runs never see each other's tables.
"""
from __future__ import annotations

import contextlib
import os
import uuid
import warnings
from typing import Iterator

import pytest

from services_catalog.db import make_engine
from services_catalog.loader import FEEDS_DIR_ENV, load
from services_catalog.query import Catalogue

CATALOGUE_URL_ENV = "TEST_CATALOGUE_DB_URL"


@contextlib.contextmanager
def fresh_postgresql_schema(database_url: str) -> Iterator[str]:
    """A new, empty schema in a PostgreSQL database; yields a URL whose connections use it
    (search_path), and drops the schema afterwards."""
    import sqlalchemy as sa
    from sqlalchemy.engine import make_url

    schema = f"test_catalogue_{uuid.uuid4().hex[:12]}"
    admin = sa.create_engine(database_url, future=True)
    with admin.begin() as connection:
        connection.execute(sa.text(f'CREATE SCHEMA "{schema}"'))
    url = make_url(database_url).update_query_dict({"options": f"-csearch_path={schema}"})
    try:
        yield url.render_as_string(hide_password=False)
    finally:
        try:
            with admin.begin() as connection:
                connection.execute(sa.text("SET LOCAL lock_timeout = '10s'"))
                connection.execute(sa.text(f'DROP SCHEMA "{schema}" CASCADE'))
        except sa.exc.SQLAlchemyError as error:
            warnings.warn(f"test schema {schema} left in place: {type(error).__name__}",
                          stacklevel=2)
        admin.dispose()


@pytest.fixture(scope="session", autouse=True)
def no_imported_feeds(tmp_path_factory) -> Iterator[None]:
    """Tests (and the commands they start) see the data files only, never the services a
    developer read into build/feeds with import-feed."""
    before = os.environ.get(FEEDS_DIR_ENV)
    os.environ[FEEDS_DIR_ENV] = str(tmp_path_factory.mktemp("no-feeds"))
    yield
    if before is None:
        os.environ.pop(FEEDS_DIR_ENV, None)
    else:
        os.environ[FEEDS_DIR_ENV] = before


@pytest.fixture(scope="session")
def catalogue_url(tmp_path_factory) -> Iterator[str]:
    server = os.environ.get(CATALOGUE_URL_ENV)
    if not server:
        path = tmp_path_factory.mktemp("catalogue") / "catalogue.sqlite"
        url = f"sqlite:///{path}"
        load(make_engine(url))
        yield url
    elif server.startswith("postgresql"):
        with fresh_postgresql_schema(server) as url:
            engine = make_engine(url)
            load(engine)
            engine.dispose()
            yield url
    else:
        # Any other database is used as it is: the loader replaces what is there.
        load(make_engine(server))
        yield server


@pytest.fixture(scope="session")
def catalogue(catalogue_url) -> Catalogue:
    return Catalogue(make_engine(catalogue_url))


# -- the trained model ---------------------------------------------------------------------

@pytest.fixture(scope="session")
def model_path() -> str:
    """models/current.tar.gz, trained once per run by `make test`; missing is a failure. Every
    test that needs the model uses this fixture, directly or through another fixture, and is
    marked ``model`` for it (below)."""
    from tests.support.model import MODEL

    if not MODEL.exists():
        pytest.fail(f"{MODEL} is missing: run `make train` (make test does this first)")
    return str(MODEL)


def pytest_collection_modifyitems(items) -> None:
    """Mark ``model`` every test whose fixtures include ``model_path`` (pytest lists a test's
    fixtures with everything they use in turn), so `make unit` leaves out exactly those."""
    for item in items:
        if "model_path" in getattr(item, "fixturenames", ()):
            item.add_marker(pytest.mark.model)
