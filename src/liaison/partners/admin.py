"""Admin for places (reference data), partner bodies, memberships and their obligations."""

from django.contrib import admin
from django.utils.translation import gettext_lazy as _

from liaison.core.admin import RecordAdmin, RecordTabularInline, ReferenceAdmin
from liaison.core.admin_forms import VersionedForm
from liaison.partners.models import Membership, Obligation, PartnerBody, Place

NAME_SEARCH = ("name_zh_hant", "name_pt", "name_en")


@admin.register(Place)
class PlaceAdmin(ReferenceAdmin):
    list_display = ("name_zh_hant", "name_pt", "name_en", "kind", "region_group", "parent")
    list_filter = ("kind", "region_group")
    list_select_related = ("parent",)
    search_fields = NAME_SEARCH
    autocomplete_fields = ("parent",)


@admin.register(PartnerBody)
class PartnerBodyAdmin(RecordAdmin):
    list_display = ("name_zh_hant", "acronym", "kind", "region_group", "place", "state")
    list_filter = ("kind", "region_group", *RecordAdmin.list_filter)
    list_select_related = ("place", *RecordAdmin.list_select_related)
    search_fields = (*NAME_SEARCH, "acronym")
    autocomplete_fields = ("place", "parent")
    content_fieldsets = [
        (_("Names"), {"fields": (*NAME_SEARCH, "acronym", "aliases")}),
        (None, {"fields": ("kind", "region_group", "place", "parent", "website")}),
    ]


class ObligationInline(RecordTabularInline):
    model = Obligation
    form = VersionedForm
    fields = ("kind", "title_zh_hant", "due_date", "status", "completed_on", "record_version")


@admin.register(Membership)
class MembershipAdmin(RecordAdmin):
    list_display = ("body", "status", "since", "until", "state")
    list_filter = ("status", *RecordAdmin.list_filter)
    list_select_related = ("body", *RecordAdmin.list_select_related)
    search_fields = tuple(f"body__{field}" for field in (*NAME_SEARCH, "acronym"))
    autocomplete_fields = ("body",)
    content_fieldsets = [(None, {"fields": ("body", "status", "since", "until", "notes")})]
    inlines = (ObligationInline,)


@admin.register(Obligation)
class ObligationAdmin(RecordAdmin):
    list_display = ("title_zh_hant", "membership", "kind", "due_date", "status", "state")
    list_filter = ("kind", "status", *RecordAdmin.list_filter)
    list_select_related = ("membership__body", *RecordAdmin.list_select_related)
    search_fields = ("title_zh_hant", "title_pt", "title_en", "membership__body__name_zh_hant")
    autocomplete_fields = ("membership", "responsible")
    date_hierarchy = "due_date"
    content_fieldsets = [
        (_("Titles"), {"fields": ("title_zh_hant", "title_pt", "title_en")}),
        (None, {"fields": ("membership", "kind", "due_date", "responsible")}),
        (None, {"fields": ("status", "completed_on", "waived_reason")}),
    ]
