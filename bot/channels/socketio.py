"""Rasa's socket.io channel (for an embedded widget such as rasa-webchat), with the project's
shared channel behaviour: messages that look urgent marked for the turn gate, and the server's
start and stop listeners (bot/channels/base.py). Its name stays ``socketio``, so its settings
in credentials.yml and the widget's set-up are Rasa's own.
"""
from __future__ import annotations

from rasa.core.channels.socketio import SocketBlueprint, SocketIOInput

from .base import OnNewMessage, hinted, with_server_listeners


class ProjectSocketIOInput(SocketIOInput):
    def blueprint(self, on_new_message: OnNewMessage) -> SocketBlueprint:
        return with_server_listeners(super().blueprint(hinted(on_new_message)))
