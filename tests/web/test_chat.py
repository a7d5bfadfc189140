"""The web chat: the page's safety and accessibility rules, and /api/chat against a fake Rasa.

sanic-testing (behind app.test_client) is not installed, so each app runs as a real server on
a free port in the test's event loop and is called over HTTP with aiohttp, as a browser would.
The fake Rasa is a small aiohttp server that records what it was sent.
"""
from __future__ import annotations

import json
import logging
import random
import re
import shutil
import socket
import subprocess
from contextlib import asynccontextmanager
from html.parser import HTMLParser
from pathlib import Path
from typing import Any, Callable, Dict, List, Optional

import aiohttp
import pytest
import pytest_asyncio
from aiohttp import web as aioweb
from sanic import Sanic
from yarl import URL

import web.__main__ as main_module
from signposting.texts import ROUTES_24_7
from tests.support.sanic_apps import sanic_test_mode
from web import chat
from web.app import SECURITY_HEADERS, create_app

STATIC = Path(__file__).resolve().parents[2] / "web" / "static"
INDEX = (STATIC / "index.html").read_text(encoding="utf-8")
CHAT_JS = (STATIC / "chat.js").read_text(encoding="utf-8")
CHAT_CSS = (STATIC / "chat.css").read_text(encoding="utf-8")
#: chat.js without its comments, which may name what the code must not use.
CHAT_JS_CODE = re.sub(r"(?m)(^|\s)//.*$", "", re.sub(r"/\*.*?\*/", "", CHAT_JS, flags=re.S))

EXIT_URL = "https://www.bbc.co.uk/weather"
#: The routes as the brief words them; the 503 reply and the page must contain them exactly.
ROUTES_TEXT = ("call NHS 111 and choose option 2, text SHOUT to 85258, call Childline on "
               "0800 1111 (under 19) or Samaritans on 116 123. In an emergency call 999.")
EMERGENCY_NOTE = ("In an emergency call 999. For urgent mental health help at any time call "
                  "NHS 111 and choose option 2.")
SENDER = "3f2b8c1e-9d4a-4f6b-8e2a-1c5d7e9f0a1b"

#: Async tests share the session's event loop with the servers they talk to.
on_server_loop = pytest.mark.asyncio(loop_scope="session")


# -- servers ---------------------------------------------------------------------------------

def bound_socket() -> socket.socket:
    sock = socket.socket()
    sock.bind(("127.0.0.1", 0))
    return sock


def closed_port() -> int:
    """A port on which nothing listens (bound, then released)."""
    with bound_socket() as sock:
        return sock.getsockname()[1]


@asynccontextmanager
async def serving(app: Sanic):
    """The app listening on a free port; yields its base URL."""
    sock = bound_socket()
    server = await app.create_server(sock=sock, return_asyncio_server=True)
    await server.startup()
    await server.before_start()
    await server.after_start()
    try:
        yield f"http://127.0.0.1:{sock.getsockname()[1]}"
    finally:
        await server.before_stop()
        await server.close()
        await server.after_stop()
        sock.close()


class FakeRasa:
    """Rasa's REST channel, answering with whatever `answer` returns for the request."""

    def __init__(self) -> None:
        self.received: List[Dict[str, Any]] = []
        self.answer: Callable[[Dict[str, Any]], Any] = self.echo

    @staticmethod
    def echo(data: Dict[str, Any]) -> aioweb.Response:
        return aioweb.json_response([{"recipient_id": data["sender"], "text": data["message"]}])

    async def webhook(self, request: aioweb.Request) -> aioweb.StreamResponse:
        data = await request.json()
        self.received.append(data)
        answer = self.answer(data)
        return await answer if hasattr(answer, "__await__") else answer


@pytest.fixture(scope="module")
def test_mode():
    """Several apps named alike, each started in test mode; Sanic left as it was found."""
    with sanic_test_mode():
        yield


@pytest_asyncio.fixture(scope="module", loop_scope="session")
async def fake_rasa():
    fake = FakeRasa()
    application = aioweb.Application()
    application.router.add_post("/webhooks/webchat/webhook", fake.webhook)
    runner = aioweb.AppRunner(application)
    await runner.setup()
    sock = bound_socket()
    await aioweb.SockSite(runner, sock).start()
    fake.url = f"http://127.0.0.1:{sock.getsockname()[1]}"
    yield fake
    await runner.cleanup()
    sock.close()


