"""Admin for the chapter's own prose: administrators' view of every passage, by year."""

from django.contrib import admin

from liaison.core.admin import RecordAdmin
from liaison.reports.models import Passage


@admin.register(Passage)
class PassageAdmin(RecordAdmin):
    list_display = ("year", "role", "part", "position", "text_zh_hant", "state")
    list_filter = ("year", "role", "part", *RecordAdmin.list_filter)
    search_fields = ("text_zh_hant", "text_pt", "text_en")
    ordering = ("-year", "source_name", "position")
