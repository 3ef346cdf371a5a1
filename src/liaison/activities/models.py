"""Activities: one table for the five kinds, with the few kind-specific columns guarded.

Why one table: the chapter, the dashboard, search, the calendar and the API all treat the
five kinds as one stream (counts by part, by region, by body). Per-kind detail tables would
make every one of those a five-way join for a handful of columns, so the kind-specific
columns (visitor count, training scope and hours) live here, each allowed only for its kind
by a check constraint.
"""

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _

from liaison.activities.choices import ActivityKind, BodyRole, DatePrecision, Mode, TrainingScope
from liaison.core.models import (
    ChildModel,
    RecordModel,
    ReferenceModel,
    record_constraints,
    record_indexes,
)
from liaison.core.translation import (
    Translated,
    TrilingualNameModel,
    TrilingualTitleModel,
    chinese_required,
)
from liaison.core.visibility import ChildManager


class Topic(TrilingualNameModel, ReferenceModel):
    """A subject covered by training or discussed at a meeting (digital forensics, AI…)."""

    class Meta:
        verbose_name = _("topic")
        verbose_name_plural = _("topics")
        ordering = ["name_zh_hant"]
        constraints = [
            models.UniqueConstraint(fields=["name_zh_hant"], name="topic_unique_name"),
        ]


class Activity(TrilingualTitleModel, RecordModel):
    kind = models.CharField(_("kind"), max_length=20, choices=ActivityKind.choices)
    summary_zh_hant = models.TextField(_("summary (Chinese)"), blank=True)
    summary_pt = models.TextField(_("summary (Portuguese)"), blank=True)
    summary_en = models.TextField(_("summary (English)"), blank=True)
    summary = Translated("summary")

    year = models.PositiveSmallIntegerField(_("year"))
    start_date = models.DateField(_("start date"), null=True, blank=True)
    end_date = models.DateField(_("end date"), null=True, blank=True)
    date_precision = models.CharField(
        _("date known to"), max_length=5, choices=DatePrecision.choices, default=DatePrecision.DAY
    )
    mode = models.CharField(_("mode"), max_length=10, choices=Mode.choices, blank=True)
    purpose = models.TextField(_("purpose"), blank=True)
    outcome = models.TextField(_("outcome"), blank=True)

    places = models.ManyToManyField(
        "partners.Place", verbose_name=_("places"), blank=True, related_name="activities"
    )
    bodies = models.ManyToManyField(
        "partners.PartnerBody",
        through="ActivityBody",
        verbose_name=_("bodies"),
        blank=True,
        related_name="activities",
    )
    topics = models.ManyToManyField(
        Topic, verbose_name=_("topics"), blank=True, related_name="activities"
    )

    visitor_count = models.PositiveSmallIntegerField(
        _("visitors"), null=True, blank=True, help_text=_("Inbound visits: delegation size.")
    )
    training_scope = models.CharField(
        _("training scope"), max_length=10, choices=TrainingScope.choices, blank=True
    )
    training_hours = models.DecimalField(
        _("course hours"), max_digits=6, decimal_places=1, null=True, blank=True
    )

    source_text = models.TextField(_("source sentence"), blank=True)
    source_ref = models.JSONField(
        _("source"), default=dict, blank=True, help_text=_("Where an imported record came from.")
    )
    import_key = models.CharField(_("import key"), max_length=64, blank=True, editable=False)

    audited_m2m = ("cleared_officers", "places", "topics")

    class Meta:
        verbose_name = _("activity")
        verbose_name_plural = _("activities")
        ordering = ["-year", "start_date", "pk"]
        constraints = [
            *record_constraints("activity"),
            models.CheckConstraint(
                condition=models.Q(kind__in=ActivityKind.values), name="activity_kind_valid"
            ),
            chinese_required("activity", "title"),
            models.CheckConstraint(
                condition=models.Q(year__gte=1990, year__lte=2100), name="activity_year_range"
            ),
            models.CheckConstraint(
                condition=models.Q(end_date__isnull=True)
                | models.Q(start_date__isnull=True)
                | models.Q(end_date__gte=models.F("start_date")),
                name="activity_dates_ordered",
            ),
            models.CheckConstraint(
                condition=models.Q(date_precision=DatePrecision.YEAR)
                | models.Q(start_date__isnull=False),
                name="activity_precise_date_given",
            ),
            models.CheckConstraint(
                condition=models.Q(visitor_count__isnull=True)
                | models.Q(kind=ActivityKind.INBOUND_VISIT),
                name="activity_visitors_only_inbound",
            ),
            models.CheckConstraint(
                condition=(models.Q(training_scope="") & models.Q(training_hours__isnull=True))
                | models.Q(kind=ActivityKind.TRAINING),
                name="activity_training_fields_only_training",
            ),
            models.CheckConstraint(
                condition=models.Q(training_hours__isnull=True) | models.Q(training_hours__gte=0),
                name="activity_training_hours_positive",
            ),
            models.UniqueConstraint(
                fields=["agency", "import_key"],
                condition=~models.Q(import_key=""),
                name="activity_unique_import_key",
            ),
        ]
        indexes = [
            *record_indexes("activity"),
            models.Index(fields=["agency", "year", "kind"], name="activity_year_kind"),
            models.Index(fields=["start_date"], name="activity_start_date"),
            # An agency's list in its own order: a page is read off the index, not sorted.
            models.Index(fields=["agency", "-year", "start_date", "id"], name="activity_list"),
        ]

    def clean(self) -> None:
        errors = {}
        if self.start_date and self.end_date and self.end_date < self.start_date:
            errors["end_date"] = _("The end date is before the start date.")
        if self.date_precision != DatePrecision.YEAR and not self.start_date:
            errors["start_date"] = _("Give the date, or say that only the year is known.")
        if self.start_date and self.year and self.start_date.year != self.year:
            errors["year"] = _("The year is not the start date's year.")
        if self.start_date and not self.year:
            self.year = self.start_date.year
        if self.visitor_count is not None and self.kind != ActivityKind.INBOUND_VISIT:
            errors["visitor_count"] = _("Only inbound visits have a number of visitors.")
        if (self.training_scope or self.training_hours is not None) and (
            self.kind != ActivityKind.TRAINING
        ):
            errors["training_scope"] = _("Only training has a scope and course hours.")
        if errors:
            raise ValidationError(errors)

    @property
    def month(self) -> int | None:
        """The month the activity started in, when known."""
        if self.start_date and self.date_precision != DatePrecision.YEAR:
            return self.start_date.month
        return None


