"""Uploads are judged by their content: an allow-list of types sniffed from the bytes, the
extension agreeing with them, Office and OpenDocument packages that really are, plain UTF-8
text, and nothing a browser could run. Each refusal has a message in the user's language."""

import io
import os
import zipfile

import docx
import openpyxl
import pytest
from django.core.exceptions import ValidationError
from django.core.files.base import File
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import translation
from PIL import Image

from liaison.attachments.validators import validate_upload
from tests.attachments.conftest import PDF

ODT_MIME = b"application/vnd.oasis.opendocument.text"


def word_document() -> bytes:
    buffer = io.BytesIO()
    document = docx.Document()
    document.add_paragraph("邀請函")
    document.save(buffer)
    return buffer.getvalue()


def workbook() -> bytes:
    buffer = io.BytesIO()
    book = openpyxl.Workbook()
    book.active["A1"] = "出席名單"
    book.save(buffer)
    return buffer.getvalue()


def image(fmt: str) -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", (40, 30), "navy").save(buffer, fmt)
    return buffer.getvalue()


def package(*members: tuple[str, bytes]) -> bytes:
    """A zip whose first member is stored, as OpenDocument requires of `mimetype`."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for index, (name, content) in enumerate(members):
            method = zipfile.ZIP_STORED if index == 0 else zipfile.ZIP_DEFLATED
            archive.writestr(zipfile.ZipInfo(name), content, compress_type=method)
    return buffer.getvalue()


def with_member(document: bytes, name: str, content: bytes) -> bytes:
    buffer = io.BytesIO(document)
    with zipfile.ZipFile(buffer, "a") as archive:
        archive.writestr(name, content)
    return buffer.getvalue()


def refusal(name: str, content: bytes) -> ValidationError:
    with pytest.raises(ValidationError) as refused:
        validate_upload(SimpleUploadedFile(name, content))
    return refused.value


ODT = package(("mimetype", ODT_MIME), ("content.xml", b"<office:document-content/>"))


@pytest.mark.parametrize(
    ("name", "content"),
    [
        ("invitation.pdf", PDF),
        ("programme.docx", word_document()),
        ("attendance.xlsx", workbook()),
        ("photo.jpg", image("JPEG")),
        ("photo.JPEG", image("JPEG")),
        ("certificate.png", image("PNG")),
        ("minutes.odt", ODT),
        ("notes.txt", "會議紀錄\n\t第一項\r\n\f".encode()),
        ("notes-bom.txt", "\ufeffnotes".encode()),
    ],
)
def test_genuine_files_pass_and_are_rewound(name, content):
    upload = SimpleUploadedFile(name, content)
    validate_upload(upload)
    assert upload.read(8) == content[:8]


@pytest.mark.parametrize(
    ("name", "content", "code"),
    [
        ("virus.exe", b"MZ" + b"0" * 50, "extension"),
        ("noextension", PDF, "extension"),
        ("old.doc", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 600, "extension"),
        ("page.html", b"<html></html>", "extension"),
        ("report.pdf", b"", "empty"),
        ("invitation.pdf", b"MZ\x90\x00 not a pdf", "content"),
        ("photo.png", image("JPEG"), "content"),
        ("photo.jpg", PDF, "content"),
        # a PDF that is also a web page (HTML after the header, or appended after %%EOF)
        ("polyglot.pdf", b"%PDF-1.7\n<html><script>alert(1)</script></html>\n%%EOF", "markup"),
        ("appended.pdf", PDF + b"<!DOCTYPE html><body onload=alert(1)>", "markup"),
        ("comment.jpg", image("JPEG")[:-2] + b"<svg onload=alert(1)>\xff\xd9", "markup"),
        ("page.txt", b"<!doctype html>\n<p>hello", "markup"),
        # executables and noise renamed .txt
        ("windows.txt", b"MZ\x90\x00\x03\x00\x00\x00\x04\x00" + b"\x00" * 200, "content"),
        ("linux.txt", b"\x7fELF\x02\x01\x01\x00" + b"\x00" * 200, "content"),
        ("random.txt", os.urandom(4096), "content"),
        ("nul.txt", b"abc\x00def", "content"),
        ("escape.txt", b"plain \x1b[31m red", "content"),
        ("latin1.txt", "relatório".encode("latin-1"), "content"),
        ("cut.txt", "會議".encode()[:-1], "content"),
        # zips that only pretend to be documents
        ("fake.docx", package(("word/x", b"x"), ("other.txt", b"x")), "content"),
        ("sheet.docx", workbook(), "content"),
        ("truncated.docx", word_document()[:3000], "content"),
        ("fake.odt", package(("mimetype", b"application/zip"), ("content.xml", b"x")), "content"),
        ("nocontent.odt", package(("mimetype", ODT_MIME), ("styles.xml", b"x")), "content"),
        ("macros.docx", with_member(word_document(), "word/vbaProject.bin", b"x"), "macros"),
        ("macros.odt", with_member(ODT, "Basic/Standard/Module1.xml", b"x"), "macros"),
    ],
)
def test_bad_uploads_are_refused(name, content, code):
    assert refusal(name, content).code == code


def test_size_limit(settings):
    settings.LIAISON_ATTACHMENT_MAX_BYTES = 50
    assert refusal("big.pdf", PDF).code == "size"


def test_markup_is_found_across_chunk_boundaries():
    """Files are read in chunks; a tag cut in two by a chunk boundary is still found."""
    upload = File(io.BytesIO(b"%PDF-1.7\n" + b"0" * 65_527 + b"<script>"), name="long.pdf")
    upload.DEFAULT_CHUNK_SIZE = 65_536 + 3  # `<sc` ends the first chunk, `ript>` starts the next
    assert [len(chunk) for chunk in upload.chunks()] == [65_539, 5]
    with pytest.raises(ValidationError) as refused:
        validate_upload(upload)
    assert refused.value.code == "markup"


@pytest.mark.parametrize(
    ("language", "name", "content", "expected"),
    [
        ("zh-hant", "polyglot.pdf", b"%PDF-1.7\n<html>", "網頁程式碼"),
        ("pt", "polyglot.pdf", b"%PDF-1.7\n<html>", "código de página web"),
        ("zh-hant", "linux.txt", b"\x7fELF\x02", "檔案不是純文字"),
        ("pt", "linux.txt", b"\x7fELF\x02", "não é texto simples"),
        ("zh-hant", "macros.docx", with_member(word_document(), "vbaProject.bin", b"x"), "巨集"),
        ("pt", "macros.docx", with_member(word_document(), "vbaProject.bin", b"x"), "macros"),
        ("pt", "photo.png", image("JPEG"), "não é de um ficheiro png"),
    ],
)
def test_refusals_are_told_in_the_users_language(language, name, content, expected):
    with translation.override(language):
        message = " ".join(refusal(name, content).messages)
    assert expected in message
