from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class TrainingConfig(AppConfig):
    name = "liaison.training"
    verbose_name = _("Training attendance")

    def ready(self) -> None:
        from liaison.core import registry
        from liaison.training.views import FAMILIES

        registry.register(*FAMILIES)
