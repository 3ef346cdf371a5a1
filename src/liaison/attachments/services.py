"""Writes to the files attached to a record: attach, describe, delete.

An attachment is part of its record: each function takes the record's version the user
loaded (`parent_version`) and is refused with StaleRecordError if anyone changed the record
since; attaching a file to an approved record returns it to draft, like any other edit.
"""

from __future__ import annotations

from liaison.attachments.models import Attachment
from liaison.core import services


def save_attachment(attachment: Attachment, *, user, parent_version: int) -> Attachment:
    """Save a new attachment, or a changed kind or description of one."""
    return services.save_child(attachment, user=user, parent_version=parent_version)


def attach_file(
    record,
    *,
    file,
    user,
    parent_version: int,
    kind: str = Attachment.Kind.OTHER,
    description: str = "",
) -> Attachment:
    """Attach an uploaded `file` to `record` (checked by the upload validators)."""
    attachment = Attachment(record=record, file=file, kind=kind, description=description)
    return save_attachment(attachment, user=user, parent_version=parent_version)


def delete_attachment(attachment: Attachment, *, user, parent_version: int) -> None:
    services.delete_child(attachment, user=user, parent_version=parent_version)
