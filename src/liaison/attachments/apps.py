from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AttachmentsConfig(AppConfig):
    name = "liaison.attachments"
    verbose_name = _("Attachments")

    def ready(self) -> None:
        from liaison.attachments.panels import HAS_FILES, files_panel, has_files
        from liaison.core import registry

        registry.add_detail_panel(files_panel, {HAS_FILES: has_files})
