"""Bad files say what is wrong, in the user's language, and import nothing."""

import openpyxl
import pytest
from django.utils import translation

from liaison.partners.models import PartnerBody
from liaison.sheets import registry
from liaison.sheets.importing import import_sheet
from liaison.sheets.reading import OLE, SheetError

pytestmark = pytest.mark.django_db
BODY = registry.kind_named("body")


def refused(path, user) -> str:
    with pytest.raises(SheetError) as error, translation.override("en"):
        import_sheet(BODY, path, user=user)
    assert not PartnerBody.objects.exists()
    return str(error.value)


def test_a_corrupt_workbook(tmp_path, editor):
    path = tmp_path / "bodies.xlsx"
    path.write_bytes(b"PK\x03\x04 not really a zip file")
    assert "damaged" in refused(path, editor)


def test_a_password_protected_workbook(tmp_path, editor):
    path = tmp_path / "bodies.xlsx"
    path.write_bytes(OLE + b"\0" * 100 + "EncryptionInfo".encode("utf-16-le") + b"\0" * 100)
    assert "password" in refused(path, editor)


def test_an_old_xls_workbook(tmp_path, editor):
    path = tmp_path / "bodies.xls"
    path.write_bytes(OLE + b"\0" * 200)
    assert ".xls" in refused(path, editor)


def test_merged_cells_are_named(workbook, editor):
    path = workbook([["名稱（中文）", "簡稱"], ["公開機構", "PUB"], ["", ""]])
    book = openpyxl.load_workbook(path)
    book.active.merge_cells("A2:A3")
    book.save(path)
    message = refused(path, editor)
    assert "A2:A3" in message and "merged" in message


def test_wrong_headers_list_the_expected_ones_in_the_users_language(workbook, editor):
    path = workbook([["名稱（中文）", "Colour"], ["公開機構", "red"]])
    with pytest.raises(SheetError) as error, translation.override("zh-hant"):
        import_sheet(BODY, path, user=editor)
    assert "Colour" in str(error.value)
    assert "簡稱" in str(error.value)  # the acronym's header, as the user reads it


def test_a_required_column_missing(workbook, editor):
    assert "missing: name (Chinese)" in refused(workbook([["acronym"], ["PUB"]]), editor)


def test_too_many_rows(workbook, editor, settings):
    settings.LIAISON_SHEET_MAX_ROWS = 3
    path = workbook([["name (Chinese)"], *[[f"機構{n}"] for n in range(4)]])
    assert "more than 3 rows" in refused(path, editor)


def test_an_empty_sheet(workbook, editor):
    assert "empty" in refused(workbook([]), editor)


def test_not_a_sheet_at_all(tmp_path, editor):
    path = tmp_path / "bodies.pdf"
    path.write_bytes(b"%PDF-1.4")
    assert "neither" in refused(path, editor)


def test_headers_in_any_language_and_csv_in_big5(csv_file, editor):
    with translation.override("pt"):
        portuguese = str(BODY.column("name_pt").label)
    path = csv_file(
        [[portuguese, "名稱（中文）", "acronym"], ["Orgao", "公開機構", "PUB"]],
        encoding="big5hkscs",
    )
    result = import_sheet(BODY, path, user=editor)
    assert result.written and result.counts["create"] == 1
    assert PartnerBody.objects.get().name_pt == "Orgao"


def peak_while_reading(path) -> int:
    """The most memory Python held while every row of the sheet was read, in bytes."""
    import tracemalloc

    from liaison.sheets.reading import open_sheet

    tracemalloc.start()
    try:
        sheet = open_sheet(path)
        assert sum(1 for _ in sheet.rows) > 1
        sheet.close()
        return tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()


def test_100k_rows_are_read_one_at_a_time(csv_file, tmp_path):
    """A 100,000-row CSV file (the limit) and a workbook are streamed: memory does not grow
    with the rows (a whole-file load would hold every row: tens of megabytes)."""
    rows = [["name (Chinese)", "acronym", "website"]]
    rows += [[f"機構{n}", f"B{n}", f"https://b{n}.example"] for n in range(100_000)]
    path = csv_file(rows)
    assert peak_while_reading(path) < min(2 * 1024 * 1024, path.stat().st_size / 2)
    sizes = []
    for count in (500, 5000):
        book = openpyxl.Workbook(write_only=True)
        sheet = book.create_sheet("bodies")
        for row in rows[: count + 1]:
            sheet.append(row)
        book.save(path := tmp_path / f"{count}.xlsx")
        sizes.append(peak_while_reading(path))
    assert sizes[1] < 1.5 * sizes[0]
