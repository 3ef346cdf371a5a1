"""The chapter as a standalone XHTML-compatible page, with inline SVG charts.

The same templates make the PDF (`for_print=True`: page header and numbers, the same vector
charts), and the web preview includes `reports/_chapter.html`, so screen, file and print agree.
"""

from __future__ import annotations

from pathlib import Path

from django.template.loader import render_to_string
from django.utils import translation
from django.utils.safestring import mark_safe

from liaison.reports import charts
from liaison.reports.builder import Chapter
from liaison.reports.text import DJANGO_LANGUAGES

#: The chapter's style sheet: a static file for the web preview (no inline style there),
#: written into the standalone file and the PDF.
CHAPTER_CSS = Path(__file__).resolve().parents[1] / "static" / "reports" / "chapter.css"


def render(chapter: Chapter) -> bytes:
    return to_html(chapter).encode("utf-8")


def to_html(chapter: Chapter, *, for_print: bool = False) -> str:
    with translation.override(DJANGO_LANGUAGES[chapter.language]):
        page = {**context(chapter, for_print=for_print), "chapter_css": chapter_css()}
        return render_to_string("reports/chapter.html", page)


def chapter_css() -> str:
    return mark_safe(CHAPTER_CSS.read_text("utf-8"))


def context(chapter: Chapter, *, for_print: bool = False) -> dict:
    """What `reports/_chapter.html` needs: the chapter, and each table with its chart."""
    drawn = {table.key for table in charts.chartable(chapter.tables)}
    tables = []
    for table in chapter.tables:
        if not table.rows:
            continue
        chart = charts.svg(table) if table.key in drawn else ""
        tables.append({"table": table, "rows": table.text_rows(), "chart": chart})
    return {"chapter": chapter, "tables": tables, "for_print": for_print}
