from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class TerminologyConfig(AppConfig):
    name = "liaison.terminology"
    verbose_name = _("Terminology")