@pytest.fixture
def rasa(fake_rasa):
    fake_rasa.received.clear()
    fake_rasa.answer = FakeRasa.echo
    return fake_rasa


@pytest_asyncio.fixture(scope="module", loop_scope="session")
async def site(test_mode, fake_rasa):
    """The web app, with Rasa up (the fake), and a short wait for slow answers."""
    app = create_app(fake_rasa.url)
    app.config.RASA_TIMEOUT = 1
    async with serving(app) as url:
        yield url


@pytest_asyncio.fixture(scope="module", loop_scope="session")
async def site_without_rasa(test_mode):
    async with serving(create_app(f"http://127.0.0.1:{closed_port()}")) as url:
        yield url


async def request(method: str, url: str, body: Optional[bytes] = None,
                  content_type: Optional[str] = "application/json"):
    headers = {"Content-Type": content_type} if content_type else {}
    async with aiohttp.ClientSession() as session:
        async with session.request(method, URL(url, encoded=True), data=body,
                                   headers=headers) as response:
            return response.status, response.headers, await response.read()


async def post_chat(site: str, payload: Any = None, raw: Optional[bytes] = None, **kwargs):
    body = raw if raw is not None else json.dumps(payload).encode()
    return await request("POST", f"{site}/api/chat", body, **kwargs)


def assert_secure(headers) -> None:
    for name, value in SECURITY_HEADERS.items():
        assert headers.get(name) == value, name
    assert headers.get("Cache-Control") == "no-store"
    assert "Set-Cookie" not in headers


def json_body(headers, body: bytes) -> Any:
    assert headers["Content-Type"].startswith("application/json")
    return json.loads(body)


# -- the page and its files ------------------------------------------------------------------

class Page(HTMLParser):
    """The parts of index.html the checks need: elements with attributes, and visible text."""

    HIDDEN = {"noscript", "script", "style", "title"}

    def __init__(self, html: str) -> None:
        super().__init__()
        self.elements: List[tuple] = []
        self.text: List[str] = []
        self._hidden = 0
        self.feed(html)

    def handle_starttag(self, tag, attrs):
        self.elements.append((tag, dict(attrs)))
        if tag in self.HIDDEN:
            self._hidden += 1

    def handle_endtag(self, tag):
        if tag in self.HIDDEN:
            self._hidden -= 1

    def handle_data(self, data):
        if not self._hidden:
            self.text.append(data)

    def all(self, tag: str) -> List[Dict[str, str]]:
        return [attrs for t, attrs in self.elements if t == tag]

    def by_id(self, id_: str) -> Dict[str, str]:
        [attrs] = [attrs for _, attrs in self.elements if attrs.get("id") == id_]
        return attrs

    def visible_text(self) -> str:
        return re.sub(r"\s+", " ", "".join(self.text))


PAGE = Page(INDEX)


def test_every_static_file_requests_nothing_from_another_origin():
    allowed = {EXIT_URL, "https://"}  # the exit link; the scheme chat.js adds to www. links
    files = sorted(p for p in STATIC.rglob("*") if p.suffix in (".html", ".js", ".css"))
    assert {p.name for p in files} >= {"index.html", "chat.js", "chat.css"}
    for path in files:
        text = path.read_text(encoding="utf-8")
        found = set(re.findall(r"https?://[^\s\"'<>)]*", text))
        assert found <= allowed, (path.name, found - allowed)
        assert not re.search(r"""(?:src|href|action)\s*=\s*["']//|url\(\s*["']?//""", text), path.name
        if path.suffix == ".css":
            assert "@import" not in text and "url(" not in text, path.name


def test_the_page_loads_only_its_own_files():
    for tag, attribute in (("script", "src"), ("link", "href"), ("img", "src")):
        for attrs in PAGE.all(tag):
            assert attrs[attribute].startswith("/static/"), attrs
    for attrs in PAGE.all("a"):
        href = attrs["href"]
        assert href == EXIT_URL or href.startswith(("#", "tel:")), href


