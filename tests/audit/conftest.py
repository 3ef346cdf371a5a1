"""Audit fixtures: a confidential register entry and a confidential activity, each named
to one officer only, and readers who are not named on them."""

import pytest
from auditlog.context import set_actor
from django.contrib.contenttypes.models import ContentType
from django.core.files.base import ContentFile
from django.test import Client

from liaison.attachments.models import Attachment
from liaison.core.choices import Classification, Role
from tests.factories import ActivityFactory, CaseAssistanceRequestFactory, EventFactory

SECRET_DESCRIPTION = "Falcon informant meeting notes"
SECRET_TITLE = "秘密反洗錢工作會議"
SECRET_FILE = "informant-notes.pdf"


@pytest.fixture
def login():
    def make(user):
        client = Client(headers={"accept-language": "en"})
        client.force_login(user)
        return client

    return make


@pytest.fixture
def named_officer(make_user):
    return make_user(Role.REGISTER_OFFICER, Role.EDITOR, username="named", is_staff=True)


@pytest.fixture
def superuser(make_user):
    return make_user(username="root", is_superuser=True, is_staff=True)


@pytest.fixture
def auditor(make_user):
    return make_user(Role.ADMINISTRATOR, Role.REGISTER_OFFICER, username="auditor", is_staff=True)


@pytest.fixture
def entry(agency, named_officer):
    record = CaseAssistanceRequestFactory(agency=agency, reference="CA-2026-001")
    record.cleared_officers.add(named_officer)
    return record


@pytest.fixture
def attachment(entry, named_officer):
    with set_actor(named_officer):
        return Attachment.objects.create(
            content_type=ContentType.objects.get_for_model(entry),
            object_id=entry.pk,
            file=ContentFile(b"%PDF-1.4 notes", name=SECRET_FILE),
            description=SECRET_DESCRIPTION,
            created_by=named_officer,
        )


@pytest.fixture
def confidential_activity(agency, named_officer):
    activity = ActivityFactory(agency=agency, classification=Classification.CONFIDENTIAL)
    activity.cleared_officers.add(named_officer)
    return activity


@pytest.fixture
def secret_event(confidential_activity, named_officer):
    with set_actor(named_officer):
        return EventFactory(activity=confidential_activity, title_zh_hant=SECRET_TITLE)
