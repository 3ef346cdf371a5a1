"""Who attended which course, for how long, and whether they earned the certificate.

A course is an Activity of kind "training"; attendance rows belong to it and are visible
exactly when the course is (they are personal data, so never more widely).
"""

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _

from liaison.activities.choices import ActivityKind
from liaison.core.models import ChildModel
from liaison.core.visibility import ChildManager


class Attendance(ChildModel):
    course = models.ForeignKey(
        "activities.Activity",
        verbose_name=_("course"),
        on_delete=models.CASCADE,
        related_name="attendance",
        limit_choices_to={"kind": ActivityKind.TRAINING},
    )
    participant = models.ForeignKey(
        "people.Staff",
        verbose_name=_("participant"),
        on_delete=models.PROTECT,
        related_name="attendance",
    )
    hours = models.DecimalField(_("hours attended"), max_digits=6, decimal_places=1)
    completed = models.BooleanField(_("completed"), default=False)
    certificate_number = models.CharField(_("certificate number"), max_length=60, blank=True)

    parent_field = "course"
    objects = ChildManager()

    class Meta:
        verbose_name = _("attendance")
        verbose_name_plural = _("attendance")
        ordering = ["course", "participant__name_zh_hant"]
        constraints = [
            models.UniqueConstraint(
                fields=["course", "participant"], name="attendance_unique_participant"
            ),
            models.CheckConstraint(condition=models.Q(hours__gte=0), name="attendance_hours_ok"),
            models.CheckConstraint(
                condition=models.Q(certificate_number="") | models.Q(completed=True),
                name="attendance_certificate_needs_completion",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.participant} — {self.course}"

    def clean(self) -> None:
        if self.course_id and self.course.kind != ActivityKind.TRAINING:
            raise ValidationError({"course": _("Attendance is recorded on training courses.")})
        if self.certificate_number and not self.completed:
            raise ValidationError(
                {"certificate_number": _("A certificate is issued only on completion.")}
            )
