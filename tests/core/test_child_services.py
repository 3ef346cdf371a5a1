"""Rows of a record (here events and bodies' roles) written through the shared services:
checked against the record's version the user loaded, and a change of the record."""

import pytest
from auditlog.models import LogEntry
from django.core.exceptions import PermissionDenied, ValidationError

from liaison.activities.models import ActivityBody, Event
from liaison.cooperation.models import CaseAssistanceRequest
from liaison.core import services
from liaison.core.choices import Classification, WorkflowState
from liaison.partners.models import PartnerBody, Place
from tests.factories import (
    ActivityFactory,
    CaseAssistanceRequestFactory,
    EventFactory,
    PartnerBodyFactory,
    PlaceFactory,
)

pytestmark = pytest.mark.django_db


def test_stale_row_save_is_refused_naming_who_changed_the_record(editor, second_editor):
    event = EventFactory(activity__agency=editor.agency, title_zh_hant="第一屆會議")
    first, second = Event.objects.get(pk=event.pk), Event.objects.get(pk=event.pk)
    first.series = "甲"
    services.save_child(first, user=editor, parent_version=1)
    second.series = "乙"
    with pytest.raises(services.StaleRecordError) as stale:
        services.save_child(second, user=second_editor, parent_version=1)
    assert "editor" in " ".join(stale.value.messages)
    event.refresh_from_db()
    assert event.series == "甲" and event.activity.version == 2


def test_a_row_change_returns_an_approved_record_to_draft(editor):
    event = EventFactory(activity__agency=editor.agency)
    assert event.activity.state == WorkflowState.APPROVED
    event.session_number = 3
    services.save_child(event, user=editor, parent_version=1)
    activity = type(event.activity).objects.get(pk=event.activity_id)
    assert (activity.state, activity.approved_at, activity.updated_by) == (
        WorkflowState.DRAFT,
        None,
        editor,
    )
    assert event.activity.version == 2  # the caller's copy follows


def test_a_row_change_writes_none_of_the_records_fields_from_an_old_copy(editor, second_editor):
    event = EventFactory(activity__agency=editor.agency)
    old_copy = event.activity
    services.update_record(
        type(old_copy).objects.get(pk=old_copy.pk),
        user=second_editor,
        version=1,
        data={"title_zh_hant": "新標題"},
    )
    event.activity.version = 2  # loaded the new version, but the copy's title is old
    services.save_child(event, user=editor, parent_version=2)
    old_copy.refresh_from_db()
    assert old_copy.title_zh_hant == "新標題"


def test_deleting_a_row_is_checked_and_logged(editor, second_editor):
    event = EventFactory(activity__agency=editor.agency)
    pk = event.pk
    services.save_child(Event.objects.get(pk=pk), user=second_editor, parent_version=1)
    with pytest.raises(services.StaleRecordError):
        services.delete_child(event, user=editor, parent_version=1)
    assert Event.objects.filter(pk=pk).exists()
    services.delete_child(event, user=editor, parent_version=2)
    assert not Event.objects.filter(pk=pk).exists()
    assert LogEntry.objects.filter(
        object_pk=str(pk), action=LogEntry.Action.DELETE, content_type__model="event"
    ).exists()


def test_a_viewer_cannot_write_rows(viewer):
    event = EventFactory(activity__agency=viewer.agency)
    event.series = "改"
    with pytest.raises(PermissionDenied):
        services.save_child(event, user=viewer, parent_version=1)
    event.refresh_from_db()
    assert event.series == ""


def test_bad_row_is_refused_and_the_record_untouched(editor):
    event = EventFactory(activity__agency=editor.agency)
    event.title_zh_hant = ""
    with pytest.raises(ValidationError) as refused:
        services.save_child(event, user=editor, parent_version=1)
    assert "title_zh_hant" in refused.value.message_dict
    event.activity.refresh_from_db()
    assert (event.activity.version, event.activity.state) == (1, WorkflowState.APPROVED)


def test_a_row_cannot_link_a_record_the_user_may_not_see(editor, second_editor):
    activity = ActivityFactory(agency=editor.agency)
    hidden = PartnerBodyFactory(agency=editor.agency, classification=Classification.CONFIDENTIAL)
    hidden.cleared_officers.add(second_editor)
    row = ActivityBody(activity=activity, body=hidden, role="host")
    with pytest.raises(ValidationError) as refused:
        services.save_child(row, user=editor, parent_version=1)
    assert "body" in refused.value.message_dict
    assert not ActivityBody.objects.exists()


def test_a_row_cannot_move_to_another_record(editor):
    event = EventFactory(activity__agency=editor.agency)
    other = ActivityFactory(agency=editor.agency)
    event.activity = other
    with pytest.raises(ValidationError):
        services.save_child(event, user=editor, parent_version=other.version)
    assert Event.objects.get(pk=event.pk).activity_id != other.pk


def test_a_body_a_hidden_entry_refers_to_cannot_be_deleted_and_the_entry_is_not_named(
    administrator, register_officer
):
    body = PartnerBodyFactory(agency=administrator.agency, name_zh_hant="某機構")
    entry = CaseAssistanceRequestFactory(agency=administrator.agency, counterpart=body)
    entry.cleared_officers.add(register_officer)
    with pytest.raises(ValidationError) as refused:
        services.delete_record(body, user=administrator)
    message = " ".join(refused.value.messages)
    assert str(body) in message and entry.reference not in message
    assert PartnerBody.objects.filter(pk=body.pk).exists()
    assert CaseAssistanceRequest.objects.filter(pk=entry.pk).exists()


def test_a_record_whose_rows_a_hidden_record_needs_is_not_deleted(administrator, editor):
    body = PartnerBodyFactory(agency=administrator.agency)
    hidden = ActivityFactory(
        agency=administrator.agency, classification=Classification.CONFIDENTIAL
    )
    hidden.cleared_officers.add(editor)
    ActivityBody.objects.create(activity=hidden, body=body, role="host")
    with pytest.raises(ValidationError):
        services.delete_record(body, user=administrator)
    assert ActivityBody.objects.filter(activity=hidden).exists()


def test_deleting_a_record_checks_the_version_when_given(administrator, editor):
    body = PartnerBodyFactory(agency=administrator.agency)
    services.update_record(body, user=editor, version=1, data={"acronym": "X"})
    with pytest.raises(services.StaleRecordError):
        services.delete_record(body, user=administrator, version=1)
    services.delete_record(body, user=administrator, version=2)
    assert not PartnerBody.objects.filter(pk=body.pk).exists()


def test_delete_reference_checks_version_permission_and_use(administrator, editor):
    place = PlaceFactory()
    PartnerBodyFactory(agency=administrator.agency, place=place)
    unused = PlaceFactory()
    with pytest.raises(PermissionDenied):
        services.delete_reference(unused, user=editor, version=1)
    with pytest.raises(ValidationError):
        services.delete_reference(place, user=administrator, version=1)
    with pytest.raises(services.StaleRecordError):
        services.delete_reference(unused, user=administrator, version=5)
    services.delete_reference(unused, user=administrator, version=1)
    assert list(Place.objects.all()) == [place]
