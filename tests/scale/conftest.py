"""Two Rasa servers sharing one PostgreSQL tracker store and one Redis lock store, as
`endpoints.production.yml` configures them, with an action server reading the catalogue from
PostgreSQL.

PostgreSQL and Redis come from scripts/scale-services.sh (`make test-scale` runs it first),
which writes their addresses to build/scale-services.env; variables of the same names in the
environment win. Nothing here is skipped: services that are missing or do not answer fail
the tests and say what to run.

The servers are started once per session (they take 30-60 s to load the model) and always
stopped. Their logs go to files in the session's temp folder and are printed when a server
fails to start.
"""
from __future__ import annotations

import json
import os
import subprocess
import sys
import urllib.error
import urllib.request
import uuid
from pathlib import Path
from typing import Dict, List

import pytest

from tests.support.processes import ActionServer, RasaServer

ROOT = Path(__file__).resolve().parents[2]
ENV_FILE = ROOT / "build" / "scale-services.env"
PRODUCTION_ENDPOINTS = ROOT / "endpoints.production.yml"
SETTINGS = ("TEST_TRACKER_DB_URL", "TEST_CATALOGUE_DB_URL", "TEST_REDIS_URL")
#: The one line of endpoints.production.yml the tests change: the local Redis has no TLS.
TLS_LINE, NO_TLS_LINE = "  use_ssl: true", "  use_ssl: false"
LOCK_PREFIX = "signposting:lock:"


def _from_env_file() -> Dict[str, str]:
    values: Dict[str, str] = {}
    if ENV_FILE.exists():
        for line in ENV_FILE.read_text(encoding="utf-8").splitlines():
            if line.strip() and not line.startswith("#") and "=" in line:
                key, value = line.split("=", 1)
                values[key.strip()] = value.strip()
    return values


@pytest.fixture(scope="session")
def scale_settings() -> Dict[str, str]:
    """The test PostgreSQL databases and Redis, each checked to answer."""
    from_file = _from_env_file()
    settings = {key: os.environ.get(key) or from_file.get(key) for key in SETTINGS}
    missing = [key for key, value in settings.items() if not value]
    if missing:
        pytest.fail(f"{', '.join(missing)} not set and not in {ENV_FILE}: run "
                    f"scripts/scale-services.sh first (make test-scale does)")

    import redis
    import sqlalchemy as sa

    for key in ("TEST_TRACKER_DB_URL", "TEST_CATALOGUE_DB_URL"):
        try:
            engine = sa.create_engine(settings[key])
            with engine.connect() as connection:
                connection.execute(sa.text("SELECT 1"))
            engine.dispose()
        except Exception as error:
            pytest.fail(f"PostgreSQL at {key} does not answer ({type(error).__name__}: {error}); "
                        f"run scripts/scale-services.sh")
    try:
        redis.Redis.from_url(settings["TEST_REDIS_URL"], socket_timeout=5).ping()
    except Exception as error:
        pytest.fail(f"Redis at TEST_REDIS_URL does not answer ({type(error).__name__}: {error}); "
                    f"run scripts/scale-services.sh")
    return settings


@pytest.fixture(scope="session")
def redis_sync(scale_settings):
    import redis

    client = redis.Redis.from_url(scale_settings["TEST_REDIS_URL"], decode_responses=True)
    yield client
    client.close()


#: The conversations this session made (new_sender), deleted from PostgreSQL at the end.
SENDERS: List[str] = []


@pytest.fixture(scope="session")
def tracker_engine(scale_settings):
    import sqlalchemy as sa

    engine = sa.create_engine(scale_settings["TEST_TRACKER_DB_URL"], future=True)
    yield engine
    if SENDERS:
        with engine.begin() as connection:
            connection.execute(sa.text("DELETE FROM events WHERE sender_id = ANY(:senders)"),
                               {"senders": SENDERS})
    engine.dispose()


@pytest.fixture(scope="session")
def endpoints_file(tmp_path_factory) -> Path:
    """endpoints.production.yml with TLS to Redis turned off, and nothing else changed."""
    text = PRODUCTION_ENDPOINTS.read_text(encoding="utf-8")
    lines = text.splitlines(keepends=True)
    assert sum(line.rstrip("\n") == TLS_LINE for line in lines) == 1, \
        f"expected exactly one '{TLS_LINE.strip()}' line in {PRODUCTION_ENDPOINTS.name}"
    path = tmp_path_factory.mktemp("endpoints") / "endpoints.scale-test.yml"
    path.write_text("".join(NO_TLS_LINE + "\n" if line.rstrip("\n") == TLS_LINE else line
                            for line in lines), encoding="utf-8")
    return path


