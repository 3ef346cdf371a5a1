"""The agency's officers: who goes on delegations and who attends training.

Staff records carry personal data, so they are classified like any record (internal by
default) and read only through the visibility chokepoint.
"""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from liaison.core.models import (
    RecordModel,
    record_constraints,
    record_indexes,
    unique_among_visible,
)
from liaison.core.translation import TrilingualNameModel, chinese_required


class Unit(TrilingualNameModel, RecordModel):
    """A department or division of the agency (training hours are reported per unit)."""

    code = models.SlugField(_("code"), max_length=20)

    class Meta:
        verbose_name = _("unit")
        verbose_name_plural = _("units")
        ordering = ["code"]
        constraints = [
            *record_constraints("unit"),
            unique_among_visible(
                "agency",
                "code",
                name="unit_unique_code",
                message=_("Another unit of the agency has this code."),
            ),
            chinese_required("unit", "name"),
        ]
        indexes = record_indexes("unit")


class Staff(RecordModel):
    """An officer of the agency."""

    name_zh_hant = models.CharField(_("name (Chinese)"), max_length=120)
    name_latin = models.CharField(_("name (Latin script)"), max_length=120, blank=True)
    unit = models.ForeignKey(
        Unit, verbose_name=_("unit"), on_delete=models.PROTECT, related_name="staff"
    )
    post = models.CharField(_("post"), max_length=120, blank=True)
    staff_number = models.CharField(_("staff number"), max_length=20)
    email = models.EmailField(_("e-mail"), blank=True)
    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        verbose_name=_("log-in account"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="staff_profile",
    )
    active = models.BooleanField(_("in service"), default=True)

    class Meta:
        verbose_name = _("officer")
        verbose_name_plural = _("officers")
        ordering = ["unit__code", "name_zh_hant"]
        constraints = [
            *record_constraints("staff"),
            unique_among_visible(
                "agency",
                "staff_number",
                name="staff_unique_number",
                message=_("Another officer of the agency has this staff number."),
            ),
            chinese_required("staff", "name"),
        ]
        indexes = record_indexes("staff")

    def __str__(self) -> str:
        return f"{self.name_zh_hant} ({self.name_latin})" if self.name_latin else self.name_zh_hant
