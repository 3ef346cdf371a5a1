from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class DemoConfig(AppConfig):
    """The demonstration data set, kept out of core, which imports no record family."""

    name = "liaison.demo"
    verbose_name = _("Demonstration data")
