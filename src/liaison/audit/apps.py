from django.apps import AppConfig, apps
from django.utils.translation import gettext_lazy as _


class AuditConfig(AppConfig):
    name = "liaison.audit"
    verbose_name = _("Audit")

    def ready(self) -> None:
        """Every record and reference model's changes go to the audit log (django-auditlog)."""
        from auditlog.registry import auditlog
        from auditlog.signals import post_log
        from django.contrib.auth.signals import user_login_failed

        from liaison.audit.signals import keep_record_scope, log_login_failure
        from liaison.core.models import TrackedModel

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
        user_login_failed.connect(log_login_failure, dispatch_uid="liaison-login-failed")
        post_log.connect(keep_record_scope, dispatch_uid="liaison-audit-scope")
