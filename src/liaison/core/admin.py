"""The admin's shared base classes: every admin page is a surface like any other.

- Querysets start from the visibility chokepoint (`Model.objects.visible_to(user)`), so
  list pages, change pages, inline rows, autocompletes, foreign-key choices and the
  choices of every related-field list filter show what the user may see and nothing
  more, superusers included.
- Permissions come from `rules` (`rules.has_perm`), never `user.has_perm`, which would let
  a superuser past need-to-know.
- Forms carry the record's version; a stale edit is refused before anything is written,
  and every write goes through `liaison.core.services`.
- Every view of a confidential record's change page is logged.
"""

from __future__ import annotations

import functools

import rules
from auditlog.mixins import AuditlogHistoryAdminMixin
from django.contrib import admin, messages
from django.contrib.admin.utils import unquote
from django.contrib.auth import get_user_model
from django.contrib.contenttypes.admin import GenericTabularInline
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.utils.translation import gettext, ngettext
from django.utils.translation import gettext_lazy as _

from liaison.attachments.forms import FILE_LINKS_TO_DOWNLOAD
from liaison.attachments.models import Attachment
from liaison.audit.services import log_view
from liaison.core import services
from liaison.core.admin_forms import RecordForm, VersionedForm
from liaison.core.models import RecordModel, TrackedModel
from liaison.core.visibility import roles_of

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


def record_perm(request, action: str, model, obj=None) -> bool:
    """`rules.has_perm` for `<app>.<action>_<model>`, memoised for the request."""
    opts = model._meta
    perm = f"{opts.app_label}.{action}_{opts.model_name}"
    key = (perm, getattr(obj, "pk", None), getattr(obj, "version", None))
    cache = request.__dict__.setdefault("_liaison_perms", {})
    if key not in cache:
        cache[key] = rules.has_perm(perm, request.user, obj)
    return cache[key]


def has_any_role(request) -> bool:
    return bool(roles_of(request.user))


def error_text(error: Exception) -> str:
    if isinstance(error, ValidationError):
        return " ".join(error.messages)
    return str(error)


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


# Permission mixins ----------------------------------------------------------------------


class RulesPermissionsMixin:
    """has_*_permission answered by django-rules; the admin index lists apps to members."""

    def has_module_permission(self, request):
        return has_any_role(request)

    def has_view_permission(self, request, obj=None):
        return record_perm(request, "view", self.model, obj)

    def has_add_permission(self, request):
        return record_perm(request, "add", self.model)

    def has_change_permission(self, request, obj=None):
        return record_perm(request, "change", self.model, obj)

    def has_delete_permission(self, request, obj=None):
        return record_perm(request, "delete", self.model, obj)


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


class AttachmentInline(ParentPermissionInlineMixin, GenericTabularInline):
    """Files attached to the record: invitations, visit reports, certificates; each stored
    file links to its permission-checked download, never to the storage."""

    model = Attachment
    extra = 0
    formfield_overrides = FILE_LINKS_TO_DOWNLOAD
    fields = ("kind", "file", "description", "size", "created_by", "created_at")
    readonly_fields = ("size", "created_by", "created_at")

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("created_by")


# Model admins ---------------------------------------------------------------------------


