from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PartnersConfig(AppConfig):
    name = "liaison.partners"
    verbose_name = _("Partners and places")

    def ready(self) -> None:
        from liaison.core import registry
        from liaison.partners.views import FAMILIES

        registry.register(*FAMILIES)
