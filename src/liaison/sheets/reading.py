"""Reading a sheet's rows one at a time, whatever it is: an .xlsx workbook or a .csv file.

Memory stays bounded however long the sheet: a workbook is opened in openpyxl's read-only
(streaming) mode and a CSV file is decoded as it is read, so only the current row is held.
What cannot be read says why, in the user's language: an old .xls or an encrypted workbook
(both are OLE containers), a corrupt file, merged cells, a sheet longer than the limit.
"""

from __future__ import annotations

import codecs
import csv
import datetime
import re
import zipfile
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path

from django.conf import settings
from django.utils.translation import gettext as _

OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
ENCRYPTED = "EncryptionInfo".encode("utf-16-le")
CSV_ENCODINGS = ("utf-8-sig", "big5hkscs", "gb18030")
CHUNK = 1024 * 1024
#: How much of a file is decoded or scanned at a time (a CSV file's encoding tried, a
#: sheet's merged cells looked for): small, so memory stays small whatever the file.
PIECE = 64 * 1024
MERGE = re.compile(rb'<(?:\w+:)?mergeCell\s+ref="([A-Z]+\d+:[A-Z]+\d+)"')
#: Excel's own limit is 1,048,576 rows; an office sheet has thousands.
DEFAULT_MAX_ROWS = 100_000


class SheetError(ValueError):
    """The file cannot be read as a sheet; the message says why and what to do."""


def max_rows() -> int:
    return getattr(settings, "LIAISON_SHEET_MAX_ROWS", DEFAULT_MAX_ROWS)


Cell = str | int | float | Decimal | bool | datetime.date | datetime.datetime | None


@dataclass
class Sheet:
    """An open sheet: its name, its rows' count when the file says it, and its rows."""

    name: str
    total: int | None
    rows: Iterator[tuple[int, list[Cell]]]
    close: Callable[[], None]


def open_sheet(path: str | Path, filename: str | None = None) -> Sheet:
    """The first sheet of an .xlsx workbook, or a .csv file, ready to be read row by row."""
    path = Path(path)
    name = filename or path.name
    suffix = Path(name).suffix.lower()
    try:
        with path.open("rb") as handle:
            head = handle.read(CHUNK)
    except OSError as error:
        raise SheetError(
            _("%(file)s cannot be read: %(error)s")
            % {"file": name, "error": error.strerror or error}
        ) from error
    if head.startswith(OLE):
        if ENCRYPTED in head or suffix == ".xlsx":
            raise SheetError(
                _(
                    "%(file)s is protected by a password. Open it in Excel, remove the "
                    "password (File, Info, Protect workbook) and save it again."
                )
                % {"file": name}
            )
        raise SheetError(
            _("%(file)s is an old Excel (.xls) workbook. Save it as .xlsx and try again.")
            % {"file": name}
        )
    if head.startswith(b"PK"):
        return _open_workbook(path, name)
    if suffix == ".xlsx":
        raise SheetError(_corrupt(name))
    if suffix in (".csv", ".txt", ""):
        return _open_csv(path, name)
    raise SheetError(
        _("%(file)s is neither an Excel workbook (.xlsx) nor a CSV file.") % {"file": name}
    )


def _corrupt(name: str) -> str:
    return _(
        "%(file)s is damaged or is not an Excel workbook; open it in Excel, save it as .xlsx "
        "and try again."
    ) % {"file": name}


def _open_workbook(path: Path, name: str) -> Sheet:
    import openpyxl

    handle = path.open("rb")  # a file, not a path: openpyxl would insist on its suffix

    def close() -> None:
        book.close()
        handle.close()

    try:
        book = openpyxl.load_workbook(handle, read_only=True, data_only=False)
        sheet = book.worksheets[0]
        merged = _merged_ranges(book._archive, sheet._worksheet_path)
    except (zipfile.BadZipFile, KeyError, OSError, ValueError, IndexError, SyntaxError) as error:
        # SyntaxError: a part's XML is broken (ElementTree's and lxml's ParseError)
        handle.close()
        raise SheetError(_corrupt(name)) from error
    if merged:
        close()
        raise SheetError(
            _(
                "The sheet “%(sheet)s” has merged cells (%(ranges)s). Unmerge them and write "
                "the value in every cell, then try again."
            )
            % {"sheet": sheet.title, "ranges": ", ".join(merged[:5])}
        )

    def rows():
        try:
            for number, values in enumerate(sheet.iter_rows(values_only=True), start=1):
                yield number, list(values)
        except (zipfile.BadZipFile, OSError, ValueError, KeyError, SyntaxError) as error:
            raise SheetError(_corrupt(name)) from error

    total = sheet.max_row if isinstance(sheet.max_row, int) else None
    return Sheet(sheet.title, total, _limited(rows(), name), close)


def _merged_ranges(archive: zipfile.ZipFile, member: str) -> list[str]:
    """The merged ranges of a sheet, found by scanning its XML as it inflates (read-only
    mode does not read them, and they come after the rows)."""
    found, tail = [], b""
    with archive.open(member) as stream:
        while chunk := stream.read(PIECE):
            text = tail + chunk
            found += [match.decode() for match in MERGE.findall(text)]
            cut = text.rfind(b"<")
            tail = text[cut:] if cut >= 0 and len(text) - cut < 200 else b""
    return list(dict.fromkeys(found))


def _open_csv(path: Path, name: str) -> Sheet:
    encoding = _csv_encoding(path, name)
    handle = path.open(encoding=encoding, newline="")
    sample = handle.read(64 * 1024)
    handle.seek(0)
    try:
        dialect = csv.Sniffer().sniff(sample, delimiters=",;\t")
    except csv.Error:
        dialect = csv.excel
    reader = csv.reader(handle, dialect)

    def rows():
        try:
            for number, values in enumerate(reader, start=1):
                yield number, list(values)
        except csv.Error as error:
            raise SheetError(
                _("%(file)s is not a readable CSV file: %(error)s") % {"file": name, "error": error}
            ) from error

    return Sheet(Path(name).stem, None, _limited(rows(), name), handle.close)


def _csv_encoding(path: Path, name: str) -> str:
    """The first encoding the whole file decodes in (UTF-8, then Big5-HKSCS, then GB18030:
    what Excel saves a CSV in, in Macau, Hong Kong and the Mainland), read chunk by chunk."""
    for encoding in CSV_ENCODINGS:
        decoder = codecs.getincrementaldecoder(encoding)()
        try:
            with path.open("rb") as handle:
                while chunk := handle.read(PIECE):
                    decoder.decode(chunk)
                decoder.decode(b"", final=True)
        except UnicodeDecodeError:
            continue
        return encoding
    raise SheetError(
        _("%(file)s is not text in any encoding Excel saves (save it as CSV UTF-8).")
        % {"file": name}
    )


def _limited(rows: Iterator, name: str) -> Iterator:
    limit = max_rows() + 1  # the header row
    for number, values in rows:
        if number > limit:
            raise SheetError(
                _(
                    "%(file)s has more than %(limit)s rows. Split it into several files; "
                    "nothing was imported."
                )
                % {"file": name, "limit": f"{limit - 1:,}"}
            )
        yield number, values
