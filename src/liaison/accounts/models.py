"""Agencies own records; users belong to one agency and hold roles (Django groups)."""

from django.conf import settings
from django.contrib.auth.models import AbstractUser
from django.db import models
from django.utils.crypto import salted_hmac
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
    preferred_language = models.CharField(
        _("preferred language"),
        max_length=10,
        choices=settings.LANGUAGES,
        blank=True,
        help_text=_("The language of the e-mails Liaison sends you (reminders)."),
    )
    #: Raised to end every session but the current one (see `accounts.services`).
    session_generation = models.PositiveIntegerField(default=0, editable=False)

    class Meta:
        verbose_name = _("user")
        verbose_name_plural = _("users")

    @property
    def language(self) -> str:
        """The language to write to the user in: their choice, else the install's."""
        return self.preferred_language or settings.LANGUAGE_CODE

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

    def get_session_auth_hash(self) -> str:
        return self._session_auth_hash(secret=None)

    def get_session_auth_fallback_hash(self):
        for secret in settings.SECRET_KEY_FALLBACKS:
            yield self._session_auth_hash(secret=secret)

    def _session_auth_hash(self, secret) -> str:
        """Django's hash of the password, which every session keeps and must match, mixed
        with the session generation: raising it ends the sessions made before. Generation 0
        gives Django's own hash, so sessions made before this existed stay valid."""
        value = self.password
        if self.session_generation:
            value = f"{self.password}:{self.session_generation}"
        salt = "django.contrib.auth.models.AbstractBaseUser.get_session_auth_hash"
        return salted_hmac(salt, value, secret=secret, algorithm="sha256").hexdigest()
