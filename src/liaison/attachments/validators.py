"""What an uploaded file must be: an allowed type, within the size limit, and truly that type.

The type is read from the content (sniffed with `filetype`), never trusted from the name:
the extension must agree with what the bytes are. Office and OpenDocument files must be
the zip packages they claim (their `[Content_Types].xml` or `mimetype` member, no macros),
text must be valid UTF-8 without control bytes, and no file may carry HTML or script that a
browser could be tricked into running (a PDF/HTML or JPEG/HTML polyglot).
"""

import codecs
import re
import zipfile
from pathlib import PurePath

import filetype
from django.conf import settings
from django.core.exceptions import ValidationError
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext as _

OOXML = {
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "pptx": "application/vnd.openxmlformats-officedocument.presentationml.presentation",
}
ODF = {
    "odt": "application/vnd.oasis.opendocument.text",
    "ods": "application/vnd.oasis.opendocument.spreadsheet",
    "odp": "application/vnd.oasis.opendocument.presentation",
}
#: The allow-list: extension -> the only MIME type its content may have.
ALLOWED = {
    "pdf": "application/pdf",
    **OOXML,
    **ODF,
    "jpg": "image/jpeg",
    "jpeg": "image/jpeg",
    "png": "image/png",
    "txt": "text/plain; charset=utf-8",
}
#: The part every OOXML package of that kind has.
OOXML_MAIN_PART = {
    "docx": "word/document.xml",
    "xlsx": "xl/workbook.xml",
    "pptx": "ppt/presentation.xml",
}
#: Tags a browser would act on; none belongs in any allowed type.
ACTIVE_MARKUP = re.compile(
    rb"<\s*(?:!doctype\s+html|html|head|body|script|iframe|frame|frameset|object|embed|svg"
    rb"|img|meta|link|style|form|base)[\s/>]",
    re.IGNORECASE,
)
MARKUP_OVERLAP = 32  # bytes kept between chunks, longer than any pattern above
CONTROL_CHARACTERS = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f-\x9f]")


def extension_of(name: str) -> str:
    return PurePath(name or "").suffix.lower().lstrip(".")


def content_type_of(name: str) -> str:
    """The MIME type a stored file is sent with (its content was checked against it)."""
    return ALLOWED.get(extension_of(name), "application/octet-stream")


def validate_upload(upload) -> None:
    if getattr(upload, "_committed", False):
        return  # a file already stored was checked when it was uploaded
    extension = extension_of(upload.name)
    if extension not in ALLOWED:
        raise ValidationError(
            _("Files of type “%(ext)s” cannot be attached. Allowed: %(allowed)s."),
            params={"ext": extension or "?", "allowed": ", ".join(ALLOWED)},
            code="extension",
        )
    if upload.size == 0:
        raise ValidationError(_("The file is empty."), code="empty")
    limit = settings.LIAISON_ATTACHMENT_MAX_BYTES
    if upload.size > limit:
        raise ValidationError(
            _("The file is %(size)s; the limit is %(limit)s."),
            params={"size": filesizeformat(upload.size), "limit": filesizeformat(limit)},
            code="size",
        )
    try:
        check_content(upload, extension)
    finally:
        upload.seek(0)


def check_content(upload, extension: str) -> None:
    upload.seek(0)
    sniffed = filetype.guess(upload.read(8192))
    if extension == "txt":
        if sniffed is not None:
            raise not_text()
        check_text(upload)
    elif extension in OOXML or extension in ODF:
        if sniffed is None or sniffed.mime not in {ALLOWED[extension], "application/zip"}:
            raise not_of_type(extension)
        check_package(upload, extension)
    elif sniffed is None or sniffed.mime != ALLOWED[extension]:
        raise not_of_type(extension)
    check_no_markup(upload)


def check_text(upload) -> None:
    """Valid UTF-8 throughout, with no control characters but tabs, line and page breaks."""
    decoder = codecs.getincrementaldecoder("utf-8-sig")()
    try:
        for chunk in upload.chunks():
            if CONTROL_CHARACTERS.search(decoder.decode(chunk)):
                raise not_text()
        decoder.decode(b"", final=True)
    except UnicodeDecodeError:
        raise not_text() from None


def check_package(upload, extension: str) -> None:
    """An OOXML or ODF file is a zip with that format's own members, and no macros."""
    upload.seek(0)
    try:
        with zipfile.ZipFile(upload) as package:
            members = package.infolist()
            names = {member.filename for member in members}
            if extension in OOXML:
                genuine = "[Content_Types].xml" in names and OOXML_MAIN_PART[extension] in names
                macros = any(name.lower().endswith("vbaproject.bin") for name in names)
            else:
                first = members[0] if members else None
                genuine = (
                    first is not None
                    and first.filename == "mimetype"
                    and first.file_size < 100
                    and package.read(first) == ALLOWED[extension].encode()
                    and "content.xml" in names
                )
                macros = any(name.startswith(("Basic/", "Scripts/")) for name in names)
    except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, EOFError, KeyError):
        raise not_of_type(extension) from None
    if not genuine:
        raise not_of_type(extension)
    if macros:
        raise ValidationError(
            _("The document contains macros and cannot be attached."), code="macros"
        )


def check_no_markup(upload) -> None:
    """No HTML or script anywhere in the file, so no browser or viewer can be made to run it."""
    tail = b""
    for chunk in upload.chunks():
        if ACTIVE_MARKUP.search(tail + chunk):
            raise ValidationError(
                _("The file contains web page code (HTML or script) and cannot be attached."),
                code="markup",
            )
        tail = chunk[-MARKUP_OVERLAP:]


def not_text() -> ValidationError:
    return ValidationError(_("The file is not plain text."), code="content")


def not_of_type(extension: str) -> ValidationError:
    return ValidationError(
        _("The file's content is not a %(ext)s file."), params={"ext": extension}, code="content"
    )
