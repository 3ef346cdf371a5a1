"""The files panel on every record's detail page (registered with core's registry)."""

from django.contrib.contenttypes.models import ContentType

from liaison.attachments.models import Attachment
from liaison.core.models import RecordModel


def files_panel(record, user):
    """The record's files; shown on a page that has already read the record through the
    chokepoint, and downloaded through the view that checks the permission again."""
    if not isinstance(record, RecordModel):
        return None
    files = Attachment.objects.filter(
        content_type=ContentType.objects.get_for_model(record), object_id=record.pk
    )
    return "attachments/panel.html", {"files": files}
