"""Read a chapter from a file or an upload: a text file in any likely encoding, a PDF, or a
Word (.docx) file."""

from __future__ import annotations

import codecs
import io
import re
import time
import unicodedata
from pathlib import Path

from django.utils.translation import gettext as _

MAX_BYTES = 20 * 1024 * 1024
#: Far above any chapter (the sample has 2,000), far below what would hold the parser long.
MAX_CHARACTERS = 400_000
#: A whole annual report is under 300 pages; a chapter, a few dozen.
PDF_MAX_PAGES = 300
#: One page's drawing instructions: a page of text needs tens of kilobytes.
PDF_MAX_STREAM_BYTES = 1024 * 1024
#: Any one stream once inflated (a font's included): beyond it, a decompression bomb.
PDF_MAX_INFLATED_BYTES = 8 * 1024 * 1024
PDF_MAX_SECONDS = 20
#: A Word file once unzipped: a chapter's is well under a megabyte without its pictures.
WORD_MAX_BYTES = 100 * 1024 * 1024
_CJK = re.compile(r"[\u3400-\u9fff]")
_ODD = re.compile(r"[\u3040-\u30ff\uac00-\ud7af\ue000-\uf8ff\u3400-\u4dbf]")
# Frequent characters in both scripts: text decoded with the wrong codec has few of them.
_COMMON = frozenset(
    "的一是不了在有人中年和大以上到地出也時时得就要下生會会自去過过對对可能都然"
    "於于還还發发成事作當当多天之而後后年月日國国個个們们為为這这與与來来說说部"
    "員员署公工作交流培訓训赴議议行政區区及等"
)
_MIN_PDF_TEXT = 20  # fewer characters than this: the PDF is a scan
_OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # a Word 97-2003 file, or an encrypted .docx


class SourceError(ValueError):
    """The file cannot be read as a chapter's text."""


def read_chapter_source(path: str | Path) -> tuple[str, str]:
    """The chapter text in a file and the file's kind, "txt", "pdf" or "docx"."""
    path = Path(path)
    try:
        size = path.stat().st_size
        if size > MAX_BYTES:
            raise SourceError(_too_large(path.name, size))
        data = path.read_bytes()
    except OSError as error:
        raise SourceError(
            _("%(file)s cannot be read: %(error)s")
            % {"file": path.name, "error": error.strerror or error}
        ) from error
    return read_chapter_bytes(data, path.name)


def read_chapter_bytes(data: bytes, filename: str) -> tuple[str, str]:
    """The chapter text in uploaded bytes and their kind, "txt", "pdf" or "docx"."""
    if not data.strip():
        raise SourceError(_empty(filename))
    if len(data) > MAX_BYTES:
        raise SourceError(_too_large(filename, len(data)))
    if data.startswith(b"%PDF") or filename.lower().endswith(".pdf"):
        return _pdf_text(data, filename), "pdf"
    if data.startswith(_OLE):
        raise SourceError(_old_word(filename))
    if data.startswith(b"PK\x03\x04") or filename.lower().endswith(".docx"):
        return _checked(word_text(data, filename), filename), "docx"
    return _decode(data, filename), "txt"


def _too_large(filename: str, size: int) -> str:
    return _("%(file)s is %(size).1f MB; a chapter must be under %(limit)s MB") % {
        "file": filename,
        "size": size / 1024 / 1024,
        "limit": MAX_BYTES // 1024 // 1024,
    }


def _too_long(filename: str, characters: int) -> str:
    return _(
        "%(file)s holds %(count)s characters; a chapter has at most %(limit)s "
        "(import the chapter, not the whole report)"
    ) % {"file": filename, "count": characters, "limit": MAX_CHARACTERS}


def _old_word(filename: str) -> str:
    return _(
        "%(file)s is an encrypted or Word 97-2003 document; save it as .docx without a password"
    ) % {"file": filename}


def _empty(filename: str) -> str:
    return _("%(file)s is empty") % {"file": filename}


def _binary(filename: str) -> str:
    return _("%(file)s is binary, not a text file") % {"file": filename}


def _decode(data: bytes, filename: str) -> str:
    for bom, encoding in (
        (codecs.BOM_UTF8, "utf-8-sig"),
        (codecs.BOM_UTF16_LE, "utf-16"),
        (codecs.BOM_UTF16_BE, "utf-16"),
    ):
        if data.startswith(bom):
            return _checked(data.decode(encoding, errors="replace"), filename)
    if b"\x00" in data:
        raise SourceError(_binary(filename))
    try:
        return _checked(data.decode("utf-8"), filename)
    except UnicodeDecodeError:
        pass
    decoded = []
    for encoding in ("big5", "gb18030"):
        try:
            decoded.append(data.decode(encoding))
        except UnicodeDecodeError:
            continue
    best = max(decoded, key=_chinese_likelihood, default="")
    if best and _chinese_likelihood(best) >= len(best) / 10:
        return _checked(best, filename)
    raise SourceError(
        _("%(file)s is not in a text encoding the importer knows (UTF-8, UTF-16, GB18030, Big5)")
        % {"file": filename}
    )


def _chinese_likelihood(text: str) -> int:
    """Frequent characters count most; kana, Hangul and private-use ones betray a wrong codec."""
    common = sum(1 for ch in text if ch in _COMMON)
    return 4 * common + len(_CJK.findall(text)) - 5 * len(_ODD.findall(text))


