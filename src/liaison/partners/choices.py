"""What the dates of a membership and an obligation say about them today.

Both are computed, never stored: a status written down goes stale the night its date
passes. The membership's standing follows CiviCRM's membership status rules, reduced to the
dates the office records (since, until): each rule holds from one event, offset, to the next.
"""

import datetime

from django.db import models
from django.utils.translation import gettext_lazy as _

#: An open obligation due within this many days is due soon (the first reminder's threshold).
DUE_SOON_DAYS = 30
#: A membership is ending this many days before its end date.
ENDING_DAYS = 90


class DeadlineStatus(models.TextChoices):
    OPEN = "open", _("Open")
    DUE_SOON = "due_soon", _("Due soon")
    OVERDUE = "overdue", _("Overdue")
    DONE = "done", _("Done")
    WAIVED = "waived", _("Waived")


class MembershipStanding(models.TextChoices):
    UPCOMING = "upcoming", _("Not yet started")
    CURRENT = "current", _("Current")
    ENDING = "ending", _("Ending")
    EXPIRED = "expired", _("Expired")


def deadline_status(status: str, due: datetime.date, today: datetime.date) -> DeadlineStatus:
    """An open obligation's standing against its due date; done and waived ones are settled."""
    if status != DeadlineStatus.OPEN:
        return DeadlineStatus(status)
    if due < today:
        return DeadlineStatus.OVERDUE
    if (due - today).days <= DUE_SOON_DAYS:
        return DeadlineStatus.DUE_SOON
    return DeadlineStatus.OPEN


def membership_standing(
    since: datetime.date | None, until: datetime.date | None, today: datetime.date
) -> MembershipStanding:
    """The rules, in order: before `since` upcoming; after `until` expired; within
    ENDING_DAYS of `until` ending; otherwise (no end date included) current."""
    if since is not None and today < since:
        return MembershipStanding.UPCOMING
    if until is None:
        return MembershipStanding.CURRENT
    if today > until:
        return MembershipStanding.EXPIRED
    if today >= until - datetime.timedelta(days=ENDING_DAYS):
        return MembershipStanding.ENDING
    return MembershipStanding.CURRENT
