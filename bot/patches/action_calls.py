"""How the Rasa server calls the action server: a bounded wait, replies checked cheaply, and
connections kept open. Three patches, each installed by ``bot.patches.install()``.

``action_timeout`` (reliability). Rasa 3.6 waits up to five minutes for a custom action
(rasa.core.constants DEFAULT_REQUEST_TIMEOUT, used directly by RemoteAction and by
EndpointConfig's session, with no setting). A hung action server, or a catalogue query stuck
behind a lock, would then hold a person's turn for five minutes. With this bound the action
counts as failed after ``ACTION_SERVER_TIMEOUT`` seconds (default 10) and the policy's guard
gives the honest "can't look services up" reply with the 24/7 routes (bot/dialogue/guards.py).
A search takes milliseconds, so 10 s is generous even under load.

``action_checks`` (speed). RemoteAction validates every action server reply with
``jsonschema.validate``, which first checks Rasa's (large, constant) response schema against
the JSON Schema meta-schema on every call. The same check with a validator built once raises
the same error (the cost of each is in docs/performance.md).

``action_connections`` (speed). Rasa opens a new HTTP session, and so a new TCP connection, for
every action call, and closes it after the reply: connecting costs both servers more than a
short action takes. While a Rasa server runs (``serving``, started and stopped by the channels'
server listeners, bot/channels/base.py), calls share one session per endpoint whose connections
are kept open between calls, closed after ``KEEP_ALIVE_SECONDS`` idle: before the action
server's own keep-alive timeout (Sanic's 5 s) could close one under a request. Outside a
running server (tests, the bench's in-process profile) each call has its own session, as in
Rasa.

Rasa 3.6 is maintained, not developed, so these names are stable;
tests/bot/patches/test_action_calls.py fails if they move.
"""
from __future__ import annotations

import asyncio
import json
import os
from typing import Any, Dict, Optional

import aiohttp
import rasa.core.actions.action as _remote_action
import rasa.utils.endpoints as _endpoints
from jsonschema.exceptions import best_match
from jsonschema.validators import validator_for

DEFAULT_SECONDS = 10.0


def action_timeout(environ=None) -> float:
    raw = (environ if environ is not None else os.environ).get("ACTION_SERVER_TIMEOUT", "")
    try:
        seconds = float(raw) if raw.strip() else DEFAULT_SECONDS
    except ValueError:
        raise ValueError(
            f"ACTION_SERVER_TIMEOUT must be a number of seconds, not {raw!r}") from None
    if not 0 < seconds <= 300:
        raise ValueError(f"ACTION_SERVER_TIMEOUT must be between 0 and 300 seconds, not {raw!r}")
    return seconds


#: Rasa's own wait, put back by ``remove_timeout``.
RASA_TIMEOUT = _remote_action.DEFAULT_REQUEST_TIMEOUT


def apply(seconds: float) -> None:
    _remote_action.DEFAULT_REQUEST_TIMEOUT = seconds
    _endpoints.DEFAULT_REQUEST_TIMEOUT = seconds


def install_timeout() -> None:
    apply(action_timeout())


def remove_timeout() -> None:
    apply(RASA_TIMEOUT)


def _compiled_validator():
    spec = _remote_action.RemoteAction.action_response_format_spec()
    cls = validator_for(spec)
    cls.check_schema(spec)
    return cls(spec)


_RESPONSE_VALIDATOR = _compiled_validator()
_RASA_VALIDATE = _remote_action.RemoteAction._validate_action_result


def _validate_action_result(self, result) -> bool:
    """RemoteAction._validate_action_result with the schema compiled once (same error)."""
    if best_match(_RESPONSE_VALIDATOR.iter_errors(result)) is None:
        return True
    return _RASA_VALIDATE(self, result)  # raises the error with Rasa's own explanation


KEEP_ALIVE_SECONDS = 2.0
_RASA_SESSION = _endpoints.EndpointConfig.session
#: The loop of the running server, while it serves; shared sessions by endpoint settings.
_serving: Optional[asyncio.AbstractEventLoop] = None
_sessions: Dict[str, aiohttp.ClientSession] = {}


class _Shared:
    """``async with`` gives the shared session and leaves it open (Rasa's request closes the
    session it opened)."""

    def __init__(self, session: aiohttp.ClientSession) -> None:
        self._session = session

    async def __aenter__(self) -> aiohttp.ClientSession:
        return self._session

    async def __aexit__(self, *exc_info: Any) -> None:
        return None


def _session(self: _endpoints.EndpointConfig) -> Any:
    try:
        loop = asyncio.get_running_loop()
    except RuntimeError:
        loop = None
    if loop is None or loop is not _serving:
        return _RASA_SESSION(self)
    key = json.dumps([self.headers, self.basic_auth], sort_keys=True, default=str)
    session = _sessions.get(key)
    if session is None or session.closed:
        auth = (aiohttp.BasicAuth(self.basic_auth["username"], self.basic_auth["password"])
                if self.basic_auth else None)
        session = _sessions[key] = aiohttp.ClientSession(
            headers=self.headers, auth=auth,
            timeout=aiohttp.ClientTimeout(total=_endpoints.DEFAULT_REQUEST_TIMEOUT),
            connector=aiohttp.TCPConnector(keepalive_timeout=KEEP_ALIVE_SECONDS))
    return _Shared(session)


def serving(loop: asyncio.AbstractEventLoop) -> None:
    """The server on this loop starts: action calls share kept-open connections."""
    global _serving
    _serving = loop


async def stopped() -> None:
    """The server stops: close the shared sessions and their connections."""
    global _serving
    _serving = None
    sessions = list(_sessions.values())
    _sessions.clear()
    for session in sessions:
        await session.close()


def install_checks() -> None:
    _remote_action.RemoteAction._validate_action_result = _validate_action_result


def remove_checks() -> None:
    _remote_action.RemoteAction._validate_action_result = _RASA_VALIDATE


def install_connections() -> None:
    _endpoints.EndpointConfig.session = _session


def remove_connections() -> None:
    _endpoints.EndpointConfig.session = _RASA_SESSION
