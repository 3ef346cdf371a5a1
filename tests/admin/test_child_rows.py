"""Rows of a record edited in the admin by two officers at once: on the row's own page and
in the record's inline formsets, the second, stale save is refused with a message naming
who changed the record, and the first edit is kept."""

import pytest
from django.contrib.contenttypes.models import ContentType
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from liaison.activities.models import ActivityBody, DelegationMember, Event
from liaison.attachments.models import Attachment
from liaison.core.choices import Role, WorkflowState
from liaison.training.models import Attendance
from tests.admin.helpers import form_data, inline_prefix
from tests.factories import ActivityFactory, EventFactory, PartnerBodyFactory, StaffFactory

pytestmark = pytest.mark.django_db
PDF = b"%PDF-1.7\n1 0 obj <</Type /Catalog>> endobj\ntrailer <</Root 1 0 R>>\n%%EOF\n"


@pytest.fixture(autouse=True)
def media_root(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"


def make_event(agency):
    return EventFactory(activity=ActivityFactory(agency=agency))


def make_body_role(agency):
    activity = ActivityFactory(agency=agency)
    body = PartnerBodyFactory(agency=agency)
    return ActivityBody.objects.create(activity=activity, body=body, role="host")


def make_member(agency):
    activity = ActivityFactory(agency=agency)
    return DelegationMember.objects.create(activity=activity, staff=StaffFactory(agency=agency))


def make_attendance(agency):
    course = ActivityFactory(agency=agency, kind="training", training_hours=12)
    return Attendance.objects.create(
        course=course, participant=StaffFactory(agency=agency), hours=6
    )


def make_attachment(agency):
    activity = ActivityFactory(agency=agency)
    attachment = Attachment(
        content_type=ContentType.objects.get_for_model(activity),
        object_id=activity.pk,
        file=SimpleUploadedFile("invitation.pdf", PDF),
    )
    attachment.full_clean()
    attachment.save()
    return attachment


#: kind -> (make a row, field, the first editor's value, the second editor's value)
KINDS = {
    "event": (make_event, "series", "甲", "乙"),
    "body role": (make_body_role, "role", "organizer", "visitor"),
    "delegation member": (make_member, "is_head", "on", ""),
    "attendance": (make_attendance, "hours", "8", "10"),
    "attachment": (make_attachment, "description", "邀請函", "議程"),
}
STORED = {"is_head": True, "hours": 8}


def row_url(row):
    opts = row._meta
    return reverse(f"admin:{opts.app_label}_{opts.model_name}_change", args=[row.pk])


def record_url(record):
    opts = record._meta
    return reverse(f"admin:{opts.app_label}_{opts.model_name}_change", args=[record.pk])


@pytest.fixture
def editors(staff_user, login):
    first = login(staff_user(Role.EDITOR, username="writer"), "en")
    second = login(staff_user(Role.EDITOR, username="colleague"), "en")
    return first, second


@pytest.mark.parametrize("kind", KINDS)
def test_stale_save_on_the_rows_page_is_refused_and_the_first_kept(kind, agency, editors):
    make, field, first_value, second_value = KINDS[kind]
    row = make(agency)
    first, second = editors
    url = row_url(row)
    first_page, second_page = first.get(url), second.get(url)

    saved = first.post(url, form_data(first_page, **{field: first_value}))
    assert saved.status_code == 302, saved.context["adminform"].form.errors
    refused = second.post(url, form_data(second_page, **{field: second_value}))

    assert refused.status_code == 200
    errors = " ".join(refused.context["adminform"].form.non_field_errors())
    assert "changed by writer" in errors
    row.refresh_from_db()
    assert getattr(row, field) == STORED.get(field, first_value)
    record = row.parent_record
    record.refresh_from_db()
    assert (record.version, record.state) == (2, WorkflowState.DRAFT)


def test_a_row_changed_in_the_records_inline_refuses_its_stale_own_page(agency, editors):
    """The lost update of issue 8: the row's page used to re-save at the version it read."""
    event = make_event(agency)
    first, second = editors
    stale_row_page = second.get(row_url(event))
    activity_page = first.get(record_url(event.activity))
    prefix = inline_prefix(activity_page, Event)
    saved = first.post(
        record_url(event.activity), form_data(activity_page, **{f"{prefix}-0-series": "甲"})
    )
    assert saved.status_code == 302, saved.context["errors"]

    refused = second.post(row_url(event), form_data(stale_row_page, series="乙"))

    assert refused.status_code == 200
    assert "changed by writer" in " ".join(refused.context["adminform"].form.non_field_errors())
    event.refresh_from_db()
    assert event.series == "甲"


@pytest.mark.parametrize("model", [Event, Attachment])
def test_a_stale_inline_save_is_refused_and_the_first_kept(model, agency, editors):
    row = make_event(agency) if model is Event else make_attachment(agency)
    record = row.parent_record
    first, second = editors
    first_page, second_page = first.get(record_url(record)), second.get(record_url(record))
    field = "series" if model is Event else "description"
    prefix = inline_prefix(first_page, model)

    saved = first.post(record_url(record), form_data(first_page, **{f"{prefix}-0-{field}": "甲"}))
    assert saved.status_code == 302, saved.context["errors"]
    refused = second.post(
        record_url(record), form_data(second_page, **{f"{prefix}-0-{field}": "乙"})
    )

    assert refused.status_code == 200
    assert "changed by writer" in " ".join(refused.context["adminform"].form.non_field_errors())
    row.refresh_from_db()
    assert getattr(row, field) == "甲"


def test_an_inline_row_change_returns_an_approved_record_to_draft(agency, editors):
    attachment = make_attachment(agency)
    record = attachment.parent_record
    assert record.state == WorkflowState.APPROVED
    first, _second = editors
    page = first.get(record_url(record))
    prefix = inline_prefix(page, Attachment)
    response = first.post(
        record_url(record), form_data(page, **{f"{prefix}-0-description": "議程"})
    )
    assert response.status_code == 302, response.context["errors"]
    record.refresh_from_db()
    attachment.refresh_from_db()
    assert (record.state, record.version, record.updated_by.username) == (
        WorkflowState.DRAFT,
        2,
        "writer",
    )
    assert (attachment.description, attachment.updated_by.username) == ("議程", "writer")


def test_a_row_cannot_be_moved_to_another_record_on_its_page(agency, editors):
    event = make_event(agency)
    other = ActivityFactory(agency=agency)
    first, _second = editors
    page = first.get(row_url(event))
    assert "activity" not in page.context["adminform"].form.fields
    first.post(row_url(event), form_data(page, activity=str(other.pk)))
    event.refresh_from_db()
    assert event.activity_id != other.pk
