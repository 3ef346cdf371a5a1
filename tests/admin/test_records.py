"""Record admins: permissions by role, version checks, workflow actions, saving via services."""

import pytest
from django.contrib.messages import get_messages
from django.urls import reverse

from liaison.attachments.models import Attachment
from liaison.core import services
from liaison.core.choices import Classification, Role, WorkflowState
from liaison.partners.models import Obligation, PartnerBody
from liaison.training.models import Attendance
from tests.admin.helpers import form_data
from tests.factories import (
    ActivityFactory,
    EventFactory,
    MembershipFactory,
    PartnerBodyFactory,
    StaffFactory,
)

pytestmark = pytest.mark.django_db


def change_url(record):
    opts = record._meta
    return reverse(f"admin:{opts.app_label}_{opts.model_name}_change", args=[record.pk])


def test_viewer_sees_the_record_but_cannot_change_it(staff_user, login, agency):
    viewer = staff_user(Role.VIEWER, username="reader")
    body = PartnerBodyFactory(agency=agency, name_zh_hant="國家監察委員會")
    client = login(viewer, "en")
    page = client.get(change_url(body))
    assert page.status_code == 200
    assert b'name="_save"' not in page.content
    response = client.post(change_url(body), {"name_zh_hant": "改名"})
    assert response.status_code == 403
    body.refresh_from_db()
    assert body.name_zh_hant == "國家監察委員會"


def test_editor_change_goes_through_the_service(staff_user, login, agency):
    editor = staff_user(Role.EDITOR, username="writer")
    body = PartnerBodyFactory(agency=agency, name_zh_hant="國家監察委員會")
    client = login(editor, "en")
    page = client.get(change_url(body))
    response = client.post(change_url(body), form_data(page, name_pt="Comissão Nacional"))
    assert response.status_code == 302, response.context["adminform"].form.errors
    body.refresh_from_db()
    assert body.name_pt == "Comissão Nacional"
    assert body.version == 2
    assert body.updated_by == editor
    assert body.state == WorkflowState.DRAFT  # an approved record goes back to draft


def test_editor_adds_a_draft_owned_by_their_agency(staff_user, login, agency):
    editor = staff_user(Role.EDITOR, username="writer")
    client = login(editor, "en")
    url = reverse("admin:partners_partnerbody_add")
    page = client.get(url)
    data = form_data(page, name_zh_hant="亞洲監察專員協會", acronym="AOA", kind="ombudsman")
    response = client.post(url, data)
    assert response.status_code == 302, response.context["adminform"].form.errors
    body = PartnerBody.objects.get(acronym="AOA")
    assert (body.agency, body.created_by, body.state) == (agency, editor, WorkflowState.DRAFT)


def test_stale_edit_is_refused_and_nothing_is_written(staff_user, login, agency):
    editor = staff_user(Role.EDITOR, username="writer")
    colleague = staff_user(Role.EDITOR, username="colleague")
    body = PartnerBodyFactory(agency=agency, name_zh_hant="國家監察委員會")
    client = login(editor, "en")
    page = client.get(change_url(body))
    services.update_record(body, user=colleague, version=1, data={"name_en": "NSC"})

    response = client.post(change_url(body), form_data(page, name_pt="Comissão"))

    assert response.status_code == 200
    errors = response.context["adminform"].form.non_field_errors()
    assert "changed by colleague" in errors[0]
    assert "Reload it" in errors[0]
    body.refresh_from_db()
    assert (body.name_pt, body.name_en, body.version) == ("", "NSC", 2)


def test_classification_change_needs_a_reason(staff_user, login, agency):
    editor = staff_user(Role.EDITOR, username="writer")
    body = PartnerBodyFactory(agency=agency)
    client = login(editor, "en")
    page = client.get(change_url(body))
    restricted = str(Classification.RESTRICTED.value)
    response = client.post(change_url(body), form_data(page, classification=restricted))
    assert response.status_code == 200
    assert "change_reason" in response.context["adminform"].form.errors
    response = client.post(
        change_url(body),
        form_data(page, classification=restricted, change_reason="Contains contacts"),
    )
    assert response.status_code == 302
    body.refresh_from_db()
    assert body.classification == Classification.RESTRICTED


def test_approve_action_refuses_the_author_of_the_last_change(staff_user, login, agency):
    approver = staff_user(Role.APPROVER, Role.EDITOR, username="checker")
    mine = ActivityFactory(agency=agency, state=WorkflowState.SUBMITTED, updated_by=approver)
    theirs = ActivityFactory(agency=agency, state=WorkflowState.SUBMITTED)
    client = login(approver, "en")
    response = client.post(
        reverse("admin:activities_activity_changelist"),
        {"action": "approve_records", "_selected_action": [mine.pk, theirs.pk]},
    )
    assert response.status_code == 302
    notes = [(m.level_tag, m.message) for m in get_messages(response.wsgi_request)]
    assert ("error", f"{mine}: You cannot approve a record you wrote; ask another approver.") in (
        notes
    )
    assert ("success", "1 record approved.") in notes
    mine.refresh_from_db()
    theirs.refresh_from_db()
    assert mine.state == WorkflowState.SUBMITTED
    assert (theirs.state, theirs.approved_by) == (WorkflowState.APPROVED, approver)


