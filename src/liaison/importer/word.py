"""A Word document as the lines of a chapter: what the parser reads from a text file.

Paragraphs and headings come as they are, in the document's order with its tables; a list
item becomes a bullet. A table of activities (a header row naming a date, an activity, a
place or a body) gives one bullet per row, its cells joined as a sentence in the row's
language, under a heading line whenever a kind column changes value; any other table is
read cell by cell.
"""

from __future__ import annotations

import datetime
import re

from liaison.importer.parser.latin import latin_language
from liaison.importer.parser.text import is_latin

_ROLES = (
    ("kind", r"類別|類型|性質|種類|kind|type|category|tipo|categoria|natureza"),
    ("date", r"日期|時間|月份|時期|date|when|month|period|data|datas|período|mês"),
    ("place", r"地點|地方|城市|國家|place|venue|location|city|country|local|cidade|país"),
    (
        "body",
        r"機構|單位|主辦|合作|對口|organi[sz]|host|partner|bod(?:y|ies)|entidade|organismo"
        r"|organização|instituição|anfitri",
    ),
    (
        "activity",
        r"活動|項目|內容|事項|名稱|會議|概要|activit|event|description|detail|subject|summary"
        r"|actividade|atividade|descrição|evento|assunto|resumo",
    ),
)
_ROLE_OF = [(role, re.compile(words, re.IGNORECASE)) for role, words in _ROLES]
_ISO_DATE = re.compile(r"^((?:19|20)\d\d)[-/.](\d{1,2})[-/.](\d{1,2})$")
_DMY_DATE = re.compile(r"^(\d{1,2})[-/.](\d{1,2})[-/.]((?:19|20)\d\d)$")
_MONTHS = {
    "en": ("January", "February", "March", "April", "May", "June", "July", "August",
           "September", "October", "November", "December"),
    "pt": ("Janeiro", "Fevereiro", "Março", "Abril", "Maio", "Junho", "Julho", "Agosto",
           "Setembro", "Outubro", "Novembro", "Dezembro"),
}  # fmt: skip
_IDEOGRAPH = re.compile(r"[\u3400-\u9fff]")


def document_lines(document) -> list[str]:
    """The document's blocks, one per line, in reading order."""
    from docx.table import Table
    from docx.text.paragraph import Paragraph

    lines: list[str] = []
    for item in document.iter_inner_content():
        if isinstance(item, Paragraph):
            lines += _paragraph_lines(item)
        elif isinstance(item, Table):
            lines += _table_lines(item)
    return lines


def _paragraph_lines(paragraph) -> list[str]:
    text = " ".join(paragraph.text.split())
    if not text:
        return []
    return [f"- {text}" if _is_list_item(paragraph) else text]


def _is_list_item(paragraph) -> bool:
    properties = paragraph._p.pPr
    style = paragraph.style.name if paragraph.style is not None else ""
    return style.startswith("List") or (properties is not None and properties.numPr is not None)


def _cell_text(cell) -> str:
    return " ".join(" ".join(p.text.split()) for p in cell.paragraphs if p.text.strip())


def _rows(table) -> list[list[str]]:
    """The table's rows as texts, a merged cell once (python-docx repeats it)."""
    rows = []
    for row in table.rows:
        cells, seen = [], set()
        for cell in row.cells:
            if id(cell._tc) not in seen:
                seen.add(id(cell._tc))
                cells.append(_cell_text(cell))
        rows.append(cells)
    return rows


def _header_roles(header: list[str]) -> list[str | None]:
    roles: list[str | None] = []
    for text in header:
        role = next((role for role, words in _ROLE_OF if words.search(text)), None)
        roles.append(role if role not in roles else None)
    return roles


def _table_lines(table) -> list[str]:
    rows = [row for row in _rows(table) if any(row)]
    if not rows:
        return []
    header, *body = rows
    roles = _header_roles(header)
    if len(header) < 2 or not {"activity", "date"} & set(roles) or not body:
        return [" ".join(cell.split()) for row in rows for cell in row if cell.strip()]
    lines: list[str] = []
    kind = None
    language = _language(" ".join(cell for row in body for cell in row))
    for row in body:
        if row == header:
            continue  # the header again, on the next page
        cells = dict(zip(roles, row, strict=False))
        if cells.get("kind") and cells["kind"] != kind:
            kind = cells["kind"]
            lines.append(kind)
        sentence = _row_sentence(row, roles, language)
        if sentence:
            lines.append(f"- {sentence}")
    return lines


def _language(text: str) -> str:
    """The table's language, from all its cells (a row is too short to tell)."""
    return "zh" if _IDEOGRAPH.search(text) and not is_latin(text) else latin_language(text)


def _row_sentence(row: list[str], roles: list[str | None], language: str) -> str:
    """A row's cells as one sentence: the date first, then the others in the table's order,
    each cell once (a place already in the activity's wording is not repeated)."""
    chinese = language == "zh"
    ordered = sorted(
        ((role, cell.strip()) for role, cell in zip(roles, row, strict=False)),
        key=lambda pair: pair[0] != "date",
    )
    parts: list[str] = []
    for role, cell in ordered:
        if not cell or role == "kind" or any(cell in part for part in parts):
            continue
        parts.append(_date(cell, language) if role == "date" else cell.rstrip("。.;；"))
    if not parts:
        return ""
    return "，".join(parts) + "。" if chinese else ", ".join(parts) + "."


def _date(cell: str, language: str) -> str:
    """A date cell ("2023-05-13", "13/05/2023") in the words of the row's language, which
    the parser reads; any other date as written."""
    match = _ISO_DATE.match(cell)
    if match:
        year, month, day = (int(group) for group in match.groups())
    elif match := _DMY_DATE.match(cell):
        day, month, year = (int(group) for group in match.groups())
    else:
        return cell
    try:
        datetime.date(year, month, day)
    except ValueError:
        return cell
    if language == "zh":
        return f"{year}年{month}月{day}日"
    if language == "pt":
        return f"{day} de {_MONTHS['pt'][month - 1]} de {year}"
    return f"{day} {_MONTHS['en'][month - 1]} {year}"
