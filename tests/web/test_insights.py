"""The insights dashboard behind its sign-in: /insights, its charts, /insights/login and
/insights/logout, through the whole web app (so that the chat and the directory are checked
to stay open and cookie-free), over a store of made-up coded records. Requests go through
Sanic's ASGI interface, as in test_directory.py; no server is started."""
from __future__ import annotations

import time
from datetime import date
from typing import Dict, List, Optional, Tuple
from urllib.parse import urlencode

import pytest

import web.insights as dashboard
from insights import auth, publish
from tests.insights.synthetic import stored
from tests.support.sanic_apps import sanic_test_mode

PASSWORD = "correct horse battery staple"


class Reply:
    def __init__(self, status: int, headers: List[Tuple[str, str]], body: bytes):
        self.status, self.header_list, self.body = status, headers, body
        self.headers = {k: v for k, v in headers}
        self.text = body.decode("utf-8", "replace")

    def cookies(self) -> List[str]:
        return [v for k, v in self.header_list if k == "set-cookie"]


async def call(app, method: str, path: str, query: str = "", body: bytes = b"",
               headers: Optional[Dict[str, str]] = None) -> Reply:
    sent = {"host": "localhost", **(headers or {})}
    scope = {"type": "http", "asgi": {"version": "3.0"}, "http_version": "1.1",
             "method": method, "scheme": "http", "path": path, "raw_path": path.encode(),
             "query_string": query.encode(), "root_path": "",
             "headers": [(k.encode(), v.encode()) for k, v in sent.items()],
             "client": ("127.0.0.1", 50000), "server": ("localhost", 80)}
    out: List[dict] = []

    async def receive():
        return {"type": "http.request", "body": body, "more_body": False}

    async def send(message):
        out.append(message)

    await app(scope, receive, send)
    start = next(m for m in out if m["type"] == "http.response.start")
    got = [(k.decode().lower(), v.decode()) for k, v in start["headers"]]
    return Reply(start["status"], got, b"".join(m.get("body", b"") for m in out
                                                 if m["type"] == "http.response.body"))


async def sign_in(app, name: str, password: str, origin: Optional[str] = "http://localhost"
                  ) -> Reply:
    headers = {"content-type": "application/x-www-form-urlencoded"}
    if origin:
        headers["origin"] = origin
    return await call(app, "POST", "/insights/login",
                      body=urlencode({"name": name, "password": password}).encode(),
                      headers=headers)


def cookie_of(reply: Reply) -> str:
    (header,) = [c for c in reply.cookies() if c.startswith(auth.COOKIE + "=")]
    return header.split(";")[0]


async def start(app):
    messages = iter([{"type": "lifespan.startup"}, {"type": "lifespan.shutdown"}])

    async def receive():
        return next(messages)

    async def send(message):
        pass

    try:
        await app({"type": "lifespan", "asgi": {"version": "3.0"}}, receive, send)
    except AttributeError:
        pass


@pytest.fixture(scope="module")
def insights_db(tmp_path_factory):
    """A store of made-up records for July to September 2026, published once for the module
    (as the job publishes final periods)."""
    url = f"sqlite:///{tmp_path_factory.mktemp('insights') / 'insights.sqlite'}"
    store = stored(url, 500, date(2026, 7, 1), 92, seed=9)
    publish.publish_new(store)
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("INSIGHTS_DB_URL", url)
        patch.delenv("INSIGHTS_USERS_FILE", raising=False)
        patch.delenv("INSIGHTS_USERS", raising=False)
        patch.setenv("INSIGHTS_SESSION_SECRET", "x" * 40)
        dashboard.store.cache_clear()
        yield patch
    dashboard.store.cache_clear()


def make_app():
    from web.app import create_app

    return create_app("http://127.0.0.1:9")


@pytest.fixture
async def unconfigured_app(insights_db):
    with sanic_test_mode():
        app = make_app()
        await start(app)
        yield app


@pytest.fixture
async def app(insights_db, tmp_path):
    users = tmp_path / "users.txt"
    auth.add_user(users, "commissioner", PASSWORD)
    insights_db.setenv("INSIGHTS_USERS_FILE", str(users))
    with sanic_test_mode():
        app = make_app()
        await start(app)
        yield app
    insights_db.delenv("INSIGHTS_USERS_FILE")


async def test_without_accounts_nobody_can_sign_in_there_is_no_default(unconfigured_app):
    app = unconfigured_app
    assert (await call(app, "GET", "/insights")).status == 503
    assert "no default account" in (await call(app, "GET", "/insights/login")).text
    for name, password in [("admin", "admin"), ("admin", "password"), ("", ""),
                           ("insights", "insights")]:
        reply = await sign_in(app, name, password)
        assert reply.status == 503 and not reply.cookies()