def _is_junk(ch: str) -> bool:
    """Control, unassigned, private-use or replacement characters: signs of a binary file."""
    if ch in "\n\r\t\f":
        return False
    return (
        unicodedata.category(ch) in ("Cc", "Cn", "Co", "Cs")
        or ch == "\ufffd"
        or "\ufb50" <= ch <= "\ufefe"
    )


def _checked(text: str, filename: str) -> str:
    junk = sum(1 for ch in text if _is_junk(ch))
    if junk > len(text) // 20:
        raise SourceError(_binary(filename))
    if not text.strip():
        raise SourceError(_empty(filename))
    if len(text) > MAX_CHARACTERS:
        raise SourceError(_too_long(filename, len(text)))
    return text


def _pdf_text(data: bytes, filename: str) -> str:
    """The PDF's text, read within bounds: a crafted file (a stream that inflates hugely,
    thousands of pages, a content stream drawing millions of characters) is refused with a
    message, in seconds, instead of holding the server for minutes."""
    from pypdf import PdfReader, apply_configuration
    from pypdf.errors import FileNotDecryptedError, LimitReachedError, PyPdfError

    budget = _PdfBudget(filename)
    try:
        with apply_configuration(zlib_maximum_output_length=PDF_MAX_INFLATED_BYTES):
            reader = PdfReader(io.BytesIO(data))
            budget.check_pages(len(reader.pages))
            pages = [budget.page_text(page, number) for number, page in enumerate(reader.pages, 1)]
    except SourceError:
        raise
    except FileNotDecryptedError as error:
        raise SourceError(
            _("%(file)s is encrypted; save it without a password first") % {"file": filename}
        ) from error
    except LimitReachedError as error:
        raise SourceError(budget.too_much()) from error
    except (PyPdfError, ValueError, KeyError, TypeError, OSError, RecursionError) as error:
        raise SourceError(
            _("%(file)s is not a readable PDF (%(error)s)") % {"file": filename, "error": error}
        ) from error
    text = "\n\f".join(pages)
    if len(text.strip()) < _MIN_PDF_TEXT:
        raise SourceError(
            _("%(file)s: the PDF has no text layer (scanned?); extract its text with OCR first")
            % {"file": filename}
        )
    return text


class _PdfBudget:
    """The work one PDF may cost: pages, bytes of drawing instructions, characters, time.

    pypdf's text extraction is slow per drawing instruction (tenths of a millisecond), so
    the size of each page's instructions is checked before it is parsed, and the clock and
    the characters are checked as it runs; a chapter is far inside every bound.
    """

    def __init__(self, filename: str):
        self.filename = filename
        self.deadline = time.monotonic() + PDF_MAX_SECONDS
        self.characters = 0

    def check_pages(self, count: int) -> None:
        if count > PDF_MAX_PAGES:
            raise SourceError(
                _("%(file)s has %(count)s pages; a chapter has at most %(limit)s")
                % {"file": self.filename, "count": count, "limit": PDF_MAX_PAGES}
            )

    def page_text(self, page, number: int) -> str:
        self.check_time()
        contents = page.get_contents()
        if contents is not None and len(contents.get_data()) > PDF_MAX_STREAM_BYTES:
            raise SourceError(self.too_much())
        text = page.extract_text(visitor_operand_before=self.on_instruction) or ""
        self.characters += len(text)
        if self.characters > MAX_CHARACTERS:
            raise SourceError(_too_long(self.filename, self.characters))
        return text

    def on_instruction(self, *_args) -> None:
        self.check_time()

    def check_time(self) -> None:
        if time.monotonic() > self.deadline:
            raise SourceError(
                _(
                    "%(file)s took more than %(seconds)s seconds to read; extract its text "
                    "(for example with pdftotext) and import the .txt file"
                )
                % {"file": self.filename, "seconds": PDF_MAX_SECONDS}
            )

    def too_much(self) -> str:
        return _(
            "%(file)s holds more drawing data than a chapter's PDF (a part that expands "
            "beyond the importer's limits); extract its text and import the .txt file"
        ) % {"file": self.filename}


def word_text(data: bytes, filename: str) -> str:
    """A Word file's text in reading order, one block per line, as the parser reads a chapter:
    headings and paragraphs as they are, list items as bullets, a table of activities as one
    bullet per row (under a heading per kind when a column gives it)."""
    import zipfile

    from docx import Document
    from docx.opc.exceptions import OpcError

    from liaison.importer.word import document_lines

    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            if sum(item.file_size for item in archive.infolist()) > WORD_MAX_BYTES:
                raise SourceError(
                    _("%(file)s expands beyond %(limit)s MB; it is not a chapter")
                    % {"file": filename, "limit": WORD_MAX_BYTES // 1024 // 1024}
                )
        lines = document_lines(Document(io.BytesIO(data)))
    except SourceError:
        raise
    # A damaged archive or XML (lxml's errors are SyntaxErrors), a part missing.
    except (zipfile.BadZipFile, OpcError, SyntaxError, KeyError, ValueError, OSError) as error:
        raise SourceError(
            _("%(file)s is not a readable Word document (%(error)s)")
            % {"file": filename, "error": error.__class__.__name__}
        ) from error
    return "\n".join(lines)
