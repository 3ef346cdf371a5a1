from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PeopleConfig(AppConfig):
    name = "liaison.people"
    verbose_name = _("Staff")

    def ready(self) -> None:
        from liaison.core import registry
        from liaison.people.views import FAMILIES

        registry.register(*FAMILIES)
