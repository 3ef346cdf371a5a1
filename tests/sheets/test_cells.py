"""Cells read the way the office types them; exports never hand Excel a formula."""

import datetime
from decimal import Decimal

import pytest
from django.utils import translation

from liaison.activities.choices import DatePrecision
from liaison.sheets import cells

DAY, MONTH, YEAR = DatePrecision.DAY, DatePrecision.MONTH, DatePrecision.YEAR


@pytest.fixture(autouse=True)
def in_english():
    with translation.override("en"):
        yield


@pytest.mark.parametrize(
    ("written", "date", "precision"),
    [
        ("2024-04-03", datetime.date(2024, 4, 3), DAY),
        ("3/4/2024", datetime.date(2024, 4, 3), DAY),
        ("03.04.2024", datetime.date(2024, 4, 3), DAY),
        ("2024年4月3日", datetime.date(2024, 4, 3), DAY),
        ("２０２４年４月", datetime.date(2024, 4, 1), MONTH),
        ("2024年4月", datetime.date(2024, 4, 1), MONTH),
        ("Abril de 2024", datetime.date(2024, 4, 1), MONTH),
        ("3 de Março de 2024", datetime.date(2024, 3, 3), DAY),
        ("April 2024", datetime.date(2024, 4, 1), MONTH),
        ("April 3, 2024", datetime.date(2024, 4, 3), DAY),
        ("2024-04", datetime.date(2024, 4, 1), MONTH),
        ("4/2024", datetime.date(2024, 4, 1), MONTH),
        ("2024", None, YEAR),
        (2024, None, YEAR),
        (datetime.datetime(2024, 4, 3), datetime.date(2024, 4, 3), DAY),
    ],
)
def test_dates_in_every_habit_with_their_precision(written, date, precision):
    found = cells.sheet_date(written)
    assert (found.year, found.date, found.precision) == (2024, date, precision)


@pytest.mark.parametrize("written", ["31/2/2024", "next spring", "2024年13月", "Abrilis 2024"])
def test_impossible_dates_are_refused_with_a_message(written):
    with pytest.raises(cells.CellError, match="not a date"):
        cells.sheet_date(written)


def test_a_due_date_needs_its_day():
    with pytest.raises(cells.CellError, match="no day"):
        cells.day("2024年4月")


@pytest.mark.parametrize("formula", ['=HYPERLINK("http://x")', "+1", "-2+3", "@SUM(A1)", "\tx"])
def test_formula_like_text_is_neutralised_and_read_back_as_typed(formula):
    written = cells.neutralised(formula)
    assert written == "'" + formula
    assert cells.text(written) == formula


def test_other_values_pass_unchanged():
    assert cells.neutralised("公開機構") == "公開機構"
    assert cells.neutralised(-3) == -3
    assert cells.text("'quoted") == "'quoted"


def test_numbers_yes_no_and_lists():
    assert cells.number("1,234.5") == Decimal("1234.5")
    assert cells.text(1234.0) == "1234"
    assert cells.whole_number(12.0) == 12
    with pytest.raises(cells.CellError):
        cells.whole_number("1.5")
    assert [cells.yes_no(v) for v in ("是", "否", "Sim", "não", "yes", True, "")] == [
        True,
        False,
        True,
        False,
        True,
        True,
        False,
    ]
    with pytest.raises(cells.CellError):
        cells.yes_no("maybe")
    assert cells.items("維也納；香港、Lisboa\nParis; ") == ["維也納", "香港", "Lisboa", "Paris"]
