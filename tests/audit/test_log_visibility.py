"""The change log shows an entry's content exactly to its record's readers: superusers not
named on a confidential record find nothing by searching its words, and an auditor sees
only that something was done to it, by whom and when."""

import pytest
from auditlog.models import LogEntry
from django.contrib.contenttypes.models import ContentType
from django.urls import reverse

from liaison.activities.models import ActivityBody, Event
from liaison.attachments.models import Attachment
from liaison.audit.queries import log_entries_for, visible_log_entries
from liaison.core.choices import Classification, Role
from tests.audit.conftest import SECRET_DESCRIPTION, SECRET_FILE, SECRET_TITLE
from tests.factories import ActivityFactory, PartnerBodyFactory

pytestmark = pytest.mark.django_db

CHANGELIST = reverse("admin:auditlog_logentry_changelist")


def search(client, words):
    response = client.get(CHANGELIST, {"q": words})
    assert response.status_code == 200
    return response


def entry_of(model, **filters):
    content_type = ContentType.objects.get_for_model(model)
    return LogEntry.objects.filter(content_type=content_type, **filters).latest("pk")


@pytest.mark.parametrize("who", ["superuser", "auditor"])
def test_searching_an_attachments_description_finds_nothing_for_the_unnamed(
    who, request, login, attachment
):
    response = search(login(request.getfixturevalue(who)), SECRET_DESCRIPTION)
    assert response.context["cl"].result_count == 0


@pytest.mark.parametrize("who", ["superuser", "auditor"])
def test_searching_a_confidential_events_title_finds_nothing_for_the_unnamed(
    who, request, login, secret_event
):
    response = search(login(request.getfixturevalue(who)), SECRET_TITLE)
    assert response.context["cl"].result_count == 0


def test_the_named_officer_finds_the_attachment_and_the_event(
    login, make_user, named_officer, attachment, secret_event
):
    named_officer.groups.add(*make_user(Role.ADMINISTRATOR).groups.all())
    client = login(named_officer)
    assert search(client, SECRET_DESCRIPTION).context["cl"].result_count == 1
    assert search(client, SECRET_TITLE).context["cl"].result_count == 1


@pytest.mark.parametrize("who", ["superuser", "auditor"])
def test_an_auditor_sees_that_the_record_changed_but_not_what_it_says(
    who, request, login, named_officer, attachment, secret_event
):
    client = login(request.getfixturevalue(who))
    listing = client.get(CHANGELIST)
    text = listing.content.decode()
    for secret in (SECRET_DESCRIPTION, SECRET_FILE, SECRET_TITLE, "CA-2026-001"):
        assert secret not in text
    assert "withheld" in text
    shown = {(e.content_type.model, e.readable) for e in listing.context["cl"].result_list}
    assert ("attachment", False) in shown
    assert ("event", False) in shown
    # ... and may find who did it.
    assert search(client, "named").context["cl"].result_count >= 2
    for model in (Attachment, Event):
        page = client.get(reverse("admin:auditlog_logentry_change", args=[entry_of(model).pk]))
        assert page.status_code == 200
        page_text = page.content.decode()
        for secret in (SECRET_DESCRIPTION, SECRET_FILE, SECRET_TITLE):
            assert secret not in page_text
        assert "withheld" in page_text
        history = client.get(
            reverse("admin:auditlog_logentry_history", args=[entry_of(model).pk])
        ).content.decode()
        assert SECRET_TITLE not in history and SECRET_FILE not in history


def test_entries_of_deleted_rows_stay_with_their_record(
    superuser, named_officer, attachment, secret_event
):
    attachment.delete()
    secret_event.delete()
    for model in (Attachment, Event):
        deleted = entry_of(model, action=LogEntry.Action.DELETE)
        assert not visible_log_entries(superuser).filter(pk=deleted.pk).exists()
        assert visible_log_entries(named_officer).filter(pk=deleted.pk).exists()


def test_entries_of_a_deleted_record_are_listed_withheld_to_its_agencys_auditor(
    auditor, other_agency, make_user, entry
):
    outsider = make_user(Role.ADMINISTRATOR, agency=other_agency, username="outsider")
    pk = entry.pk
    entry.delete()
    deleted = entry_of(type(entry), object_id=pk, action=LogEntry.Action.DELETE)
    assert log_entries_for(auditor).filter(pk=deleted.pk, readable=False).exists()
    assert not log_entries_for(outsider).filter(pk=deleted.pk).exists()


def test_a_link_rows_entry_needs_both_of_its_records(agency, make_user, named_officer):
    """A body's role in a visible activity names the body: a hidden body keeps it hidden."""
    reader = make_user(Role.EDITOR, Role.ADMINISTRATOR, username="reader")
    activity = ActivityFactory(agency=agency)
    body = PartnerBodyFactory(
        agency=agency, classification=Classification.CONFIDENTIAL, name_zh_hant="秘密夥伴機構"
    )
    body.cleared_officers.add(named_officer)
    ActivityBody.objects.create(activity=activity, body=body, role="host")
    role_entry = entry_of(ActivityBody)
    assert not visible_log_entries(reader).filter(pk=role_entry.pk).exists()
    assert visible_log_entries(named_officer).filter(pk=role_entry.pk).exists()
    assert visible_log_entries(reader).filter(pk=entry_of(type(activity)).pk).exists()


def test_the_named_officers_views_are_logged_and_readable_to_them(login, named_officer, entry):
    login(named_officer).get(
        reverse("admin:cooperation_caseassistancerequest_change", args=[entry.pk])
    )
    view = entry_of(type(entry), action=LogEntry.Action.ACCESS)
    assert visible_log_entries(named_officer).filter(pk=view.pk).exists()


def test_entries_written_before_the_scope_was_kept_follow_the_live_row(
    superuser, named_officer, secret_event
):
    """An entry in the shape written before entries kept their record's scope (no
    additional_data), inserted so: audit rows are never edited, on either database."""
    entry = LogEntry.objects.create(
        content_type=ContentType.objects.get_for_model(Event),
        object_pk=str(secret_event.pk),
        object_id=secret_event.pk,
        object_repr=str(secret_event),
        action=LogEntry.Action.UPDATE,
        changes={"title_zh_hant": [SECRET_TITLE, SECRET_TITLE + "（修訂）"]},
        actor=named_officer,
    )
    assert entry.additional_data is None
    assert visible_log_entries(named_officer).filter(pk=entry.pk).exists()
    assert not visible_log_entries(superuser).filter(pk=entry.pk).exists()


def test_a_malformed_entry_address_is_not_an_error(login, auditor):
    response = login(auditor).get(reverse("admin:auditlog_logentry_change", args=["abc"]))
    assert response.status_code in {302, 404}


def test_a_download_of_a_confidential_file_is_logged_with_its_record(
    login, superuser, named_officer, attachment
):
    response = login(named_officer).get(reverse("attachments:download", args=[attachment.pk]))
    assert response.status_code == 200
    download = entry_of(Attachment, action=LogEntry.Action.ACCESS)
    assert download.actor == named_officer
    assert visible_log_entries(named_officer).filter(pk=download.pk).exists()
    assert log_entries_for(superuser).filter(pk=download.pk, readable=False).exists()
