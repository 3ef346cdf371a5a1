"""The audit timeline as a spreadsheet (csv, openpyxl): one row a line, in the reader's
language."""

from __future__ import annotations

import csv
import io

from django.utils import timezone
from django.utils.translation import gettext as _
from openpyxl import Workbook

from liaison.audit.trail import Line

FORMATS = {
    "csv": "text/csv; charset=utf-8",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
}
#: A cell starting with one of these is a formula to a spreadsheet program.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def cell(value: str) -> str:
    """Text as text: a user's words that look like a formula are not run when opened."""
    return f"'{value}" if value.startswith(FORMULA_STARTS) else value


def rows(lines: list[Line]):
    yield [
        _("When"),
        _("Who"),
        _("Address"),
        _("Kind of event"),
        _("What"),
        _("Event"),
        _("Details"),
    ]
    for line in lines:
        when = timezone.localtime(line.at).strftime("%Y-%m-%d %H:%M:%S")
        row = [when, line.actor, line.address, line.kind, line.family, line.sentence]
        yield [cell(value) for value in [*row, "; ".join(line.details)]]


def spreadsheet(lines: list[Line], fmt: str) -> tuple[bytes, str]:
    if fmt == "csv":
        text = io.StringIO()
        csv.writer(text).writerows(rows(lines))
        return ("\ufeff" + text.getvalue()).encode("utf-8"), FORMATS[fmt]  # Excel needs the mark
    book = Workbook(write_only=True)
    sheet = book.create_sheet(_("Audit trail")[:31])
    for row in rows(lines):
        sheet.append(row)
    out = io.BytesIO()
    book.save(out)
    return out.getvalue(), FORMATS[fmt]
