"""Attachments are visible exactly when their record is, and stored under names nobody can
guess, the uploader's name kept in the row."""

import importlib
import re

import pytest
from django.apps import apps as django_apps
from django.core.files.base import ContentFile
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import transaction

from liaison.attachments.models import Attachment
from liaison.core.choices import Classification
from tests.attachments.conftest import PDF
from tests.factories import ActivityFactory


@pytest.mark.django_db
def test_attachments_follow_their_records_visibility(agency, viewer, attach):
    shown = attach(ActivityFactory(agency=agency))
    attach(ActivityFactory(agency=agency, classification=Classification.RESTRICTED))
    assert shown.size == len(PDF) and shown.original_name == "invitation.pdf"
    assert list(Attachment.objects.visible_to(viewer)) == [shown]


@pytest.mark.django_db
def test_stored_name_is_random_and_the_original_name_is_kept(agency, attach, media_root):
    first = attach(ActivityFactory(agency=agency), name="2024年邀請函.pdf")
    second = attach(ActivityFactory(agency=agency), name="2024年邀請函.pdf")
    for attachment in (first, second):
        assert re.fullmatch(r"attachments/[0-9a-f]{32}", attachment.file.name)
        assert attachment.original_name == "2024年邀請函.pdf"
        assert (media_root / attachment.file.name).read_bytes() == PDF
    assert first.file.name != second.file.name
    assert not any("邀請函" in path.name for path in media_root.rglob("*"))


@pytest.mark.django_db
def test_replacing_the_file_keeps_its_new_name_and_size(agency, attach):
    attachment = attach(ActivityFactory(agency=agency))
    old_name = attachment.file.name
    attachment.file = SimpleUploadedFile("programme.txt", "議程\n".encode())
    attachment.full_clean()
    attachment.save()
    assert attachment.original_name == "programme.txt"
    assert attachment.size == len("議程\n".encode())
    assert attachment.file.name != old_name


@pytest.mark.django_db
def test_editing_a_stored_attachment_does_not_recheck_its_file(agency, attach):
    """Files accepted before the rules tightened stay editable (their description, kind)."""
    attachment = attach(ActivityFactory(agency=agency))
    attachment.description = "邀請函正本"
    attachment.full_clean()
    attachment.save()


@pytest.mark.django_db
def test_visibility_builds_one_condition_per_record_type(agency, viewer, attach):
    """However many files, one subquery per record type (on PostgreSQL and SQLite alike:
    the model's ordering must not leak into the DISTINCT over record types)."""
    record = ActivityFactory(agency=agency)
    attach(record)
    one = str(Attachment.objects.visible_to(viewer).query)
    for _ in range(4):
        attach(record)
    assert str(Attachment.objects.visible_to(viewer).query) == one
    assert Attachment.objects.visible_to(viewer).count() == 5


@pytest.mark.django_db(transaction=True)
def test_files_stored_under_their_old_names_are_renamed(agency, attach, media_root):
    """Migration 0003 moves files uploaded before random names to random names."""
    rename = importlib.import_module(
        "liaison.attachments.migrations.0003_rename_stored_files"
    ).rename_stored_files
    attachment = attach(ActivityFactory(agency=agency))
    storage = attachment.file.storage
    old = storage.save("attachments/2024/05/invitation.pdf", ContentFile(PDF))
    Attachment.objects.filter(pk=attachment.pk).update(file=old)
    with transaction.atomic():
        rename(django_apps, None)
    attachment.refresh_from_db()
    assert re.fullmatch(r"attachments/[0-9a-f]{32}", attachment.file.name)
    assert storage.open(attachment.file.name).read() == PDF
    assert not storage.exists(old)
    assert attachment.original_name == "invitation.pdf"
