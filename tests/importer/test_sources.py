"""Reading chapter files and uploads: encodings, binaries, sizes, PDFs."""

import io
import time
from pathlib import Path

import pytest
from django.utils import translation

from liaison.importer import sources
from liaison.importer.sources import SourceError, read_chapter_bytes, read_chapter_source
from tests.importer.pdfs import bomb_pdf, text_pdf


@pytest.fixture(autouse=True)
def in_english():
    with translation.override("en"):
        yield


TEXT = "第五部分\n對外交流與培訓\n一、外訪\n- 赴香港出席“會議”。\n"


@pytest.mark.parametrize(
    "data",
    [
        TEXT.encode("utf-8"),
        TEXT.encode("utf-8-sig"),
        TEXT.encode("utf-16"),
        TEXT.encode("utf-16-be").join([b"\xfe\xff", b""]),
        TEXT.encode("big5"),
    ],
    ids=["utf-8", "utf-8-bom", "utf-16-le-bom", "utf-16-be-bom", "big5"],
)
def test_text_encodings(data):
    assert read_chapter_bytes(data, "chapter.txt") == (TEXT, "txt")


def test_gb18030_simplified():
    simplified = "第五部分\n对外交流与培训\n一、外访\n- 赴香港出席会议。\n"
    assert read_chapter_bytes(simplified.encode("gb18030"), "c.txt") == (simplified, "txt")


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"", "empty"),
        (b" \n\t ", "empty"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "binary"),
        (bytes(range(1, 32)) * 20, "binary"),
        (b"\xff\xfe" + bytes(range(200, 256)) * 4, "binary"),
    ],
)
def test_unreadable_bytes(data, message):
    with pytest.raises(SourceError, match=message):
        read_chapter_bytes(data, "bad.txt")


def test_huge_file_is_refused(tmp_path, monkeypatch):
    monkeypatch.setattr(sources, "MAX_BYTES", 1000)
    path = tmp_path / "huge.txt"
    path.write_bytes(TEXT.encode() * 100)
    with pytest.raises(SourceError, match="MB"):
        read_chapter_source(path)
    with pytest.raises(SourceError, match="MB"):
        read_chapter_bytes(path.read_bytes(), "huge.txt")


def test_missing_file(tmp_path):
    with pytest.raises(SourceError, match="cannot be read"):
        read_chapter_source(tmp_path / "nowhere.txt")


def test_corrupt_pdf():
    with pytest.raises(SourceError, match="not a readable PDF"):
        read_chapter_bytes(b"%PDF-1.7\n1 0 obj <<< broken", "broken.pdf")


def test_pdf_without_text_layer():
    from pypdf import PdfWriter

    writer = PdfWriter()
    writer.add_blank_page(width=595, height=842)
    buffer = io.BytesIO()
    writer.write(buffer)
    with pytest.raises(SourceError, match="no text layer"):
        read_chapter_bytes(buffer.getvalue(), "scan.pdf")


def test_file_on_disk(tmp_path):
    path = tmp_path / "chapter.txt"
    path.write_text(TEXT, encoding="utf-8")
    assert read_chapter_source(path) == (TEXT, "txt")


def test_a_pdf_that_inflates_hugely_is_refused_quickly():
    """100 MB of zeros in a 100 KB stream: past pypdf's limit and the importer's own."""
    start = time.monotonic()
    with pytest.raises(SourceError, match="expands beyond the importer's limits"):
        read_chapter_bytes(bomb_pdf(100 * 1024 * 1024), "bomb.pdf")
    assert time.monotonic() - start < sources.PDF_MAX_SECONDS


def test_a_content_stream_repeating_one_string_is_refused_before_it_is_parsed():
    """Like the 23 KB file that took 32 s: 70,000 drawings of one string on a page."""
    data = text_pdf([b"(Comissariado) Tj\n" * 70_000])
    assert len(data) < 30_000
    with pytest.raises(SourceError, match="drawing data"):
        read_chapter_bytes(data, "repeat.pdf")


def test_a_pdf_of_too_many_pages_is_refused():
    data = text_pdf([b"(Relatorio anual) Tj"], pages=sources.PDF_MAX_PAGES + 1)
    with pytest.raises(SourceError, match=f"{sources.PDF_MAX_PAGES + 1} pages"):
        read_chapter_bytes(data, "pages.pdf")