def test_the_page_has_no_inline_script_style_or_handlers():
    assert all(attrs.get("src") for attrs in PAGE.all("script"))
    assert not PAGE.all("style")
    for _, attrs in PAGE.elements:
        assert "style" not in attrs
        assert not [name for name in attrs if name.startswith("on")], attrs


@pytest.mark.parametrize("sink", [
    "innerHTML", "outerHTML", "insertAdjacentHTML", "document.write", "eval(", "Function(",
    "DOMParser", "createContextualFragment", "srcdoc", "setHTML",
])
def test_chat_js_never_parses_text_as_html(sink):
    assert "textContent" in CHAT_JS_CODE and "createTextNode" in CHAT_JS_CODE
    assert sink not in CHAT_JS_CODE


def test_chat_js_keeps_the_conversation_in_session_storage_only():
    assert "sessionStorage.setItem" in CHAT_JS_CODE and "sessionStorage.getItem" in CHAT_JS_CODE
    for storage in ("localStorage", "cookie", "indexedDB", "caches."):
        assert storage not in CHAT_JS_CODE, storage
    assert "crypto.randomUUID" in CHAT_JS_CODE


def test_exit_clears_the_conversation_and_leaves_without_a_way_back():
    exit_link = PAGE.by_id("exit")
    assert exit_link["href"] == EXIT_URL
    assert "Exit this page" in INDEX
    body = CHAT_JS[CHAT_JS.index("function exitPage"):]
    body = body[:body.index("\n  }\n")]
    assert "sessionStorage.clear()" in body
    assert "location.replace(EXIT_URL)" in body and "location.href" not in body
    assert f'var EXIT_URL = "{EXIT_URL}";' in CHAT_JS
    assert re.search(r'event\.key === "Shift"', CHAT_JS) and "SHIFT_PRESSES = 3" in CHAT_JS


def test_the_page_says_it_is_automated_and_not_an_emergency_service_before_the_chat():
    text = PAGE.visible_text()
    assert EMERGENCY_NOTE in text
    assert "automated helper, not an emergency service" in text
    # Above the chat (and the h1 is its only heading before it), so it is on the first screen.
    assert INDEX.index('id="emergency"') < INDEX.index('class="chat"')
    assert INDEX.index("<h1>") < INDEX.index('id="emergency"') < INDEX.index("<h2")


def test_the_page_structure_for_assistive_technology():
    assert PAGE.all("html")[0]["lang"] == "en-GB"
    viewport = [a for a in PAGE.all("meta") if a.get("name") == "viewport"][0]["content"]
    assert "user-scalable" not in viewport and "maximum-scale" not in viewport
    for landmark in ("header", "main", "footer"):
        assert len(PAGE.all(landmark)) == 1, landmark
    levels = [int(tag[1]) for tag, _ in PAGE.elements if re.fullmatch(r"h[1-6]", tag)]
    assert levels[0] == 1 and levels.count(1) == 1
    assert all(b - a <= 1 for a, b in zip(levels, levels[1:])), levels
    log = PAGE.by_id("log")
    assert log["role"] == "log" and log["aria-live"] == "polite"
    assert PAGE.by_id("typing")["role"] == "status"
    message = PAGE.by_id("message")
    assert [a for a in PAGE.all("label") if a.get("for") == "message"]
    assert message["type"] == "text" and message["maxlength"] == "2000"
    assert message["autocomplete"] == "off"  # nothing typed here is offered again later
    assert PAGE.by_id("send")["type"] == "submit"
    assert PAGE.by_id("composer")["method"] == "post"  # never a message in a URL


def test_the_suggested_starters_are_real_buttons():
    html = INDEX[INDEX.index('id="starters"'):]
    html = html[:html.index("</div>")]
    starters = re.findall(r'<button type="button" class="choice">([^<]+)</button>', html)
    assert starters == ["I feel anxious", "My child is being bullied",
                        "I'm a teacher looking for support for a pupil"]


def test_css_focus_motion_and_reflow():
    focus = re.search(r":focus\s*{([^}]*)}", CHAT_CSS).group(1)
    width = re.search(r"outline:\s*(\d+)px solid", focus)
    assert width and int(width.group(1)) >= 2
    assert "@media (prefers-reduced-motion: reduce)" in CHAT_CSS
    # Lengths are relative: pixels only for hairlines (borders, rings, shadows).
    assert all(float(n) <= 6 for n in re.findall(r"(\d+(?:\.\d+)?)px", CHAT_CSS))
    assert "overflow-wrap: anywhere" in CHAT_CSS  # a long web address wraps, not the page


