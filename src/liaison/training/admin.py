"""Admin for training attendance: an inline on training activities, and its own list."""

from django.contrib import admin

from liaison.core.admin import ChildAdmin, RecordTabularInline
from liaison.training.models import Attendance


class AttendanceInline(RecordTabularInline):
    model = Attendance
    fk_name = "course"
    fields = ("participant", "hours", "completed", "certificate_number")
    autocomplete_fields = ("participant",)


@admin.register(Attendance)
class AttendanceAdmin(ChildAdmin):
    list_display = ("participant", "course", "hours", "completed", "certificate_number")
    list_filter = ("completed", "course__year")
    list_select_related = ("participant", "course")
    search_fields = ("participant__name_zh_hant", "participant__name_latin", "certificate_number")
    autocomplete_fields = ("course", "participant")
