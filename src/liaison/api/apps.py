from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ApiConfig(AppConfig):
    name = "liaison.api"
    verbose_name = _("HTTP API")

    def ready(self) -> None:
        from auditlog.registry import auditlog

        from liaison.accounts.profile import ProfilePanel, register_panel
        from liaison.api.models import ApiToken
        from liaison.api.views import tokens_panel

        register_panel(ProfilePanel("api-tokens", "api/tokens_panel.html", 30, tokens_panel))
        auditlog.register(ApiToken, include_fields=["name", "prefix", "expires_at", "revoked_at"])
