from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CooperationConfig(AppConfig):
    name = "liaison.cooperation"
    verbose_name = _("Case assistance register")

    def ready(self) -> None:
        from liaison.cooperation.views import FAMILIES
        from liaison.core import registry

        registry.register(*FAMILIES)
