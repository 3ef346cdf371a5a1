from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ReportsConfig(AppConfig):
    name = "liaison.reports"
    verbose_name = _("Annual chapter")

    def ready(self) -> None:
        from liaison.core import registry
        from liaison.reports.views import FAMILIES

        registry.register(*FAMILIES)
