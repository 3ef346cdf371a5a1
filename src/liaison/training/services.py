"""Writes to a course's attendance: who attended, for how long, with which certificate.

A course is an activity of kind "training"; its attendance rows are part of it, so each
function takes the course's version the user loaded (`parent_version`) and is refused with
StaleRecordError if anyone changed the course or its rows since.
"""

from __future__ import annotations

from decimal import Decimal

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from liaison.audit.services import log_created
from liaison.core import services
from liaison.people.models import Staff
from liaison.training.models import Attendance


def save_attendance(row: Attendance, *, user, parent_version: int) -> Attendance:
    """Save a new or changed attendance row of its course."""
    return services.save_child(row, user=user, parent_version=parent_version)


def record_attendance(
    course,
    *,
    participant,
    hours: Decimal | int,
    completed: bool = False,
    certificate_number: str = "",
    user,
    parent_version: int,
) -> Attendance:
    """Record that `participant` attended the course (their one row, new or updated)."""
    row = course.attendance.filter(participant=participant).first() or Attendance(
        course=course, participant=participant
    )
    row.hours, row.completed, row.certificate_number = hours, completed, certificate_number
    return save_attendance(row, user=user, parent_version=parent_version)


@transaction.atomic
def add_attendance(course, rows: list[Attendance], *, user, parent_version: int) -> list:
    """New rows of one course as one change of it, checked and written together (a sheet's
    thousands of rows): each participant one the user may see and new to the course, each
    row valid; refused whole otherwise. The audit log still gets an entry per row."""
    services.change_children(course, user=user, parent_version=parent_version)
    ids = [row.participant_id for row in rows]
    visible = set(Staff.objects.visible_to(user).filter(pk__in=ids).values_list("pk", flat=True))
    taken = set(course.attendance.filter(participant__in=ids).values_list("participant", flat=True))
    for row in rows:
        if row.course_id != course.pk:
            raise ValidationError(_("This row belongs to another record."), code="other_record")
        if row.participant_id not in visible:
            raise ValidationError({"participant": _("No such record, or you may not see it.")})
        if row.participant_id in taken:
            raise ValidationError({"participant": _("The officer is already on the course.")})
        taken.add(row.participant_id)
        row.full_clean(
            exclude=["course", "participant"], validate_unique=False, validate_constraints=False
        )
        if row.hours < 0:
            raise ValidationError({"hours": _("The hours cannot be negative.")})
    Attendance.objects.bulk_create(rows)
    log_created(rows, user=user)
    return rows


def delete_attendance(row: Attendance, *, user, parent_version: int) -> None:
    services.delete_child(row, user=user, parent_version=parent_version)
