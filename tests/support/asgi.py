"""A minimal ASGI client for the web tests (sanic-testing is not a project dependency):
requests go through Sanic's ASGI interface to an app started as an ASGI server would start
it; no server, no port.
"""
from __future__ import annotations

import json
from typing import Dict, List
from urllib.parse import urlencode

from sanic import Sanic


class Reply:
    def __init__(self, status: int, headers: Dict[str, str], body: bytes):
        self.status, self.headers, self.body = status, headers, body
        self.text = body.decode("utf-8")

    @property
    def json(self):
        assert self.headers["content-type"].startswith("application/json")
        return json.loads(self.text)


async def start(app: Sanic) -> None:
    """Run the app's start-up (the ASGI lifespan), as a server would before any request."""
    messages = iter([{"type": "lifespan.startup"}, {"type": "lifespan.shutdown"}])
    sent = []

    async def receive():
        return next(messages)

    async def send(message):
        sent.append(message["type"])

    try:
        await app({"type": "lifespan", "asgi": {"version": "3.0"}}, receive, send)
    except AttributeError:
        pass  # Sanic 21.12 handles the lifespan scope, then also tries it as a request
    assert "lifespan.startup.complete" in sent


async def get(app: Sanic, path: str, query=b"", method: str = "GET") -> Reply:
    if isinstance(query, dict):
        query = urlencode(query)
    if isinstance(query, str):
        query = query.encode("ascii")
    scope = {"type": "http", "asgi": {"version": "3.0"}, "http_version": "1.1", "method": method,
             "scheme": "http", "path": path, "raw_path": path.encode(), "query_string": query,
             "root_path": "", "headers": [(b"host", b"localhost")],
             "client": ("127.0.0.1", 50000), "server": ("localhost", 80)}
    out: List[dict] = []

    async def receive():
        return {"type": "http.request", "body": b"", "more_body": False}

    async def send(message):
        out.append(message)

    await app(scope, receive, send)
    start_message = next(m for m in out if m["type"] == "http.response.start")
    headers = {k.decode().lower(): v.decode() for k, v in start_message["headers"]}
    body = b"".join(m.get("body", b"") for m in out if m["type"] == "http.response.body")
    return Reply(start_message["status"], headers, body)
