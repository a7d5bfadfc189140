"""What every channel of this project shares: the urgent hint on each message, the server's
start and stop listeners, and a turn that fails without the message reaching the log.

A channel built on these (rest, webchat, socketio, twilio) adds only how it receives and
answers. The listeners are registered by every channel's blueprint, so whichever channels a
server has, the action server connections are shared while it runs (bot/patches/action_calls.py)
and the start-up log says which patches to Rasa are in place (bot/patches/).
"""
from __future__ import annotations

import logging
from typing import Any, TypeVar

from sanic import Blueprint

from bot import patches
from bot.patches import action_calls

from .urgent_hint import OnNewMessage, hinted, warm

logger = logging.getLogger(__name__)

__all__ = ["OnNewMessage", "hinted", "with_server_listeners", "log_failed_turn"]

_status_logged = False
AnyBlueprint = TypeVar("AnyBlueprint", bound=Blueprint)


def with_server_listeners(blueprint: AnyBlueprint) -> AnyBlueprint:
    @blueprint.listener("before_server_start")
    async def server_starts(_app: Any, loop: Any) -> None:
        global _status_logged
        if not _status_logged:  # once per process, however many channels
            _status_logged = True
            patches.log_status()
        warm()
        action_calls.serving(loop)

    @blueprint.listener("after_server_stop")
    async def server_stopped(_app: Any, _loop: Any) -> None:
        await action_calls.stopped()

    return blueprint


def log_failed_turn(channel: str, error: BaseException) -> None:
    """What went wrong, never what the person wrote or who they are."""
    logger.error("%s: the turn failed (%s)", channel, type(error).__name__)
