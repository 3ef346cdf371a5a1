"""The chapter's own prose: what the office wrote around its activities, year by year.

An activity's record keeps its own sentence; the rest of a chapter (its title, the
introduction, each part's heading and lead, a sentence that carries no activity such as
"除上述課程外…") is kept here, per agency and year, with its place in the source, so the
chapter written back for that year says what the office said. A year without passages gets
the patterns of `templates/reports/chapter/`. Passages are records like any other:
classified, versioned, audited, approved before a final chapter uses them.
"""

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _

from liaison.activities.choices import ActivityKind
from liaison.core.models import RecordModel, record_constraints, record_indexes
from liaison.core.translation import Translated
from liaison.reports.choices import PassageRole


class Passage(RecordModel):
    year = models.PositiveSmallIntegerField(_("year"))
    role = models.CharField(_("role"), max_length=12, choices=PassageRole.choices)
    part = models.CharField(
        _("part"),
        max_length=20,
        choices=ActivityKind.choices,
        blank=True,
        help_text=_("The part it belongs to; empty for the title and the introduction."),
    )
    position = models.PositiveIntegerField(
        _("position"),
        default=0,
        help_text=_("Where it stands in its source: passages and activities follow this order."),
    )
    source_name = models.CharField(_("source file"), max_length=255, blank=True)
    text_zh_hant = models.TextField(_("text (Chinese)"), blank=True)
    text_pt = models.TextField(_("text (Portuguese)"), blank=True)
    text_en = models.TextField(_("text (English)"), blank=True)
    text = Translated("text")
    import_key = models.CharField(_("import key"), max_length=64, blank=True, editable=False)

    class Meta:
        verbose_name = _("chapter passage")
        verbose_name_plural = _("chapter passages")
        ordering = ["-year", "source_name", "position", "pk"]
        constraints = [
            *record_constraints("passage"),
            models.CheckConstraint(
                condition=models.Q(role__in=PassageRole.values), name="passage_role_valid"
            ),
            models.CheckConstraint(
                condition=models.Q(part="") | models.Q(part__in=ActivityKind.values),
                name="passage_part_valid",
            ),
            models.CheckConstraint(
                condition=models.Q(year__gte=1990, year__lte=2100), name="passage_year_range"
            ),
            # Only a heading may be empty: a part the source began without one.
            models.CheckConstraint(
                condition=models.Q(role=PassageRole.HEADING)
                | ~models.Q(text_zh_hant="", text_pt="", text_en=""),
                name="passage_has_text",
            ),
        ]
        indexes = [
            *record_indexes("passage"),
            models.Index(fields=["agency", "year"], name="passage_agency_year"),
        ]

    def __str__(self) -> str:
        words = self.text_zh_hant or self.text_pt or self.text_en
        return f"{self.year} {self.get_role_display()}: {words[:40]}"

    def clean(self):
        super().clean()
        if self.role != PassageRole.HEADING and not (
            self.text_zh_hant or self.text_pt or self.text_en
        ):
            raise ValidationError(
                {"text_zh_hant": _("Write the passage in at least one language.")}
            )