def test_the_three_copies_of_the_routes_agree():
    assert chat.ROUTES_24_7 is ROUTES_24_7
    assert chat.UNAVAILABLE.endswith(ROUTES_24_7) and ROUTES_TEXT in chat.UNAVAILABLE
    prefix = chat.UNAVAILABLE[:-len(ROUTES_24_7)]
    assert f"var ROUTES_24_7 = {json.dumps(ROUTES_24_7)};" in CHAT_JS
    assert f"var UNAVAILABLE = {json.dumps(prefix)} + ROUTES_24_7;" in CHAT_JS


# -- chat.js's links, run under node -----------------------------------------------------------

NODE = shutil.which("node")


def link_parts(texts: List[str]) -> List[List[Dict[str, str]]]:
    script = ("const c = require(process.argv[1]);"
              "console.log(JSON.stringify(JSON.parse(process.argv[2]).map(c.linkParts)));")
    out = subprocess.run([NODE, "-e", script, str(STATIC / "chat.js"), json.dumps(texts)],
                         capture_output=True, text=True, timeout=30, check=True)
    return json.loads(out.stdout)


LINK_CASES = {
    "Chat at https://www.kooth.com.": [("https://www.kooth.com", "https://www.kooth.com")],
    "See www.childline.org.uk/info (any time)": [
        ("www.childline.org.uk/info", "https://www.childline.org.uk/info")],
    "(https://example.org/a_(b))": [("https://example.org/a_(b)", "https://example.org/a_(b)")],
    "email help@nspcc.org.uk.": [("help@nspcc.org.uk", "mailto:help@nspcc.org.uk")],
    "Childline 0800 1111 (under 19)": [("0800 1111", "tel:08001111")],
    "PAPYRUS 0800 068 4141 (under 35)": [("0800 068 4141", "tel:08000684141")],
    "call NHS 111 and choose option 2": [("111", "tel:111")],
    "Samaritans 116 123. In an emergency call 999.": [("116 123", "tel:116123"),
                                                      ("999", "tel:999")],
    "text SHOUT to 85258": [("85258", "sms:85258")],
    "text 07700 900123 (Mon-Fri)": [("07700 900123", "sms:07700900123")],
    "call +44 20 7946 0000": [("+44 20 7946 0000", "tel:+442079460000")],
    "ages 11 to 25, open 9am-5pm, 24/7, ME14 5AA, year 10, 2025 12345": [],
    "javascript:alert(1) and <a href=\"https://x.test\">x</a>": [
        ("https://x.test", "https://x.test")],
}


@pytest.mark.skipif(NODE is None, reason="node is not installed")
def test_chat_js_links_web_addresses_emails_and_uk_numbers_only():
    texts = list(LINK_CASES)
    for text, parts in zip(texts, link_parts(texts)):
        assert "".join(p["text"] for p in parts) == text  # nothing lost or added
        links = [(p["text"], p["href"]) for p in parts if "href" in p]
        assert links == LINK_CASES[text], text
        assert all(href.startswith(("https://", "tel:", "sms:", "mailto:")) for _, href in links)


@pytest.mark.skipif(NODE is None, reason="node is not installed")
def test_chat_js_offline_text_is_the_servers():
    script = ("const c = require(process.argv[1]);"
              "console.log(JSON.stringify([c.ROUTES_24_7, c.UNAVAILABLE]));")
    out = subprocess.run([NODE, "-e", script, str(STATIC / "chat.js")], capture_output=True,
                         text=True, timeout=30, check=True)
    assert json.loads(out.stdout) == [ROUTES_24_7, chat.UNAVAILABLE]


# -- serving ----------------------------------------------------------------------------------

@on_server_loop
async def test_index_is_served_with_the_security_headers(site):
    status, headers, body = await request("GET", f"{site}/", content_type=None)
    assert status == 200 and headers["Content-Type"].startswith("text/html")
    assert body.decode() == INDEX
    assert_secure(headers)
    policy = headers["Content-Security-Policy"]
    assert "default-src 'self'" in policy and "frame-ancestors 'none'" in policy
    assert "unsafe-inline" not in policy and "unsafe-eval" not in policy
    assert "http" not in policy and "*" not in policy


