"""The dashboard for commissioners at /insights, behind a sign-in (insights/auth.py).

It shows the published tables of final periods only (insights/publish.py), the same figures
``python -m insights report`` gives, each chart drawn from those figures on this server
(insights/charts.py) with the table beside it for screen readers. The chat and the directory
stay open; only this path asks for a sign-in, and only this path ever sets a cookie
(``insights_session``, Path=/insights).

    GET  /insights?period=2026-Q4&area=kent   the dashboard (period and area optional)
    GET  /insights/chart/<name>.svg?period=&area=   one chart
    GET  /insights/login, POST /insights/login, POST /insights/logout

``INSIGHTS_DB_URL`` selects the insights store; accounts and the session secret are in
insights/auth.py. A sign-in is refused with 401, too many wrong ones with 429 for 15 minutes,
and a dashboard with no accounts configured answers 503: there is no default account.
"""
from __future__ import annotations

import asyncio
import logging
import os
from functools import lru_cache
from pathlib import Path
from typing import Any, Dict, List, Optional, Tuple
from urllib.parse import parse_qs, urlencode

import sqlalchemy as sa
from jinja2 import Environment, FileSystemLoader, select_autoescape
from sanic import Blueprint, Sanic, response
from sanic.request import Request
from sanic.response import HTTPResponse

from insights import auth, charts, codes, publish
from insights.periods import Period
from insights.store import InsightsStore, make_engine

logger = logging.getLogger(__name__)

blueprint = Blueprint("insights")

TEMPLATES = Path(__file__).resolve().parent / "templates"
INSIGHTS_TEMPLATES = Path(__file__).resolve().parents[1] / "insights" / "templates"
COOKIE_INSECURE_ENV = "INSIGHTS_COOKIE_INSECURE"
#: How many months and quarters the charts over time go back.
MONTHS_BACK, QUARTERS_BACK = 12, 4

#: This folder's templates, and the published tables' macro shared with the report command.
_environment = Environment(
    loader=FileSystemLoader([str(TEMPLATES), str(INSIGHTS_TEMPLATES)]),
    autoescape=select_autoescape(["html"], default=True), trim_blocks=True, lstrip_blocks=True)


@lru_cache(maxsize=1)
def store() -> InsightsStore:
    made = InsightsStore(make_engine())
    try:
        made.create()   # normally the job made the tables; the web servers may only read
    except sa.exc.SQLAlchemyError as error:
        logger.warning("insights store: tables not created here (%s)", type(error).__name__)
    return made


def accounts(app: Sanic) -> auth.Accounts:
    if not hasattr(app.ctx, "insights_accounts"):
        app.ctx.insights_accounts = auth.Accounts.from_environment()
    return app.ctx.insights_accounts


def signed_in(request: Request) -> Optional[str]:
    return accounts(request.app).who(request.cookies.get(auth.COOKIE))


def _render(template: str, status: int = 200, **values: Any) -> HTTPResponse:
    return response.html(_environment.get_template(template).render(**values), status=status)


def _same_origin(request: Request) -> bool:
    """A form post from this site. Browsers say where a request comes from in Sec-Fetch-Site;
    older ones only in Origin (which is "null" here, since the pages send no referrer)."""
    site = request.headers.get("sec-fetch-site")
    if site:
        return site in ("same-origin", "none")
    origin = request.headers.get("origin")
    return origin in (None, "null") or origin.split("://", 1)[-1] == request.host


# -- signing in ---------------------------------------------------------------------------------

@blueprint.get("/insights/login")
async def login_page(request: Request) -> HTTPResponse:
    if not accounts(request.app).configured:
        return _render("insights_login.html", 503, configured=False)
    return _render("insights_login.html", configured=True)


@blueprint.post("/insights/login")
async def login(request: Request) -> HTTPResponse:
    known = accounts(request.app)
    if not known.configured:
        return _render("insights_login.html", 503, configured=False)
    if not _same_origin(request):
        return _render("insights_login.html", 403, configured=True,
                       error="This form can only be sent from this site.")
    form = parse_qs(request.body.decode("utf-8", "replace"), max_num_fields=4)
    name = (form.get("name") or [""])[0].strip()[:64]
    password = (form.get("password") or [""])[0][:1024]
    if known.locked_out(name):
        return _render("insights_login.html", 429, configured=True, name=name,
                       error="Too many attempts. Try again in 15 minutes.")
    ok = await asyncio.to_thread(known.check, name, password)
    if not ok:
        logger.info("insights sign-in refused")
        return _render("insights_login.html", 401, configured=True, name=name,
                       error="The name or password is not right.")
    logger.info("insights sign-in")
    answer = response.redirect("/insights", status=303)
    _set_cookie(answer, known.token(name))
    return answer