def base_env() -> Dict[str, str]:
    env = {key: value for key, value in os.environ.items()
           if not key.startswith(("TWILIO_", "TRACKER_DB_", "REDIS_"))}
    env.update(PYTHONPATH=str(ROOT), RASA_TELEMETRY_ENABLED="false", TF_CPP_MIN_LOG_LEVEL="2",
               SQLALCHEMY_SILENCE_UBER_WARNING="1")
    return env


def scale_env() -> Dict[str, str]:
    """Blank values for the variables endpoints.production.yml reads, so that none leaks in
    from the caller's environment (the servers below set the ones they use)."""
    return {key: "" for key in os.environ if key.startswith(("TRACKER_DB_", "REDIS_"))}


@pytest.fixture(scope="session")
def pg_catalogue(scale_settings) -> str:
    """The catalogue loaded into PostgreSQL by the loader's command line, as in production.
    The database may hold an earlier run's catalogue: the loader replaces it."""
    url = scale_settings["TEST_CATALOGUE_DB_URL"]
    result = subprocess.run([sys.executable, "-m", "services_catalog", "--db", url, "load"],
                            cwd=ROOT, env=base_env(), capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stderr[-2000:]
    assert result.stdout.startswith("loaded "), result.stdout
    return url


@pytest.fixture(scope="session")
def scale_action_server(pg_catalogue, tmp_path_factory):
    folder = tmp_path_factory.mktemp("logs")
    with ActionServer(pg_catalogue, folder, **scale_env()) as server:
        yield server.webhook


def rasa_env(settings: Dict[str, str]) -> Dict[str, str]:
    """Every variable endpoints.production.yml uses, for the local test services (the action
    server's URL is RasaServer's own argument)."""
    from urllib.parse import urlsplit

    from sqlalchemy.engine import make_url

    db = make_url(settings["TEST_TRACKER_DB_URL"])
    redis_url = urlsplit(settings["TEST_REDIS_URL"])
    return dict(
        base_env(),
        TRACKER_DB_HOST=db.host, TRACKER_DB_PORT=str(db.port or 5432), TRACKER_DB_NAME=db.database,
        TRACKER_DB_USER=db.username, TRACKER_DB_PASSWORD=db.password or "",
        TRACKER_DB_LOGIN_DB="", TRACKER_DB_SSLMODE="disable",
        REDIS_HOST=redis_url.hostname, REDIS_PORT=str(redis_url.port or 6379),
        REDIS_PASSWORD=redis_url.password or "", REDIS_DB=redis_url.path.strip("/") or "0",
        SQL_POOL_SIZE="5", SQL_MAX_OVERFLOW="5",
    )


@pytest.fixture(scope="session")
def rasa_servers(model_path, scale_settings, endpoints_file, scale_action_server,
                 tmp_path_factory):
    """Two Rasa servers on their own ports, same model, same endpoints (REST channel from
    credentials.yml); started side by side, stopped at the end of the session."""
    env = rasa_env(scale_settings)
    folder = tmp_path_factory.mktemp("logs")
    servers = [RasaServer(Path(model_path), folder / "unused.sqlite", scale_action_server,
                          folder, endpoints=endpoints_file, **env) for _ in ("a", "b")]
    try:
        for server in servers:
            server.launch()
        for server in servers:
            server.wait_until_up(300)
        yield [server.url for server in servers]
    finally:
        for server in servers:
            server.stop()


def post(base_url: str, sender: str, message: str, timeout: float = 60) -> List[dict]:
    """One message through the REST channel; the bot's replies."""
    request = urllib.request.Request(
        f"{base_url}/webhooks/rest/webhook",
        data=json.dumps({"sender": sender, "message": message}).encode(),
        headers={"Content-Type": "application/json"})
    with urllib.request.urlopen(request, timeout=timeout) as response:
        return json.loads(response.read())


def text_of(replies: List[dict]) -> str:
    return "\n".join(reply.get("text", "") for reply in replies)


def new_sender(label: str) -> str:
    sender = f"scale-test-{label}-{uuid.uuid4().hex[:12]}"
    SENDERS.append(sender)
    return sender


def stored_events(engine, sender: str) -> List[dict]:
    """The conversation's rows in PostgreSQL's events table, in the order they were stored."""
    import sqlalchemy as sa

    with engine.connect() as connection:
        rows = connection.execute(sa.text(
            "SELECT id, type_name, timestamp, intent_name, action_name, data FROM events "
            "WHERE sender_id = :sender ORDER BY id"), {"sender": sender}).mappings().all()
    return [dict(row, data=json.loads(row["data"])) for row in rows]
