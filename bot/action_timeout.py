"""How long the Rasa server waits for the action server before taking it as down.

Rasa 3.6 waits up to five minutes for a custom action (rasa.core.constants
DEFAULT_REQUEST_TIMEOUT, used directly by RemoteAction and by EndpointConfig's session, with
no setting). A hung action server, or a catalogue query stuck behind a lock, would then hold
a person's turn for five minutes. With this bound the action counts as failed after
``ACTION_SERVER_TIMEOUT`` seconds (default 10) and the policy's guard gives the honest "can't
look services up" reply with the 24/7 routes (bot/policies.py). A search takes milliseconds,
so 10 s is generous even under load (bench/load.py).

Set by assigning the two module constants Rasa reads at call time; imported by the policy,
so every Rasa server that loads the model applies it. Rasa 3.6 is maintained, not developed,
so these names are stable; tests/bot/test_action_timeout.py fails if they move.
"""
from __future__ import annotations

import os

import rasa.core.actions.action as _remote_action
import rasa.utils.endpoints as _endpoints

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


apply(action_timeout())
