"""``--start``: the action server and the Rasa server as subprocesses on free ports, with the
bench's channels, through the tests' own scaffolding (``tests/support/processes.py``), and
stopped after.

The Rasa server gets bench/conversations/credentials.yml (the project's REST and web chat
channels, and the Twilio channel with a recording sender), a private copy of the model, and
its own tracker database in a temporary folder, so a run never touches anyone's conversations.
"""
from __future__ import annotations

import contextlib
import tempfile
from pathlib import Path
from typing import Iterator, Optional

from bench.conversations.catalogue import catalogue_url

HERE = Path(__file__).resolve().parent
CREDENTIALS = HERE / "credentials.yml"


@contextlib.contextmanager
def started_servers(catalogue: Optional[str] = None,
                    log_folder: Optional[Path] = None) -> Iterator[str]:
    """Yields the Rasa server's base URL while both servers run; the action server reads the
    catalogue at ``catalogue`` (a SQLAlchemy URL; by default the bench's own)."""
    from tests.support.model import MODEL
    from tests.support.processes import ActionServer, RasaServer, snapshot_model

    with tempfile.TemporaryDirectory(prefix="bench-conversations-") as tmp:
        folder = Path(log_folder or tmp)
        folder.mkdir(parents=True, exist_ok=True)
        model = snapshot_model(Path(tmp), MODEL)
        with ActionServer(catalogue or catalogue_url(), folder) as actions:
            rasa = RasaServer(model, Path(tmp) / "trackers.sqlite", actions.webhook, folder,
                              credentials=CREDENTIALS)
            with rasa:
                yield rasa.url
