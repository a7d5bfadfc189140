"""Starting Sanic apps inside the test process: the web server's app and Rasa's channels.

Sanic 21.12 rewrites some of its own class methods when an app first starts (sanic.touchup),
and a later app then fails to start unless Sanic.test_mode was on when the first one started.
These are the methods as imported, before any app started (test modules are all imported
before any test runs), to put back around each test module's apps.
"""
from __future__ import annotations

import contextlib
import socket
import uuid
from typing import AsyncIterator, Iterator, Sequence

import pytest
from sanic import Sanic
from sanic.touchup import TouchUp

PRISTINE = {(target, name): getattr(target, name) for target, name in TouchUp._registry}
PLACEHOLDERS = {(target, "_" + name) for target, name in TouchUp._registry
                if not hasattr(target, "_" + name)}


def restore_sanic() -> None:
    for (target, name), method in PRISTINE.items():
        setattr(target, name, method)
    for target, placeholder in PLACEHOLDERS:
        if placeholder in vars(target):
            delattr(target, placeholder)


@contextlib.contextmanager
def sanic_test_mode() -> Iterator[None]:
    """Several apps named alike, each started in test mode; Sanic left as it was found."""
    restore_sanic()
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(Sanic, "test_mode", True)
        patch.setattr(Sanic, "_app_registry", {})
        yield
    restore_sanic()


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@contextlib.asynccontextmanager
async def serve_app(app: Sanic, access_log: bool = False) -> AsyncIterator[str]:
    """The app served on a free port, started and stopped as Sanic's runner does; yields the
    base URL."""
    port = free_port()
    server = await app.create_server(host="127.0.0.1", port=port, return_asyncio_server=True,
                                     access_log=access_log)
    await server.startup()
    await server.before_start()
    await server.after_start()
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        await server.before_stop()
        server.close()
        await server.wait_closed()
        await server.after_stop()


@contextlib.asynccontextmanager
async def serve_channels(channels: Sequence, agent, access_log: bool = False,
                         **app_options) -> AsyncIterator[str]:
    """Channels mounted by Rasa's own register() on a Sanic app, as `rasa run` mounts them,
    served on a free port; yields the base URL."""
    from rasa.core.channels.channel import register

    app = Sanic(f"channels_test_{uuid.uuid4().hex}", **app_options)
    app.ctx.agent = agent
    register(list(channels), app, route="/webhooks/")
    async with serve_app(app, access_log=access_log) as url:
        yield url
