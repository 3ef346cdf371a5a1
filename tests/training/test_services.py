"""Attendance through training.services: one row per participant, checked against the
course's version, and an approved course returns to draft."""

import pytest

from liaison.core.choices import WorkflowState
from liaison.core.services import StaleRecordError
from liaison.training import services
from liaison.training.models import Attendance
from tests.factories import ActivityFactory, StaffFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def course(agency):
    return ActivityFactory(agency=agency, kind="training", training_hours=12)


def test_recording_again_updates_the_participants_row(editor, course):
    officer = StaffFactory(agency=course.agency)
    services.record_attendance(course, participant=officer, hours=6, user=editor, parent_version=1)
    services.record_attendance(
        course,
        participant=officer,
        hours=12,
        completed=True,
        certificate_number="C-1",
        user=editor,
        parent_version=2,
    )
    row = Attendance.objects.get()
    assert (row.hours, row.completed, row.certificate_number) == (12, True, "C-1")
    course.refresh_from_db()
    assert (course.version, course.state) == (3, WorkflowState.DRAFT)


def test_second_editors_stale_attendance_is_refused_and_the_first_kept(
    editor, second_editor, course
):
    officer = StaffFactory(agency=course.agency)
    row = Attendance.objects.create(course=course, participant=officer, hours=6)
    first, second = Attendance.objects.get(pk=row.pk), Attendance.objects.get(pk=row.pk)
    first.hours = 8
    services.save_attendance(first, user=editor, parent_version=1)
    second.hours = 10
    with pytest.raises(StaleRecordError):
        services.save_attendance(second, user=second_editor, parent_version=1)
    row.refresh_from_db()
    assert row.hours == 8


def test_a_certificate_without_completion_is_refused(editor, course):
    from django.core.exceptions import ValidationError

    officer = StaffFactory(agency=course.agency)
    with pytest.raises(ValidationError):
        services.record_attendance(
            course,
            participant=officer,
            hours=6,
            certificate_number="C-9",
            user=editor,
            parent_version=1,
        )
    assert not Attendance.objects.exists()


def test_delete_attendance(editor, course):
    row = Attendance.objects.create(
        course=course, participant=StaffFactory(agency=course.agency), hours=1
    )
    services.delete_attendance(row, user=editor, parent_version=1)
    assert not Attendance.objects.exists()


@pytest.mark.django_db(transaction=True)
def test_rows_added_together_are_audited_and_sealed_as_one_by_one(editor, course):
    """The bulk path (a sheet's thousands of rows) writes the entries auditlog's signal
    would, and seals them in the audit chain when it commits, though a bulk insert sends
    no signal."""
    from auditlog.diff import model_instance_diff
    from auditlog.models import LogEntry

    from liaison.audit.models import Seal

    officers = [StaffFactory(agency=course.agency) for _ in range(3)]
    one = services.record_attendance(
        course, participant=officers[0], hours=6, user=editor, parent_version=1
    )
    rows = [Attendance(course=course, participant=p, hours=4) for p in officers[1:]]
    services.add_attendance(course, rows, user=editor, parent_version=2)
    entries = {
        entry.object_id: entry
        for entry in LogEntry.objects.filter(object_id__in=[one.pk, *(r.pk for r in rows)]).filter(
            content_type__model="attendance"
        )
    }
    by_signal = entries[one.pk]
    for row in rows:
        entry = entries[row.pk]
        expected = model_instance_diff(None, row, use_json_for_changes=True)
        assert entry.changes == {name: list(pair) for name, pair in expected.items()}
        assert (entry.action, entry.actor, entry.object_repr) == (
            by_signal.action,
            editor,
            str(row),
        )
        assert entry.additional_data.keys() == by_signal.additional_data.keys()
    sealed = Seal.objects.filter(
        table=Seal.Table.ENTRY, row_id__in=[e.pk for e in entries.values()]
    )
    assert sealed.count() == 3