class ActivityBody(ChildModel):
    """A body's part in an activity: host, organizer, visitor…"""

    activity = models.ForeignKey(
        Activity, verbose_name=_("activity"), on_delete=models.CASCADE, related_name="body_roles"
    )
    body = models.ForeignKey(
        "partners.PartnerBody",
        verbose_name=_("body"),
        on_delete=models.PROTECT,
        related_name="activity_roles",
    )
    role = models.CharField(_("role"), max_length=15, choices=BodyRole.choices)

    parent_field = "activity"
    objects = ChildManager()

    class Meta:
        verbose_name = _("body's role")
        verbose_name_plural = _("bodies' roles")
        constraints = [
            models.UniqueConstraint(
                fields=["activity", "body", "role"], name="activitybody_unique_role"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.body} ({self.get_role_display()})"


class Event(ChildModel, TrilingualTitleModel):
    """A named event the activity attended: its title as quoted, series and session."""

    activity = models.ForeignKey(
        Activity, verbose_name=_("activity"), on_delete=models.CASCADE, related_name="events"
    )
    series = models.CharField(_("series"), max_length=300, blank=True)
    session_number = models.PositiveSmallIntegerField(_("session number"), null=True, blank=True)
    position = models.PositiveSmallIntegerField(_("order"), default=0)

    parent_field = "activity"
    objects = ChildManager()

    class Meta:
        verbose_name = _("event")
        verbose_name_plural = _("events")
        ordering = ["activity", "position", "pk"]
        constraints = [chinese_required("event", "title")]


class DelegationMember(ChildModel):
    """An officer on the delegation; one of them may lead it."""

    activity = models.ForeignKey(
        Activity, verbose_name=_("activity"), on_delete=models.CASCADE, related_name="delegation"
    )
    staff = models.ForeignKey(
        "people.Staff", verbose_name=_("officer"), on_delete=models.PROTECT, related_name="+"
    )
    is_head = models.BooleanField(_("head of delegation"), default=False)

    parent_field = "activity"
    objects = ChildManager()

    class Meta:
        verbose_name = _("delegation member")
        verbose_name_plural = _("delegation members")
        constraints = [
            models.UniqueConstraint(fields=["activity", "staff"], name="delegation_unique_member"),
            models.UniqueConstraint(
                fields=["activity"], condition=models.Q(is_head=True), name="delegation_one_head"
            ),
        ]

    def __str__(self) -> str:
        return str(self.staff)
