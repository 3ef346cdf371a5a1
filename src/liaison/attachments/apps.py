from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AttachmentsConfig(AppConfig):
    name = "liaison.attachments"
    verbose_name = _("Attachments")

    def ready(self) -> None:
        from liaison.attachments.panels import files_panel
        from liaison.core import registry

        registry.add_detail_panel(files_panel)
