"""Writes through the services: validation, workflow, versions and the audit log."""

import datetime

import pytest
from auditlog.models import LogEntry
from django.core.exceptions import PermissionDenied, ValidationError

from liaison.activities.choices import ActivityKind, DatePrecision
from liaison.activities.models import Activity
from liaison.cooperation.models import CaseAssistanceRequest
from liaison.core import services
from liaison.core.choices import Classification, WorkflowState
from tests.factories import PartnerBodyFactory

pytestmark = pytest.mark.django_db

VALID = {
    "kind": ActivityKind.OUTBOUND_VISIT,
    "title_zh_hant": "赴廣州出席工作會議",
    "year": 2024,
    "start_date": datetime.date(2024, 6, 3),
    "date_precision": DatePrecision.DAY,
}


def create(user, **changes):
    return services.create_record(Activity, user=user, data={**VALID, **changes})


def test_create_makes_a_draft_of_the_users_agency(editor):
    activity = create(editor)
    assert activity.state == WorkflowState.DRAFT
    assert activity.agency == editor.agency
    assert activity.created_by == editor and activity.version == 1


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"end_date": datetime.date(2024, 6, 1)}, "end_date"),
        ({"title_zh_hant": ""}, "title_zh_hant"),
        ({"classification": 99}, "classification"),
        ({"kind": "picnic"}, "kind"),
        ({"year": 2023}, "year"),
        ({"visitor_count": 5}, "visitor_count"),
        ({"start_date": None}, "start_date"),
    ],
)
def test_bad_input_is_refused_and_nothing_written(editor, changes, field):
    with pytest.raises(ValidationError) as refused:
        create(editor, **changes)
    assert field in refused.value.message_dict
    assert not Activity.objects.exists()


def test_protected_fields_cannot_be_forged(editor):
    with pytest.raises(PermissionDenied):
        create(editor, state=WorkflowState.APPROVED)
    assert not Activity.objects.exists()


def test_viewer_cannot_create(viewer):
    with pytest.raises(PermissionDenied):
        create(viewer)


def test_workflow_draft_submitted_approved(editor, approver):
    activity = create(editor)
    services.submit(activity, user=editor, version=activity.version)
    services.approve(activity, user=approver, version=activity.version)
    activity.refresh_from_db()
    assert activity.state == WorkflowState.APPROVED
    assert activity.approved_by == approver and activity.approved_at is not None


def test_author_of_last_change_cannot_approve(make_user):
    from liaison.core.choices import Role

    both = make_user(Role.EDITOR, Role.APPROVER, username="both")
    activity = create(both)
    services.submit(activity, user=both, version=activity.version)
    with pytest.raises(PermissionDenied):
        services.approve(activity, user=both, version=activity.version)
    activity.refresh_from_db()
    assert activity.state == WorkflowState.SUBMITTED


def test_editor_cannot_approve(editor, second_editor):
    activity = create(editor)
    services.submit(activity, user=editor, version=activity.version)
    with pytest.raises(PermissionDenied):
        services.approve(activity, user=second_editor, version=activity.version)


def test_draft_cannot_be_approved_without_submission(editor, approver):
    activity = create(editor)
    with pytest.raises(PermissionDenied):
        services.approve(activity, user=approver, version=activity.version)


def test_reject_needs_a_reason_and_returns_to_draft(editor, approver):
    activity = create(editor)
    services.submit(activity, user=editor, version=activity.version)
    with pytest.raises(ValidationError):
        services.reject(activity, user=approver, version=activity.version, reason=" ")
    services.reject(activity, user=approver, version=activity.version, reason="日期有誤")
    activity.refresh_from_db()
    assert activity.state == WorkflowState.DRAFT


def test_editing_an_approved_record_needs_approval_again(editor, second_editor, approver):
    activity = create(editor)
    services.submit(activity, user=editor, version=activity.version)
    services.approve(activity, user=approver, version=activity.version)
    services.update_record(
        activity, user=second_editor, version=activity.version, data={"title_zh_hant": "新標題"}
    )
    activity.refresh_from_db()
    assert activity.state == WorkflowState.DRAFT and activity.approved_by is None


def test_stale_edit_is_refused_and_the_newer_change_kept(editor, second_editor):
    activity = create(editor)
    first_copy = Activity.objects.get(pk=activity.pk)
    second_copy = Activity.objects.get(pk=activity.pk)
    services.update_record(
        first_copy, user=editor, version=first_copy.version, data={"title_zh_hant": "甲"}
    )
    with pytest.raises(services.StaleRecordError) as stale:
        services.update_record(
            second_copy,
            user=second_editor,
            version=second_copy.version,
            data={"title_zh_hant": "乙"},
        )
    message = " ".join(stale.value.messages)
    assert stale.value.code == "stale" and "editor" in message and "2" in message
    activity.refresh_from_db()
    assert activity.title_zh_hant == "甲" and activity.version == 2


def test_classification_change_needs_a_reason(editor):
    activity = create(editor)
    with pytest.raises(ValidationError):
        services.update_record(
            activity,
            user=editor,
            version=activity.version,
            data={"classification": Classification.RESTRICTED},
        )
    activity = Activity.objects.get(pk=activity.pk)
    services.update_record(
        activity,
        user=editor,
        version=activity.version,
        data={"classification": Classification.RESTRICTED},
        reason="涉及調查資料",
    )
    entry = LogEntry.objects.get_for_object(activity).filter(action=LogEntry.Action.UPDATE).first()
    assert entry.additional_data["reason"] == "涉及調查資料"


def test_confidential_author_is_named_automatically(editor, second_editor):
    activity = create(editor, classification=Classification.CONFIDENTIAL)
    assert activity.is_visible_to(editor)
    assert not activity.is_visible_to(second_editor)


def test_every_change_is_in_the_history(editor, approver):
    activity = create(editor)
    services.update_record(
        activity, user=editor, version=activity.version, data={"title_zh_hant": "改後標題"}
    )
    services.submit(activity, user=editor, version=activity.version)
    services.approve(activity, user=approver, version=activity.version)
    history = LogEntry.objects.get_for_object(activity).order_by("timestamp", "pk")
    assert [entry.action for entry in history] == [
        LogEntry.Action.CREATE,
        LogEntry.Action.UPDATE,
        LogEntry.Action.UPDATE,
        LogEntry.Action.UPDATE,
    ]
    assert history[1].changes_dict["title_zh_hant"][1] == "改後標題"
    assert history[3].changes_dict["state"] == ["submitted", "approved"]


def test_only_register_officers_write_the_register(editor, register_officer):
    data = {
        "direction": CaseAssistanceRequest.Direction.INCOMING,
        "reference": "HK-2024-01",
        "counterpart": PartnerBodyFactory(agency=editor.agency),
        "subject": "請求協查",
        "received_on": datetime.date(2024, 3, 1),
        "classification": Classification.CONFIDENTIAL,
    }
    with pytest.raises(PermissionDenied):
        services.create_record(CaseAssistanceRequest, user=editor, data=data)
    entry = services.create_record(CaseAssistanceRequest, user=register_officer, data=data)
    assert entry.is_visible_to(register_officer) and not entry.is_visible_to(editor)
