"""Admin for units and officers (personal data: read through the visibility chokepoint)."""

from django.contrib import admin

from liaison.core.admin import RecordAdmin
from liaison.people.models import Staff, Unit


@admin.register(Unit)
class UnitAdmin(RecordAdmin):
    list_display = ("code", "name_zh_hant", "name_pt", "name_en", "state")
    search_fields = ("code", "name_zh_hant", "name_pt", "name_en")
    content_fieldsets = [(None, {"fields": ("code", "name_zh_hant", "name_pt", "name_en")})]


@admin.register(Staff)
class StaffAdmin(RecordAdmin):
    list_display = ("name_zh_hant", "name_latin", "staff_number", "unit", "post", "active")
    list_filter = ("active", "unit", *RecordAdmin.list_filter)
    list_select_related = ("unit", *RecordAdmin.list_select_related)
    search_fields = ("name_zh_hant", "name_latin", "staff_number", "email")
    autocomplete_fields = ("unit",)
    raw_id_fields = ("user",)
    content_fieldsets = [
        (
            None,
            {
                "fields": (
                    "name_zh_hant",
                    "name_latin",
                    "unit",
                    "post",
                    "staff_number",
                    "email",
                    "user",
                    "active",
                )
            },
        )
    ]
