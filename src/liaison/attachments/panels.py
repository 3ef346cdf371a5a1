"""The files panel on every record's detail page (registered with core's registry)."""

import rules
from django.contrib.contenttypes.models import ContentType
from django.db.models import Exists, OuterRef
from django.urls import reverse

from liaison.attachments.forms import AttachmentUploadForm
from liaison.attachments.models import Attachment
from liaison.core.models import RecordModel

#: Whether the record has files: read with the record, so a page without any asks no more.
HAS_FILES = "has_attachments"


def has_files(model):
    if not issubclass(model, RecordModel):
        return None
    files = Attachment.objects.filter(
        content_type=ContentType.objects.get_for_model(model), object_id=OuterRef("pk")
    )
    return Exists(files)


def files_panel(record, user):
    """The record's files, and the upload form for whoever may change the record; shown on a
    page that has already read the record through the chokepoint, and downloaded through the
    view that checks the permission again."""
    if not isinstance(record, RecordModel):
        return None
    files = Attachment.objects.none()
    if getattr(record, HAS_FILES, True):
        files = Attachment.objects.filter(
            content_type=ContentType.objects.get_for_model(record), object_id=record.pk
        )
    opts = record._meta
    may_change = rules.has_perm(f"{opts.app_label}.change_{opts.model_name}", user, record)
    upload = reverse("attachments:upload", args=[opts.model_name, record.pk])
    return "attachments/panel.html", {
        "files": files,
        "form": AttachmentUploadForm(record=record) if may_change else None,
        "upload": upload,
    }