async def test_the_dashboard_asks_for_a_sign_in(app):
    reply = await call(app, "GET", "/insights")
    assert reply.status == 303 and reply.headers["location"] == "/insights/login"
    assert (await call(app, "GET", "/insights/chart/week.svg")).status == 401


async def test_wrong_passwords_and_unknown_names_are_refused(app):
    for name, password in [("commissioner", "wrong password here"), ("commissioner", ""),
                           ("nobody", PASSWORD), ("Commissioner", PASSWORD),
                           ("commissioner", PASSWORD + " ")]:
        reply = await sign_in(app, name, password)
        assert reply.status == 401 and not reply.cookies()
        assert "The name or password is not right." in reply.text


async def test_too_many_wrong_passwords_lock_the_account_for_a_while(app):
    for _ in range(auth.MAX_FAILURES):
        assert (await sign_in(app, "commissioner", "not the password!")).status == 401
    reply = await sign_in(app, "commissioner", PASSWORD)
    assert reply.status == 429 and not reply.cookies()


async def test_a_form_from_another_site_is_refused(app):
    reply = await sign_in(app, "commissioner", PASSWORD, origin="https://evil.example")
    assert reply.status == 403 and not reply.cookies()
    reply = await call(app, "POST", "/insights/login",
                       body=urlencode({"name": "commissioner", "password": PASSWORD}).encode(),
                       headers={"content-type": "application/x-www-form-urlencoded",
                                "origin": "null", "sec-fetch-site": "cross-site"})
    assert reply.status == 403 and not reply.cookies()


async def test_signed_in_the_dashboard_shows_every_table_and_chart(app):
    reply = await sign_in(app, "commissioner", PASSWORD)
    assert reply.status == 303 and reply.headers["location"] == "/insights"
    header = next(c for c in reply.cookies() if c.startswith(auth.COOKIE))
    for attribute in ("Path=/insights", "HttpOnly", "SameSite=Strict", "Secure"):
        assert attribute.lower() in header.lower()
    cookie = {"cookie": cookie_of(reply)}
    page = await call(app, "GET", "/insights", headers=cookie)
    assert page.status == 200
    for heading in ("Needs over time", "Needs by area and age band", "Who is asking",
                    "Out of hours and the week", "Urgent replies by quarter", "Service gaps",
                    "Was this helpful?", "Signed in as commissioner"):
        assert heading in page.text
    assert "2026-Q3" in page.text and "<table" in page.text
    charts = sorted(set(part.split(".svg")[0] for part in page.text.split("/insights/chart/")[1:]))
    assert len(charts) >= 8
    for name in charts:
        svg = await call(app, "GET", f"/insights/chart/{name}.svg", query="period=2026-Q3",
                         headers=cookie)
        assert svg.status == 200, name
        assert svg.headers["content-type"] == "image/svg+xml" and b"<svg" in svg.body
        assert svg.headers["content-security-policy"].startswith("default-src 'none'")
    kent = await call(app, "GET", "/insights", query="period=2026-Q3&area=kent", headers=cookie)
    assert kent.status == 200 and "Kent: needs by district" in kent.text


async def test_a_tampered_or_expired_sign_in_is_refused(app):
    cookie = cookie_of(await sign_in(app, "commissioner", PASSWORD))
    name, _, value = cookie.partition("=")
    body, _, signature = value.partition(".")
    forged = f"{name}={body[:-2]}AA.{signature}"
    assert (await call(app, "GET", "/insights", headers={"cookie": forged})).status == 303
    accounts = app.ctx.insights_accounts
    old = accounts.token("commissioner", now=time.time() - auth.SESSION_SECONDS - 10)
    reply = await call(app, "GET", "/insights", headers={"cookie": f"{auth.COOKIE}={old}"})
    assert reply.status == 303


async def test_signing_out_clears_the_cookie(app):
    cookie = cookie_of(await sign_in(app, "commissioner", PASSWORD))
    reply = await call(app, "POST", "/insights/logout", headers={"cookie": cookie})
    assert reply.status == 303
    assert any("max-age=0" in c.lower() for c in reply.cookies())


async def test_the_chat_and_the_directory_stay_open_and_set_no_cookie(app):
    for path, query in (("/", ""), ("/directory", ""), ("/api/services", "need=anxiety")):
        reply = await call(app, "GET", path, query=query)
        assert reply.status == 200, path
        assert not reply.cookies()


def test_passwords_are_stored_only_as_argon2id_hashes(tmp_path):
    users = tmp_path / "users.txt"
    auth.add_user(users, "someone", PASSWORD)
    text = users.read_text()
    assert PASSWORD not in text and "$argon2id$" in text
    assert oct(users.stat().st_mode)[-3:] == "600"
    with pytest.raises(ValueError):
        auth.hash_password("short")
