"""The real servers as subprocesses: the action server, the Rasa server (`python -m bot run`)
and the web server, started as `make run` starts them (scripts/run.sh), each on a free port with
its output kept in a log file. The one way the tests and bench/ start them.

For tests that need a process boundary: a restart of the Rasa server, a soak against the
server `make run` runs, an action server whose catalogue is broken, the browser tests. Tests
that only need the model in-process use the agent fixtures (tests/conversation/conftest.py).

    with ActionServer(catalogue_url, tmp) as actions, \
            RasaServer(model, trackers_db, actions.webhook, tmp) as rasa:
        post_json(rasa.url + "/webhooks/rest/webhook", {"sender": "s1", "message": "hi"})
        rasa.stop(); rasa.start()          # the same ports, files and environment again

Subprocesses get the project's environment (no Twilio account, telemetry off), never the
caller's TWILIO_* variables.
"""
from __future__ import annotations

import contextlib
import json
import os
import shutil
import signal
import sqlite3
import subprocess
import sys
import tarfile
import time
import urllib.error
import urllib.request
from pathlib import Path
from typing import Any, Dict, Iterator, List, Optional, Sequence, Tuple

from tests.support.sanic_apps import free_port

ROOT = Path(__file__).resolve().parents[2]
#: Rasa's command line with the project's patches (bot/__main__.py), as the Makefile runs it.
RASA = [sys.executable, "-m", "bot"]
HOST = "127.0.0.1"

#: What every subprocess gets on top of the caller's environment.
PROJECT_ENV = {
    "PYTHONPATH": str(ROOT),
    "PYTHONUNBUFFERED": "1",
    "RASA_TELEMETRY_ENABLED": "false",
    "TF_CPP_MIN_LOG_LEVEL": "2",
    "SQLALCHEMY_SILENCE_UBER_WARNING": "1",
}
#: Taken out of the subprocess environment: the tests never talk to a real Twilio account.
DROPPED_ENV = ("TWILIO_ACCOUNT_SID", "TWILIO_AUTH_TOKEN", "TWILIO_PUBLIC_URL",
               "SENDER_ID_SECRET", "ALLOW_EPHEMERAL_SENDER_ID_SECRET")


def project_env(**extra: str) -> Dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k not in DROPPED_ENV}
    env.update(PROJECT_ENV)
    env.update(extra)
    return env


def snapshot_model(folder: Path, source: Path, attempts: int = 5) -> Path:
    """A private copy of the trained model, so that a retrain replacing models/current.tar.gz
    halfway through a test (another engineer retrains at times) cannot mix two models. The
    copy is checked as a complete tar archive; a half-written source is tried again."""
    import pytest

    if not source.exists():
        pytest.fail(f"{source} is missing: run `make train` (make test does this first)")
    target = folder / "model.tar.gz"
    for attempt in range(attempts):
        shutil.copyfile(source, target)
        try:
            with tarfile.open(target, "r:gz") as archive:
                archive.getmembers()
            return target
        except (tarfile.TarError, EOFError, OSError):
            time.sleep(2 * (attempt + 1))
    pytest.fail(f"{source} could not be read as a complete model (being retrained?)")


class Server:
    """One subprocess serving HTTP on HOST:port; `start` waits until `health` answers."""

    name = "server"
    health = "/"
    start_timeout = 180.0

    def __init__(self, args: Sequence[str], env: Dict[str, str], port: int, log: Path,
                 cwd: Path = ROOT) -> None:
        self.args, self.env, self.port, self.log, self.cwd = list(args), env, port, log, cwd
        self.process: Optional[subprocess.Popen] = None
        self.starts = 0
        #: time.perf_counter() at the last launch, for start-up timings (bench/load.py).
        self.launched_at = 0.0

    @property
    def url(self) -> str:
        return f"http://{HOST}:{self.port}"

    def start(self, timeout: Optional[float] = None) -> "Server":
        self.launch()
        self.wait_until_up(timeout or self.start_timeout)
        return self

    def launch(self) -> "Server":
        """Start the process without waiting for it (``wait_until_up`` waits): servers that
        load a model start side by side."""
        assert self.process is None or self.process.poll() is not None, "already running"
        self.starts += 1
        with self.log.open("ab") as output:
            output.write(f"\n=== start {self.starts}: {' '.join(self.args)}\n".encode())
            output.flush()
            self.launched_at = time.perf_counter()
            # A session of its own, so that stopping it stops whatever it started too.
            self.process = subprocess.Popen(self.args, cwd=self.cwd, env=self.env, stdout=output,
                                            stderr=subprocess.STDOUT, start_new_session=True)
        return self

    def wait_until_up(self, seconds: Optional[float] = None) -> None:
        seconds = seconds or self.start_timeout
        deadline = time.monotonic() + seconds
        while True:
            if self.process.poll() is not None:
                raise RuntimeError(f"{self.name} exited with {self.process.returncode}:\n"
                                   f"{self.log_tail()}")
            try:
                with urllib.request.urlopen(self.url + self.health, timeout=2):
                    return
            except OSError:
                if time.monotonic() > deadline:
                    self.kill()
                    raise TimeoutError(f"{self.name} did not answer within {seconds:.0f} s:\n"
                                       f"{self.log_tail()}") from None
                time.sleep(0.3)

    def stop(self, timeout: float = 30.0) -> Optional[int]:
        """SIGTERM, as Ctrl-C in `make run` or a service manager stops it; SIGKILL if it is
        still there after `timeout`. Returns the exit code."""
        if self.process is None or self.process.poll() is not None:
            return None if self.process is None else self.process.returncode
        self.process.send_signal(signal.SIGTERM)
        try:
            return self.process.wait(timeout=timeout)
        except subprocess.TimeoutExpired:
            self.process.kill()
            return self.process.wait(timeout=10)

    def kill(self) -> None:
        """SIGKILL: a crash or an OOM kill, no chance to finish anything."""
        if self.process is not None and self.process.poll() is None:
            self.process.kill()
            self.process.wait(timeout=10)

    def running(self) -> bool:
        return self.process is not None and self.process.poll() is None

    def log_text(self) -> str:
        return self.log.read_text(encoding="utf-8", errors="replace") if self.log.exists() else ""

    def log_tail(self, chars: int = 3000) -> str:
        return self.log_text()[-chars:]

    def __enter__(self) -> "Server":
        return self.start()

    def __exit__(self, *_: Any) -> None:
        self.stop()