@blueprint.post("/insights/logout")
async def logout(request: Request) -> HTTPResponse:
    answer = response.redirect("/insights/login", status=303)
    _set_cookie(answer, "", max_age=0)
    return answer


def _set_cookie(answer: HTTPResponse, value: str, max_age: int = auth.SESSION_SECONDS) -> None:
    answer.cookies[auth.COOKIE] = value
    cookie = answer.cookies[auth.COOKIE]
    cookie["path"] = "/insights"
    cookie["httponly"] = True
    cookie["samesite"] = "Strict"
    cookie["max-age"] = max_age
    if os.environ.get(COOKIE_INSECURE_ENV) != "1":
        cookie["secure"] = True


# -- the dashboard ------------------------------------------------------------------------------

def _choices(found: List[Period]) -> Tuple[List[Period], List[Period]]:
    quarters = [p for p in found if p.quarterly]
    months = [p for p in found if not p.quarterly]
    return quarters, months


def _chosen(request: Request, found: List[Period]) -> Tuple[Optional[Period], Optional[str]]:
    args = request.args
    wanted, area = args.get("period"), args.get("area") or None
    if area not in (None, *codes.LOCAL_AREAS):
        area = None
    names = {p.name: p for p in found}
    if wanted in names:
        return names[wanted], area
    quarters, months = _choices(found)
    latest = quarters or months
    return (latest[-1] if latest else None), area


def _table(view: Dict[str, Any], name: str) -> Optional[Dict[str, Any]]:
    return next((t for t in view["tables"] if t["name"] == name), None)


def _row(table: Dict[str, Any], label: str) -> Optional[Dict[str, Any]]:
    return next((r for r in table["rows"] if r["label"] == label), None)


def over_time(found: List[Period], table: str, row_labels: List[str], column: str,
              area: Optional[str], quarterly: bool) -> Dict[str, Any]:
    """A table of one figure over the final periods: rows = row_labels, columns = periods."""
    chosen = [p for p in found if p.quarterly == quarterly]
    chosen = chosen[-(QUARTERS_BACK if quarterly else MONTHS_BACK):]
    columns: List[str] = []
    values: Dict[str, List[str]] = {label: [] for label in row_labels}
    for period in chosen:
        made = publish.views(store(), period)
        if not made:
            continue
        view = made["scopes"][area or "all"]
        published = _table(view, table)
        if not published:
            continue
        columns.append(period.name)
        index = published["columns"].index(column) if column in published["columns"] else None
        for label in row_labels:
            row = _row(published, label)
            if index is None and row is not None and row.get("percent") is not None \
                    and column == "%":
                values[label].append(row["percent"])
            elif row is None or index is None:
                values[label].append("-")
            else:
                values[label].append(row["values"][index])
    return {"columns": columns, "rows": [{"label": label, "values": values[label]}
                                         for label in row_labels]}


def dashboard_data(period: Period, area: Optional[str], found: List[Period]) -> Dict[str, Any]:
    made = publish.views(store(), period) or {}
    view = made.get("scopes", {}).get(area or "all")
    if not view:
        return {}
    needs_table = _table(view, "needs_by_area") or _table(view, f"{area}_needs")
    need_labels = [r["label"] for r in (needs_table or {"rows": []})["rows"]
                   if r["label"] != "All conversations"]
    total_column = "All" if area is None else codes.AREA_LABELS[area]
    data: Dict[str, Any] = {"view": view}
    data["needs_over_time"] = over_time(found, "needs_by_area" if area is None
                                        else f"{area}_needs", need_labels, total_column,
                                        area, quarterly=False)
    if area is None:
        urgent: List[Dict[str, Any]] = []
        for footprint in ("Kent and Medway", "Essex, Southend and Thurrock"):
            urgent.append({"label": footprint, "values": []})
        columns = []
        for quarter in [p for p in found if p.quarterly][-QUARTERS_BACK:]:
            quarter_views = publish.views(store(), quarter)
            table = _table(quarter_views["scopes"]["all"], "urgent") if quarter_views else None
            if not table or not table["percent_row"]:
                continue
            columns.append(quarter.name)
            for entry in urgent:
                index = table["columns"].index(entry["label"])
                entry["values"].append(table["percent_row"]["values"][index])
        data["urgent_over_time"] = {"columns": columns, "rows": urgent}
    return data


