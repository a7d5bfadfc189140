"""Talking to the servers' HTTP endpoints as a client would: raw bodies, exact URLs, statuses
returned rather than raised (for the channel and fault tests)."""
from __future__ import annotations

import json
import uuid
from typing import Tuple

import aiohttp
from yarl import URL


def sender() -> str:
    return str(uuid.uuid4())   # the web page's own kind of id (crypto.randomUUID)


def raw_json(sender_id: str, text: str) -> bytes:
    # ensure_ascii: every character as the JSON escape (\ud800 included), as a script would.
    return json.dumps({"sender": sender_id, "message": text}).encode("ascii")


async def post(url: str, body: bytes, content_type: str = "application/json"
               ) -> Tuple[int, str, str]:
    """(status, content type, body text) of a POST; the URL is sent exactly as given."""
    async with aiohttp.ClientSession() as http:
        async with http.post(URL(url, encoded=True), data=body,
                             headers={"Content-Type": content_type},
                             timeout=aiohttp.ClientTimeout(total=120)) as response:
            return (response.status, response.headers.get("Content-Type", ""),
                    await response.text(errors="replace"))


async def get(url: str) -> Tuple[int, str, str]:
    async with aiohttp.ClientSession() as http:
        async with http.get(URL(url, encoded=True),
                            timeout=aiohttp.ClientTimeout(total=60)) as response:
            return (response.status, response.headers.get("Content-Type", ""),
                    await response.text(errors="replace"))
