"""Admin for activities (the five kinds), their bodies, events and delegations; topics."""

from django.contrib import admin
from django.utils.translation import gettext_lazy as _

from liaison.activities.choices import ActivityKind
from liaison.activities.models import Activity, ActivityBody, DelegationMember, Event, Topic
from liaison.core.admin import ChildAdmin, RecordAdmin, RecordTabularInline, ReferenceAdmin
from liaison.training.admin import AttendanceInline


@admin.register(Topic)
class TopicAdmin(ReferenceAdmin):
    list_display = ("name_zh_hant", "name_pt", "name_en")
    search_fields = ("name_zh_hant", "name_pt", "name_en")


class ActivityBodyInline(RecordTabularInline):
    model = ActivityBody
    autocomplete_fields = ("body",)


class EventInline(RecordTabularInline):
    model = Event
    fields = ("title_zh_hant", "title_pt", "title_en", "series", "session_number", "position")


class DelegationMemberInline(RecordTabularInline):
    model = DelegationMember
    autocomplete_fields = ("staff",)


@admin.register(Activity)
class ActivityAdmin(RecordAdmin):
    list_display = ("title_zh_hant", "kind", "year", "start_date", "mode", "state")
    list_filter = ("kind", "year", "mode", "places__region_group", *RecordAdmin.list_filter)
    search_fields = ("title_zh_hant", "title_pt", "title_en", "summary_zh_hant", "purpose")
    date_hierarchy = "start_date"
    autocomplete_fields = ("places", "topics")
    inlines = (ActivityBodyInline, EventInline, DelegationMemberInline)
    content_fieldsets = [
        (_("Titles"), {"fields": ("kind", "title_zh_hant", "title_pt", "title_en")}),
        (
            _("When and where"),
            {"fields": ("year", "start_date", "end_date", "date_precision", "mode", "places")},
        ),
        (
            _("Content"),
            {
                "fields": (
                    "summary_zh_hant",
                    "summary_pt",
                    "summary_en",
                    "purpose",
                    "outcome",
                    "topics",
                )
            },
        ),
        (_("Kind-specific"), {"fields": ("visitor_count", "training_scope", "training_hours")}),
        (_("Source"), {"fields": ("source_text", "source_ref"), "classes": ["collapse"]}),
    ]

    def get_inlines(self, request, obj):
        inlines = super().get_inlines(request, obj)
        if obj is not None and obj.kind == ActivityKind.TRAINING:
            inlines.insert(-1, AttendanceInline)
        return inlines


@admin.register(ActivityBody)
class ActivityBodyAdmin(ChildAdmin):
    list_display = ("activity", "body", "role")
    list_filter = ("role",)
    list_select_related = ("activity", "body")
    search_fields = ("activity__title_zh_hant", "body__name_zh_hant", "body__acronym")
    autocomplete_fields = ("activity", "body")


@admin.register(Event)
class EventAdmin(ChildAdmin):
    list_display = ("title_zh_hant", "series", "session_number", "activity")
    list_select_related = ("activity",)
    search_fields = ("title_zh_hant", "title_pt", "title_en", "series")
    autocomplete_fields = ("activity",)


@admin.register(DelegationMember)
class DelegationMemberAdmin(ChildAdmin):
    list_display = ("staff", "is_head", "activity")
    list_filter = ("is_head",)
    list_select_related = ("staff", "activity")
    search_fields = ("staff__name_zh_hant", "staff__name_latin", "activity__title_zh_hant")
    autocomplete_fields = ("activity", "staff")
