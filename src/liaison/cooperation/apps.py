from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CooperationConfig(AppConfig):
    name = "liaison.cooperation"
    verbose_name = _("Case assistance register")
