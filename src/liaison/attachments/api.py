"""A record's files in the API: listed with the record, uploaded through the same
validators and service as on its page (at the record's version), downloaded only through
the permission-checked download view."""

import datetime

from django.conf import settings
from django.shortcuts import get_object_or_404
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext as _
from ninja import Field, File, Form, Query, Router, Schema, Status, UploadedFile

from liaison.api.errors import ApiError, errors
from liaison.api.records import WRITE_ERRORS
from liaison.api.versions import expected_version
from liaison.attachments import services, views
from liaison.attachments.models import Attachment
from liaison.core import registry
from liaison.core.services import StaleRecordError, require_perm

router = Router(tags=["attachments"])


class RecordRef(Schema):
    record_type: str = Field(..., max_length=40, description="The record's kind, e.g. activity.")
    record_id: int = Field(..., ge=1)


class UploadIn(RecordRef):
    kind: Attachment.Kind = Attachment.Kind.OTHER
    description: str = Field("", max_length=300)
    version: int | None = Field(None, ge=1, description="The record's version you read.")


class AttachmentOut(Schema):
    id: int
    kind: str
    original_name: str
    size: int
    description: str
    created_at: datetime.datetime
    download: str

    @staticmethod
    def resolve_download(obj) -> str:
        return f"/api/v1/attachments/{obj.pk}/file"


def visible_record(request, ref: RecordRef):
    family = registry.record_family(ref.record_type)
    if family is None:
        raise ApiError(422, _("No such kind of record."), errors={"record_type": [ref.record_type]})
    return get_object_or_404(family.visible(request.user), pk=ref.record_id)


def files_of(record):
    return Attachment.objects.filter(
        content_type__app_label=record._meta.app_label,
        content_type__model=record._meta.model_name,
        object_id=record.pk,
    )


@router.get(
    "/attachments/",
    response={200: list[AttachmentOut], **errors(401, 404, 422, 429)},
    operation_id="attachments_list",
    summary="A record's files",
)
def list_files(request, ref: Query[RecordRef]):
    return files_of(visible_record(request, ref))


@router.post(
    "/attachments/",
    response={201: AttachmentOut, **WRITE_ERRORS, **errors(413)},
    operation_id="attachments_upload",
    summary="Attach a file to a record",
)
def upload(request, payload: Form[UploadIn], file: File[UploadedFile]):
    record = visible_record(request, payload)
    require_perm(request.user, "change", record)
    version = expected_version(request, payload.version)
    limit = settings.LIAISON_ATTACHMENT_MAX_BYTES
    if file.size > limit:
        raise ApiError(
            413, _("The file is larger than %(limit)s.") % {"limit": filesizeformat(limit)}
        )
    try:
        saved = services.attach_file(
            record,
            file=file,
            user=request.user,
            parent_version=version,
            kind=payload.kind,
            description=payload.description,
        )
    except StaleRecordError as error:
        raise ApiError(409, error.messages[0], "stale") from error
    return Status(201, saved)


@router.get(
    "/attachments/{int:pk}/file",
    response={200: None, **errors(401, 404, 429)},
    operation_id="attachments_download",
    summary="Download a file",
    openapi_extra={
        "responses": {
            200: {
                "description": "The file",
                "content": {
                    "application/octet-stream": {"schema": {"type": "string", "format": "binary"}}
                },
            }
        }
    },
)
def download(request, pk: int):
    return views.download(request, pk)


@router.delete(
    "/attachments/{int:pk}",
    response={204: None, **WRITE_ERRORS},
    operation_id="attachments_delete",
    summary="Remove a file (If-Match: its record's version)",
)
def delete(request, pk: int):
    attachment = get_object_or_404(Attachment.objects.filter(pk=pk).visible_to(request.user))
    version = expected_version(request)
    try:
        services.delete_attachment(attachment, user=request.user, parent_version=version)
    except StaleRecordError as error:
        raise ApiError(409, error.messages[0], "stale") from error
    return Status(204, None)
