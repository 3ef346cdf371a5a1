"""What a cell says, read the way people type it, and written back so Excel runs nothing.

Pure functions: a cell's value in, a Python value out (or CellError with a message in the
user's language). Dates come as Excel dates or as text in any of the office's habits
(2024-04-03, 3/4/2024 day first, 2024年4月3日, 2024年4月, Abril de 2024, April 2024, 2024)
with how much of the date they give; text starting with = + - @ is a formula to Excel, so
it is written with a leading apostrophe and read back without it, and never evaluated.
"""

from __future__ import annotations

import datetime
import re
import unicodedata
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

from django.utils.translation import gettext as _

from liaison.activities.choices import DatePrecision
from liaison.core.text import strip_accents

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
LIST_SEPARATORS = re.compile(r"\s*[;；、\n]\s*")
MONTHS = {
    name: number
    for number, names in enumerate(
        (
            ("janeiro", "january", "jan"),
            ("fevereiro", "february", "feb", "fev"),
            ("marco", "march", "mar"),
            ("abril", "april", "apr", "abr"),
            ("maio", "may", "mai"),
            ("junho", "june", "jun"),
            ("julho", "july", "jul"),
            ("agosto", "august", "aug", "ago"),
            ("setembro", "september", "sep", "sept", "set"),
            ("outubro", "october", "oct", "out"),
            ("novembro", "november", "nov"),
            ("dezembro", "december", "dec", "dez"),
        ),
        start=1,
    )
    for name in names
}
YES = {"yes", "y", "true", "1", "是", "有", "sim", "s", "x", "✓", "✔"}
NO = {"no", "n", "false", "0", "否", "無", "无", "nao", ""}


class CellError(ValueError):
    """The cell cannot be read as what its column holds."""


@dataclass(frozen=True)
class SheetDate:
    """A date as far as it is known: the year always, the month and day when given."""

    year: int
    date: datetime.date | None
    precision: str

    def __str__(self) -> str:
        if self.precision == DatePrecision.YEAR or self.date is None:
            return str(self.year)
        if self.precision == DatePrecision.MONTH:
            return f"{self.year}-{self.date.month:02d}"
        return self.date.isoformat()


def text(value) -> str:
    """A cell as text: numbers without a spurious '.0', dates in ISO form, the apostrophe
    that guards a formula-like text removed; a formula itself is kept as its text."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return _("yes") if value else _("no")
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, datetime.datetime):
        value = value.date() if value.time() == datetime.time() else value
    if isinstance(value, datetime.date):
        return value.isoformat()
    written = unicodedata.normalize("NFC", str(value)).strip()
    if written.startswith("'") and written[1:].startswith(FORMULA_STARTS):
        return written[1:]
    return written


def neutralised(value):
    """A value for a cell of an export: a text Excel would run as a formula gets an
    apostrophe in front (OWASP's advice for CSV injection), everything else as it is."""
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


def items(value) -> list[str]:
    """A list typed in one cell: separated by semicolons, 、 or line breaks."""
    return [item for item in LIST_SEPARATORS.split(text(value)) if item]


def number(value) -> Decimal | None:
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    if isinstance(value, bool):
        raise CellError(_("“%(value)s” is not a number.") % {"value": value})
    if isinstance(value, int | float | Decimal):
        return Decimal(str(value))
    written = unicodedata.normalize("NFKC", text(value)).replace(",", "")
    try:
        return Decimal(written)
    except InvalidOperation:
        raise CellError(_("“%(value)s” is not a number.") % {"value": text(value)}) from None


def whole_number(value) -> int | None:
    found = number(value)
    if found is None:
        return None
    if found != found.to_integral_value():
        raise CellError(_("“%(value)s” is not a whole number.") % {"value": text(value)})
    return int(found)


def yes_no(value) -> bool:
    if isinstance(value, bool):
        return value
    written = strip_accents(text(value)).lower()
    if written in YES or written == _("yes").lower():
        return True
    if written in NO or written == _("no").lower():
        return False
    raise CellError(_("Write yes or no, not “%(value)s”.") % {"value": text(value)})


_DAY_FIRST = re.compile(r"^(\d{1,2})[/.\-](\d{1,2})[/.\-](\d{4})$")
_ISO = re.compile(r"^(\d{4})[/.\-](\d{1,2})(?:[/.\-](\d{1,2}))?$")
_MONTH_YEAR = re.compile(r"^(\d{1,2})[/.\-](\d{4})$")
_CHINESE = re.compile(r"^(\d{4})\s*年(?:\s*(\d{1,2})\s*月(?:\s*(\d{1,2})\s*日)?)?$")
_YEAR = re.compile(r"^(\d{4})$")
_WORDS = re.compile(
    r"^(?:(\d{1,2})(?:st|nd|rd|th)?\s+(?:de\s+)?)?([a-z]+)\.?,?\s+(?:(\d{1,2}),?\s+)?(?:de\s+)?(\d{4})$"
)


def sheet_date(value) -> SheetDate | None:
    """A date cell, with how much of it is given; None when empty."""
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    if isinstance(value, datetime.datetime):
        value = value.date()
    if isinstance(value, datetime.date):
        return SheetDate(value.year, value, DatePrecision.DAY)
    if isinstance(value, int | float) and not isinstance(value, bool) and 1990 <= value <= 2100:
        return SheetDate(int(value), None, DatePrecision.YEAR)
    written = strip_accents(unicodedata.normalize("NFKC", text(value))).lower().strip()
    try:
        return _parsed(written)
    except ValueError:
        pass
    raise CellError(
        _("“%(value)s” is not a date (write it as 2024-04-03, 3/4/2024 or 2024年4月).")
        % {"value": text(value)}
    )


def _parsed(written: str) -> SheetDate:
    if found := _ISO.match(written):
        return _date(found[1], found[2], found[3])
    if found := _DAY_FIRST.match(written):
        return _date(found[3], found[2], found[1])
    if found := _CHINESE.match(written):
        return _date(found[1], found[2], found[3])
    if found := _MONTH_YEAR.match(written):
        return _date(found[2], found[1], None)
    if found := _YEAR.match(written):
        return _date(found[1], None, None)
    if (found := _WORDS.match(written)) and found[2] in MONTHS:
        return _date(found[4], str(MONTHS[found[2]]), found[1] or found[3])
    raise ValueError(written)


def _date(year: str, month: str | None, day: str | None) -> SheetDate:
    if month is None:
        return SheetDate(int(year), None, DatePrecision.YEAR)
    date = datetime.date(int(year), int(month), int(day or 1))  # ValueError if impossible
    return SheetDate(date.year, date, DatePrecision.DAY if day else DatePrecision.MONTH)


def day(value) -> datetime.date | None:
    """A date that must give its day (a due date, a membership's start)."""
    found = sheet_date(value)
    if found is None:
        return None
    if found.precision != DatePrecision.DAY:
        raise CellError(_("“%(value)s” gives no day; write the full date.") % {"value": found})
    return found.date
