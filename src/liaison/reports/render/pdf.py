"""The chapter as PDF: the HTML page typeset by WeasyPrint, which embeds the subsets of the
Noto CJK fonts it uses, with a running header and page numbers from `@page` rules."""

from __future__ import annotations

from weasyprint import HTML

from liaison.reports.builder import Chapter
from liaison.reports.render.html import to_html


def render(chapter: Chapter) -> bytes:
    return HTML(string=to_html(chapter, for_print=True)).write_pdf()
