"""Bar charts of the statistics tables: SVG for HTML and PDF, PNG at 200 dpi for DOCX.

Both are drawn from one layout computed here, in points, with the text measured in the font
that draws it (Noto Sans CJK TC, Debian's fonts-noto-cjk, which has Chinese, Portuguese and
English): the SVG is a few dozen plain elements, the PNG is painted by Pillow. A plotting
library took twenty times as long per chart, more than all the rest of a chapter.
"""

from __future__ import annotations

import io
import subprocess
from dataclasses import dataclass, field
from functools import cache
from html import escape

from PIL import Image, ImageDraw, ImageFont

from liaison.reports.statistics import Table

FONT_FAMILY = "Noto Sans CJK TC"
PNG_DPI = 200
WIDTH_PT = 15 / 2.54 * 72  # the width the DOCX and the printed page give a chart: 15 cm
COLOURS = ("#1f5f8b", "#9bbad3")
INK, AXIS = "#222222", "#333333"
TITLE_SIZE, LABEL_SIZE, VALUE_SIZE = 10, 9, 8
BAR_PT, GROUP_GAP_PT = 13, 7
TOP_PT = 26  # the title's line, with the legend on its right


@dataclass
class Text:
    x: float
    y: float  # the baseline
    text: str
    size: float
    end: bool = False  # anchored at its end (right-aligned) rather than its start


@dataclass
class Layout:
    """A chart as rectangles `(x, y, width, height, colour)` and texts, in points."""

    title: str
    width: float
    height: float = 0
    rects: list[tuple[float, float, float, float, str]] = field(default_factory=list)
    texts: list[Text] = field(default_factory=list)


def chartable(tables: list[Table]) -> list[Table]:
    """The tables worth a chart: those with columns to draw and at least two rows of data."""
    return [table for table in tables if table.chart_columns and len(table.body_rows) > 1]


def layout(table: Table) -> Layout:
    """Horizontal grouped bars: one group per row, one bar per charted column, the row labels
    on the left, each value at its bar's end, the title and a legend above."""
    chart = Layout(table.title, WIDTH_PT)
    chart.texts.append(Text(0, TITLE_SIZE + 2, table.title, TITLE_SIZE))
    columns = table.chart_columns
    names = [str(table.columns[column]) for column in columns]
    legend = sum(measure(name, LABEL_SIZE) + 23 for name in names) if len(columns) > 1 else 0
    # The legend goes on the title's line, or under it when the two would meet.
    drop = 0 if measure(table.title, TITLE_SIZE) + legend + 12 < WIDTH_PT else TITLE_SIZE + 5
    legend_x = WIDTH_PT
    for index, name in reversed(list(enumerate(names)) if legend else []):
        legend_x -= measure(name, LABEL_SIZE)
        chart.texts.append(Text(legend_x, TITLE_SIZE + 2 + drop, name, LABEL_SIZE))
        legend_x -= 11
        chart.rects.append((legend_x, 4 + drop, 8, 8, COLOURS[index % 2]))
        legend_x -= 12
    plot_top = TOP_PT + drop

    rows = table.body_rows
    values = [[float(row[column]) for column in columns] for row in rows]
    labels = [str(row[0]) for row in rows]
    left = min(WIDTH_PT * 0.45, max(measure(label, LABEL_SIZE) for label in labels) + 8)
    widest_value = max(measure(f"{value:g}", VALUE_SIZE) for row in values for value in row)
    scale = (WIDTH_PT - left - widest_value - 6) / (max(map(max, values)) or 1)
    group = BAR_PT * len(columns) + GROUP_GAP_PT
    for position, (label, row) in enumerate(zip(labels, values, strict=True)):
        top = plot_top + position * group
        middle = top + BAR_PT * len(columns) / 2
        chart.texts.append(Text(left - 5, middle + LABEL_SIZE * 0.35, label, LABEL_SIZE, True))
        for index, value in enumerate(row):
            y = top + index * BAR_PT
            chart.rects.append((left, y, value * scale, BAR_PT - 1, COLOURS[index % 2]))
            baseline = y + BAR_PT / 2 + VALUE_SIZE * 0.3
            chart.texts.append(Text(left + value * scale + 3, baseline, f"{value:g}", VALUE_SIZE))
    chart.height = plot_top + len(rows) * group
    chart.rects.append((left - 0.4, plot_top - 3, 0.8, chart.height - plot_top, AXIS))
    return chart


def svg(table: Table) -> str:
    """The chart as an inline `<svg>` element: text stays text, searchable and drawn by
    the page's own fonts."""
    chart = layout(table)
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{chart.width:.1f}pt"'
        f' height="{chart.height:.1f}pt" viewBox="0 0 {chart.width:.1f} {chart.height:.1f}"'
        f' font-family="\'{FONT_FAMILY}\', sans-serif" fill="{INK}">',
        f"<title>{escape(chart.title)}</title>",
    ]
    for x, y, width, height, colour in chart.rects:
        parts.append(
            f'<rect x="{x:.1f}" y="{y:.1f}" width="{width:.1f}" height="{height:.1f}"'
            f' fill="{colour}"/>'
        )
    for text in chart.texts:
        anchor = ' text-anchor="end"' if text.end else ""
        parts.append(
            f'<text x="{text.x:.1f}" y="{text.y:.1f}" font-size="{text.size}"{anchor}>'
            f"{escape(text.text)}</text>"
        )
    parts.append("</svg>")
    return "\n".join(parts)


def png(table: Table) -> bytes:
    """The chart as an opaque PNG at PNG_DPI, quickly compressed: flat colours need no more."""
    chart = layout(table)
    scale = PNG_DPI / 72
    image = Image.new("RGB", (round(chart.width * scale), round(chart.height * scale)), "white")
    draw = ImageDraw.Draw(image)
    for x, y, width, height, colour in chart.rects:
        if width > 0:
            box = (x * scale, y * scale, (x + width) * scale - 1, (y + height) * scale - 1)
            draw.rectangle(box, fill=colour)
    for text in chart.texts:
        draw.text(
            (text.x * scale, text.y * scale),
            text.text,
            fill=INK,
            font=font(text.size * scale),
            anchor="rs" if text.end else "ls",
        )
    buffer = io.BytesIO()
    image.save(buffer, format="PNG", compress_level=1, dpi=(PNG_DPI, PNG_DPI))
    return buffer.getvalue()


def measure(text: str, size: float) -> float:
    """The text's advance width in points at `size` points."""
    return font(size).getlength(text)


@cache
def font(size: float) -> ImageFont.FreeTypeFont | ImageFont.ImageFont:
    """The chart font at `size` (points, or pixels for the PNG); Pillow's own font if the
    system has no Noto Sans CJK, so a chart is still drawn (without Chinese glyphs)."""
    found = font_file()
    if found is None:
        return ImageFont.load_default(size)
    return ImageFont.truetype(found[0], size, index=found[1])


@cache
def font_file() -> tuple[str, int] | None:
    """Where fontconfig finds FONT_FAMILY: the file and the face's index in the collection."""
    try:
        found = subprocess.run(
            ["fc-match", "-f", "%{file}\n%{index}\n%{family}", FONT_FAMILY],
            capture_output=True,
            check=True,
            text=True,
            timeout=10,
        ).stdout.split("\n")
    except (OSError, subprocess.SubprocessError):
        return None
    if len(found) < 3 or FONT_FAMILY not in found[2]:
        return None
    return found[0], int(found[1] or 0)
