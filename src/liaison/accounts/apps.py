from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AccountsConfig(AppConfig):
    name = "liaison.accounts"
    verbose_name = _("Accounts and agencies")

    def ready(self) -> None:
        """The account page's own panels (lock-outs are audited by liaison.audit)."""
        from liaison.accounts.panels import logins_panel, second_factor_panel
        from liaison.accounts.profile import register_panel

        register_panel(second_factor_panel)
        register_panel(logins_panel)