@on_server_loop
@pytest.mark.parametrize("path, kind", [("/static/chat.js", "javascript"),
                                        ("/static/chat.css", "text/css")])
async def test_static_files_are_served_with_their_types(site, path, kind):
    status, headers, body = await request("GET", site + path, content_type=None)
    assert status == 200 and kind in headers["Content-Type"]  # nosniff needs the right type
    assert body == (STATIC / path.rsplit("/", 1)[1]).read_bytes()
    assert_secure(headers)


@on_server_loop
@pytest.mark.parametrize("method, path, status", [
    ("GET", "/no-such-page", 404), ("GET", "/static/..%2fapp.py", 404),
    ("GET", "/static/%2e%2e/%2e%2e/README.md", 404), ("GET", "/static/../chat.py", 404),
    ("GET", "/static/", 404), ("GET", "/static", 404),
    ("GET", "/api/chat", 405),
])
async def test_errors_are_json_with_the_headers(site, method, path, status):
    got, headers, body = await request(method, site + path, content_type=None)
    assert got == status
    assert_secure(headers)
    json_body(headers, body)


@on_server_loop
async def test_the_directory_is_served_by_the_same_app(site):
    status, headers, _ = await request("GET", f"{site}/directory", content_type=None)
    assert status == 200 and headers["Content-Type"].startswith("text/html")
    assert_secure(headers)


# -- /api/chat ---------------------------------------------------------------------------------

@on_server_loop
async def test_chat_passes_the_message_to_rasa_and_returns_its_messages(site, rasa):
    rasa.answer = lambda data: aioweb.json_response([
        {"recipient_id": data["sender"], "text": "Are you safe right now?",
         "buttons": [{"title": "I'm safe right now", "payload": "/affirm"},
                     {"title": "I'm not safe", "payload": "/deny"}]},
        {"recipient_id": data["sender"], "text": "Call 999 in an emergency."},
    ])
    status, headers, body = await post_chat(site, {"sender": SENDER, "message": "  hello  "})
    assert status == 200
    assert_secure(headers)
    assert json_body(headers, body) == {"messages": [
        {"text": "Are you safe right now?",
         "buttons": [{"title": "I'm safe right now", "payload": "/affirm"},
                     {"title": "I'm not safe", "payload": "/deny"}]},
        {"text": "Call 999 in an emergency."},
    ]}
    assert rasa.received == [{"sender": SENDER, "message": "hello"}]


@on_server_loop
async def test_only_text_and_well_formed_buttons_are_passed_on(site, rasa):
    rasa.answer = lambda data: aioweb.json_response([
        {"recipient_id": data["sender"], "image": "https://x.test/a.png"},
        {"recipient_id": data["sender"], "custom": {"html": "<b>x</b>"}, "text": "Hi"},
        {"text": 5, "buttons": [{"title": "ok", "payload": 1}, "no", {"title": "Yes",
                                                                       "payload": "/affirm"}]},
        {"text": "Bye", "buttons": 5},
        {"text": None, "buttons": "abc"},
    ])
    status, headers, body = await post_chat(site, {"sender": SENDER, "message": "hi"})
    assert status == 200
    assert json_body(headers, body) == {"messages": [
        {"text": "Hi"}, {"buttons": [{"title": "Yes", "payload": "/affirm"}]}, {"text": "Bye"}]}


@on_server_loop
async def test_html_in_a_message_is_passed_on_as_text_and_answered_as_json(site, rasa):
    message = '<script>alert("x")</script><img src=x onerror=alert(1)>'
    status, headers, body = await post_chat(site, {"sender": SENDER, "message": message})
    assert status == 200
    assert rasa.received == [{"sender": SENDER, "message": message}]
    assert headers["X-Content-Type-Options"] == "nosniff"
    assert json_body(headers, body) == {"messages": [{"text": message}]}