def test_submit_and_return_to_draft_actions(staff_user, login, agency):
    editor = staff_user(Role.EDITOR, username="writer")
    approver = staff_user(Role.APPROVER, username="checker")
    draft = ActivityFactory(agency=agency, state=WorkflowState.DRAFT)
    url = reverse("admin:activities_activity_changelist")
    login(editor, "en").post(url, {"action": "submit_for_approval", "_selected_action": [draft.pk]})
    draft.refresh_from_db()
    assert draft.state == WorkflowState.SUBMITTED
    login(approver, "en").post(url, {"action": "return_to_draft", "_selected_action": [draft.pk]})
    draft.refresh_from_db()
    assert draft.state == WorkflowState.DRAFT


def test_viewer_is_offered_no_workflow_actions(staff_user, login, agency):
    viewer = staff_user(Role.VIEWER, username="reader")
    ActivityFactory(agency=agency)
    response = login(viewer, "en").get(reverse("admin:activities_activity_changelist"))
    assert response.status_code == 200
    assert response.context["action_form"] is None


def test_other_agencies_records_are_not_listed(staff_user, login, agency, other_agency):
    editor = staff_user(Role.EDITOR, username="writer")
    ours = PartnerBodyFactory(agency=agency, name_zh_hant="我們的機構")
    theirs = PartnerBodyFactory(agency=other_agency, name_zh_hant="他們的機構")
    client = login(editor, "en")
    response = client.get(reverse("admin:partners_partnerbody_changelist"))
    assert list(response.context["cl"].result_list) == [ours]
    assert client.get(change_url(theirs)).status_code == 404


def test_training_activity_shows_attendance_and_saves_rows_with_the_record(
    staff_user, login, agency
):
    editor = staff_user(Role.EDITOR, username="writer")
    course = ActivityFactory(agency=agency, kind="training", training_hours=12)
    officer = StaffFactory(agency=agency)
    client = login(editor, "en")
    page = client.get(change_url(course))
    prefix = next(
        inline.formset.prefix
        for inline in page.context["inline_admin_formsets"]
        if inline.formset.model is Attendance
    )
    data = form_data(
        page,
        **{
            f"{prefix}-TOTAL_FORMS": "1",
            f"{prefix}-0-participant": str(officer.pk),
            f"{prefix}-0-hours": "12",
            f"{prefix}-0-completed": "on",
            f"{prefix}-0-certificate_number": "C-1",
        },
    )
    response = client.post(change_url(course), data)
    assert response.status_code == 302, response.context["errors"]
    assert Attendance.objects.get().participant == officer
    course.refresh_from_db()
    assert (course.version, course.state) == (2, WorkflowState.DRAFT)


def test_outbound_visit_has_no_attendance_inline(staff_user, login, agency):
    page = login(staff_user(Role.EDITOR, username="writer")).get(
        change_url(ActivityFactory(agency=agency))
    )
    models = [inline.formset.model for inline in page.context["inline_admin_formsets"]]
    assert Attendance not in models
    assert Attachment in models


def test_obligation_added_inline_is_a_draft_of_the_membership_agency(staff_user, login, agency):
    editor = staff_user(Role.EDITOR, username="writer")
    membership = MembershipFactory(agency=agency)
    client = login(editor, "en")
    page = client.get(change_url(membership))
    prefix = next(
        inline.formset.prefix
        for inline in page.context["inline_admin_formsets"]
        if inline.formset.model is Obligation
    )
    data = form_data(
        page,
        **{
            f"{prefix}-TOTAL_FORMS": "1",
            f"{prefix}-0-kind": "dues",
            f"{prefix}-0-title_zh_hant": "年度會費",
            f"{prefix}-0-due_date": "2025-03-31",
            f"{prefix}-0-status": "open",
        },
    )
    response = client.post(change_url(membership), data)
    assert response.status_code == 302, response.context["errors"]
    obligation = Obligation.objects.get()
    assert (obligation.agency, obligation.created_by) == (agency, editor)
    assert obligation.state == WorkflowState.DRAFT


def test_unchanged_save_keeps_an_approved_record_approved(staff_user, login, agency):
    editor = staff_user(Role.EDITOR, username="writer")
    body = PartnerBodyFactory(agency=agency)
    client = login(editor, "en")
    response = client.post(change_url(body), form_data(client.get(change_url(body))))
    assert response.status_code == 302
    body.refresh_from_db()
    assert (body.version, body.state) == (1, WorkflowState.APPROVED)


def test_changing_a_row_on_its_own_page_is_a_change_of_its_record(staff_user, login, agency):
    editor = staff_user(Role.EDITOR, username="writer")
    event = EventFactory(activity__agency=agency, title_zh_hant="第7屆指導委員會會議")
    url = reverse("admin:activities_event_change", args=[event.pk])
    client = login(editor, "en")
    response = client.post(url, form_data(client.get(url), session_number="8"))
    assert response.status_code == 302, response.context["adminform"].form.errors
    event.refresh_from_db()
    event.activity.refresh_from_db()
    assert event.session_number == 8
    assert (event.activity.version, event.activity.updated_by) == (2, editor)
    assert event.activity.state == WorkflowState.DRAFT


def test_viewer_cannot_change_a_row_of_a_record(staff_user, login, agency):
    event = EventFactory(activity__agency=agency)
    url = reverse("admin:activities_event_change", args=[event.pk])
    client = login(staff_user(Role.VIEWER, username="reader"), "en")
    assert client.get(url).status_code == 200
    assert client.post(url, {"title_zh_hant": "改"}).status_code == 403
