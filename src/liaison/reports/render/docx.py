"""The chapter as a Word document built only from python-docx's standard parts (Heading
and List Bullet styles, Table Grid tables, inline PNG charts), so Word and LibreOffice
open it without repair and an editor can restyle it."""

from __future__ import annotations

import io

from docx import Document
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml.ns import qn
from docx.shared import Cm, Pt

from liaison.reports import charts
from liaison.reports.builder import Chapter, Item
from liaison.reports.statistics import Table

BODY_FONT = "Noto Serif CJK TC"
HEADING_FONT = "Noto Sans CJK TC"
LANGUAGE_TAGS = {"zh-Hant": "zh-TW", "pt": "pt-PT", "en": "en-GB"}


def render(chapter: Chapter) -> bytes:
    document = Document()
    set_fonts(document, chapter.language)
    document.core_properties.title = f"{chapter.part_label} {chapter.title}"
    document.core_properties.language = LANGUAGE_TAGS[chapter.language]

    document.add_paragraph(chapter.part_label, style="Subtitle")
    document.add_heading(chapter.title, level=1)
    if chapter.has_drafts:
        warning = document.add_paragraph().add_run(chapter.labels["drafts_note"])
        warning.bold = True
    document.add_paragraph(chapter.intro)
    bullet_style = document.styles["List Bullet"].style_id
    for part in chapter.parts:
        document.add_heading(part.heading, level=2)
        document.add_paragraph(part.lead)
        style = bullet_style if part.style == "bullets" else None
        for item in part.items:
            add_item(document, chapter, item, style)

    drawn = {table.key for table in charts.chartable(chapter.tables)}
    tables = [table for table in chapter.tables if table.rows]
    if tables:
        document.add_heading(chapter.labels["statistics"], level=2)
    for table in tables:
        add_table(document, table)
        if table.key in drawn:
            document.add_picture(io.BytesIO(charts.png(table)), width=Cm(15))

    if chapter.missing:
        document.add_heading(chapter.labels["missing"], level=2)
        document.add_paragraph(chapter.labels["missing_note"])
        for entry in chapter.missing:
            document.add_paragraph(f"{entry.category}: {entry.name}", style="List Bullet")

    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def add_item(document, chapter: Chapter, item: Item, style_id: str | None) -> None:
    paragraph = document.add_paragraph()
    if style_id:
        # The same w:pStyle the public `paragraph.style = ...` writes; that setter looks the
        # default style up by XPath on every call, which cost a millisecond per bullet.
        paragraph._p.get_or_add_pPr().style = style_id
    if item.is_draft:
        mark = paragraph.add_run(chapter.labels["draft_mark"] + " ")
        mark.bold = True
    paragraph.add_run(item.text)


def add_table(document, table: Table) -> None:
    document.add_heading(table.title, level=3)
    grid = document.add_table(rows=1, cols=len(table.columns), style="Table Grid")
    for cell, text in zip(grid.rows[0].cells, table.columns, strict=True):
        cell.paragraphs[0].add_run(text).bold = True
    for index, values in enumerate(table.text_rows()):
        is_total = table.has_total and index == len(table.rows) - 1
        for position, (cell, text) in enumerate(zip(grid.add_row().cells, values, strict=True)):
            cell.paragraphs[0].add_run(text).bold = is_total
            if position:
                cell.paragraphs[0].alignment = WD_ALIGN_PARAGRAPH.RIGHT
    if table.note:
        note = document.add_paragraph().add_run(table.note)
        note.font.size = Pt(8)


def set_fonts(document, language: str) -> None:
    """Name the CJK fonts for the East Asian script too (w:eastAsia), or Word falls back
    to a font that may lack Traditional Chinese glyphs."""
    for name, font in (("Normal", BODY_FONT), *((f"Heading {n}", HEADING_FONT) for n in (1, 2, 3))):
        style = document.styles[name]
        style.font.name = font
        fonts = style.element.get_or_add_rPr().get_or_add_rFonts()
        fonts.set(qn("w:eastAsia"), font)
    document.styles["Normal"].font.size = Pt(10.5)