@on_server_loop
@pytest.mark.parametrize("message, sent", [
    ("a" * 10_000, "a" * 2_000),
    ("  " + "b" * 1_999 + " c" + "d" * 50, "b" * 1_999),
    ("\u00a0 \u2003é\x00\x07 x\t", "é x"),
    ("line one\nline two", "line one\nline two"),
])
async def test_messages_are_trimmed_and_long_ones_cut(site, rasa, message, sent):
    status, _, _ = await post_chat(site, {"sender": SENDER, "message": message})
    assert status == 200
    assert rasa.received == [{"sender": SENDER, "message": sent}]


BAD_REQUESTS = {
    "not JSON": b"hello",
    "JSON array": b'["hello"]',
    "JSON string": b'"hello"',
    "JSON null": b"null",
    "empty body": b"",
    "missing sender": json.dumps({"message": "hi"}).encode(),
    "missing message": json.dumps({"sender": SENDER}).encode(),
    "extra field": json.dumps({"sender": SENDER, "message": "hi", "metadata": {}}).encode(),
    "sender a number": json.dumps({"sender": 12345678, "message": "hi"}).encode(),
    "sender too short": json.dumps({"sender": "abc", "message": "hi"}).encode(),
    "sender too long": json.dumps({"sender": "a" * 65, "message": "hi"}).encode(),
    "sender a path": json.dumps({"sender": "../../etc/passwd", "message": "hi"}).encode(),
    "sender with a newline": json.dumps({"sender": SENDER + "\n", "message": "hi"}).encode(),
    "message a number": json.dumps({"sender": SENDER, "message": 5}).encode(),
    "message null": json.dumps({"sender": SENDER, "message": None}).encode(),
    "message a list": json.dumps({"sender": SENDER, "message": ["hi"]}).encode(),
    "message an object": json.dumps({"sender": SENDER, "message": {"text": "hi"}}).encode(),
    "message empty": json.dumps({"sender": SENDER, "message": ""}).encode(),
    "message whitespace": json.dumps({"sender": SENDER, "message": " \n\t\u3000 "}).encode(),
    "message only control characters": json.dumps({"sender": SENDER,
                                                   "message": "\x00\x01\x7f"}).encode(),
    "message of 10,001 characters": json.dumps({"sender": SENDER, "message": "a" * 10_001}).encode(),
    "lone surrogate": b'{"sender": "' + SENDER.encode() + b'", "message": "\\ud800"}',
    "invalid UTF-8": b'{"sender": "' + SENDER.encode() + b'", "message": "\xff\xfe\xfd"}',
    "binary garbage": bytes(random.Random(7).getrandbits(8) for _ in range(4096)),
    "every byte": bytes(range(256)) * 8,
    "deep nesting": b"[" * 30_000 + b"]" * 30_000,
}


@on_server_loop
@pytest.mark.parametrize("body", BAD_REQUESTS.values(), ids=BAD_REQUESTS.keys())
async def test_bad_requests_get_a_short_400_and_never_reach_rasa(site, rasa, body):
    status, headers, answer = await post_chat(site, raw=body)
    assert status == 400
    assert_secure(headers)
    error = json_body(headers, answer)["error"]
    assert isinstance(error, str) and 0 < len(error) < 100
    assert rasa.received == []


@on_server_loop
@pytest.mark.parametrize("content_type", [None, "text/plain", "application/x-www-form-urlencoded",
                                          "multipart/form-data; boundary=x"])
async def test_only_json_is_accepted(site, rasa, content_type):
    status, headers, body = await post_chat(site, {"sender": SENDER, "message": "hi"},
                                            content_type=content_type)
    assert status == 400 and "JSON" in json_body(headers, body)["error"]
    assert rasa.received == []


@on_server_loop
async def test_a_huge_body_is_refused_before_it_is_read(site, rasa):
    body = json.dumps({"sender": SENDER, "message": "a" * 200_000}).encode()
    status, headers, answer = await post_chat(site, raw=body)
    assert status == 413
    assert_secure(headers)
    json_body(headers, answer)
    assert rasa.received == []


@on_server_loop
async def test_rasa_down_gives_503_with_the_24_7_routes(site_without_rasa):
    status, headers, body = await post_chat(site_without_rasa, {"sender": SENDER, "message": "hi"})
    assert status == 503
    assert_secure(headers)
    error = json_body(headers, body)["error"]
    assert error == chat.UNAVAILABLE and ROUTES_TEXT in error


