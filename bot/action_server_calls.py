"""How the Rasa server calls the action server: a bounded wait, and replies checked cheaply.

Wait. Rasa 3.6 waits up to five minutes for a custom action (rasa.core.constants
DEFAULT_REQUEST_TIMEOUT, used directly by RemoteAction and by EndpointConfig's session, with
no setting). A hung action server, or a catalogue query stuck behind a lock, would then hold
a person's turn for five minutes. With this bound the action counts as failed after
``ACTION_SERVER_TIMEOUT`` seconds (default 10) and the policy's guard gives the honest "can't
look services up" reply with the 24/7 routes (bot/policies.py). A search takes milliseconds,
so 10 s is generous even under load (bench/load.py).

Checks. RemoteAction validates every action server reply with ``jsonschema.validate``, which
first checks Rasa's (large, constant) response schema against the JSON Schema meta-schema:
about 17 ms of CPU per action call here, two or three calls per turn. The same check with a
validator built once takes 0.2 ms and raises the same error.

Both are set on Rasa's modules when the policy is imported, so every Rasa server that loads the
model applies them. Rasa 3.6 is maintained, not developed, so these names are stable;
tests/bot/test_action_server_calls.py fails if they move.
"""
from __future__ import annotations

import os

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
        raise ValueError(f"ACTION_SERVER_TIMEOUT must be a number of seconds, not {raw!r}")
    if not 0 < seconds <= 300:
        raise ValueError(f"ACTION_SERVER_TIMEOUT must be between 0 and 300 seconds, not {raw!r}")
    return seconds


def apply(seconds: float) -> None:
    _remote_action.DEFAULT_REQUEST_TIMEOUT = seconds
    _endpoints.DEFAULT_REQUEST_TIMEOUT = seconds


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


apply(action_timeout())
_remote_action.RemoteAction._validate_action_result = _validate_action_result
