"""The catalogue on PostgreSQL: the loader's command line into a database that already holds a
catalogue, and the shared test fixture that `make test-scale` points at PostgreSQL (so that
tests/services_catalog, tests/actions and the directory tests run against it too)."""
from __future__ import annotations

import os
import subprocess
import sys

import sqlalchemy as sa
from sqlalchemy.engine import make_url

from services_catalog.db import make_engine
from services_catalog.loader import read_data_files
from services_catalog.query import Catalogue
from tests.conftest import CATALOGUE_URL_ENV, fresh_postgresql_schema

from .conftest import ROOT, base_env


def catalogue_state(url: str):
    with make_engine(url).connect() as connection:
        services = connection.execute(sa.text("SELECT count(*) FROM service")).scalar()
        version = connection.execute(sa.text("SELECT version FROM catalogue_version")).scalar()
    return services, version


def data_file_services() -> int:
    return sum(len(doc.get("services", [])) for _, doc in read_data_files())


def test_the_loader_replaces_a_catalogue_already_in_postgresql(pg_catalogue):
    services, version = catalogue_state(pg_catalogue)
    assert services == data_file_services()
    result = subprocess.run([sys.executable, "-m", "services_catalog", "--db", pg_catalogue, "load"],
                            cwd=ROOT, env=base_env(), capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stderr[-2000:]
    again, new_version = catalogue_state(pg_catalogue)
    assert again == services and new_version != version
    assert Catalogue(make_engine(pg_catalogue)).search("anxiety", age=14, area="medway")


def test_the_shared_catalogue_fixture_is_a_fresh_postgresql_schema(catalogue_url, scale_settings):
    assert os.environ.get(CATALOGUE_URL_ENV), (
        f"{CATALOGUE_URL_ENV} is not exported, so the catalogue tests run on SQLite: "
        f"set -a; . build/scale-services.env; set +a (make test-scale does)")
    url = make_url(catalogue_url)
    assert url.get_backend_name() == "postgresql"
    assert url.database == make_url(os.environ[CATALOGUE_URL_ENV]).database
    schema = url.query["options"].split("search_path=", 1)[1]
    with make_engine(catalogue_url).connect() as connection:
        assert connection.execute(sa.text("SELECT current_schema()")).scalar() == schema
        assert connection.execute(sa.text("SELECT count(*) FROM service")).scalar() \
            == data_file_services()


def test_a_fresh_schema_is_empty_and_dropped_afterwards(scale_settings):
    database = scale_settings["TEST_CATALOGUE_DB_URL"]
    engine = sa.create_engine(database)
    with fresh_postgresql_schema(database) as url:
        schema = make_url(url).query["options"].split("search_path=", 1)[1]
        with make_engine(url).connect() as connection:
            assert connection.execute(sa.text("SELECT current_schema()")).scalar() == schema
            assert connection.execute(sa.text(
                "SELECT count(*) FROM information_schema.tables WHERE table_schema = :s"),
                {"s": schema}).scalar() == 0
    with engine.connect() as connection:
        assert connection.execute(sa.text(
            "SELECT count(*) FROM information_schema.schemata WHERE schema_name = :s"),
            {"s": schema}).scalar() == 0
    engine.dispose()
