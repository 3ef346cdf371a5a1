"""Reading chapter files and uploads: encodings, binaries, sizes, PDFs."""

import io

import pytest

from liaison.importer import sources
from liaison.importer.sources import SourceError, read_chapter_bytes, read_chapter_source

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
