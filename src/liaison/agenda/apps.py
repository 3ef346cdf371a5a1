"""The calendar: month and agenda pages, iCalendar feeds, deadline reminders.

The package is `agenda`, its label `calendar` (URLs, templates, tables): a package named
`calendar` would hide the standard library's module from whatever runs in src/liaison.
"""

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CalendarConfig(AppConfig):
    name = "liaison.agenda"
    label = "calendar"
    verbose_name = _("Calendar")

    def ready(self) -> None:
        from liaison.accounts.profile import ProfilePanel, register_panel
        from liaison.agenda.panels import feed_panel, obligation_panel
        from liaison.core import registry

        panel = ProfilePanel("calendar-feeds", "calendar/profile_panel.html", 20, feed_panel)
        register_panel(panel)
        registry.add_detail_panel(obligation_panel)
