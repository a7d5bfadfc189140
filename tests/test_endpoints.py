"""The endpoints files, read by Rasa's own reader with made-up environment values.

endpoints.yml is the embedded default (SQLite, in-memory lock); endpoints.production.yml is the
scale-out configuration (PostgreSQL tracker store, Redis lock store), documented in
docs/deploy.md. Nothing here needs a running PostgreSQL or Redis: the lock store's Redis client
connects lazily, and the tracker store's connection URL is built without connecting.
"""
from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml
from rasa.core.lock_store import LockStore
from rasa.core.tracker_store import SQLTrackerStore, create_tracker_store
from rasa.core.utils import AvailableEndpoints, number_of_sanic_workers, read_endpoints_from_path
from rasa.shared.exceptions import RasaException
from rasa.shared.utils.common import class_from_module_path

from bot.stores.tracker_store import ErasableSQLTrackerStore

ROOT = Path(__file__).resolve().parent.parent
DEFAULT = ROOT / "endpoints.yml"
PRODUCTION = ROOT / "endpoints.production.yml"
DEPLOY_DOC = ROOT / "docs" / "deploy.md"
STORE = "bot.stores.tracker_store.ErasableSQLTrackerStore"

#: Made-up values for every variable endpoints.production.yml uses (none of them real).
PRODUCTION_ENV = {
    "ACTION_SERVER_URL": "http://actions.test.invalid:5055/webhook",
    "TRACKER_DB_HOST": "trackers.test.invalid",
    "TRACKER_DB_PORT": "6543",
    "TRACKER_DB_NAME": "conversations_test",
    "TRACKER_DB_USER": "bot_user_test",
    "TRACKER_DB_PASSWORD": "made-up p@ss:w/rd",
    "TRACKER_DB_LOGIN_DB": "postgres_login_test",
    "TRACKER_DB_SSLMODE": "verify-full",
    "REDIS_HOST": "locks.test.invalid",
    "REDIS_PORT": "6390",
    "REDIS_PASSWORD": "made-up-redis-secret",
    "REDIS_DB": "7",
}
VARIABLE = re.compile(r"\$\{([^}]+)\}")


def variables_in(path: Path) -> set:
    """Names of the ${VAR}s in the file's values (comments ignored). PyYAML does not expand
    them: Rasa registers its expansion on ruamel.yaml only."""
    found = set()

    def walk(node):
        if isinstance(node, dict):
            for value in node.values():
                walk(value)
        elif isinstance(node, list):
            for value in node:
                walk(value)
        elif isinstance(node, str):
            found.update(VARIABLE.findall(node))

    walk(yaml.safe_load(path.read_text(encoding="utf-8")))
    return found


def all_values(node):
    if isinstance(node, dict):
        for value in node.values():
            yield from all_values(value)
    elif isinstance(node, list):
        for value in node:
            yield from all_values(value)
    else:
        yield node


@pytest.fixture
def production_env(monkeypatch):
    for name, value in PRODUCTION_ENV.items():
        monkeypatch.setenv(name, value)
    return PRODUCTION_ENV


@pytest.fixture
def production(production_env) -> AvailableEndpoints:
    return read_endpoints_from_path(PRODUCTION)


# -- endpoints.yml: the embedded default ------------------------------------------------------

@pytest.fixture
def default_env(monkeypatch, tmp_path):
    env = {"ACTION_SERVER_URL": "http://localhost.test:5055/webhook",
           "TRACKER_SQLITE_PATH": str(tmp_path / "made-up-trackers.sqlite")}
    for name, value in env.items():
        monkeypatch.setenv(name, value)
    return env


def test_default_is_the_erasable_store_on_sqlite(default_env):
    endpoints = read_endpoints_from_path(DEFAULT)
    assert endpoints.tracker_store.type == STORE
    assert endpoints.tracker_store.kwargs["dialect"] == "sqlite"
    assert endpoints.tracker_store.kwargs["db"] == default_env["TRACKER_SQLITE_PATH"]
    assert endpoints.action.url == default_env["ACTION_SERVER_URL"]
    # Rasa's in-memory lock (right for one process), with two turns at a time.
    assert endpoints.lock_store.type == "bot.stores.lock_store.GatedInMemoryLockStore"
    assert endpoints.lock_store.kwargs["turns_at_once"] == 2


def test_default_store_loads_as_our_class_and_writes_the_sqlite_file(default_env):
    # Rasa falls back to an in-memory store (a warning only) when the class path is wrong,
    # which would silently lose every conversation at restart.
    store = create_tracker_store(read_endpoints_from_path(DEFAULT).tracker_store)
    assert isinstance(store, ErasableSQLTrackerStore)
    assert store.engine.dialect.name == "sqlite"
    assert Path(default_env["TRACKER_SQLITE_PATH"]).is_file()


def test_default_runs_one_process_and_refuses_several_sanic_workers(default_env, monkeypatch):
    from rasa.core.lock_store import LockStore

    from bot.stores.lock_store import GatedInMemoryLockStore

    config = read_endpoints_from_path(DEFAULT).lock_store
    monkeypatch.delenv("SANIC_WORKERS", raising=False)
    assert number_of_sanic_workers(config) == 1
    assert isinstance(LockStore.create(config), GatedInMemoryLockStore)
    monkeypatch.setenv("SANIC_WORKERS", "1")
    assert isinstance(LockStore.create(config), GatedInMemoryLockStore)
    # Rasa would run four workers for a lock store named by class path; ours refuses, since
    # locks in one process's memory cannot order a conversation's turns across four.
    monkeypatch.setenv("SANIC_WORKERS", "4")
    assert number_of_sanic_workers(config) == 4
    with pytest.raises(ValueError, match="SANIC_WORKERS=4"):
        LockStore.create(config)


