"""Attachments are stored in a temporary folder; `attach` makes one the way an upload does."""

import pytest
from django.contrib.contenttypes.models import ContentType
from django.core.files.uploadedfile import SimpleUploadedFile

from liaison.attachments.models import Attachment

PDF = b"%PDF-1.7\n1 0 obj <</Type /Catalog>> endobj\ntrailer <</Root 1 0 R>>\n%%EOF\n"


@pytest.fixture(autouse=True)
def media_root(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    return settings.MEDIA_ROOT


@pytest.fixture
def attach(db):
    def make(record, name="invitation.pdf", content=PDF) -> Attachment:
        attachment = Attachment(
            content_type=ContentType.objects.get_for_model(record),
            object_id=record.pk,
            file=SimpleUploadedFile(name, content),
        )
        attachment.full_clean()
        attachment.save()
        return attachment

    return make
