"""Audit pages: the non-CRUD event registry and the change log, both read-only.

The change log lists what `audit.queries.log_entries_for` allows: entries of records the
reader may see, in full; to an auditor, also their agency's entries of records they may not
see, with the content withheld (who, when, which kind of record, what was done). Search
runs over the content of readable entries only, and over who acted on the others.
"""

from functools import reduce
from operator import and_, or_

from auditlog.admin import LogEntryAdmin as AuditlogLogEntryAdmin
from auditlog.models import LogEntry
from django.contrib import admin
from django.contrib.contenttypes.models import ContentType
from django.db.models import Q
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _

from liaison.audit.models import AuditEvent
from liaison.audit.queries import is_auditor, log_entries_for
from liaison.audit.scope import RECORD_ID, RECORD_TYPE, SCOPE_KEYS
from liaison.core.admin import ReadOnlyAdmin
from liaison.core.models import RecordModel

WITHHELD = _("(withheld: you are not named on this record)")
#: What a withheld entry may be found by: who acted, never what the record said.
ACTOR_SEARCH_FIELDS = ("actor__username", "actor__first_name", "actor__last_name")


class AuditorsRead(ReadOnlyAdmin):
    """Auditors (and superusers) read these pages."""

    def may_read(self, request) -> bool:
        return is_auditor(request.user)


def _record_is_visible(details: dict, user) -> bool:
    """Whether the record an event names (if any) is visible to `user`."""
    if RECORD_TYPE not in details:
        return True
    model = ContentType.objects.get_for_id(details[RECORD_TYPE]).model_class()
    if model is None or not issubclass(model, RecordModel):
        return False
    return model.objects.visible_to(user).filter(pk=details.get(RECORD_ID)).exists()


@admin.register(AuditEvent)
class AuditEventAdmin(AuditorsRead):
    list_display = ("at", "kind", "actor", "agency", "remote_addr")
    list_filter = ("kind",)
    list_select_related = ("actor", "agency")
    search_fields = ("actor__username", "remote_addr")
    date_hierarchy = "at"
    fields = ("kind", "at", "actor", "agency", "remote_addr", "shown_details")
    readonly_fields = fields

    def get_queryset(self, request):
        queryset = super().get_queryset(request)
        if request.user.is_superuser:
            return queryset
        return queryset.filter(agency_id=request.user.agency_id)

    def get_object(self, request, object_id, from_field=None):
        event = super().get_object(request, object_id, from_field)
        if event is not None:
            event.details_readable = _record_is_visible(event.details, request.user)
        return event

    @admin.display(description=_("details"))
    def shown_details(self, obj):
        """The details, unless the event concerns a record the reader may not see."""
        if not getattr(obj, "details_readable", False):
            return WITHHELD
        return {k: v for k, v in obj.details.items() if k not in SCOPE_KEYS} or "-"


admin.site.unregister(LogEntry)


@admin.register(LogEntry)
class LogEntryAdmin(AuditorsRead, AuditlogLogEntryAdmin):
    """Changes and views, readable by the record's readers and listed to its auditors."""

    def get_queryset(self, request):
        self.request = request
        return log_entries_for(request.user).select_related("content_type", "actor")

    def get_object(self, request, object_id, from_field=None):
        """A withheld entry's page (and its title) shows no content of the record."""
        entry = super().get_object(request, object_id, from_field)
        if entry is not None and not entry.readable:
            entry.object_repr = str(WITHHELD)
            entry.changes = entry.changes_text = entry.serialized_data = None
            entry.additional_data = None
        return entry

    def get_search_results(self, request, queryset, search_term):
        if not search_term.strip():
            return queryset, False
        readable_hits, may_have_duplicates = super().get_search_results(
            request, queryset.filter(readable=True), search_term
        )
        words = search_term.split()
        by_actor = reduce(and_, (self._actor_matches(word) for word in words))
        withheld_hits = Q(readable=False) & by_actor
        return (
            queryset.filter(Q(pk__in=readable_hits.values("pk")) | withheld_hits),
            may_have_duplicates,
        )

    @staticmethod
    def _actor_matches(word: str) -> Q:
        return reduce(or_, (Q(**{f"{field}__icontains": word}) for field in ACTOR_SEARCH_FIELDS))

    @admin.display(description=_("Resource"))
    def resource_url(self, obj):
        if obj.readable:
            return super().resource_url(obj)
        return f"{capfirst(obj.content_type.name)} {WITHHELD}"

    @admin.display(description=_("Changes"))
    def msg_short(self, obj):
        return super().msg_short(obj) if obj.readable else ""

    @admin.display(description=_("Changes"))
    def msg(self, obj):
        return super().msg(obj) if obj.readable else WITHHELD
