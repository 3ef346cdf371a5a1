"""Bar charts of the statistics tables: SVG for HTML, PNG at 200 dpi for DOCX and PDF.

Figures are built with matplotlib's object API on the Agg canvas (no pyplot, no global
state), so charts can be drawn from concurrent requests. Labels are Chinese, Portuguese or
English; Noto Sans CJK TC (Debian's fonts-noto-cjk) draws all three.
"""

from __future__ import annotations

import io
import unicodedata

import matplotlib
from matplotlib.figure import Figure

from liaison.reports.statistics import Table

PNG_DPI = 200
STYLE = {
    "font.family": ["Noto Sans CJK TC", "sans-serif"],
    "font.size": 9,
    "svg.fonttype": "none",  # text stays text: searchable, and drawn by the page's own fonts
    "svg.hashsalt": "liaison",  # stable ids, so the same data gives the same file
    "axes.spines.top": False,
    "axes.spines.right": False,
}
COLOURS = ("#1f5f8b", "#9bbad3")
FONT_SIZE_IN = 9 / 72
WIDTH_IN = 6.4


def chartable(tables: list[Table]) -> list[Table]:
    """The tables worth a chart: those with columns to draw and at least two rows of data."""
    return [table for table in tables if table.chart_columns and len(table.body_rows) > 1]


def figure(table: Table) -> Figure:
    """Horizontal grouped bars: one group per row, one bar per charted column."""
    rows = list(reversed(table.body_rows))
    labels = [str(row[0]) for row in rows]
    height_in = 0.9 + 0.32 * len(rows) * len(table.chart_columns)
    fig = Figure(figsize=(WIDTH_IN, height_in))
    # Margins from the labels' size: tight_layout() or bbox_inches="tight" would measure
    # them by drawing the chart once more, which doubled the time a chart takes.
    fig.subplots_adjust(
        left=min(0.5, (label_width_in(labels) + 0.2) / WIDTH_IN),
        right=0.97,
        bottom=0.45 / height_in,
        top=1 - 0.4 / height_in,
    )
    axes = fig.add_subplot()
    height = 0.8 / len(table.chart_columns)
    for index, column in enumerate(table.chart_columns):
        offsets = [
            position + (len(table.chart_columns) - 1 - 2 * index) * height / 2
            for position in range(len(rows))
        ]
        values = [float(row[column]) for row in rows]
        bars = axes.barh(
            offsets, values, height, label=table.columns[column], color=COLOURS[index % 2]
        )
        axes.bar_label(bars, fmt="%g", padding=2, fontsize=8)
    axes.set_yticks(range(len(rows)), labels)
    axes.set_title(table.title, loc="left", fontsize=10)
    axes.margins(x=0.12)
    if len(table.chart_columns) > 1:
        axes.legend(
            frameon=False, loc="lower right", bbox_to_anchor=(1, 1), ncols=len(table.chart_columns)
        )
    return fig


def label_width_in(labels: list[str]) -> float:
    """The widest label's width: a Chinese character is one em, a Latin one about half."""
    ems = [
        sum(1.0 if unicodedata.east_asian_width(char) in "WF" else 0.58 for char in label)
        for label in labels
    ]
    return max(ems, default=0) * FONT_SIZE_IN


def svg(table: Table) -> str:
    """The chart as an inline `<svg>` element (without XML declaration or doctype)."""
    with matplotlib.rc_context(STYLE):
        buffer = io.StringIO()
        figure(table).savefig(buffer, format="svg", metadata={"Date": None})
    text = buffer.getvalue()
    return text[text.index("<svg") :]


def png(table: Table) -> bytes:
    with matplotlib.rc_context(STYLE):
        buffer = io.BytesIO()
        figure(table).savefig(buffer, format="png", dpi=PNG_DPI)
    return buffer.getvalue()
