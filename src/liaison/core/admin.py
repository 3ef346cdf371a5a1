"""The admin's shared base classes: every admin page is a surface like any other.

- Querysets start from the visibility chokepoint (`Model.objects.visible_to(user)`), so
  list pages, change pages, inline rows, autocompletes, foreign-key choices and the
  choices of every related-field list filter show what the user may see and nothing
  more, superusers included.
- Permissions come from `rules` (`rules.has_perm`), never `user.has_perm`, which would let
  a superuser past need-to-know.
- Forms carry the record's version (a row's form, its record's version); a stale edit is
  refused before anything is written, and every write, delete included, goes through
  `liaison.core.services` (see admin_writes: a refusal is a message, never a 500).
- Every view of a confidential record's change page is announced (core.signals), and the
  audit trail logs it.
"""

from __future__ import annotations

from auditlog.mixins import AuditlogHistoryAdminMixin
from django.contrib import admin
from django.contrib.admin.utils import unquote
from django.contrib.auth import get_user_model
from django.http import Http404
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from liaison.core import services
from liaison.core.admin_forms import ChildForm, RecordForm, VersionedForm
from liaison.core.admin_permissions import RulesPermissionsMixin, record_perm
from liaison.core.admin_workflow import WorkflowActionsMixin
from liaison.core.admin_writes import ServiceWritesMixin
from liaison.core.models import RecordModel
from liaison.core.signals import record_shown

admin.site.site_header = _("Liaison")
admin.site.site_title = _("Liaison")
admin.site.index_title = _("Records and reference data")

#: Fields every record shows read-only, in the "workflow and history" fieldset.
RECORD_READONLY = (
    "agency",
    "state",
    "version",
    "created_by",
    "created_at",
    "updated_by",
    "updated_at",
    "submitted_at",
    "approved_by",
    "approved_at",
)
RECORD_ACCESS = ("classification", "cleared_officers", "change_reason", "record_version")


class VisibleRelatedFieldListFilter(admin.RelatedFieldListFilter):
    """A "by unit", "by body"… filter offers only the records the user may see."""

    def field_choices(self, field, request, model_admin):
        visible = field.related_model._default_manager.visible_to(request.user)
        return field.get_choices(
            include_blank=False,
            limit_choices_to={"pk__in": visible.values("pk")},
            ordering=self.field_admin_ordering(field, request, model_admin),
        )


admin.FieldListFilter.register(
    lambda field: (
        bool(field.remote_field) and hasattr(field.related_model._default_manager, "visible_to")
    ),
    VisibleRelatedFieldListFilter,
    take_priority=True,
)


# Mixins -------------------------------------------------------------------------------


class VisibleChoicesMixin:
    """Foreign-key and many-to-many choices come through the visibility chokepoint too."""

    def _visible_choices(self, request, db_field, kwargs):
        related = db_field.related_model
        if "queryset" in kwargs:
            return
        if hasattr(related.objects, "visible_to"):
            kwargs["queryset"] = related.objects.visible_to(request.user)
        elif related is get_user_model() and not request.user.is_superuser:
            kwargs["queryset"] = related.objects.filter(agency_id=request.user.agency_id)

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        self._visible_choices(request, db_field, kwargs)
        return super().formfield_for_foreignkey(db_field, request, **kwargs)

    def formfield_for_manytomany(self, db_field, request, **kwargs):
        self._visible_choices(request, db_field, kwargs)
        return super().formfield_for_manytomany(db_field, request, **kwargs)


class ParentPermissionInlineMixin(VisibleChoicesMixin):
    """Rows inside a record are part of it: who may change the record may change its rows.
    A row is listed only when every record it links is visible (a hidden body's role is
    neither shown nor touched by saving the others)."""

    def get_queryset(self, request):
        queryset = self.model._default_manager.visible_to(request.user)
        ordering = self.get_ordering(request)
        return queryset.order_by(*ordering) if ordering else queryset

    def has_view_permission(self, request, obj=None):
        return record_perm(request, "view", self.parent_model, obj)

    def has_add_permission(self, request, obj=None):
        return record_perm(request, "change", self.parent_model, obj)

    def has_change_permission(self, request, obj=None):
        return record_perm(request, "change", self.parent_model, obj)

    def has_delete_permission(self, request, obj=None):
        return record_perm(request, "change", self.parent_model, obj)


# Inlines --------------------------------------------------------------------------------


class RecordTabularInline(ParentPermissionInlineMixin, admin.TabularInline):
    extra = 0
    show_change_link = False


