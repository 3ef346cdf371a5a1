"""Admin for the confidential case-assistance register.

Only register officers see this app, and only the entries they are named on: the queryset
comes from the visibility chokepoint (confidential = named officers only, superusers
included) and every opening of an entry is logged by RecordAdmin.change_view.
"""

from django.contrib import admin

from liaison.cooperation.models import CaseAssistanceRequest
from liaison.core.admin import RecordAdmin
from liaison.core.choices import Role
from liaison.core.visibility import roles_of


@admin.register(CaseAssistanceRequest)
class CaseAssistanceRequestAdmin(RecordAdmin):
    list_display = (
        "reference",
        "direction",
        "counterpart",
        "status",
        "received_on",
        "due_date",
        "state",
    )
    list_filter = ("direction", "status", "state")
    list_select_related = ("counterpart",)
    search_fields = ("reference", "subject", "counterpart__name_zh_hant", "counterpart__acronym")
    autocomplete_fields = ("counterpart",)
    date_hierarchy = "received_on"
    content_fieldsets = [
        (
            None,
            {
                "fields": (
                    "direction",
                    "reference",
                    "counterpart",
                    "subject",
                    "status",
                    "received_on",
                    "due_date",
                    "closed_on",
                )
            },
        )
    ]

    def has_module_permission(self, request):
        return Role.REGISTER_OFFICER in roles_of(request.user)

    def has_view_permission(self, request, obj=None):
        return self.has_module_permission(request) and super().has_view_permission(request, obj)
