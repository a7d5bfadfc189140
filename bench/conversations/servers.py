"""``--start``: the action server and ``rasa run`` as subprocesses on free ports, with the
bench's channels, through the tests' own scaffolding (``tests/servers.py``), and stopped after.

The Rasa server gets bench/conversations/credentials.yml (the project's REST and web chat
channels, and the Twilio channel with a recording sender), a private copy of the model, and
its own tracker database in a temporary folder, so a run never touches anyone's conversations.
"""
from __future__ import annotations

import contextlib
import sys
import tempfile
from pathlib import Path
from typing import Iterator, Optional

from bench.conversations.catalogue import catalogue_url

HERE = Path(__file__).resolve().parent
CREDENTIALS = HERE / "credentials.yml"


def _rasa_executable(default: Path) -> str:
    """The scaffolding expects .venv/bin/rasa in the repository; a worktree may use another
    checkout's virtualenv, so fall back to the rasa beside this interpreter."""
    if default.exists():
        return str(default)
    return str(Path(sys.executable).with_name("rasa"))


@contextlib.contextmanager
def started_servers(catalogue: Optional[str] = None,
                    log_folder: Optional[Path] = None) -> Iterator[str]:
    """Yields the Rasa server's base URL while both servers run; the action server reads the
    catalogue at ``catalogue`` (a SQLAlchemy URL; by default the bench's own)."""
    from tests.servers import ActionServer, MODEL, RASA, RasaServer, snapshot_model

    with tempfile.TemporaryDirectory(prefix="bench-conversations-") as tmp:
        folder = Path(log_folder or tmp)
        folder.mkdir(parents=True, exist_ok=True)
        model = snapshot_model(Path(tmp), MODEL)
        with ActionServer(catalogue or catalogue_url(), folder) as actions:
            rasa = RasaServer(model, Path(tmp) / "trackers.sqlite", actions.webhook, folder,
                              credentials=CREDENTIALS)
            rasa.args[0] = _rasa_executable(RASA)
            with rasa:
                yield rasa.url