#: Inlines every record's admin page shows after its own (attachments register theirs:
#: core names no app above it).
RECORD_INLINES: list[type] = []


def register_record_inline(inline: type) -> type:
    """Show `inline` on every record's admin page (usable as a class decorator)."""
    if inline not in RECORD_INLINES:
        RECORD_INLINES.append(inline)
    return inline


# Model admins ---------------------------------------------------------------------------


class RecordAdmin(
    ServiceWritesMixin,
    WorkflowActionsMixin,
    AuditlogHistoryAdminMixin,
    RulesPermissionsMixin,
    VisibleChoicesMixin,
    admin.ModelAdmin,
):
    """The admin of an agency-owned, classified, versioned record with a workflow."""

    form = RecordForm
    show_auditlog_history_link = True
    exclude = ("agency",)
    readonly_fields = RECORD_READONLY
    filter_horizontal = ("cleared_officers",)
    list_filter = ("state", "classification")
    list_select_related: tuple[str, ...] = ()
    list_per_page = 50
    #: The record's own fieldsets; by default, every editable field not listed elsewhere.
    content_fieldsets: list | None = None
    inlines = ()

    # Reading -----------------------------------------------------------------------------

    def get_queryset(self, request):
        queryset = self.model.objects.visible_to(request.user)
        ordering = self.get_ordering(request)
        return queryset.order_by(*ordering) if ordering else queryset

    def get_inlines(self, request, obj):
        return [*super().get_inlines(request, obj), *RECORD_INLINES]

    def get_fieldsets(self, request, obj=None):
        content = self.content_fieldsets
        if content is None:
            shared = {*RECORD_READONLY, *RECORD_ACCESS}
            fields = [f for f in self.get_fields(request, obj) if f not in shared]
            content = [(None, {"fields": fields})]
        return [
            *content,
            (_("Access"), {"fields": RECORD_ACCESS}),
            (_("Workflow and history"), {"fields": RECORD_READONLY, "classes": ["collapse"]}),
        ]

    def get_form(self, request, obj=None, **kwargs):
        form = super().get_form(request, obj, **kwargs)
        return type(form.__name__, (form,), {"current_user": request.user})

    def _get_visible_or_404(self, request, object_id):
        record = self.get_object(request, unquote(object_id))
        if record is None:
            raise Http404(gettext("No such record, or you may not see it."))
        return record

    def change_view(self, request, object_id, form_url="", extra_context=None):
        record = self._get_visible_or_404(request, object_id)
        if request.method == "GET":
            record_shown(record, request.user)
        return super().change_view(request, object_id, form_url, extra_context)

    def auditlog_history_view(self, request, object_id, extra_context=None):
        self._get_visible_or_404(request, object_id)
        return super().auditlog_history_view(request, object_id, extra_context)

    def history_view(self, request, object_id, extra_context=None):
        self._get_visible_or_404(request, object_id)
        return super().history_view(request, object_id, extra_context)

    # Writing: always through the services -------------------------------------------------

    @staticmethod
    def _many(form) -> dict:
        opts = form._meta.model._meta
        return {
            field.name: form.cleaned_data[field.name]
            for field in opts.many_to_many
            if field.name in form.cleaned_data
        }

    def save_model(self, request, obj, form, change):
        if not change:
            services.save_new_record(
                obj,
                user=request.user,
                many=self._many(form),
                reason=form.cleaned_data.get("change_reason", ""),
            )

    def save_related(self, request, form, formsets, change):
        """Many-to-many values are set by the service. The record and each formset of its
        rows are saved in turn, each checked against the version before it, the first
        against the version the form was loaded at (an approved record returns to draft)."""
        if change:
            form.instance.version = form.cleaned_data["record_version"]
            if form.has_changed():
                services.update_record(
                    form.instance,
                    user=request.user,
                    version=form.instance.version,
                    data={},
                    many=self._many(form),
                    reason=form.cleaned_data.get("change_reason", ""),
                )
        for formset in formsets:
            self.save_formset(request, form, formset, change=change)

    def save_formset(self, request, form, formset, change):
        formset.save(commit=False)
        if issubclass(formset.model, RecordModel):
            self._save_record_rows(request, form.instance, formset)
        else:
            saved = [*formset.new_objects, *(row for row, _fields in formset.changed_objects)]
            if saved or formset.deleted_objects:
                services.change_children(
                    form.instance,
                    user=request.user,
                    parent_version=form.instance.version,
                    saved=saved,
                    deleted=formset.deleted_objects,
                )
        formset.save_m2m()

    @staticmethod
    def _save_record_rows(request, parent, formset) -> None:
        """Rows that are records themselves (a membership's obligations), each checked
        against the version its own form was loaded at."""
        loaded = {
            id(row_form.instance): row_form.cleaned_data.get("record_version")
            for row_form in formset.forms
            if hasattr(row_form, "cleaned_data")
        }
        for row in formset.deleted_objects:
            services.delete_record(row, user=request.user, version=loaded.get(id(row)))
        for row in formset.new_objects:
            services.save_new_record(row, user=request.user, agency=parent.agency)
        for row, _fields in formset.changed_objects:
            services.update_record(row, user=request.user, version=loaded[id(row)], data={})

    def delete_model(self, request, obj):
        services.delete_record(obj, user=request.user)

    def delete_queryset(self, request, queryset):
        for record in queryset:
            services.delete_record(record, user=request.user)


