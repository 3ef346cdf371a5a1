"""Writes to a course's attendance: who attended, for how long, with which certificate.

A course is an activity of kind "training"; its attendance rows are part of it, so each
function takes the course's version the user loaded (`parent_version`) and is refused with
StaleRecordError if anyone changed the course or its rows since.
"""

from __future__ import annotations

from decimal import Decimal

from liaison.core import services
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


def delete_attendance(row: Attendance, *, user, parent_version: int) -> None:
    services.delete_child(row, user=user, parent_version=parent_version)
