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
from liaison.reports.builder import Chapter
from liaison.reports.statistics import Table

BODY_FONT = "Noto Serif CJK TC"
HEADING_FONT = "Noto Sans CJK TC"
LANGUAGE_TAGS = {"zh-Hant": "zh-TW", "pt": "pt-PT", "en": "en-GB"}


def render(chapter: Chapter) -> bytes:
    document = Document()
    set_fonts(document, chapter.language)
    document.core_properties.title = chapter.full_title
    document.core_properties.language = LANGUAGE_TAGS[chapter.language]
    write = Writer(document)

    write.paragraph(chapter.part_label, "Subtitle")
    write.paragraph(chapter.title, "Heading 1")
    if chapter.is_draft:
        write.paragraph().add_run(chapter.labels["drafts_note"]).bold = True
        for section in document.sections:  # on every page
            section.header.paragraphs[0].text = chapter.labels["drafts_note"]
    write.paragraph(chapter.intro)
    for part in chapter.parts:
        write.paragraph(part.heading, "Heading 2")
        write.paragraph(part.lead)
        style = "List Bullet" if part.style == "bullets" else None
        for item in part.items:
            paragraph = write.paragraph(style=style)
            if item.is_draft:
                paragraph.add_run(chapter.labels["draft_mark"] + " ").bold = True
            paragraph.add_run(item.text)

    drawn = {table.key for table in charts.chartable(chapter.tables)}
    tables = [table for table in chapter.tables if table.rows]
    if tables:
        write.paragraph(chapter.labels["statistics"], "Heading 2")
    for table in tables:
        write.table(table)
        if table.key in drawn:
            document.add_picture(io.BytesIO(charts.png(table)), width=Cm(15))

    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


class Writer:
    """Adds paragraphs and tables to `document`, naming styles by their ids: python-docx's
    `style=` looks the style up by XPath on every call, a millisecond per paragraph."""

    STYLES = ("Subtitle", "Heading 1", "Heading 2", "Heading 3", "List Bullet")

    def __init__(self, document):
        self.document = document
        self.style_ids = {name: document.styles[name].style_id for name in self.STYLES}

    def paragraph(self, text: str = "", style: str | None = None):
        paragraph = self.document.add_paragraph()
        if style:
            paragraph._p.get_or_add_pPr().style = self.style_ids[style]
        if text:
            paragraph.add_run(text)
        return paragraph

    def table(self, table: Table) -> None:
        """The table under its title, kept on one page with it (each row keeps with the next,
        as Word and LibreOffice both understand), figures aligned right, the total bold."""
        self.paragraph(table.title, "Heading 3")
        rows = [table.columns, *table.text_rows()]
        grid = self.document.add_table(rows=len(rows), cols=len(table.columns), style="Table Grid")
        for index, (row, values) in enumerate(zip(grid.rows, rows, strict=True)):
            bold = index == 0 or (table.has_total and index == len(rows) - 1)
            for position, (cell, text) in enumerate(zip(row.cells, values, strict=True)):
                paragraph = cell.paragraphs[0]
                paragraph.add_run(text).bold = bold
                if position and index:
                    paragraph.alignment = WD_ALIGN_PARAGRAPH.RIGHT
                if index < len(rows) - 1:
                    paragraph.paragraph_format.keep_with_next = True
        if table.note:
            self.paragraph().add_run(table.note).font.size = Pt(8)


def set_fonts(document, language: str) -> None:
    """Name the CJK fonts for the East Asian script too (w:eastAsia), or Word falls back
    to a font that may lack Traditional Chinese glyphs."""
    for name, font in (("Normal", BODY_FONT), *((f"Heading {n}", HEADING_FONT) for n in (1, 2, 3))):
        style = document.styles[name]
        style.font.name = font
        fonts = style.element.get_or_add_rPr().get_or_add_rFonts()
        fonts.set(qn("w:eastAsia"), font)
    document.styles["Normal"].font.size = Pt(10.5)