# -- endpoints.production.yml: tracker store ---------------------------------------------------

def test_production_tracker_store_is_the_erasable_store_on_postgresql(production):
    store = production.tracker_store
    assert store.type == STORE
    assert issubclass(class_from_module_path(store.type), SQLTrackerStore)
    assert store.kwargs["dialect"] == "postgresql"


def test_production_tracker_store_settings_come_from_the_environment(production):
    store = production.tracker_store
    env = PRODUCTION_ENV
    assert store.url == env["TRACKER_DB_HOST"]  # Rasa passes `url` on as the host
    assert store.kwargs["port"] == env["TRACKER_DB_PORT"]
    assert store.kwargs["db"] == env["TRACKER_DB_NAME"]
    assert store.kwargs["username"] == env["TRACKER_DB_USER"]
    assert store.kwargs["password"] == env["TRACKER_DB_PASSWORD"]
    assert store.kwargs["login_db"] == env["TRACKER_DB_LOGIN_DB"]
    assert store.kwargs["query"] == {"sslmode": env["TRACKER_DB_SSLMODE"]}


def test_production_tracker_store_connects_where_the_environment_says(production):
    # The URL SQLTrackerStore builds from these settings, without connecting to it.
    kwargs = production.tracker_store.kwargs
    url = SQLTrackerStore.get_db_url(
        kwargs["dialect"], production.tracker_store.url, int(kwargs["port"]), kwargs["db"],
        kwargs["username"], kwargs["password"], None, kwargs["query"])
    env = PRODUCTION_ENV
    assert url.get_backend_name() == "postgresql"
    assert (url.host, url.port, url.database) == (
        env["TRACKER_DB_HOST"], int(env["TRACKER_DB_PORT"]), env["TRACKER_DB_NAME"])
    assert (url.username, url.password) == (env["TRACKER_DB_USER"], env["TRACKER_DB_PASSWORD"])
    assert dict(url.query) == {"sslmode": env["TRACKER_DB_SSLMODE"]}


# -- endpoints.production.yml: lock store ------------------------------------------------------

def test_production_lock_store_is_our_atomic_redis_store_from_the_environment(production):
    lock = production.lock_store
    env = PRODUCTION_ENV
    assert lock.type == "bot.stores.lock_store.AtomicRedisLockStore"  # not Rasa's racy "redis"
    assert lock.url == env["REDIS_HOST"]  # Rasa passes `url` on as the host
    assert lock.kwargs["port"] == env["REDIS_PORT"]
    assert lock.kwargs["password"] == env["REDIS_PASSWORD"]
    assert lock.kwargs["db"] == env["REDIS_DB"]


def test_production_lock_store_options_are_ones_rasa_honours(production):
    lock = production.lock_store
    # Rasa ignores a prefix that is not alphanumeric (a warning, then the default "lock:").
    assert isinstance(lock.kwargs["key_prefix"], str) and lock.kwargs["key_prefix"].isalnum()
    # A real boolean: from ${VAR} it would be a string, and "false" would turn TLS on.
    assert lock.kwargs["use_ssl"] is True


def test_production_lock_store_builds_a_redis_client_for_those_settings(production):
    from bot.stores.lock_store import AtomicRedisLockStore

    store = LockStore.create(production.lock_store)  # redis-py connects on first use only
    assert isinstance(store, AtomicRedisLockStore)
    pool = store.red.connection_pool
    env = PRODUCTION_ENV
    assert pool.connection_kwargs["host"] == env["REDIS_HOST"]
    assert pool.connection_kwargs["port"] == int(env["REDIS_PORT"])
    assert pool.connection_kwargs["db"] == int(env["REDIS_DB"])
    assert pool.connection_kwargs["password"] == env["REDIS_PASSWORD"]
    assert pool.connection_class.__name__ == "SSLConnection"
    assert store.keys("c")[1] == production.lock_store.kwargs["key_prefix"] + ":lock:{c}:queue"


def test_production_allows_several_sanic_workers(production, monkeypatch):
    monkeypatch.setenv("SANIC_WORKERS", "4")
    assert number_of_sanic_workers(production.lock_store) == 4


def test_production_action_endpoint_comes_from_the_environment(production):
    assert production.action.url == PRODUCTION_ENV["ACTION_SERVER_URL"]


# -- endpoints.production.yml: the variables ---------------------------------------------------

def test_production_uses_exactly_the_variables_these_tests_set():
    assert variables_in(PRODUCTION) == set(PRODUCTION_ENV)


def test_every_production_value_is_expanded(production):
    # A quoted "${VAR}", or ${VAR} inside a longer value with VAR unset, stays literal.
    for config in (production.action, production.tracker_store, production.lock_store):
        values = [config.url, *all_values(config.kwargs)]
        assert not [v for v in values if isinstance(v, str) and "${" in v]


@pytest.mark.parametrize("name", sorted(PRODUCTION_ENV))
def test_an_unset_variable_stops_rasa_at_start_up(production_env, monkeypatch, name):
    monkeypatch.delenv(name)
    with pytest.raises(RasaException, match=re.escape(name)):
        read_endpoints_from_path(PRODUCTION)


@pytest.mark.parametrize("name", sorted(variables_in(PRODUCTION)))
def test_every_production_variable_is_documented(name):
    doc = DEPLOY_DOC.read_text(encoding="utf-8")
    assert re.search(rf"\b{re.escape(name)}\b", doc), f"{name} is not explained in docs/deploy.md"
