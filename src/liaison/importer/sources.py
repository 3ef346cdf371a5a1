"""Read a chapter from a file or an upload: a text file in any likely encoding, or a PDF."""

from __future__ import annotations

import codecs
import io
import re
import unicodedata
from pathlib import Path

MAX_BYTES = 20 * 1024 * 1024
_CJK = re.compile(r"[\u3400-\u9fff]")
_ODD = re.compile(r"[\u3040-\u30ff\uac00-\ud7af\ue000-\uf8ff\u3400-\u4dbf]")
# Frequent characters in both scripts: text decoded with the wrong codec has few of them.
_COMMON = frozenset(
    "的一是不了在有人中年和大以上到地出也時时得就要下生會会自去過过對对可能都然"
    "於于還还發发成事作當当多天之而後后年月日國国個个們们為为這这與与來来說说部"
    "員员署公工作交流培訓训赴議议行政區区及等"
)
_MIN_PDF_TEXT = 20  # fewer characters than this: the PDF is a scan


class SourceError(ValueError):
    """The file cannot be read as a chapter's text."""


def read_chapter_source(path: str | Path) -> tuple[str, str]:
    """The chapter text in a file and the file's kind, "txt" or "pdf"."""
    path = Path(path)
    try:
        size = path.stat().st_size
        if size > MAX_BYTES:
            raise SourceError(_too_large(path.name, size))
        data = path.read_bytes()
    except OSError as error:
        raise SourceError(f"{path.name} cannot be read: {error.strerror or error}") from error
    return read_chapter_bytes(data, path.name)


def read_chapter_bytes(data: bytes, filename: str) -> tuple[str, str]:
    """The chapter text in uploaded bytes and their kind, "txt" or "pdf"."""
    if not data.strip():
        raise SourceError(f"{filename} is empty")
    if len(data) > MAX_BYTES:
        raise SourceError(_too_large(filename, len(data)))
    if data.startswith(b"%PDF") or filename.lower().endswith(".pdf"):
        return _pdf_text(data, filename), "pdf"
    return _decode(data, filename), "txt"


def _too_large(filename: str, size: int) -> str:
    limit = MAX_BYTES // 1024 // 1024
    return f"{filename} is {size / 1024 / 1024:.1f} MB; a chapter must be under {limit} MB"


def _decode(data: bytes, filename: str) -> str:
    for bom, encoding in (
        (codecs.BOM_UTF8, "utf-8-sig"),
        (codecs.BOM_UTF16_LE, "utf-16"),
        (codecs.BOM_UTF16_BE, "utf-16"),
    ):
        if data.startswith(bom):
            return _checked(data.decode(encoding, errors="replace"), filename)
    if b"\x00" in data:
        raise SourceError(f"{filename} is binary, not a text file")
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
        f"{filename} is not in a text encoding the importer knows (UTF-8, UTF-16, GB18030, Big5)"
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
        raise SourceError(f"{filename} is binary, not a text file")
    if not text.strip():
        raise SourceError(f"{filename} is empty")
    return text


def _pdf_text(data: bytes, filename: str) -> str:
    from pypdf import PdfReader
    from pypdf.errors import PdfReadError

    try:
        reader = PdfReader(io.BytesIO(data))
        pages = [page.extract_text() or "" for page in reader.pages]
    except (PdfReadError, ValueError, KeyError, TypeError, OSError) as error:
        raise SourceError(f"{filename} is not a readable PDF ({error})") from error
    text = "\n\f".join(pages)
    if len(text.strip()) < _MIN_PDF_TEXT:
        raise SourceError(
            f"{filename}: the PDF has no text layer (scanned?); extract its text with OCR first"
        )
    return text
