"""Places, partner bodies, the agency's memberships and the obligations they bring."""

import datetime

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from liaison.core.choices import RegionGroup
from liaison.core.models import (
    RecordModel,
    ReferenceModel,
    WebAddressField,
    record_constraints,
    record_indexes,
    unique_among_visible,
)
from liaison.core.translation import TrilingualNameModel, TrilingualTitleModel, chinese_required
from liaison.partners.choices import (
    DeadlineStatus,
    MembershipStanding,
    deadline_status,
    membership_standing,
)


class Place(TrilingualNameModel, ReferenceModel):
    """A city, region or country, shared by every agency (the gazetteer)."""

    class Kind(models.TextChoices):
        CITY = "city", _("City")
        REGION = "region", _("Region or province")
        COUNTRY = "country", _("Country")

    kind = models.CharField(_("kind"), max_length=10, choices=Kind.choices)
    region_group = models.CharField(
        _("region group"), max_length=10, choices=RegionGroup.choices, db_index=True
    )
    parent = models.ForeignKey(
        "self",
        verbose_name=_("part of"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="children",
    )
    aliases = models.JSONField(_("other names"), default=list, blank=True)

    class Meta:
        verbose_name = _("place")
        verbose_name_plural = _("places")
        ordering = ["region_group", "name_zh_hant"]
        constraints = [
            models.UniqueConstraint(fields=["name_zh_hant", "kind"], name="place_unique_name"),
            chinese_required("place", "name"),
            models.CheckConstraint(
                condition=~models.Q(parent=models.F("id")), name="place_not_own_parent"
            ),
        ]


class PartnerBody(TrilingualNameModel, RecordModel):
    """An agency, commission, network, academy or company the office deals with."""

    class Kind(models.TextChoices):
        ANTI_CORRUPTION = "anti_corruption", _("Anti-corruption agency")
        SUPERVISORY = "supervisory", _("Supervisory commission")
        OMBUDSMAN = "ombudsman", _("Ombudsman")
        LAW_ENFORCEMENT = "law_enforcement", _("Police, prosecution or court")
        GOVERNMENT = "government", _("Government office")
        INTERNATIONAL = "international", _("International organisation or network")
        ACADEMY = "academy", _("Academy or university")
        COMPANY = "company", _("Company")
        #: People who came on a visit ("印尼檢察官代表團"): a visitor with its origin, not a
        #: partner the statistics count.
        DELEGATION = "delegation", _("Visiting delegation")
        OTHER = "other", _("Other")

    acronym = models.CharField(_("acronym"), max_length=40, blank=True, db_index=True)
    aliases = models.JSONField(
        _("other names"),
        default=list,
        blank=True,
        help_text=_("Other ways the body is written, in any script."),
    )
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices, default=Kind.OTHER)
    region_group = models.CharField(
        _("region group"), max_length=10, choices=RegionGroup.choices, blank=True, db_index=True
    )
    place = models.ForeignKey(
        Place,
        verbose_name=_("seat"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="bodies",
    )
    parent = models.ForeignKey(
        "self",
        verbose_name=_("parent body"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="children",
    )
    website = WebAddressField(_("website"), blank=True)

    class Meta:
        verbose_name = _("partner body")
        verbose_name_plural = _("partner bodies")
        ordering = ["name_zh_hant"]
        constraints = [
            *record_constraints("partnerbody"),
            unique_among_visible(
                "agency",
                "name_zh_hant",
                name="partnerbody_unique_name_per_agency",
                message=_("Another body of the agency has this Chinese name."),
            ),
            chinese_required("partnerbody", "name"),
        ]
        indexes = record_indexes("partnerbody")

    def __str__(self) -> str:
        return f"{self.name} ({self.acronym})" if self.acronym else self.name

    @property
    def all_names(self) -> list[str]:
        """Every name the body is known by, for matching imported text."""
        names = [self.name_zh_hant, self.name_pt, self.name_en, self.acronym, *self.aliases]
        return [name for name in names if name]


class Membership(RecordModel):
    """The agency is a member (or observer) of a body, which brings obligations."""

    class Status(models.TextChoices):
        MEMBER = "member", _("Member")
        OBSERVER = "observer", _("Observer")
        FORMER = "former", _("Former member")

    body = models.ForeignKey(
        PartnerBody, verbose_name=_("body"), on_delete=models.PROTECT, related_name="memberships"
    )
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.MEMBER
    )
    since = models.DateField(_("member since"), null=True, blank=True)
    until = models.DateField(_("member until"), null=True, blank=True)
    notes = models.TextField(_("notes"), blank=True)

    class Meta:
        verbose_name = _("membership")
        verbose_name_plural = _("memberships")
        ordering = ["body__name_zh_hant"]
        constraints = [
            *record_constraints("membership"),
            unique_among_visible(
                "agency",
                "body",
                name="membership_unique_body",
                message=_("The agency already has a membership of this body."),
            ),
            models.CheckConstraint(
                condition=models.Q(until__isnull=True)
                | models.Q(since__isnull=True)
                | models.Q(until__gte=models.F("since")),
                name="membership_dates_ordered",
            ),
        ]
        indexes = record_indexes("membership")

    def __str__(self) -> str:
        return str(self.body)

    def standing(self, today: datetime.date | None = None) -> MembershipStanding:
        """Current, ending, expired (or not yet started), from the dates; a former
        member's membership has expired whatever its dates say."""
        if self.status == self.Status.FORMER:
            return MembershipStanding.EXPIRED
        return membership_standing(self.since, self.until, today or timezone.localdate())


class Obligation(TrilingualTitleModel, RecordModel):
    """Something a membership requires by a date: a meeting, dues, a questionnaire, a report."""

    class Kind(models.TextChoices):
        MEETING = "meeting", _("Meeting to attend")
        DUES = "dues", _("Dues")
        QUESTIONNAIRE = "questionnaire", _("Questionnaire")
        REPORT = "report", _("Report")

    class Status(models.TextChoices):
        OPEN = "open", _("Open")
        DONE = "done", _("Done")
        WAIVED = "waived", _("Waived")

    membership = models.ForeignKey(
        Membership,
        verbose_name=_("membership"),
        on_delete=models.CASCADE,
        related_name="obligations",
    )
    kind = models.CharField(_("kind"), max_length=15, choices=Kind.choices)
    due_date = models.DateField(_("due date"), db_index=True)
    status = models.CharField(_("status"), max_length=10, choices=Status.choices, default="open")
    completed_on = models.DateField(_("completed on"), null=True, blank=True)
    waived_reason = models.TextField(_("why it was waived"), blank=True)
    responsible = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("responsible officer"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        help_text=_("Reminded by e-mail 30, 7 and 1 days before the due date, and when late."),
    )

    class Meta:
        verbose_name = _("obligation")
        verbose_name_plural = _("obligations")
        ordering = ["due_date"]
        constraints = [
            *record_constraints("obligation"),
            models.CheckConstraint(
                condition=~models.Q(status="done") | models.Q(completed_on__isnull=False),
                name="obligation_done_has_date",
            ),
            models.CheckConstraint(
                condition=~models.Q(status="waived") | ~models.Q(waived_reason=""),
                name="obligation_waived_has_reason",
            ),
            chinese_required("obligation", "title"),
        ]
        indexes = [
            *record_indexes("obligation"),
            models.Index(fields=["status", "due_date"], name="obligation_open_due"),
        ]

    def clean(self) -> None:
        errors = {}
        if self.status == self.Status.DONE and not self.completed_on:
            errors["completed_on"] = _("Say when it was done.")
        if self.completed_on and self.completed_on > timezone.localdate():
            errors["completed_on"] = _("The day it was done is in the future.")
        if self.status == self.Status.WAIVED and not self.waived_reason.strip():
            errors["waived_reason"] = _("Say why it was waived.")
        if errors:
            raise ValidationError(errors)

    def deadline(self, today: datetime.date | None = None) -> DeadlineStatus:
        """Open, due soon, overdue, done or waived, as of `today`."""
        return deadline_status(self.status, self.due_date, today or timezone.localdate())

    def days_left(self, today: datetime.date | None = None) -> int:
        """Days until the due date (negative once it has passed)."""
        return (self.due_date - (today or timezone.localdate())).days