class ActionServer(Server):
    """`python -m actions.server --actions actions`, on the catalogue at `catalogue_url` (another
    package of actions for a test that needs one, e.g. an action that fails)."""

    name = "the action server"
    health = "/health"
    start_timeout = 90.0

    def __init__(self, catalogue_url: str, folder: Path, port: Optional[int] = None,
                 actions: str = "actions", **env: str) -> None:
        port = port or free_port()
        super().__init__([sys.executable, "-m", "actions.server", "--actions", actions,
                          "--port", str(port)],
                         project_env(**{**env, "CATALOGUE_DB_URL": catalogue_url}), port,
                         folder / f"actions-{port}.log")

    @property
    def webhook(self) -> str:
        return f"{self.url}/webhook"


class RasaServer(Server):
    """`python -m bot run` with credentials.yml and an endpoints file (endpoints.yml: the SQLite
    tracker store at `trackers`), the action server at `action_url`."""

    name = "the Rasa server"
    health = "/"

    def __init__(self, model: Path, trackers: Path, action_url: str, folder: Path,
                 port: Optional[int] = None, endpoints: Path = ROOT / "endpoints.yml",
                 credentials: Path = ROOT / "credentials.yml", **env: str) -> None:
        port = port or free_port()
        super().__init__([*RASA, "run", "--model", str(model), "--interface", HOST,
                          "--port", str(port), "--credentials", str(credentials),
                          "--endpoints", str(endpoints)],
                         project_env(**{**env, "TRACKER_SQLITE_PATH": str(trackers),
                                        "ACTION_SERVER_URL": action_url}),
                         port, folder / f"rasa-{port}.log")
        self.trackers = trackers

    @property
    def rest(self) -> str:
        return f"{self.url}/webhooks/rest/webhook"


class WebServer(Server):
    """`python -m web`: the chat page, the directory and the services API, talking to the Rasa
    server at `rasa_url` and the catalogue at `catalogue_url`."""

    name = "the web server"
    health = "/"
    start_timeout = 60.0

    def __init__(self, rasa_url: str, catalogue_url: str, folder: Path,
                 port: Optional[int] = None, **env: str) -> None:
        port = port or free_port()
        super().__init__([sys.executable, "-m", "web"],
                         project_env(**{**env, "RASA_URL": rasa_url,
                                        "CATALOGUE_DB_URL": catalogue_url, "WEB_PORT": str(port)}),
                         port, folder / f"web-{port}.log")


def unused_url() -> str:
    """An action server address on which nothing listens."""
    return f"http://{HOST}:{free_port()}/webhook"


# -- talking to them --------------------------------------------------------------------------

def post_json(url: str, payload: Any, timeout: float = 60.0) -> Tuple[int, Any]:
    """(status, parsed JSON body or the text) of a POST; HTTP errors are returned, not raised."""
    data = payload if isinstance(payload, bytes) else json.dumps(payload).encode()
    request = urllib.request.Request(url, data=data,
                                     headers={"Content-Type": "application/json"})
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:
            status, body = response.status, response.read()
    except urllib.error.HTTPError as error:
        status, body = error.code, error.read()
    try:
        return status, json.loads(body)
    except ValueError:
        return status, body.decode("utf-8", "replace")


def say(rasa: RasaServer, sender: str, message: str, timeout: float = 60.0) -> str:
    """One message through the REST channel; the replies' texts joined by newlines."""
    status, replies = post_json(rasa.rest, {"sender": sender, "message": message}, timeout)
    assert status == 200, (status, replies)
    return "\n".join(r.get("text", "") for r in replies)


def stored_events(trackers: Path, sender: str) -> List[Dict[str, Any]]:
    """Every event stored for one conversation by the SQL tracker store, in storage order
    (each as Rasa serialised it, with the row id as ``_row``)."""
    assert trackers.exists(), f"no tracker database at {trackers}: nothing was stored there"
    with sqlite3.connect(f"file:{trackers}?mode=ro", uri=True, timeout=30) as db:
        rows = db.execute("SELECT id, data FROM events WHERE sender_id = ? ORDER BY id",
                          (sender,)).fetchall()
    return [{**json.loads(data), "_row": row} for row, data in rows]


def stored_senders(trackers: Path) -> List[str]:
    assert trackers.exists(), f"no tracker database at {trackers}: nothing was stored there"
    with sqlite3.connect(f"file:{trackers}?mode=ro", uri=True, timeout=30) as db:
        return [row[0] for row in db.execute("SELECT DISTINCT sender_id FROM events")]


@contextlib.contextmanager
def exclusive_lock(path: Path) -> Iterator[None]:
    """Another connection holding BEGIN EXCLUSIVE on a SQLite file: what a catalogue rebuild
    or a stuck writer does."""
    holder = sqlite3.connect(path, isolation_level=None)
    try:
        holder.execute("BEGIN EXCLUSIVE")
        yield
    finally:
        holder.execute("ROLLBACK")
        holder.close()
