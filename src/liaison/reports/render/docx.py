"""The chapter as a Word document built only from python-docx's standard parts (Heading
and List Bullet styles, Table Grid tables, inline PNG charts), so Word and LibreOffice
open it without repair and an editor can restyle it; set for print as the PDF is (A4, the
title and page numbers on every page, the PDF's heading fonts), and the same records give
the same bytes (fixed document dates, fixed times in the package)."""

from __future__ import annotations

import datetime
import io
import zipfile

from docx import Document
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Mm, Pt, RGBColor

from liaison.reports import charts
from liaison.reports.builder import Chapter
from liaison.reports.statistics import Table

BODY_FONT = "Noto Serif CJK TC"
HEADING_FONT = "Noto Sans CJK TC"
#: Word's language of each chapter; Chinese runs are tagged zh-TW (Traditional) in any.
LANGUAGE_TAGS = {"zh-Hant": "zh-TW", "pt": "pt-PT", "en": "en-GB"}
#: The PDF's page (A4, 2 cm margins) and its headings' colour (the text's).
MARGIN = Cm(2)
TEXT_WIDTH = Mm(210) - 2 * MARGIN
HEADING_COLOUR = RGBColor(0, 0, 0)
RULE_COLOUR = "BFBFBF"
#: The fixed time of every member of the package: the same records, the same bytes.
ZIP_TIME = (1980, 1, 1, 0, 0, 0)


def render(chapter: Chapter) -> bytes:
    document = Document()
    set_fonts(document, chapter.language)
    set_page(document, chapter)
    set_properties(document, chapter)
    write = Writer(document, LANGUAGE_TAGS[chapter.language])

    if chapter.part_label:
        write.paragraph(chapter.part_label, "Subtitle")
    write.paragraph(chapter.title, "Heading 1")
    if chapter.is_draft:
        write.run(write.paragraph(), chapter.labels["drafts_note"]).bold = True
    write.paragraph(chapter.intro)
    for part in chapter.parts:
        if part.heading:
            write.paragraph(part.heading, "Heading 2")
        if part.lead:
            write.paragraph(part.lead)
        for item in part.items:
            paragraph = write.paragraph(style="List Bullet" if item.bullet else None)
            if item.is_draft:
                write.run(paragraph, chapter.labels["draft_mark"] + " ").bold = True
            write.run(paragraph, item.text)

    drawn = {table.key for table in charts.chartable(chapter.tables)}
    tables = [table for table in chapter.tables if table.rows]
    if tables:
        write.paragraph(chapter.labels["statistics"], "Heading 2")
    for table in tables:
        write.table(table)
        if table.key in drawn:
            picture = document.add_picture(io.BytesIO(charts.png(table)), width=Cm(15))
            picture._inline.docPr.set("descr", table.title)  # the chart's alt text

    buffer = io.BytesIO()
    document.save(buffer)
    return fixed_times(buffer.getvalue())


def set_page(document, chapter: Chapter) -> None:
    """A4 with the PDF's margins; the title (and a draft's note) in the header, the page
    number in the footer, on every page."""
    header = chapter.full_title
    if chapter.is_draft:
        header = f"{header} — {chapter.labels['drafts_note']}"
    for section in document.sections:
        section.page_width, section.page_height = Mm(210), Mm(297)
        section.left_margin = section.right_margin = MARGIN
        section.top_margin = section.bottom_margin = MARGIN
        section.header.paragraphs[0].text = header
        footer = section.footer.paragraphs[0]
        footer.alignment = WD_ALIGN_PARAGRAPH.CENTER
        number = OxmlElement("w:fldSimple")
        number.set(qn("w:instr"), "PAGE")
        footer._p.append(number)


def set_properties(document, chapter: Chapter) -> None:
    """Title, language and author (the agency); dated the 1st of January after the year
    reported, so a document made twice from the same records is the same."""
    properties = document.core_properties
    properties.title = chapter.full_title
    properties.language = LANGUAGE_TAGS[chapter.language]
    properties.author = properties.last_modified_by = chapter.author
    when = datetime.datetime(chapter.year + 1, 1, 1, tzinfo=datetime.UTC)
    properties.created = properties.modified = when
    properties.revision = 1


def fixed_times(package: bytes) -> bytes:
    """The package again with every member dated `ZIP_TIME` (python-docx writes the time
    of the save), so the same records give the same bytes."""
    source = zipfile.ZipFile(io.BytesIO(package))
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as target:
        for member in source.infolist():
            info = zipfile.ZipInfo(member.filename, date_time=ZIP_TIME)
            info.compress_type = zipfile.ZIP_DEFLATED
            target.writestr(info, source.read(member))
    return buffer.getvalue()


