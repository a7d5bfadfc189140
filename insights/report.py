"""The published tables as CSV, JSON or HTML, and the one structure all three are made from.

:func:`view` turns a protected :class:`~insights.tables.Report` into plain rows of strings
(``*`` for a suppressed count, a multiple of 5 otherwise); the formats and the dashboard only
lay those out, so every output shows the same figures.
"""
from __future__ import annotations

import csv
import io
import json
from pathlib import Path
from typing import Any, Dict, List, Optional

from insights.disclosure import BASE, MIN_DENOMINATOR, SMALL
from insights.tables import ALL, Report, Table

RULES = (f"Counts of conversations from 0 to {SMALL - 1} are shown as *; other counts are "
         f"rounded to the nearest {BASE}, totals included, each from the unrounded figures. "
         f"Percentages are shown only when the unrounded denominator is at least "
         f"{MIN_DENOMINATOR}, and are worked out from the rounded counts. Some other figures are "
         "also shown as * so that no hidden figure can be worked out from the others "
         "(secondary suppression). Urgent replies are counted only quarterly, and only for Kent "
         "and Medway together or Essex, Southend and Thurrock together.")
TEMPLATES = Path(__file__).resolve().parent / "templates"


def view_table(report: Report, table: Table) -> Dict[str, Any]:
    published = report.published
    columns = [label for _, label in table.cols]
    percent_label = table.percent[2] if table.percent else None
    rows: List[Dict[str, Any]] = []
    hidden = 0
    for value, label in table.rows:
        cells = [published.shown(table.cell(value, col)) for col, _ in table.cols]
        row: Dict[str, Any] = {"label": label, "values": cells, "total": value == ALL
                               or value.endswith(f"|{ALL}")}
        if table.percent and table.percent_by == "row":
            numerator, denominator, _ = table.percent
            pct = published.percent(table.cell(value, numerator), table.cell(value, denominator))
            row["percent"] = "-" if pct is None else str(pct)
        if table.sparse and value != ALL and all(c == "*" for c in cells):
            hidden += 1
            continue
        rows.append(row)
    percent_row = None
    if table.percent and table.percent_by == "col":
        numerator, denominator, _ = table.percent
        shares = [published.percent(table.cell(numerator, col), table.cell(denominator, col))
                  for col, _ in table.cols]
        percent_row = {"label": percent_label, "values": ["-" if p is None else str(p)
                                                          for p in shares]}
    for numerator, denominator, label in table.shares:
        shares = [published.percent(table.cell(numerator, col), table.cell(denominator, col))
                  for col, _ in table.cols]
        rows.append({"label": label, "values": ["-" if p is None else str(p) for p in shares],
                     "total": False, "share": True})
    return {
        "name": table.name, "title": table.title, "note": table.note, "columns": columns,
        "row_heading": _row_heading(table), "rows": rows, "hidden_rows": hidden,
        "percent_label": percent_label if table.percent_by == "row" else None,
        "percent_row": percent_row,
    }


def _row_heading(table: Table) -> str:
    if table.row_pairs:
        return "Need and age band"
    return {"place": "Area", "need": "Need", "gap": "Need", "audience": "Who is asking",
            "age": "Age band", "step": "Furthest step", "local": "Services shown",
            "dow": "Day", "urgent": "Urgent reply", "checkin": "Check-in",
            "feedback": "Answer", "language": "Language", "hours": "When"}.get(
                table.row_dim or "", "")


def view(report: Report, area: Optional[str] = None, provisional: bool = False
         ) -> Dict[str, Any]:
    from insights import codes

    return {
        "period": report.period.name, "period_label": report.period.label,
        "area": area, "area_label": codes.AREA_LABELS.get(area or "", "All five areas"),
        "provisional": provisional, "rules": RULES,
        "tables": [view_table(report, table) for table in report.scoped(area)],
    }


def to_json(data: Dict[str, Any]) -> str:
    return json.dumps(data, indent=2, ensure_ascii=False) + "\n"


def to_csv(data: Dict[str, Any]) -> str:
    """Long format: one line per figure (table, row, column, value)."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(["period", "area", "table", "row", "column", "value"])
    area = data["area"] or "all"
    for table in data["tables"]:
        for row in table["rows"]:
            for column, value in zip(table["columns"], row["values"]):
                writer.writerow([data["period"], area, table["name"], row["label"], column,
                                 value])
            if "percent" in row:
                writer.writerow([data["period"], area, table["name"], row["label"],
                                 table["percent_label"], row["percent"]])
        if table["percent_row"]:
            for column, value in zip(table["columns"], table["percent_row"]["values"]):
                writer.writerow([data["period"], area, table["name"],
                                 table["percent_row"]["label"], column, value])
    return out.getvalue()


def to_html(data: Dict[str, Any]) -> str:
    from jinja2 import Environment, FileSystemLoader, select_autoescape

    environment = Environment(loader=FileSystemLoader(str(TEMPLATES)),
                              autoescape=select_autoescape(["html"]))
    return environment.get_template("report.html").render(report=data)


FORMATS = {"csv": to_csv, "json": to_json, "html": to_html}
