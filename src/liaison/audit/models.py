"""Events that are not changes to a record: exports, reports, log-ins, second factors, imports.

Changes and views of records go to django-auditlog's LogEntry (one table for all models);
this small registry covers the rest, so an auditor reads one timeline of both. Write one
with `liaison.audit.services.log_event(AuditEvent.Kind.X, user=..., request=..., **details)`;
failed log-ins and django-axes lock-outs are recorded by audit.signals already.
"""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class AppendOnly(Exception):
    """Audit rows are written once: the application neither edits nor deletes them."""


class AppendOnlyQuerySet(models.QuerySet):
    def update(self, **kwargs):
        raise AppendOnly(self.model._meta.label)

    def delete(self):
        raise AppendOnly(self.model._meta.label)


class AppendOnlyModel(models.Model):
    objects = AppendOnlyQuerySet.as_manager()

    class Meta:
        abstract = True

    def save(self, *args, **kwargs):
        if not self._state.adding:
            raise AppendOnly(self._meta.label)
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        raise AppendOnly(self._meta.label)


class AuditEvent(AppendOnlyModel):
    class Kind(models.TextChoices):
        LOGIN_FAILED = "login_failed", _("Failed log-in")
        REPORT_GENERATED = "report_generated", _("Chapter generated")
        EXPORT = "export", _("Export")
        IMPORT = "import", _("Import")
        PASSWORD_SET = "password_set", _("Password set by another user")
        LOCKED_OUT = "locked_out", _("Log-in locked out")
        SECOND_FACTOR_SET = "2fa_set", _("Second factor set up")
        SECOND_FACTOR_RESET = "2fa_reset", _("Second factor reset by an administrator")
        BACKUP_CODES_ISSUED = "backup_codes", _("Backup codes issued")
        PASSWORD_RESET = "password_reset", _("Password reset by e-mail")
        SESSIONS_ENDED = "sessions_ended", _("Other sessions ended")
        BACKUP = "backup", _("Backup written")
        RESTORE = "restore", _("Backup restored")

    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices, db_index=True)
    at = models.DateTimeField(_("at"), auto_now_add=True, db_index=True)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("by"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    agency = models.ForeignKey(
        "accounts.Agency", on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    remote_addr = models.GenericIPAddressField(_("address"), null=True, blank=True)
    details = models.JSONField(_("details"), default=dict, blank=True)

    class Meta:
        verbose_name = _("audit event")
        verbose_name_plural = _("audit events")
        ordering = ["-at"]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} {self.at:%Y-%m-%d %H:%M}"


class Seal(AppendOnlyModel):
    """One link of the audit chain: the digest of one audit row's content and of the link
    before it (liaison.audit.chain). Positions are unique, so two writers cannot fork it."""

    class Table(models.TextChoices):
        EVENT = "event", _("audit event")
        ENTRY = "entry", _("change log entry")

    position = models.PositiveBigIntegerField(unique=True)
    table = models.CharField(max_length=5, choices=Table.choices)
    row_id = models.BigIntegerField()
    digest = models.CharField(max_length=64)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["table", "row_id"], name="audit_seal_one_per_row")
        ]

    def __str__(self) -> str:
        return f"{self.position}: {self.table} {self.row_id}"
