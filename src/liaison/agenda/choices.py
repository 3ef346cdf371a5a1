"""What the calendar shows and feeds: the five kinds of activity and the obligations, and
the thresholds at which a deadline is reminded."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from liaison.activities.choices import ActivityKind

OBLIGATION = "obligation"


class EntryKind(models.TextChoices):
    OUTBOUND_VISIT = ActivityKind.OUTBOUND_VISIT.value, ActivityKind.OUTBOUND_VISIT.label
    INBOUND_VISIT = ActivityKind.INBOUND_VISIT.value, ActivityKind.INBOUND_VISIT.label
    MEETING = ActivityKind.MEETING.value, ActivityKind.MEETING.label
    CONVENTION_REVIEW = ActivityKind.CONVENTION_REVIEW.value, ActivityKind.CONVENTION_REVIEW.label
    TRAINING = ActivityKind.TRAINING.value, ActivityKind.TRAINING.label
    OBLIGATION = OBLIGATION, _("Obligation deadline")


class Threshold(models.TextChoices):
    """The reminders of one due date, each sent once: 30, 7 and 1 days before, and late."""

    DAYS_30 = "30", _("Due in 30 days or fewer")
    DAYS_7 = "7", _("Due in 7 days or fewer")
    DAYS_1 = "1", _("Due tomorrow or today")
    OVERDUE = "overdue", _("Overdue")


#: The day thresholds, nearest first: the reminder due is the nearest one reached.
DAY_THRESHOLDS = ((1, Threshold.DAYS_1), (7, Threshold.DAYS_7), (30, Threshold.DAYS_30))


def threshold_for(days_left: int) -> Threshold | None:
    """The reminder an open obligation `days_left` days from its due date has reached (one
    created five days before its date gets the 7-day reminder only, not the 30-day one)."""
    if days_left < 0:
        return Threshold.OVERDUE
    return next((threshold for days, threshold in DAY_THRESHOLDS if days_left <= days), None)
