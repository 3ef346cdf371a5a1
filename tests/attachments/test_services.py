"""Attachments through attachments.services: a change of their record, version-checked."""

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile

from liaison.attachments import services
from liaison.attachments.models import Attachment
from liaison.core.choices import WorkflowState
from liaison.core.services import StaleRecordError
from tests.factories import ActivityFactory

pytestmark = pytest.mark.django_db
PDF = b"%PDF-1.7\n" + b"0" * 100


@pytest.fixture(autouse=True)
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path


def test_attaching_a_file_returns_an_approved_record_to_draft(editor):
    activity = ActivityFactory(agency=editor.agency)
    attachment = services.attach_file(
        activity,
        file=SimpleUploadedFile("invitation.pdf", PDF),
        kind=Attachment.Kind.INVITATION,
        user=editor,
        parent_version=1,
    )
    assert (attachment.record, attachment.created_by) == (activity, editor)
    activity.refresh_from_db()
    assert (activity.state, activity.version) == (WorkflowState.DRAFT, 2)


def test_a_bad_file_is_refused_and_nothing_written(editor):
    activity = ActivityFactory(agency=editor.agency)
    with pytest.raises(ValidationError):
        services.attach_file(
            activity, file=SimpleUploadedFile("x.exe", b"MZ00"), user=editor, parent_version=1
        )
    assert not Attachment.objects.exists()
    activity.refresh_from_db()
    assert activity.version == 1


def test_second_editors_stale_description_is_refused_and_the_first_kept(editor, second_editor):
    activity = ActivityFactory(agency=editor.agency)
    made = services.attach_file(
        activity, file=SimpleUploadedFile("a.pdf", PDF), user=editor, parent_version=1
    )
    first, second = Attachment.objects.get(pk=made.pk), Attachment.objects.get(pk=made.pk)
    first.description = "邀請函"
    services.save_attachment(first, user=editor, parent_version=2)
    second.description = "議程"
    with pytest.raises(StaleRecordError):
        services.save_attachment(second, user=second_editor, parent_version=2)
    made.refresh_from_db()
    assert (made.description, made.updated_by) == ("邀請函", editor)
    with pytest.raises(StaleRecordError):
        services.delete_attachment(made, user=second_editor, parent_version=2)
    services.delete_attachment(made, user=second_editor, parent_version=3)
    assert not Attachment.objects.exists()
