"""Sending a text through Twilio's REST API without blocking the event loop."""
from __future__ import annotations

import asyncio
import logging
import random
from typing import Any, Awaitable, Callable, Optional

from twilio.base.exceptions import TwilioRestException

logger = logging.getLogger(__name__)


def _transient(status: Optional[int]) -> bool:
    return status == 429 or (status is not None and status >= 500)


class TwilioSender:
    """Sends one text through Twilio's REST API without blocking the event loop.

    Network errors, timeouts, 429 and 5xx are retried with exponential backoff; anything else
    (a bad number, an opted-out recipient) is permanent. A retried timeout can, rarely, send a
    text twice; for this service a repeated text is better than a lost crisis reply.
    """

    def __init__(self, account_sid: str, auth_token: str, http_client: Any = None,
                 attempts: int = 4, backoff: float = 0.5, timeout: float = 20.0,
                 sleep: Callable[[float], Awaitable[Any]] = asyncio.sleep) -> None:
        self.account_sid, self.auth_token = account_sid, auth_token
        self.http_client, self.attempts, self.backoff, self.timeout, self.sleep = (
            http_client, attempts, backoff, timeout, sleep)
        self._client = None

    def client(self):
        # Made on first use, inside the running loop (aiohttp binds its session to the loop).
        if self._client is None:
            from twilio.rest import Client
            if self.http_client is None:
                from twilio.http.async_http_client import AsyncTwilioHttpClient
                self.http_client = AsyncTwilioHttpClient()
            self._client = Client(self.account_sid, self.auth_token, http_client=self.http_client)
        return self._client

    async def send(self, to: str, from_: str, body: str) -> bool:
        import aiohttp

        for attempt in range(1, self.attempts + 1):
            try:
                # twilio 8's async client sets no timeout of its own: a stalled connection
                # would hold this conversation's next turns for ever.
                await asyncio.wait_for(
                    self.client().messages.create_async(to=to, from_=from_, body=body),
                    self.timeout)
                return True
            except TwilioRestException as error:
                if error.code == 21610:
                    logger.info("reply not sent: the recipient has opted out at Twilio "
                                "(texting START opts back in)")
                    return False
                if not _transient(error.status) or attempt == self.attempts:
                    logger.error("reply not sent: Twilio answered HTTP %s, error code %s "
                                 "(attempt %d)", error.status, error.code, attempt)
                    return False
                reason = f"HTTP {error.status}"
            except (aiohttp.ClientError, asyncio.TimeoutError, OSError) as error:
                if attempt == self.attempts:
                    logger.error("reply not sent: %s after %d attempts",
                                 type(error).__name__, attempt)
                    return False
                reason = type(error).__name__
            delay = self.backoff * 2 ** (attempt - 1) * random.uniform(1.0, 1.5)
            logger.warning("sending to Twilio failed (%s); retry %d of %d in %.1f s",
                           reason, attempt, self.attempts - 1, delay)
            await self.sleep(delay)
        return False

    async def close(self) -> None:
        close = getattr(self.http_client, "close", None)
        if close is not None and self._client is not None:
            await close()
