"""Bar charts of the statistics tables: SVG for HTML and PDF, PNG at 200 dpi for DOCX.

Figures are built with matplotlib's object API on the Agg canvas (no pyplot, no global
state), so charts can be drawn from concurrent requests. Labels are Chinese, Portuguese or
English; Noto Sans CJK TC (Debian's fonts-noto-cjk) draws all three.

A chart costs more than the rest of a chapter, so it is kept lean: the values are written
on the bars, so there is no x axis to draw; margins come from the labels' length instead of
a layout pass; the PNG is opaque RGB, quickly compressed.
"""

from __future__ import annotations

import io
import unicodedata

import matplotlib
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure
from PIL import Image

from liaison.reports.statistics import Table

PNG_DPI = 200
STYLE = {
    "font.family": ["Noto Sans CJK TC", "sans-serif"],
    "font.size": 9,
    "svg.fonttype": "none",  # text stays text: searchable, and drawn by the page's own fonts
    "svg.hashsalt": "liaison",  # stable ids, so the same data gives the same file
}
COLOURS = ("#1f5f8b", "#9bbad3")
FONT_SIZE_IN = 9 / 72
WIDTH_IN = 15 / 2.54  # the width the DOCX and the printed page give a chart: 15 cm
BAR_IN = 0.22


def chartable(tables: list[Table]) -> list[Table]:
    """The tables worth a chart: those with columns to draw and at least two rows of data."""
    return [table for table in tables if table.chart_columns and len(table.body_rows) > 1]


def figure(table: Table, dpi: float = 72) -> Figure:
    """Horizontal grouped bars: one group per row, one bar per charted column, the values
    written at the bars' ends and the row labels beside them."""
    rows = list(reversed(table.body_rows))
    bars_per_row = len(table.chart_columns)
    height_in = 0.7 + BAR_IN * len(rows) * bars_per_row
    fig = Figure(figsize=(WIDTH_IN, height_in), dpi=dpi)
    # Margins from the labels' size: tight_layout() or bbox_inches="tight" would measure
    # them by drawing the chart once more, which doubled the time a chart takes.
    left = min(0.5, (label_width_in([str(row[0]) for row in rows]) + 0.2) / WIDTH_IN)
    bottom, top = 0.1 / height_in, 1 - 0.45 / height_in
    axes = fig.add_axes((left, bottom, 0.97 - left, top - bottom))
    # No axes to draw: the labels and values are plain texts, far cheaper than ticks.
    axes.set_axis_off()
    axes.axvline(0, color="#333", linewidth=0.8)
    height = 0.8 / bars_per_row
    for index, column in enumerate(table.chart_columns):
        offsets = [
            position + (bars_per_row - 1 - 2 * index) * height / 2 for position in range(len(rows))
        ]
        values = [float(row[column]) for row in rows]
        bars = axes.barh(
            offsets, values, height, label=table.columns[column], color=COLOURS[index % 2]
        )
        axes.bar_label(bars, fmt="%g", padding=2, fontsize=8)
    for position, row in enumerate(rows):
        axes.text(
            -0.01,
            position,
            str(row[0]),
            transform=axes.get_yaxis_transform(),
            ha="right",
            va="center",
        )
    axes.set_ylim(-0.5, len(rows) - 0.5)
    axes.margins(x=0.12)
    # A fixed title position spares matplotlib measuring the axes to place it.
    axes.set_title(table.title, loc="left", fontsize=10, x=-left / (0.97 - left), y=1.02)
    if bars_per_row > 1:
        axes.legend(frameon=False, loc="lower right", bbox_to_anchor=(1, 1), ncols=bars_per_row)
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
    """The chart as an opaque PNG: RGB needs no alpha mask in the DOCX, and the fastest zlib
    level compresses flat colours nearly as well as the default, in a fraction of the time."""
    with matplotlib.rc_context(STYLE):
        canvas = FigureCanvasAgg(figure(table, PNG_DPI))
        canvas.draw()
    image = Image.frombuffer("RGBA", canvas.get_width_height(), canvas.buffer_rgba())
    buffer = io.BytesIO()
    image.convert("RGB").save(buffer, format="PNG", compress_level=1, dpi=(PNG_DPI, PNG_DPI))
    return buffer.getvalue()
