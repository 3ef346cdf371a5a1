"""The spreadsheet importer against bad sheets: random bytes under a sheet's name, CSV in
the wrong encoding, broken workbooks, and well-formed sheets whose cells hold huge, empty,
broken or wrongly typed values under the real headers. The preview is a page with a
message and writes nothing; the all-or-nothing import writes nothing unless it says so;
never a 500."""

import csv
import io
import zipfile

import openpyxl
import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from hypothesis import given
from hypothesis import strategies as st
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE

from liaison.sheets import registry
from tests.fuzz.inputs import BOUNDED, random_bytes, value, written, wrongly_encoded

pytestmark = pytest.mark.django_db

KINDS = [kind.name for kind in registry.kinds()]


@pytest.fixture(autouse=True)
def staging_in_tmp(settings, tmp_path):
    """Previewed sheets wait under VAR_DIR: the test's own folder, not the project's."""
    settings.VAR_DIR = tmp_path


cell = st.one_of(
    value,
    st.none(),
    st.integers(min_value=-(2**70), max_value=2**70),
    st.floats(allow_nan=True, allow_infinity=True),
    st.booleans(),
    st.dates(),
)


@st.composite
def table(draw) -> tuple[str, list[list]]:
    """A kind, and rows under some of its real headers (shuffled, one maybe doubled)."""
    kind = registry.kind_named(draw(st.sampled_from(KINDS)))
    keys = [column.key for column in kind.columns]
    headers = draw(st.lists(st.sampled_from(keys), min_size=1, max_size=len(keys) + 1))
    rows = draw(st.lists(st.lists(cell, min_size=len(headers), max_size=len(headers)), max_size=4))
    return kind.name, [headers, *rows]


def storable(cell):
    """What a workbook can hold: Excel's 32,767 characters at most, no control characters."""
    if isinstance(cell, str):
        return ILLEGAL_CHARACTERS_RE.sub("", cell)[:32_000]
    return cell


def workbook(rows) -> bytes:
    book = openpyxl.Workbook()
    for row in rows:
        book.active.append([storable(cell) for cell in row])
    output = io.BytesIO()
    book.save(output)
    return output.getvalue()


def csv_bytes(rows, encoding) -> bytes:
    output = io.StringIO()
    csv.writer(output).writerows(rows)
    return output.getvalue().encode(encoding, errors="replace")


def broken_workbook(rows) -> bytes:
    """A real workbook with one of its parts replaced by noise."""
    source = zipfile.ZipFile(io.BytesIO(workbook(rows)))
    output = io.BytesIO()
    with zipfile.ZipFile(output, "w") as target:
        for name in source.namelist():
            part = source.read(name)
            target.writestr(name, b"<x" + part[: len(part) // 3] if "sheet1" in name else part)
    return output.getvalue()


def sheet_files(draw_table):
    return st.one_of(
        st.tuples(draw_table, st.just("xlsx")).map(lambda t: (t[0][0], workbook(t[0][1]), t[1])),
        st.tuples(draw_table, st.sampled_from(["utf-8-sig", "utf-16", "big5", "latin-1"])).map(
            lambda t: (t[0][0], csv_bytes(t[0][1], t[1]), "csv")
        ),
        draw_table.map(lambda t: (t[0], broken_workbook(t[1]), "xlsx")),
        st.tuples(st.sampled_from(KINDS), st.one_of(random_bytes, wrongly_encoded), st.just("csv")),
        st.tuples(st.sampled_from(KINDS), random_bytes, st.sampled_from(["xlsx", "XLSX"])),
    )


@BOUNDED
@given(sheet=sheet_files(table()), valid_only=st.booleans())
def test_the_spreadsheet_importer_refuses_bad_sheets_in_words(editor_client, sheet, valid_only):
    kind, content, suffix = sheet
    before = written()
    preview = editor_client.post(
        reverse("sheets:upload"),
        {"kind": kind, "sheet": SimpleUploadedFile(f"sheet.{suffix}", content)},
    )
    assert preview.status_code == 200
    assert written() == before
    if "token" not in preview.context:
        assert preview.context["form"].errors  # the reason, beside the file
        return
    data = {"token": preview.context["token"]}
    if valid_only:
        data["valid_only"] = "1"
    done = editor_client.post(reverse("sheets:confirm"), data)
    assert done.status_code in (200, 302)
    if done.status_code == 302 or not done.context["result"].written:
        assert written() == before


@BOUNDED
@given(token=st.one_of(value, st.just("../../settings.py"), st.just("")))
def test_a_forged_confirmation_imports_nothing(editor_client, token):
    before = written()
    response = editor_client.post(reverse("sheets:confirm"), {"token": token, "valid_only": "1"})
    assert response.status_code == 302 and written() == before
