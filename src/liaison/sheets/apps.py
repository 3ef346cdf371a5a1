from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SheetsConfig(AppConfig):
    name = "liaison.sheets"
    verbose_name = _("Spreadsheets")

    def ready(self) -> None:
        from liaison.core import registry as records
        from liaison.sheets import registry
        from liaison.sheets.panels import IMPORTED, imported, provenance_panel

        registry.discover()
        records.add_detail_panel(provenance_panel, {IMPORTED: imported})
