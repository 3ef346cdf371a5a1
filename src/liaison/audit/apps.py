from django.apps import AppConfig, apps
from django.utils.translation import gettext_lazy as _


class AuditConfig(AppConfig):
    name = "liaison.audit"
    verbose_name = _("Audit")

    def ready(self) -> None:
        """Every record and reference model's changes go to the audit log (django-auditlog)."""
        from auditlog.models import LogEntry
        from auditlog.registry import auditlog
        from auditlog.signals import post_log, pre_log
        from axes.signals import user_locked_out
        from django.contrib.auth.signals import user_login_failed
        from django.db.models.signals import post_save, pre_delete, pre_save

        from liaison.audit import chain, signals
        from liaison.audit.models import AuditEvent
        from liaison.core.models import TrackedModel
        from liaison.core.signals import confidential_record_shown

        noise = ["version", "updated_at", "created_at"]
        for model in apps.get_models():
            if issubclass(model, TrackedModel) and not auditlog.contains(model):
                auditlog.register(
                    model,
                    exclude_fields=noise,
                    m2m_fields=set(getattr(model, "audited_m2m", ())),
                )
        for model in apps.get_app_config("activities").get_models():
            if not issubclass(model, TrackedModel):
                auditlog.register(model)
        auditlog.register(apps.get_model("training", "Attendance"))
        auditlog.register(
            apps.get_model("accounts", "User"),
            include_fields=["username", "email", "is_active", "is_superuser", "agency", "groups"],
            m2m_fields={"groups"},
        )
        # Permission changes: a role (group) gaining or losing a permission.
        auditlog.register(apps.get_model("auth", "Group"), m2m_fields={"permissions"})
        user_login_failed.connect(signals.log_login_failure, dispatch_uid="liaison-login-failed")
        user_locked_out.connect(signals.log_lock_out, dispatch_uid="liaison-locked-out")
        pre_delete.connect(
            signals.refuse_deleting_a_named_account,
            sender=apps.get_model("accounts", "User"),
            dispatch_uid="liaison-account-kept",
        )
        confidential_record_shown.connect(
            signals.log_shown_record, dispatch_uid="liaison-record-shown"
        )
        pre_log.connect(signals.remember_record_scope, dispatch_uid="liaison-audit-scope")
        pre_save.connect(
            signals.write_record_scope, sender=LogEntry, dispatch_uid="liaison-audit-scope"
        )
        post_log.connect(signals.forget_record_scope, dispatch_uid="liaison-audit-scope")
        # The chain: every new audit row is sealed; a change log entry is never edited.
        post_save.connect(chain.seal_new_event, sender=AuditEvent, dispatch_uid="liaison-seal")
        post_save.connect(chain.seal_new_entry, sender=LogEntry, dispatch_uid="liaison-seal")
        pre_save.connect(chain.refuse_change, sender=LogEntry, dispatch_uid="liaison-seal")
        pre_delete.connect(chain.refuse_deletion, sender=LogEntry, dispatch_uid="liaison-seal")
