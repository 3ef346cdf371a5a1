"""A user's secret calendar feed link (kept only as a digest) and the reminders sent."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from liaison.agenda.choices import Threshold


class FeedToken(models.Model):
    """The secret in a user's feed links. Only its SHA-256 digest is stored: the link is
    shown once, when made; whoever reads the database cannot subscribe as the user."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        verbose_name=_("user"),
        on_delete=models.CASCADE,
        related_name="feed_token",
    )
    digest = models.CharField(_("digest"), max_length=64, unique=True, editable=False)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    last_used_at = models.DateTimeField(_("last used at"), null=True, blank=True)

    class Meta:
        verbose_name = _("calendar feed link")
        verbose_name_plural = _("calendar feed links")

    def __str__(self) -> str:
        return str(self.user)


class ReminderSent(models.Model):
    """One reminder of one due date to one person: never sent twice, however often
    `liaison remind` runs. A new due date is reminded afresh."""

    obligation = models.ForeignKey(
        "partners.Obligation",
        verbose_name=_("obligation"),
        on_delete=models.CASCADE,
        related_name="+",
    )
    recipient = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("recipient"),
        on_delete=models.CASCADE,
        related_name="+",
    )
    threshold = models.CharField(_("threshold"), max_length=10, choices=Threshold.choices)
    due_date = models.DateField(_("due date"))
    sent_at = models.DateTimeField(_("sent at"), auto_now_add=True)

    class Meta:
        verbose_name = _("reminder sent")
        verbose_name_plural = _("reminders sent")
        constraints = [
            models.UniqueConstraint(
                fields=["obligation", "recipient", "threshold", "due_date"],
                name="remindersent_once",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.obligation_id} → {self.recipient_id} ({self.threshold})"
