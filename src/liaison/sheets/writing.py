"""Writing sheets: an export of the records a user may see, and a blank template.

An export is streamed: the records are read in chunks (their links prefetched per chunk)
and written by openpyxl's write-only workbook or the csv module, so memory stays bounded
however many rows. Headers are in the user's language; text Excel would run as a formula
is written with a leading apostrophe (cells.neutralised).
"""

from __future__ import annotations

import csv
import tempfile
from collections.abc import Iterable, Iterator

from django.db import models
from django.utils.translation import gettext as _

from liaison.sheets.cells import neutralised
from liaison.sheets.columns import Context
from liaison.sheets.registry import SheetKind

CHUNK = 2000
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
CSV = "text/csv; charset=utf-8"
LISTS_SHEET = "lists"


def headers(kind: SheetKind) -> list[str]:
    return [str(column.label) for column in kind.columns]


def visible_rows(model, name: str, user) -> models.Prefetch | str:
    """A prefetch of the relation `name` through the chokepoint when its rows have one (an
    activity's bodies' roles: a confidential body's role is not the reader's to see), with
    what the rows link to."""
    related = model._meta.get_field(name).related_model
    manager = related._default_manager
    if not hasattr(manager, "visible_to"):
        return name
    links = [f.name for f in related._meta.concrete_fields if f.many_to_one]
    return models.Prefetch(name, queryset=manager.visible_to(user).select_related(*links))


def rows_of(kind: SheetKind, records: models.QuerySet, user) -> Iterator[list]:
    """The export's rows, one per record, each cell as its column writes it."""
    prefetch = [visible_rows(kind.model, name, user) for name in kind.prefetch]
    records = records.select_related(*kind.select).prefetch_related(*prefetch)
    for record in records.iterator(chunk_size=CHUNK):
        row = []
        for column in kind.columns:
            value = column.current(record)
            row.append(column.cell(value) if value is not None else "")
        yield row


def _title(kind: SheetKind) -> str:
    """A sheet name Excel accepts: at most 31 characters, none of []:*?/\\."""
    name = "".join(ch for ch in str(kind.label) if ch not in "[]:*?/\\")
    return name[:31] or "sheet"


def write_xlsx(kind: SheetKind, rows: Iterable[list], output) -> None:
    import openpyxl

    book = openpyxl.Workbook(write_only=True)
    sheet = book.create_sheet(_title(kind))
    sheet.append(headers(kind))
    for row in rows:
        sheet.append(row)
    book.save(output)


class _Echo:
    def write(self, value: str) -> str:
        return value


def csv_chunks(kind: SheetKind, rows: Iterable[list]) -> Iterator[str]:
    """The CSV text piece by piece, with the byte-order mark Excel reads UTF-8 by."""
    writer = csv.writer(_Echo())
    yield "\ufeff" + writer.writerow(headers(kind))
    for row in rows:
        yield writer.writerow(["" if cell is None else cell for cell in row])


def xlsx_file(kind: SheetKind, rows: Iterable[list]):
    """The workbook in a temporary file (write-only mode writes to a file, not memory),
    rewound for reading; closing it removes it."""
    output = tempfile.TemporaryFile()  # noqa: SIM115 (the response closes it)
    write_xlsx(kind, rows, output)
    output.seek(0)
    return output


def template(kind: SheetKind, ctx: Context, output) -> None:
    """A blank sheet of `kind`: its headers, and a drop-down list for every column that
    offers its values (kinds, roles, places…), kept on a second sheet; other values may
    still be typed (a cell may hold several places), with a warning."""
    import openpyxl
    from openpyxl.utils import get_column_letter
    from openpyxl.worksheet.datavalidation import DataValidation

    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = _title(kind)
    sheet.append(headers(kind))
    sheet.freeze_panes = "A2"
    lists = book.create_sheet(LISTS_SHEET)
    lists.sheet_state = "hidden"
    offered = [column for column in kind.columns if column.offers is not None]
    for number, column in enumerate(offered, start=1):
        values = column.offers(ctx)
        letter = get_column_letter(number)
        lists.cell(row=1, column=number, value=str(column.label))
        for row, value in enumerate(values, start=2):
            lists.cell(row=row, column=number, value=neutralised(value))
        if not values:
            continue
        validation = DataValidation(
            type="list",
            formula1=f"{LISTS_SHEET}!${letter}$2:${letter}${len(values) + 1}",
            allow_blank=True,
            errorStyle="warning",
            error=_("This is not one of the values Liaison knows."),
            showErrorMessage=True,
        )
        target = get_column_letter(kind.columns.index(column) + 1)
        validation.add(f"{target}2:{target}5000")
        sheet.add_data_validation(validation)
    book.save(output)
