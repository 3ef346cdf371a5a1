"""Agencies own records; users belong to one agency and hold roles (Django groups)."""

from django.contrib.auth.models import AbstractUser
from django.db import models
from django.utils.translation import gettext_lazy as _

from liaison.core.choices import Role
from liaison.core.models import TrackedModel
from liaison.core.translation import TrilingualNameModel, chinese_required
from liaison.core.visibility import roles_of


class Agency(TrilingualNameModel, TrackedModel):
    """The office that owns records. A single-office install has one; a network has many."""

    code = models.SlugField(_("code"), max_length=20, unique=True)
    short_name_zh_hant = models.CharField(_("short name (Chinese)"), max_length=60, blank=True)
    report_part_number = models.PositiveSmallIntegerField(
        _("part number of the chapter in the annual report"), default=5
    )

    class Meta:
        verbose_name = _("agency")
        verbose_name_plural = _("agencies")
        ordering = ["code"]
        constraints = [
            chinese_required("agency", "name"),
        ]


class User(AbstractUser):
    """An officer's log-in: one agency, roles through groups."""

    agency = models.ForeignKey(
        Agency,
        verbose_name=_("agency"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="users",
    )

    class Meta:
        verbose_name = _("user")
        verbose_name_plural = _("users")

    @property
    def roles(self) -> frozenset[str]:
        return roles_of(self)

    def has_role(self, role: Role) -> bool:
        return role in roles_of(self)

    @property
    def is_privileged(self) -> bool:
        """Roles that need a second factor at log-in."""
        return self.is_superuser or bool(
            roles_of(self) & {Role.APPROVER, Role.REGISTER_OFFICER, Role.ADMINISTRATOR}
        )
