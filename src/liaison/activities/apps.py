from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ActivitiesConfig(AppConfig):
    name = "liaison.activities"
    verbose_name = _("Activities")

    def ready(self) -> None:
        from liaison.activities.models import Activity
        from liaison.activities.views import FAMILIES, ROWS
        from liaison.core import registry

        registry.register(*FAMILIES)
        registry.add_rows(Activity, *ROWS)
