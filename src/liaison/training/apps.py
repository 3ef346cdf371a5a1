from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class TrainingConfig(AppConfig):
    name = "liaison.training"
    verbose_name = _("Training attendance")

    def ready(self) -> None:
        from liaison.activities.models import Activity
        from liaison.core import registry
        from liaison.training.views import COURSE_ROWS, FAMILIES

        registry.register(*FAMILIES)
        registry.add_rows(Activity, COURSE_ROWS)
