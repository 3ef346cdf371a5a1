"""Bar charts of the statistics tables: SVG for HTML and PDF, PNG at 200 dpi for DOCX.

Both are drawn from one layout computed here, in points, with the text measured in the font
that draws it (Noto Sans CJK TC, Debian's fonts-noto-cjk, which has Chinese, Portuguese and
English): the SVG is a few dozen plain elements, the PNG is painted by Pillow. A plotting
library took twenty times as long per chart, more than all the rest of a chapter.
"""

from __future__ import annotations

import io
import re
import subprocess
from dataclasses import dataclass, field
from functools import cache, lru_cache
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
LINE_PT = LABEL_SIZE + 2  # a row label's lines when it is too long for one


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
    # Always a legend: it says what the bars are (a year's count, hours attended).
    legend = sum(measure(name, LABEL_SIZE) + 23 for name in names)
    # The legend goes on the title's line, or under it when the two would meet.
    drop = 0 if measure(table.title, TITLE_SIZE) + legend + 12 < WIDTH_PT else TITLE_SIZE + 5
    legend_x = WIDTH_PT
    for index, name in reversed(list(enumerate(names))):
        legend_x -= measure(name, LABEL_SIZE)
        chart.texts.append(Text(legend_x, TITLE_SIZE + 2 + drop, name, LABEL_SIZE))
        legend_x -= 11
        chart.rects.append((legend_x, 4 + drop, 8, 8, COLOURS[index % 2]))
        legend_x -= 12
    plot_top = TOP_PT + drop

    rows = table.body_rows
    values = [[float(row[column]) for column in columns] for row in rows]
    room = WIDTH_PT * 0.45 - 8
    labels = [wrap(str(row[0]), LABEL_SIZE, room) for row in rows]
    left = max(measure(line, LABEL_SIZE) for lines in labels for line in lines) + 8
    widest_value = max(measure(f"{value:g}", VALUE_SIZE) for row in values for value in row)
    scale = (WIDTH_PT - left - widest_value - 6) / (max(map(max, values)) or 1)
    top = plot_top
    for lines, row in zip(labels, values, strict=True):
        bars = BAR_PT * len(columns)
        height = max(bars, len(lines) * LINE_PT)
        middle = top + height / 2
        first = middle - (len(lines) - 1) * LINE_PT / 2 + LABEL_SIZE * 0.35
        for number, line in enumerate(lines):
            chart.texts.append(Text(left - 5, first + number * LINE_PT, line, LABEL_SIZE, True))
        bar_top = top + (height - bars) / 2
        for index, value in enumerate(row):
            y = bar_top + index * BAR_PT
            chart.rects.append((left, y, value * scale, BAR_PT - 1, COLOURS[index % 2]))
            baseline = y + BAR_PT / 2 + VALUE_SIZE * 0.3
            chart.texts.append(Text(left + value * scale + 3, baseline, f"{value:g}", VALUE_SIZE))
        top += height + GROUP_GAP_PT
    chart.height = top
    chart.rects.append((left - 0.4, plot_top - 3, 0.8, chart.height - plot_top, AXIS))
    return chart


def wrap(label: str, size: float, room: float) -> list[str]:
    """The label in lines no wider than `room`: broken between words, or between characters
    in Chinese (which has no spaces), so no label runs off the chart's left edge."""
    lines: list[str] = []
    line = ""
    for token in re.findall(r"\S+\s*|\s+", label) if " " in label else list(label):
        if line and measure((line + token).rstrip(), size) > room:
            lines.append(line.rstrip())
            line = ""
        while measure(token.rstrip(), size) > room:  # one word longer than the room
            cut = max(
                1, next(n for n in range(len(token), 0, -1) if measure(token[:n], size) <= room)
            )
            lines.append(token[:cut])
            token = token[cut:]
        line += token
    return [*lines, line.rstrip()] if line.strip() else lines or [""]


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


@lru_cache(maxsize=8192)
def measure(text: str, size: float) -> float:
    """The text's advance width in points at `size` points; remembered, as the same labels
    (regions, bodies, units) come back on every dashboard and wrapping measures each prefix."""
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
