"""The dashboard's charts, drawn on the server as SVG with matplotlib from the published
figures only (the strings of insights/report.py's views): a ``*`` is never drawn as a number,
it is left out and marked, so a chart can show nothing a table does not.

matplotlib's object API (no pyplot, no global state), so charts can be drawn in worker
threads. Text is drawn as outlines, so it looks the same whatever fonts the browser has and
stays sharp at any zoom; the table beside each chart carries the words and figures for
screen readers and copying.
"""
from __future__ import annotations

import io
from typing import Dict, List, Optional, Sequence

#: Colours that stay apart for the common colour-vision deficiencies (Okabe and Ito).
PALETTE = ["#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00", "#F0E442",
           "#000000"]
INK = "#0b0c0c"


def _figure(width: float, height: float):
    from matplotlib.figure import Figure

    figure = Figure(figsize=(width, height), dpi=96)
    figure.patch.set_facecolor("white")
    return figure


def _svg(figure) -> bytes:
    from matplotlib.backends.backend_svg import FigureCanvasSVG

    FigureCanvasSVG(figure)
    out = io.BytesIO()
    figure.savefig(out, format="svg", bbox_inches="tight", metadata={"Date": None})
    return out.getvalue()


def _number(value: str) -> Optional[float]:
    return None if value in ("*", "-", "") else float(value)


def _style(axes) -> None:
    for side in ("top", "right"):
        axes.spines[side].set_visible(False)
    axes.tick_params(colors=INK, labelsize=10)


def nothing(title: str) -> bytes:
    """A chart with no figure to draw: every one is suppressed (or none was published)."""
    figure = _figure(7.5, 1.6)
    axes = figure.add_subplot()
    axes.set_axis_off()
    axes.set_title(title, loc="left", fontsize=12, color=INK)
    axes.text(0, 0.5, "Nothing to draw: every figure is fewer than 10 (shown as *) or hidden\n"
              "so that no small figure can be worked out. See the table.", fontsize=10,
              color=INK, va="center")
    return _svg(figure)


def _any(series: Dict[str, Sequence[str]]) -> bool:
    return any(_number(v) is not None for values in series.values() for v in values)


def bars(labels: Sequence[str], series: Dict[str, Sequence[str]], title: str,
         unit: str = "conversations", horizontal: bool = True) -> bytes:
    """Grouped bars, one group per label, one bar per series; ``*`` marked, not drawn."""
    if not labels or not _any(series):
        return nothing(title)
    count = max(len(labels), 1)
    figure = _figure(7.5, max(2.5, 0.32 * count * max(1, len(series)) ** 0.5 + 1.2)
                     if horizontal else 4)
    axes = figure.add_subplot()
    _style(axes)
    width = 0.8 / max(len(series), 1)
    for n, (name, values) in enumerate(series.items()):
        positions = [i + (n - (len(series) - 1) / 2) * width for i in range(len(labels))]
        numbers = [_number(v) for v in values]
        drawn = [x if x is not None else 0 for x in numbers]
        colour = PALETTE[n % len(PALETTE)]
        if horizontal:
            axes.barh(positions, drawn, height=width, color=colour, label=name)
        else:
            axes.bar(positions, drawn, width=width, color=colour, label=name)
        for position, number in zip(positions, numbers):
            if number is None:
                if horizontal:
                    axes.text(0, position, " *", va="center", fontsize=9, color=INK)
                else:
                    axes.text(position, 0, "*", ha="center", va="bottom", fontsize=9, color=INK)
    ticks = list(range(len(labels)))
    if horizontal:
        axes.set_yticks(ticks)
        axes.set_yticklabels(labels)
        axes.invert_yaxis()
        axes.set_xlabel(unit)
    else:
        axes.set_xticks(ticks)
        axes.set_xticklabels(labels, rotation=0)
        axes.set_ylabel(unit)
    if len(series) > 1:
        axes.legend(frameon=False, fontsize=9, loc="best")
    axes.set_title(title, loc="left", fontsize=12, color=INK)
    return _svg(figure)


def lines(points: Sequence[str], series: Dict[str, Sequence[str]], title: str,
          unit: str = "conversations") -> bytes:
    """One line per series over the periods; a ``*`` breaks the line."""
    if not points or not _any(series):
        return nothing(title)
    figure = _figure(7.5, 3.6)
    axes = figure.add_subplot()
    _style(axes)
    markers = "osD^vP*X"
    for n, (name, values) in enumerate(series.items()):
        numbers = [_number(v) for v in values]
        axes.plot(range(len(points)), [float("nan") if x is None else x for x in numbers],
                  marker=markers[n % len(markers)], color=PALETTE[n % len(PALETTE)], label=name)
    axes.set_xticks(list(range(len(points))))
    axes.set_xticklabels(points)
    axes.set_ylabel(unit)
    axes.set_ylim(bottom=0)
    axes.legend(frameon=False, fontsize=9, loc="upper left", bbox_to_anchor=(1, 1))
    axes.set_title(title, loc="left", fontsize=12, color=INK)
    return _svg(figure)


def heat(rows: Sequence[str], columns: Sequence[str], values: List[List[str]],
         title: str) -> bytes:
    """A grid shaded by value, each cell labelled with its published figure (``*`` hatched)."""
    import numpy as np

    if not rows or not columns:
        return nothing(title)

    figure = _figure(max(5.5, 0.75 * len(columns) + 2.5), max(2.5, 0.3 * len(rows) + 1.3))
    axes = figure.add_subplot()
    _style(axes)
    grid = np.array([[_number(v) if _number(v) is not None else np.nan for v in row]
                     for row in values], dtype=float)
    finite = grid[np.isfinite(grid)]
    top = float(finite.max()) if finite.size else 1.0
    axes.imshow(np.nan_to_num(grid, nan=0.0), cmap="Blues", vmin=0, vmax=top * 1.15,
                aspect="auto")
    for i, row in enumerate(values):
        for j, value in enumerate(row):
            number = _number(value)
            dark = number is not None and number > 0.6 * top
            axes.text(j, i, value, ha="center", va="center", fontsize=9,
                      color="white" if dark else INK)
    axes.set_xticks(list(range(len(columns))))
    axes.set_xticklabels(columns, rotation=30, ha="right")
    axes.set_yticks(list(range(len(rows))))
    axes.set_yticklabels(rows)
    for side in ("left", "bottom"):
        axes.spines[side].set_visible(False)
    axes.set_title(title, loc="left", fontsize=12, color=INK)
    return _svg(figure)