async def _slow(data):
    import asyncio
    await asyncio.sleep(3)
    return aioweb.json_response([])


@on_server_loop
@pytest.mark.parametrize("answer", [
    lambda data: aioweb.json_response({"error": "model not loaded"}, status=500),
    lambda data: aioweb.json_response([{"text": "half an answer"}], status=500),
    lambda data: aioweb.Response(text="<html>Bad gateway</html>", content_type="text/html"),
    lambda data: aioweb.json_response({"not": "a list"}),
    lambda data: aioweb.json_response(["text"]),
    _slow,
], ids=["500", "500 with messages", "html", "object", "list of strings", "too slow"])
async def test_rasa_failing_gives_503_with_the_24_7_routes(site, rasa, answer):
    rasa.answer = answer
    status, headers, body = await post_chat(site, {"sender": SENDER, "message": "hi"})
    assert status == 503
    assert json_body(headers, body)["error"] == chat.UNAVAILABLE


@on_server_loop
async def test_what_people_write_is_never_logged(site, site_without_rasa, rasa):
    secret = "my-secret-words-4815162342"
    records: List[logging.LogRecord] = []

    class Keep(logging.Handler):
        def emit(self, record):
            records.append(record)

    handler = Keep(level=logging.DEBUG)
    loggers = [logging.getLogger(name) for name in
               ("", "web", "web.chat", "sanic.root", "sanic.error", "sanic.access", "aiohttp")]
    levels = [logger.level for logger in loggers]
    for logger in loggers:
        logger.addHandler(handler)
        logger.setLevel(logging.DEBUG)
    try:
        rasa.answer = lambda data: aioweb.json_response({"error": data["message"]}, status=500)
        for url in (site, site_without_rasa):
            await post_chat(url, {"sender": SENDER, "message": secret})
        await post_chat(site, raw=b'{"sender": "x", "message": "' + secret.encode() + b'"}')
    finally:
        for logger, level in zip(loggers, levels):
            logger.removeHandler(handler)
            logger.setLevel(level)
    assert records, "the failures above should have been logged"
    logged = "\n".join(f"{r.getMessage()} {r.exc_text or ''}" for r in records)
    assert secret not in logged and SENDER not in logged


# -- configuration ---------------------------------------------------------------------------

def test_rasa_url_comes_from_the_argument_then_the_environment(test_mode, monkeypatch):
    monkeypatch.delenv("RASA_URL", raising=False)
    assert create_app().config.RASA_URL == "http://localhost:5005"
    monkeypatch.setenv("RASA_URL", "http://rasa.internal:5005/")
    assert create_app().config.RASA_URL == "http://rasa.internal:5005"
    assert create_app("http://other:1234").config.RASA_URL == "http://other:1234"


def test_python_m_web_runs_one_worker_on_localhost(monkeypatch):
    calls = []
    monkeypatch.setattr(main_module, "create_app", lambda: type(
        "App", (), {"run": lambda self, **kwargs: calls.append(kwargs)})())
    monkeypatch.delenv("WEB_PORT", raising=False)
    main_module.main()
    monkeypatch.setenv("WEB_PORT", "8123")
    main_module.main()
    assert [(c["host"], c["port"], c["workers"]) for c in calls] == [
        ("127.0.0.1", 8000, 1), ("127.0.0.1", 8123, 1)]
    for bad in ("", "http", "0", "70000", "-1"):
        monkeypatch.setenv("WEB_PORT", bad)
        with pytest.raises(SystemExit):
            main_module.main()


def test_replies_in_other_languages_are_marked_with_their_language_and_direction():
    from signposting.languages import load
    from web.chat import replies

    content = load()
    arabic = content.get("ar").reply("urgent", content.numbers).split("\n\n")
    english = content.english_after("urgent")
    kept = replies([{"text": arabic[0]}, {"text": arabic[1]}, {"text": english}])
    assert [(m.get("lang"), m.get("dir")) for m in kept] == [("ar", "rtl"), ("ar", "rtl"),
                                                            (None, None)]
    polish = content.get("pl").reply("help", content.numbers).split("\n\n")[0]
    assert replies([{"text": polish}])[0]["lang"] == "pl"
    assert replies([{"text": polish}])[0]["dir"] == "ltr"
