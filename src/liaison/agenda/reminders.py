"""Deadline reminders: each open obligation is e-mailed to its responsible officer 30, 7 and
1 days before its due date and once late, each threshold once (`liaison remind` may run
twice a day, or miss a day: what is due is what has been reached and not yet sent), in the
recipient's language. Administrators get one digest of every obligation they may see.

A recipient is sent only what they may see (`visible_to`): a confidential obligation
reaches only the officers named on it, and no digest counts it for anyone else.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from django.contrib.auth import get_user_model
from django.core.mail import EmailMessage
from django.db.models import Q, QuerySet
from django.template.loader import render_to_string
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from liaison.agenda import services
from liaison.agenda.choices import DAY_THRESHOLDS, Threshold, threshold_for
from liaison.agenda.models import ReminderSent
from liaison.core.choices import Role
from liaison.core.visibility import roles_of
from liaison.partners.models import Obligation

#: The farthest threshold: obligations due later are not reminded yet.
HORIZON = datetime.timedelta(days=max(days for days, _ in DAY_THRESHOLDS))
#: The digest's and the reminder's sections, nearest first.
SECTIONS = (Threshold.OVERDUE, Threshold.DAYS_1, Threshold.DAYS_7, Threshold.DAYS_30)


@dataclass(frozen=True)
class Reminder:
    obligation: Obligation
    threshold: Threshold


def due_obligations(visible: QuerySet[Obligation], today: datetime.date) -> QuerySet:
    """The open obligations of `visible` that are late or due within 30 days, the latest
    first: what reminders are about, and what the dashboard lists."""
    return (
        visible.filter(status=Obligation.Status.OPEN, due_date__lte=today + HORIZON)
        .select_related("membership__body", "responsible")
        .order_by("due_date", "pk")
    )


def is_administrator(user) -> bool:
    return Role.ADMINISTRATOR in roles_of(user)


def recipients(today: datetime.date) -> QuerySet:
    """Active users with an address who are responsible for an obligation soon due or
    late, and the administrators (superusers hold every role)."""
    responsible = due_obligations(Obligation.objects.all(), today).values("responsible")
    return (
        get_user_model()
        .objects.filter(is_active=True)
        .exclude(email="")
        .filter(Q(pk__in=responsible) | Q(is_superuser=True) | Q(groups__name=Role.ADMINISTRATOR))
        .distinct()
        .order_by("pk")
    )


def pending_for(user, today: datetime.date) -> list[Reminder]:
    """The reminders `user` has reached and not been sent: of their own obligations, or of
    every one they may see when they are an administrator."""
    due = due_obligations(Obligation.objects.visible_to(user), today)
    if not is_administrator(user):
        due = due.filter(responsible=user)
    sent = set(
        ReminderSent.objects.filter(recipient=user, obligation__in=due.values("pk")).values_list(
            "obligation_id", "threshold", "due_date"
        )
    )
    found = []
    for obligation in due:
        threshold = threshold_for(obligation.days_left(today))
        if threshold and (obligation.pk, threshold, obligation.due_date) not in sent:
            found.append(Reminder(obligation, threshold))
    return found


def message_for(user, reminders: list[Reminder], today: datetime.date) -> EmailMessage:
    """One e-mail in the recipient's language, its reminders grouped by threshold."""
    digest = is_administrator(user)
    with translation.override(user.language):
        sections = [
            (threshold.label, [r.obligation for r in reminders if r.threshold == threshold])
            for threshold in SECTIONS
        ]
        context = {
            "user": user,
            "today": today,
            "digest": digest,
            "sections": [(label, items) for label, items in sections if items],
        }
        subject = (
            _("Liaison: obligation deadlines, digest")
            if digest
            else _("Liaison: obligation deadlines")
        )
        body = render_to_string("calendar/email/reminders.txt", context)
    return EmailMessage(subject=str(subject), body=body, to=[user.email])


def send_reminders(today: datetime.date | None = None) -> tuple[int, int]:
    """E-mail every recipient what they have reached; (e-mails, reminders) sent. A
    reminder is recorded once its e-mail has gone, so one that fails is sent next time."""
    today = today or timezone.localdate()
    emails = count = 0
    for user in recipients(today):
        pending = pending_for(user, today)
        if not pending:
            continue
        message_for(user, pending, today).send()
        services.record_reminders(user, [(r.obligation, r.threshold) for r in pending])
        emails, count = emails + 1, count + len(pending)
    return emails, count
