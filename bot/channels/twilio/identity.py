"""Who a text is from, without keeping their number: the conversation id is a keyed hash.

Rasa never sees the phone number. The conversation id is an HMAC-SHA256 of the full From
address ("whatsapp:+44..." included) under SENDER_ID_SECRET, so the tracker store holds no
number and nobody without the secret can reverse it.
"""
from __future__ import annotations

import hashlib
import hmac
import logging
import os
import secrets
from typing import Mapping, Optional

from .settings import TwilioChannelConfigError

logger = logging.getLogger(__name__)

SECRET_ENV = "SENDER_ID_SECRET"
#: Development only: without SENDER_ID_SECRET, use a random secret (ids change at restart).
EPHEMERAL_SECRET_ENV = "ALLOW_EPHEMERAL_SENDER_ID_SECRET"
MIN_SECRET_CHARS = 32


def conversation_id(address: str, secret: bytes) -> str:
    """The Rasa sender id for a From address: a keyed hash, so the tracker store holds no
    number, and (unlike a plain hash of the few billion possible numbers) nobody without the
    secret can reverse it."""
    return hmac.new(secret, address.encode("utf-8"), hashlib.sha256).hexdigest()


def load_secret(environ: Optional[Mapping[str, str]] = None) -> bytes:
    environ = os.environ if environ is None else environ
    secret = (environ.get(SECRET_ENV) or "").strip()
    if len(secret) >= MIN_SECRET_CHARS:
        return secret.encode("utf-8")
    if (environ.get(EPHEMERAL_SECRET_ENV) or "").strip().lower() in ("1", "true", "yes"):
        logger.warning("%s is not set: using a random secret for this run only (%s is on). "
                       "Conversations will not be recognised after a restart; never do this "
                       "in production.", SECRET_ENV, EPHEMERAL_SECRET_ENV)
        return secrets.token_bytes(32)
    problem = "is not set" if not secret else f"is shorter than {MIN_SECRET_CHARS} characters"
    raise TwilioChannelConfigError(
        f"The Twilio SMS channel needs {SECRET_ENV} to turn phone numbers into conversation "
        f"ids, and it {problem}. Set it to a long random value kept outside the repository, "
        f"e.g. `python -c \"import secrets; print(secrets.token_hex(32))\"`, and keep it: a new "
        f"secret starts every conversation afresh. For local development only, "
        f"{EPHEMERAL_SECRET_ENV}=1 uses a random secret per run.")
