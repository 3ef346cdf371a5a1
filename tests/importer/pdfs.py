"""Hand-built PDFs for the importer's tests: well-formed files that are costly to read."""

import io
import zlib
from collections.abc import Iterable


def _stream(chunks: Iterable[bytes]) -> bytes:
    compressor = zlib.compressobj(9)
    data = b"".join(compressor.compress(chunk) for chunk in chunks) + compressor.flush()
    return b"<< /Filter /FlateDecode /Length %d >>\nstream\n" % len(data) + data + b"\nendstream"


def _pdf(objects: list[bytes]) -> bytes:
    out = io.BytesIO()
    out.write(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(out.tell())
        out.write(b"%d 0 obj\n" % number + body + b"\nendobj\n")
    xref = out.tell()
    out.write(b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1))
    out.writelines(b"%010d 00000 n \n" % offset for offset in offsets)
    out.write(b"trailer\n<< /Size %d /Root 1 0 R >>\n" % (len(objects) + 1))
    out.write(b"startxref\n%d\n%%%%EOF\n" % xref)
    return out.getvalue()


def text_pdf(page_drawings: list[bytes], pages: int = 1) -> bytes:
    """A PDF whose pages draw the given text operators in Helvetica; with `pages`, its page
    tree repeats the pages that many times (a tiny file of many pages)."""
    first_page = 4
    count = len(page_drawings)
    font = 3
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"",  # the page tree, once the page numbers are known
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]
    for index in range(count):
        contents = first_page + count + index
        objects.append(
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] "
            b"/Resources << /Font << /F1 %d 0 R >> >> /Contents %d 0 R >>" % (font, contents)
        )
    objects.extend(_stream([b"BT /F1 12 Tf 72 760 Td " + d + b" ET"]) for d in page_drawings)
    kids = b" ".join(b"%d 0 R" % (first_page + i) for i in range(count)) + b" "
    objects[1] = b"<< /Type /Pages /Kids [%s] /Count %d >>" % (kids * pages, count * pages)
    return _pdf(objects)


def bomb_pdf(inflated_bytes: int) -> bytes:
    """One page whose content stream is `inflated_bytes` of zeros, compressed to ~1/1000."""
    chunk = b"0" * (1024 * 1024)
    stream = _stream(chunk for _ in range(inflated_bytes // len(chunk)))
    return _pdf(
        [
            b"<< /Type /Catalog /Pages 2 0 R >>",
            b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R >>",
            stream,
        ]
    )
