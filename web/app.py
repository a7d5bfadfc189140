"""The web server: the chat page and its files, the chat proxy, the services directory and
the Open Referral UK feed (/oruk/).

One origin serves everything the browser needs, so the Content-Security-Policy below can
forbid every other origin, inline script and HTML-string sinks. The headers go on every
response, errors included: a page for young people and parents in distress must not be
framed, sniffed, cached on a shared computer, or tell the next site where the person was.
No cookies are ever set and the access log is off, so nothing here records who asked what.
"""
from __future__ import annotations

import os
import re
from pathlib import Path

from sanic import Sanic
from sanic.request import Request
from sanic.response import HTTPResponse

from web.chat import DEFAULT_TIMEOUT
from web.chat import blueprint as chat
from web.directory import blueprint as directory
from web.insights import blueprint as insights
from web.oruk import blueprint as oruk

STATIC = Path(__file__).resolve().parent / "static"
DEFAULT_RASA_URL = "http://localhost:5005"
NAME = "web_chat"

#: Bodies above this are refused (413) before they are read. A 10,000-character message
#: (the most /api/chat reads before refusing) fits even when the page escapes every character.
MAX_BODY = 64 * 1024

CONTENT_SECURITY_POLICY = "; ".join([
    "default-src 'self'",
    "script-src 'self'",
    "style-src 'self'",
    "img-src 'self'",
    "connect-src 'self'",
    "font-src 'none'",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'self'",
    "frame-ancestors 'none'",
    # Browsers that support Trusted Types then refuse any string put into innerHTML & co.
    "require-trusted-types-for 'script'",
    "trusted-types 'none'",
])
SECURITY_HEADERS = {
    "Content-Security-Policy": CONTENT_SECURITY_POLICY,
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
    "X-Frame-Options": "DENY",
    "Cross-Origin-Opener-Policy": "same-origin",
    "Cross-Origin-Resource-Policy": "same-origin",
    "Permissions-Policy": "camera=(), microphone=(), geolocation=(), payment=(), usb=()",
}
#: Unless a handler chose otherwise (the directory's stylesheet may be cached): nothing of a
#: conversation may stay in the HTTP cache of a shared or family computer.
DEFAULT_CACHE_CONTROL = "no-store"


def add_security_headers(_request: Request, response: HTTPResponse) -> None:
    # A handler may give its own policy if it starts from nothing allowed: the dashboard's SVG
    # charts, images in which no script runs, need their inline styles.
    policy = response.headers.get("Content-Security-Policy")
    response.headers.update(SECURITY_HEADERS)
    if policy and policy.startswith("default-src 'none'"):
        response.headers["Content-Security-Policy"] = policy
    response.headers.setdefault("Cache-Control", DEFAULT_CACHE_CONTROL)
    if response.headers.get("Access-Control-Allow-Origin") == "*":
        # Opened to every origin on purpose (the ORUK feed): readable cross-origin too.
        response.headers["Cross-Origin-Resource-Policy"] = "cross-origin"


def create_app(rasa_url: str | None = None) -> Sanic:
    """The app; rasa_url defaults to $RASA_URL, then http://localhost:5005."""
    app = Sanic(NAME)
    app.config.RASA_URL = (rasa_url or os.environ.get("RASA_URL") or DEFAULT_RASA_URL).rstrip("/")
    app.config.RASA_TIMEOUT = DEFAULT_TIMEOUT
    app.config.REQUEST_MAX_SIZE = MAX_BODY
    app.config.FALLBACK_ERROR_FORMAT = "json"  # a 404 or 405 is JSON, never an HTML page
    app.config.ACCESS_LOG = False
    app.static("/", str(STATIC / "index.html"), name="index")
    # Each file by name rather than the folder: Sanic 21.12 answers a folder's address
    # (/static/) with a 500, and here it is a 404 like any other unknown address.
    for path in sorted(STATIC.iterdir()):
        if path.is_file() and not path.name.startswith("."):
            app.static(f"/static/{path.name}", str(path), name=re.sub(r"\W", "_", path.name))
    app.blueprint(chat)
    app.blueprint(directory)
    app.blueprint(oruk)
    app.blueprint(insights)
    app.register_middleware(add_security_headers, "response")
    return app
