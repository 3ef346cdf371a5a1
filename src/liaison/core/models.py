"""The abstract building blocks every record is made of (NetBox's PrimaryModel, our way).

A record is owned by an agency, classified, versioned, tracked (who/when) and goes through
draft -> submitted -> approved. Concrete models compose `RecordModel`; reference data
(places, topics) compose only the parts they need.
"""

import uuid
from typing import ClassVar

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from liaison.core.choices import Classification, Role, WorkflowState
from liaison.core.visibility import RecordManager


class WebAddressField(models.URLField):
    """A URL whose form field assumes https for a bare domain (Django 6's default, now)."""

    def formfield(self, **kwargs):
        return super().formfield(**{"assume_scheme": "https", **kwargs})


class TrackedModel(models.Model):
    """When and by whom a row was created and last changed."""

    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("created by"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        editable=False,
    )
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("last changed by"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        editable=False,
    )

    class Meta:
        abstract = True


class VersionedModel(models.Model):
    """A counter bumped on every save, so an edit made on a stale copy can be refused."""

    version = models.PositiveIntegerField(_("version"), default=1, editable=False)

    class Meta:
        abstract = True

    def get_additional_data(self):
        """Auditlog stores this with each change: the reason given for it, if any."""
        reason = getattr(self, "_change_reason", "")
        return {"reason": reason} if reason else None


class RecordModel(TrackedModel, VersionedModel):
    """An agency's record: classified, with need-to-know officers and an approval workflow."""

    agency = models.ForeignKey(
        "accounts.Agency", verbose_name=_("agency"), on_delete=models.PROTECT, related_name="+"
    )
    classification = models.PositiveSmallIntegerField(
        _("classification"), choices=Classification.choices, default=Classification.INTERNAL
    )
    cleared_officers = models.ManyToManyField(
        settings.AUTH_USER_MODEL,
        verbose_name=_("officers who may see it"),
        blank=True,
        related_name="+",
        help_text=_("For confidential records: the only officers who may see the record."),
    )
    state = models.CharField(
        _("state"),
        max_length=12,
        choices=WorkflowState.choices,
        default=WorkflowState.DRAFT,
        editable=False,
    )
    submitted_at = models.DateTimeField(_("submitted at"), null=True, blank=True, editable=False)
    approved_at = models.DateTimeField(_("approved at"), null=True, blank=True, editable=False)
    approved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("approved by"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        editable=False,
    )

    objects = RecordManager()

    #: The roles that may create and change records of this kind.
    writer_roles: ClassVar[tuple[Role, ...]] = (Role.EDITOR, Role.ADMINISTRATOR)
    #: Many-to-many fields whose changes the audit log records.
    audited_m2m: ClassVar[tuple[str, ...]] = ("cleared_officers",)

    class Meta:
        abstract = True

    @property
    def is_confidential(self) -> bool:
        return self.classification == Classification.CONFIDENTIAL

    @property
    def is_approved(self) -> bool:
        return self.state == WorkflowState.APPROVED

    def is_visible_to(self, user) -> bool:
        """Whether `user` may see this record, decided by the one visibility query (asked
        once per user for this copy: a page checks several permissions on one record)."""
        answers = self.__dict__.setdefault("_visible_to", {})
        if user.pk not in answers:
            answers[user.pk] = type(self).objects.visible_to(user).filter(pk=self.pk).exists()
        return answers[user.pk]


def unique_among_visible(*fields: str, name: str, message) -> models.UniqueConstraint:
    """Unique among the records anyone may see: a confidential record is left out, since a
    value refused because a record nobody else may see holds it (a body's name, a staff
    number) would tell its writer that record exists."""
    return models.UniqueConstraint(
        fields=list(fields),
        condition=~models.Q(classification=Classification.CONFIDENTIAL),
        name=name,
        violation_error_message=message,
    )


def record_constraints(model_name: str) -> list[models.BaseConstraint]:
    """Check constraints every record table carries (named per table, as Django requires)."""
    return [
        models.CheckConstraint(
            condition=models.Q(classification__in=Classification.values),
            name=f"{model_name}_classification_valid",
        ),
        models.CheckConstraint(
            condition=models.Q(state__in=WorkflowState.values),
            name=f"{model_name}_state_valid",
        ),
        models.CheckConstraint(
            condition=~models.Q(state=WorkflowState.APPROVED) | models.Q(approved_at__isnull=False),
            name=f"{model_name}_approved_has_date",
        ),
    ]


def record_indexes(model_name: str) -> list[models.Index]:
    """The indexes every list filters by: agency with state and classification."""
    return [
        models.Index(fields=["agency", "state"], name=f"{model_name}_agency_state"),
        models.Index(fields=["agency", "classification"], name=f"{model_name}_agency_class"),
    ]


class ChildModel(models.Model):
    """A row that belongs to one record (an event, a body's role, an attendance, a file).

    It is part of its record: seen with it, changed by whoever may change it, and a change
    to the row is a change of the record (a new version, checked like any other edit).
    """

    #: The field (a foreign key, or a generic one) holding the record the row belongs to.
    parent_field: ClassVar[str]

    class Meta:
        abstract = True

    @property
    def parent_record(self) -> RecordModel:
        return getattr(self, self.parent_field)


class RowTrail(models.Model):
    """A child row's record, kept when the row is deleted (core.trail): the history of a
    record finds its rows' audit entries, the deleted rows' too, through this index."""

    record_type = models.ForeignKey(
        "contenttypes.ContentType", on_delete=models.CASCADE, related_name="+"
    )
    record_id = models.PositiveBigIntegerField()
    row_type = models.ForeignKey(
        "contenttypes.ContentType", on_delete=models.CASCADE, related_name="+"
    )
    row_id = models.PositiveBigIntegerField()

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["row_type", "row_id"], name="row_trail_row"),
        ]
        indexes = [
            models.Index(fields=["record_type", "record_id", "row_type"], name="row_trail_record")
        ]

    def __str__(self) -> str:
        return f"{self.row_type_id}:{self.row_id} of {self.record_type_id}:{self.record_id}"


class ReferenceModel(TrackedModel, VersionedModel):
    """Shared reference data (places, topics): not owned by an agency, not classified."""

    audited_m2m: ClassVar[tuple[str, ...]] = ()

    class Meta:
        abstract = True


class ChangeStamp(models.Model):
    """The token of what an agency's records (or the reference data) are now: it changes
    after each write, so what is derived from them can be cached (core.freshness)."""

    key = models.CharField(max_length=40, primary_key=True)
    token = models.UUIDField(default=uuid.uuid4)

    def __str__(self) -> str:
        return f"{self.key}: {self.token}"