class ReferenceAdmin(
    ServiceWritesMixin,
    AuditlogHistoryAdminMixin,
    RulesPermissionsMixin,
    VisibleChoicesMixin,
    admin.ModelAdmin,
):
    """Shared reference data (places, topics): editors keep it, versioned like records."""

    form = VersionedForm
    show_auditlog_history_link = True
    readonly_fields = ("version", "created_by", "created_at", "updated_by", "updated_at")
    list_select_related = ()

    def save_model(self, request, obj, form, change):
        services.save_reference(obj, user=request.user, version=form.cleaned_data["record_version"])

    def delete_model(self, request, obj):
        services.delete_reference(obj, user=request.user, version=obj.version)

    def delete_queryset(self, request, queryset):
        for item in queryset:
            services.delete_reference(item, user=request.user, version=item.version)


class ChildAdmin(ServiceWritesMixin, RulesPermissionsMixin, VisibleChoicesMixin, admin.ModelAdmin):
    """Rows that belong to a record (a body's role, an event, an attendance, a file): visible
    with their record, changed by whoever may change it, and each change a change of the
    record, checked against the record's version the row's form was loaded with."""

    form = ChildForm

    def get_queryset(self, request):
        queryset = self.model.objects.visible_to(request.user)
        ordering = self.get_ordering(request)
        return queryset.order_by(*ordering) if ordering else queryset

    def get_readonly_fields(self, request, obj=None):
        """A row stays with its record: it is not moved to another on its page."""
        fields = super().get_readonly_fields(request, obj)
        parent = self.model._meta.get_field(self.model.parent_field)
        return (*fields, parent.name) if obj is not None and parent.concrete else fields

    def _parent(self, obj):
        return obj.parent_record if obj is not None else None

    @property
    def parent_model(self):
        return self.model._meta.get_field(self.model.parent_field).related_model

    def has_view_permission(self, request, obj=None):
        return record_perm(request, "view", self.parent_model, self._parent(obj))

    def has_add_permission(self, request):
        return record_perm(request, "change", self.parent_model)

    def has_change_permission(self, request, obj=None):
        return record_perm(request, "change", self.parent_model, self._parent(obj))

    def has_delete_permission(self, request, obj=None):
        return record_perm(request, "change", self.parent_model, self._parent(obj))

    def save_model(self, request, obj, form, change):
        """A changed row was checked against the version its form carries (ChildForm); a new
        one, added on its own page, against the record as it is now."""
        version = form.cleaned_data["parent_version"] if change else obj.parent_record.version
        services.save_child(obj, user=request.user, parent_version=version)

    def delete_model(self, request, obj):
        services.delete_child(obj, user=request.user, parent_version=obj.parent_record.version)

    def delete_queryset(self, request, queryset):
        """The selected rows of each record are deleted as one change of it."""
        rows_of: dict = {}
        for row in queryset:
            rows_of.setdefault(row.parent_record, []).append(row)
        for record, rows in rows_of.items():
            services.change_children(
                record, user=request.user, parent_version=record.version, deleted=rows
            )


class ReadOnlyAdmin(admin.ModelAdmin):
    """Rows the application writes and the admin only shows: nobody adds, edits or deletes
    one here. Who may read them is the subclass's `may_read`."""

    def may_read(self, request) -> bool:
        raise NotImplementedError

    def has_module_permission(self, request):
        return self.may_read(request)

    def has_view_permission(self, request, obj=None):
        return self.may_read(request)

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False
