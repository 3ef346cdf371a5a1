"""What an uploaded file must be: an allowed type, within the size limit, and truly that type."""

from pathlib import PurePath

from django.conf import settings
from django.core.exceptions import ValidationError
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext as _

# The first bytes each allowed type starts with; a file whose content does not match its
# extension (an executable renamed .pdf) is refused.
SIGNATURES = {
    "pdf": (b"%PDF-",),
    "docx": (b"PK\x03\x04",),
    "xlsx": (b"PK\x03\x04",),
    "odt": (b"PK\x03\x04",),
    "doc": (b"\xd0\xcf\x11\xe0",),
    "png": (b"\x89PNG\r\n\x1a\n",),
    "jpg": (b"\xff\xd8\xff",),
    "jpeg": (b"\xff\xd8\xff",),
}


def validate_upload(upload) -> None:
    extension = PurePath(upload.name or "").suffix.lower().lstrip(".")
    allowed = settings.LIAISON_ATTACHMENT_EXTENSIONS
    if extension not in allowed:
        raise ValidationError(
            _("Files of type “%(ext)s” cannot be attached. Allowed: %(allowed)s."),
            params={"ext": extension or "?", "allowed": ", ".join(allowed)},
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
    head = upload.read(16)
    upload.seek(0)
    if extension == "txt":
        if b"\x00" in head:
            raise ValidationError(_("The file is not plain text."), code="content")
    elif not head.startswith(SIGNATURES[extension]):
        raise ValidationError(
            _("The file's content is not a %(ext)s file."),
            params={"ext": extension},
            code="content",
        )
