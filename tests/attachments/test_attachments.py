"""Attachments: allowed types and sizes only, content that matches the name, and visible
exactly when their record is."""

import pytest
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile

from liaison.attachments.models import Attachment
from liaison.attachments.validators import validate_upload
from liaison.core.choices import Classification
from tests.factories import ActivityFactory

PDF = b"%PDF-1.7\n" + b"0" * 100


@pytest.mark.parametrize(
    ("name", "content", "code"),
    [
        ("virus.exe", b"MZ" + b"0" * 50, "extension"),
        ("invitation.pdf", b"MZ\x90\x00 not a pdf", "content"),
        ("report.pdf", b"", "empty"),
        ("notes.txt", b"abc\x00def", "content"),
        ("noextension", b"%PDF-", "extension"),
    ],
    ids=["executable", "renamed", "empty", "binary-text", "no-extension"],
)
def test_bad_uploads_are_refused(name, content, code):
    with pytest.raises(ValidationError) as refused:
        validate_upload(SimpleUploadedFile(name, content))
    assert refused.value.code == code


def test_size_limit(settings):
    settings.LIAISON_ATTACHMENT_MAX_BYTES = 50
    with pytest.raises(ValidationError) as refused:
        validate_upload(SimpleUploadedFile("big.pdf", PDF))
    assert refused.value.code == "size"


def test_good_upload_passes_and_is_rewound():
    upload = SimpleUploadedFile("invitation.pdf", PDF)
    validate_upload(upload)
    assert upload.read(5) == b"%PDF-"


@pytest.mark.django_db
def test_attachments_follow_their_records_visibility(agency, viewer, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    shown = ActivityFactory(agency=agency)
    hidden = ActivityFactory(agency=agency, classification=Classification.RESTRICTED)
    content_type = ContentType.objects.get_for_model(shown)
    made = {}
    for record in (shown, hidden):
        attachment = Attachment(
            content_type=content_type,
            object_id=record.pk,
            file=SimpleUploadedFile("invitation.pdf", PDF),
        )
        attachment.full_clean()
        attachment.save()
        made[record.pk] = attachment
    assert made[shown.pk].size == len(PDF) and made[shown.pk].original_name == "invitation.pdf"
    assert list(Attachment.objects.visible_to(viewer)) == [made[shown.pk]]
