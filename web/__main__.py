"""``python -m web``: the web chat on http://127.0.0.1:$WEB_PORT (8000), one worker.

Bound to the loopback address only: anything public goes through a reverse proxy that adds
TLS. One worker, because the page's load is small and one process keeps one client to Rasa.
"""
from __future__ import annotations

import os

from web.app import create_app

HOST = "127.0.0.1"
DEFAULT_PORT = 8000


def port() -> int:
    value = os.environ.get("WEB_PORT", str(DEFAULT_PORT))
    if not value.isdigit() or not 0 < int(value) < 65536:
        raise SystemExit(f"WEB_PORT must be a port number (1-65535), not {value!r}")
    return int(value)


def main() -> None:
    create_app().run(host=HOST, port=port(), workers=1, access_log=False)


if __name__ == "__main__":
    main()
