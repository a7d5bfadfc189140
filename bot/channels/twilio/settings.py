"""The Twilio channel's settings and the error that stops a server configured unsafely.

Each setting comes from credentials.yml, else from the environment (credentials.yml cannot say
``${VAR}`` for these: Rasa refuses to start when such a variable is unset, and ``make run`` must
work without a Twilio account).
"""
from __future__ import annotations

import os
from typing import Any, Dict, Optional

from rasa.shared.exceptions import RasaException

#: Settings, each from credentials.yml or else from the environment.
SETTINGS_ENV = {"account_sid": "TWILIO_ACCOUNT_SID", "auth_token": "TWILIO_AUTH_TOKEN",
                "public_url": "TWILIO_PUBLIC_URL", "redis_url": "TWILIO_REDIS_URL"}


class TwilioChannelConfigError(RasaException):
    """The channel is configured in a way that would be unsafe to run."""


def setting(credentials: Dict[str, Any], key: str) -> Optional[str]:
    value = credentials.get(key)
    if value is None or not str(value).strip():
        value = os.environ.get(SETTINGS_ENV[key], "")
    return str(value).strip() or None