class RecordAdmin(
    AuditlogHistoryAdminMixin, RulesPermissionsMixin, VisibleChoicesMixin, admin.ModelAdmin
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
    actions = ("submit_for_approval", "approve_records", "return_to_draft")
    #: The record's own fieldsets; by default, every editable field not listed elsewhere.
    content_fieldsets: list | None = None
    inlines = ()

    # Reading -----------------------------------------------------------------------------

    def get_queryset(self, request):
        queryset = self.model.objects.visible_to(request.user)
        ordering = self.get_ordering(request)
        return queryset.order_by(*ordering) if ordering else queryset

    def get_inlines(self, request, obj):
        return [*super().get_inlines(request, obj), AttachmentInline]

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
        if request.method == "GET" and record.is_confidential:
            log_view(record, request.user)
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
        """Many-to-many values were set by the service; a change to the record or to any of
        its rows is saved as one new version (and an approved record returns to draft)."""
        if change and (form.has_changed() or any(fs.has_changed() for fs in formsets)):
            services.update_record(
                form.instance,
                user=request.user,
                version=form.cleaned_data["record_version"],
                data={},
                many=self._many(form),
                reason=form.cleaned_data.get("change_reason", ""),
            )
        for formset in formsets:
            self.save_formset(request, form, formset, change=change)

    def save_formset(self, request, form, formset, change):
        formset.save(commit=False)
        for row in formset.deleted_objects:
            if isinstance(row, RecordModel):
                services.delete_record(row, user=request.user)
            else:
                row.delete()
        for row in [*formset.new_objects, *(obj for obj, _fields in formset.changed_objects)]:
            if isinstance(row, RecordModel):
                if row.pk is None:
                    services.save_new_record(row, user=request.user, agency=form.instance.agency)
                else:
                    services.update_record(row, user=request.user, version=row.version, data={})
                continue
            if isinstance(row, TrackedModel):
                row.created_by = row.created_by or request.user
                row.updated_by = request.user
            row.save()
        formset.save_m2m()

    def delete_model(self, request, obj):
        services.delete_record(obj, user=request.user)

    def delete_queryset(self, request, queryset):
        for record in queryset:
            services.delete_record(record, user=request.user)

    # Workflow actions ----------------------------------------------------------------------

    def has_submit_permission(self, request):
        return record_perm(request, "submit", self.model)

    def has_approve_permission(self, request):
        return record_perm(request, "approve", self.model)

    def has_reject_permission(self, request):
        return record_perm(request, "reject", self.model)

    def _run_workflow(self, request, queryset, service, done_message) -> None:
        """Apply a workflow service to each record; report each refusal by name."""
        done = 0
        for record in queryset:
            try:
                service(record, user=request.user, version=record.version)
            except (PermissionDenied, ValidationError) as error:
                self.message_user(request, f"{record}: {error_text(error)}", messages.ERROR)
            else:
                done += 1
        if done:
            self.message_user(request, done_message(done) % {"count": done}, messages.SUCCESS)

    @admin.action(description=_("Submit for approval"), permissions=["submit"])
    def submit_for_approval(self, request, queryset):
        def message(count):
            return ngettext(
                "%(count)d record submitted for approval.",
                "%(count)d records submitted for approval.",
                count,
            )

        self._run_workflow(request, queryset, services.submit, message)

    @admin.action(description=_("Approve"), permissions=["approve"])
    def approve_records(self, request, queryset):
        def message(count):
            return ngettext("%(count)d record approved.", "%(count)d records approved.", count)

        self._run_workflow(request, queryset, services.approve, message)

    @admin.action(description=_("Return to draft"), permissions=["reject"])
    def return_to_draft(self, request, queryset):
        def message(count):
            return ngettext(
                "%(count)d record returned to draft.", "%(count)d records returned to draft.", count
            )

        reject = functools.partial(
            services.reject, reason=gettext("Returned to draft from the list of records.")
        )
        self._run_workflow(request, queryset, reject, message)


class ReferenceAdmin(
    AuditlogHistoryAdminMixin, RulesPermissionsMixin, VisibleChoicesMixin, admin.ModelAdmin
):
    """Shared reference data (places, topics): editors keep it, versioned like records."""

    form = VersionedForm
    show_auditlog_history_link = True
    readonly_fields = ("version", "created_by", "created_at", "updated_by", "updated_at")
    list_select_related = ()

    def save_model(self, request, obj, form, change):
        services.save_reference(obj, user=request.user, version=form.cleaned_data["record_version"])

    def delete_model(self, request, obj):
        services.require_perm(request.user, "delete", obj)
        obj.delete()


class ChildAdmin(RulesPermissionsMixin, VisibleChoicesMixin, admin.ModelAdmin):
    """Rows that belong to a record (a body's role, an event, an attendance): visible with
    their record, and changed by whoever may change it."""

    #: The foreign key to the record the row belongs to.
    parent_field = "activity"

    def get_queryset(self, request):
        queryset = self.model.objects.visible_to(request.user)
        ordering = self.get_ordering(request)
        return queryset.order_by(*ordering) if ordering else queryset

    def _parent(self, obj):
        return getattr(obj, self.parent_field) if obj is not None else None

    @property
    def parent_model(self):
        return self.model._meta.get_field(self.parent_field).related_model

    def has_view_permission(self, request, obj=None):
        return record_perm(request, "view", self.parent_model, self._parent(obj))

    def has_add_permission(self, request):
        return record_perm(request, "change", self.parent_model)

    def has_change_permission(self, request, obj=None):
        return record_perm(request, "change", self.parent_model, self._parent(obj))

    def has_delete_permission(self, request, obj=None):
        return record_perm(request, "change", self.parent_model, self._parent(obj))

    def _touch_parent(self, request, obj) -> None:
        """A row's change is a change of its record: a new version, back to draft."""
        parent = self._parent(obj)
        services.update_record(parent, user=request.user, version=parent.version, data={})

    def save_model(self, request, obj, form, change):
        obj.save()
        self._touch_parent(request, obj)

    def delete_model(self, request, obj):
        obj.delete()
        self._touch_parent(request, obj)

    def delete_queryset(self, request, queryset):
        for row in queryset:
            self.delete_model(request, row)