@blueprint.get("/insights")
async def dashboard(request: Request) -> HTTPResponse:
    known = accounts(request.app)
    if not known.configured:
        return _render("insights_login.html", 503, configured=False)
    who = signed_in(request)
    if not who:
        return response.redirect("/insights/login", status=303)
    found = await asyncio.to_thread(publish.final_periods, store())
    period, area = _chosen(request, found)
    data = await asyncio.to_thread(dashboard_data, period, area, found) if period else {}
    quarters, months = _choices(found)
    query = {"period": period.name} if period else {}
    if area:
        query["area"] = area
    return _render("insights.html", who=who, period=period, area=area, data=data,
                   quarters=list(reversed(quarters)), months=list(reversed(months)),
                   areas=[(a, codes.AREA_LABELS[a]) for a in codes.LOCAL_AREAS],
                   query=urlencode(query), rules=(data.get("view") or {}).get("rules"))


# -- charts -------------------------------------------------------------------------------------

def chart_svg(name: str, period: Period, area: Optional[str], found: List[Period]) -> Optional[bytes]:
    data = dashboard_data(period, area, found)
    view = data.get("view")
    if not view:
        return None
    if name == "needs_over_time":
        series = data["needs_over_time"]
        top = sorted(series["rows"], key=lambda r: -_latest(r["values"]))[:6]
        return charts.lines(series["columns"], {r["label"]: r["values"] for r in top},
                            "Conversations by need, per month (six most common)")
    if name == "urgent_over_time" and "urgent_over_time" in data:
        series = data["urgent_over_time"]
        return charts.bars(series["columns"], {r["label"]: r["values"] for r in series["rows"]},
                           "Conversations with an urgent reply, % by quarter", unit="%",
                           horizontal=False)
    table_name = {"needs_by_area": "needs_by_area", "needs_by_age": "needs_by_age",
                  "who_is_asking": "who_is_asking", "week": "week",
                  "out_of_hours": "out_of_hours", "helpfulness": "helpfulness",
                  "service_gaps": "service_gaps"}.get(name)
    if area is not None:
        table_name = {"needs": f"{area}_needs", "who_is_asking": f"{area}_who_is_asking",
                      "service_gaps": f"{area}_gaps"}.get(name)
    table = _table(view, table_name) if table_name else None
    if table is None:
        return None
    rows = [r for r in table["rows"] if not r["total"]]
    columns = table["columns"]
    if name in ("needs_by_area", "needs_by_age", "week"):
        keep = columns[:-1]  # without the total column
        return charts.heat([r["label"] for r in rows], keep,
                           [r["values"][:len(keep)] for r in rows], table["title"])
    if name == "who_is_asking":
        return charts.bars(columns[:-1], {r["label"]: r["values"][:-1] for r in rows},
                           table["title"], horizontal=False)
    if name == "out_of_hours":
        return charts.bars([r["label"] for r in rows], {"Out of hours, %": [
            r.get("percent", "-") for r in rows]}, "Conversations out of hours, %", unit="%")
    if name == "helpfulness":
        answered = [r for r in rows if r["label"] in ("Yes", "A bit", "No")]
        return charts.bars([r["label"] for r in answered],
                           {"Conversations": [r["values"][0] for r in answered]},
                           table["title"])
    if name == "needs":
        return charts.bars([r["label"] for r in rows], {columns[0]: [r["values"][0] for r in rows]},
                           table["title"])
    if name == "service_gaps":
        all_ages = [r for r in table["rows"] if r["label"].endswith(": all ages")]
        labels = [r["label"].rsplit(":", 1)[0] for r in all_ages]
        picks = [c for c in columns if c in ("Kent and Medway", "Essex, Southend and Thurrock")] \
            or columns[:1]
        return charts.bars(labels, {c: [r["values"][columns.index(c)] for r in all_ages]
                                    for c in picks}, "Service gaps by need (all ages)")
    return None


def _latest(values: List[str]) -> float:
    for value in reversed(values):
        if value not in ("*", "-"):
            return float(value)
    return -1.0


@blueprint.get("/insights/chart/<file:[a-z_]+\\.svg>")
async def chart(request: Request, file: str) -> HTTPResponse:
    name = file[:-len(".svg")]
    if not signed_in(request):
        return response.text("Sign in first.", status=401)
    found = await asyncio.to_thread(publish.final_periods, store())
    period, area = _chosen(request, found)
    if period is None:
        return response.text("No published period yet.", status=404)
    svg = await asyncio.to_thread(chart_svg, name, period, area, found)
    if svg is None:
        return response.text("No such chart.", status=404)
    return response.raw(svg, content_type="image/svg+xml", headers={
        # An image: no script runs in it; matplotlib styles its shapes with style attributes.
        "Content-Security-Policy": "default-src 'none'; style-src 'unsafe-inline'"})