def test_a_pdf_of_too_many_characters_is_refused():
    line = b"(" + b"a" * 2000 + b") Tj\n"
    data = text_pdf([line * 50] * 5)  # 500,000 characters over five pages
    with pytest.raises(SourceError, match="characters"):
        read_chapter_bytes(data, "long.pdf")


def test_a_pdf_that_takes_too_long_is_refused(monkeypatch):
    monkeypatch.setattr(sources, "PDF_MAX_SECONDS", 0)
    with pytest.raises(SourceError, match="0 seconds"):
        read_chapter_bytes(text_pdf([b"(Relatorio anual de 2024 do Comissariado) Tj"]), "s.pdf")


def test_a_small_pdf_is_read():
    text, kind = read_chapter_bytes(text_pdf([b"(Relatorio anual de 2024) Tj"] * 2), "ok.pdf")
    assert kind == "pdf" and text.count("Relatorio anual de 2024") == 2


def test_an_encrypted_pdf_is_refused():
    from pypdf import PdfReader, PdfWriter

    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(text_pdf([b"(Relatorio anual) Tj"]))))
    writer.encrypt("secret")
    buffer = io.BytesIO()
    writer.write(buffer)
    with pytest.raises(SourceError, match="encrypted"):
        read_chapter_bytes(buffer.getvalue(), "locked.pdf")


def test_a_text_too_long_for_a_chapter_is_refused():
    with pytest.raises(SourceError, match="characters"):
        read_chapter_bytes(TEXT.encode() * 20_000, "everything.txt")


@pytest.mark.parametrize(
    ("language", "words"), [("zh-hant", "頁"), ("pt", "páginas"), ("en", "pages")]
)
def test_refusals_speak_the_users_language(language, words):
    data = text_pdf([b"(Relatorio anual) Tj"], pages=sources.PDF_MAX_PAGES + 1)
    with translation.override(language), pytest.raises(SourceError, match=words):
        read_chapter_bytes(data, "pages.pdf")


WORD = Path(__file__).parent / "chapters" / "2022_docx_table.docx"


def test_a_word_file_gives_headings_bullets_and_a_row_per_activity():
    text, kind = read_chapter_source(WORD)
    lines = text.split("\n")
    assert kind == "docx" and lines[:2] == ["2022年度工作報告", "對外交流與培訓"]
    assert "外訪" in lines and "- 2022年5月10日，接待香港廉政公署代表團來訪。" in lines
    assert "- 12月，派員赴澳門出席“粵港澳廉政研討會”。" in lines  # a list bullet


def test_a_word_table_in_english_reads_its_columns_by_their_headers():
    from docx import Document

    document = Document()
    table = document.add_table(rows=1, cols=4)
    for cell, text in zip(table.rows[0].cells, ["Venue", "Date", "Type", "Activity"], strict=True):
        cell.text = text
    rows = [
        ["Hanoi", "2023-05-13", "Meeting", "Spoke at a regional workshop of the network"],
        ["Suva", "2023-08-02", "Training", "Attended a course for investigators"],
    ]
    for row in rows:
        for cell, text in zip(table.add_row().cells, row, strict=True):
            cell.text = text
    buffer = io.BytesIO()
    document.save(buffer)
    text, _kind = read_chapter_bytes(buffer.getvalue(), "table.docx")
    assert text.split("\n") == [
        "Meeting",
        "- 13 May 2023, Hanoi, Spoke at a regional workshop of the network.",
        "Training",
        "- 2 August 2023, Suva, Attended a course for investigators.",
    ]


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"PK\x03\x04 not really a zip", "not a readable Word document"),
        (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 500, "encrypted or Word 97-2003"),
    ],
    ids=["corrupt", "encrypted-or-old"],
)
def test_a_bad_word_file_is_refused(data, message):
    with pytest.raises(SourceError, match=message):
        read_chapter_bytes(data, "chapter.docx")


def test_a_word_file_that_unzips_hugely_is_refused(monkeypatch):
    monkeypatch.setattr(sources, "WORD_MAX_BYTES", 10_000)
    with pytest.raises(SourceError, match="expands beyond"):
        read_chapter_source(WORD)


def test_a_zip_that_is_no_word_file_is_refused():
    import zipfile

    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("hello.txt", "hello")
    with pytest.raises(SourceError, match="not a readable Word document"):
        read_chapter_bytes(buffer.getvalue(), "chapter.docx")
