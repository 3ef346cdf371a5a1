"""The confidential register of intelligence-exchange and case-assistance requests.

Every entry is confidential (a check constraint holds it there): only the officers named on
it see it, only register officers write it, and every view of it is logged.
"""

from typing import ClassVar

from django.db import models
from django.utils.translation import gettext_lazy as _

from liaison.core.choices import Classification, Role
from liaison.core.models import RecordModel, record_constraints, record_indexes


class CaseAssistanceRequest(RecordModel):
    class Direction(models.TextChoices):
        OUTGOING = "outgoing", _("Sent to the counterpart")
        INCOMING = "incoming", _("Received from the counterpart")

    class Status(models.TextChoices):
        OPEN = "open", _("Open")
        IN_PROGRESS = "in_progress", _("In progress")
        ANSWERED = "answered", _("Answered")
        CLOSED = "closed", _("Closed")

    direction = models.CharField(_("direction"), max_length=10, choices=Direction.choices)
    reference = models.CharField(_("reference"), max_length=60)
    counterpart = models.ForeignKey(
        "partners.PartnerBody",
        verbose_name=_("counterpart"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    subject = models.TextField(_("subject"))
    status = models.CharField(
        _("status"), max_length=12, choices=Status.choices, default=Status.OPEN
    )
    received_on = models.DateField(_("sent or received on"))
    due_date = models.DateField(_("due date"), null=True, blank=True)
    closed_on = models.DateField(_("closed on"), null=True, blank=True)

    writer_roles: ClassVar = (Role.REGISTER_OFFICER,)

    class Meta:
        verbose_name = _("case assistance request")
        verbose_name_plural = _("case assistance requests")
        ordering = ["-received_on"]
        constraints = [
            *record_constraints("caseassist"),
            models.UniqueConstraint(
                fields=["agency", "reference"], name="caseassistance_unique_reference"
            ),
            models.CheckConstraint(
                condition=models.Q(classification=Classification.CONFIDENTIAL),
                name="caseassistance_always_confidential",
            ),
            models.CheckConstraint(
                condition=models.Q(due_date__isnull=True)
                | models.Q(due_date__gte=models.F("received_on")),
                name="caseassistance_due_after_receipt",
            ),
        ]
        indexes = [
            *record_indexes("caseassist"),
            models.Index(fields=["status", "due_date"], name="caseassistance_open_due"),
        ]

    def __str__(self) -> str:
        return self.reference

    def save(self, *args, **kwargs):
        self.classification = Classification.CONFIDENTIAL
        super().save(*args, **kwargs)