class Writer:
    """Adds paragraphs and tables to `document`, naming styles by their ids: python-docx's
    `style=` looks the style up by XPath on every call, a millisecond per paragraph."""

    STYLES = ("Subtitle", "Heading 1", "Heading 2", "Heading 3", "List Bullet")

    def __init__(self, document, language_tag: str):
        self.document, self.language_tag = document, language_tag
        self.style_ids = {name: document.styles[name].style_id for name in self.STYLES}

    def paragraph(self, text: str = "", style: str | None = None):
        paragraph = self.document.add_paragraph()
        if style:
            paragraph._p.get_or_add_pPr().style = self.style_ids[style]
        if text:
            self.run(paragraph, text)
        return paragraph

    def run(self, paragraph, text: str):
        """A run tagged with the chapter's language (its Chinese as zh-TW)."""
        run = paragraph.add_run(text)
        language = OxmlElement("w:lang")
        language.set(qn("w:val"), self.language_tag)
        language.set(qn("w:eastAsia"), LANGUAGE_TAGS["zh-Hant"])
        run._r.get_or_add_rPr().append(language)
        return run

    def table(self, table: Table) -> None:
        """The table under its title, kept on one page with it (each row keeps with the next,
        as Word and LibreOffice both understand), columns as wide as their content, light
        rules, figures aligned right, the total bold."""
        self.paragraph(table.title, "Heading 3")
        rows = [table.columns, *table.text_rows()]
        grid = self.document.add_table(rows=len(rows), cols=len(table.columns), style="Table Grid")
        grid.autofit = False
        light_rules(grid)
        widths = column_widths(rows)
        for index, (row, values) in enumerate(zip(grid.rows, rows, strict=True)):
            bold = index == 0 or (table.has_total and index == len(rows) - 1)
            for position, (cell, text) in enumerate(zip(row.cells, values, strict=True)):
                cell.width = widths[position]
                paragraph = cell.paragraphs[0]
                self.run(paragraph, text).bold = bold
                if position and index:
                    paragraph.alignment = WD_ALIGN_PARAGRAPH.RIGHT
                if index < len(rows) - 1:
                    paragraph.paragraph_format.keep_with_next = True
        if table.note:
            self.run(self.paragraph(), table.note).font.size = Pt(8)


def column_widths(rows: list[list[str]]) -> list[int]:
    """Each column's share of the text width by its longest cell (a Chinese character as
    wide as two Latin letters), none narrower than a tenth."""
    longest = [
        max(sum(2 if ord(ch) > 0x2E80 else 1 for ch in row[i]) for row in rows)
        for i in range(len(rows[0]))
    ]
    shares = [max(length, sum(longest) / 10) for length in longest]
    return [int(TEXT_WIDTH * share / sum(shares)) for share in shares]


def light_rules(grid) -> None:
    """Thin grey rules between rows, none between columns: the PDF's table."""
    borders = OxmlElement("w:tblBorders")
    for edge in ("top", "left", "bottom", "right", "insideH", "insideV"):
        rule = OxmlElement(f"w:{edge}")
        vertical = edge in ("left", "right", "insideV")
        rule.set(qn("w:val"), "nil" if vertical else "single")
        if not vertical:
            rule.set(qn("w:sz"), "4")
            rule.set(qn("w:color"), RULE_COLOUR)
        borders.append(rule)
    grid._tbl.tblPr.append(borders)


def set_fonts(document, language: str) -> None:
    """Name the CJK fonts for the East Asian script too (w:eastAsia), or Word falls back
    to a font that may lack Traditional Chinese glyphs; headings in the PDF's sans face and
    colour, with the template's theme fonts and colours removed (they would win); the
    document's default language the chapter's, not en-US."""
    headings = ("Subtitle", "Heading 1", "Heading 2", "Heading 3")
    for name, font in (("Normal", BODY_FONT), *((heading, HEADING_FONT) for heading in headings)):
        style = document.styles[name]
        style.font.name = font
        fonts = style.element.get_or_add_rPr().get_or_add_rFonts()
        for theme in ("w:asciiTheme", "w:hAnsiTheme", "w:eastAsiaTheme", "w:cstheme"):
            fonts.attrib.pop(qn(theme), None)
        fonts.set(qn("w:eastAsia"), font)
        if name != "Normal":
            style.font.color.rgb = HEADING_COLOUR
    document.styles["Normal"].font.size = Pt(10.5)
    default = document.styles.element.find(qn("w:docDefaults")).find(".//" + qn("w:lang"))
    default.set(qn("w:val"), LANGUAGE_TAGS[language])
    default.set(qn("w:eastAsia"), LANGUAGE_TAGS["zh-Hant"])
