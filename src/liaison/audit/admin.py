"""Audit pages: the non-CRUD event registry (read-only), and the change log limited to
records the user may see (auditlog's own admin would show a superuser every confidential
change)."""

from auditlog.admin import LogEntryAdmin as AuditlogLogEntryAdmin
from auditlog.models import LogEntry
from django.apps import apps
from django.contrib import admin
from django.contrib.contenttypes.models import ContentType
from django.db.models import Q

from liaison.audit.models import AuditEvent
from liaison.core.choices import Role
from liaison.core.models import RecordModel
from liaison.core.visibility import roles_of


def is_auditor(request) -> bool:
    return Role.ADMINISTRATOR in roles_of(request.user)


class ReadOnlyMixin:
    def has_module_permission(self, request):
        return is_auditor(request)

    def has_view_permission(self, request, obj=None):
        return is_auditor(request)

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(AuditEvent)
class AuditEventAdmin(ReadOnlyMixin, admin.ModelAdmin):
    list_display = ("at", "kind", "actor", "agency", "remote_addr")
    list_filter = ("kind",)
    list_select_related = ("actor", "agency")
    search_fields = ("actor__username", "remote_addr")
    date_hierarchy = "at"

    def get_queryset(self, request):
        queryset = super().get_queryset(request)
        if request.user.is_superuser:
            return queryset
        return queryset.filter(agency_id=request.user.agency_id)


admin.site.unregister(LogEntry)


@admin.register(LogEntry)
class LogEntryAdmin(ReadOnlyMixin, AuditlogLogEntryAdmin):
    """Changes and views of records the user may see; other models' entries to superusers."""

    def get_queryset(self, request):
        queryset = super().get_queryset(request)
        record_models = [m for m in apps.get_models() if issubclass(m, RecordModel)]
        types = ContentType.objects.get_for_models(*record_models)
        visible = Q()
        for model, content_type in types.items():
            pks = model.objects.visible_to(request.user).values("pk")
            visible |= Q(content_type=content_type, object_id__in=pks)
        if request.user.is_superuser:
            visible |= ~Q(content_type__in=types.values())
        return queryset.filter(visible)
