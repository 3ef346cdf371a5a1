"""Events that are not changes to a record: exports, reports, failed log-ins, imports.

Changes and views of records go to django-auditlog's LogEntry (one table for all models);
this small registry covers the rest, so an auditor reads one timeline of both.
"""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class AuditEvent(models.Model):
    class Kind(models.TextChoices):
        LOGIN_FAILED = "login_failed", _("Failed log-in")
        REPORT_GENERATED = "report_generated", _("Chapter generated")
        EXPORT = "export", _("Export")
        IMPORT = "import", _("Import")
        PASSWORD_SET = "password_set", _("Password set by another user")

    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices, db_index=True)
    at = models.DateTimeField(_("at"), auto_now_add=True, db_index=True)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    agency = models.ForeignKey(
        "accounts.Agency", on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    remote_addr = models.GenericIPAddressField(_("address"), null=True, blank=True)
    details = models.JSONField(_("details"), default=dict, blank=True)

    class Meta:
        verbose_name = _("audit event")
        verbose_name_plural = _("audit events")
        ordering = ["-at"]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} {self.at:%Y-%m-%d %H:%M}"
