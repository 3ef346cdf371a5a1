"""Admin list of attachments: read through their records' visibility, added on the records
(an inline on every record's page), and changed or deleted as a change of their record
(ChildAdmin: its version checked)."""

from django.contrib import admin
from django.contrib.contenttypes.admin import GenericTabularInline
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _

from liaison.attachments.forms import FILE_LINKS_TO_DOWNLOAD
from liaison.attachments.models import Attachment
from liaison.core.admin import ChildAdmin, ParentPermissionInlineMixin, register_record_inline
from liaison.core.admin_permissions import has_any_role, record_perm


@register_record_inline
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


@admin.register(Attachment)
class AttachmentAdmin(ChildAdmin):
    list_display = ("original_name", "kind", "content_type", "object_id", "size", "created_at")
    list_filter = ("kind", "content_type")
    list_select_related = ("content_type",)
    search_fields = ("original_name", "description")
    fields = (
        "kind",
        "description",
        "download",
        "size",
        "created_by",
        "created_at",
        "parent_version",
    )
    readonly_fields = ("download", "size", "created_by", "created_at")

    @admin.display(description=_("file"))
    def download(self, attachment):
        """A link to the permission-checked download, never to the storage."""
        return format_html('<a href="{}">{}</a>', attachment.file.url, attachment.original_name)

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("created_by")

    def has_view_permission(self, request, obj=None):
        if obj is None:
            return has_any_role(request)
        return record_perm(request, "view", obj.content_type.model_class(), obj.record)

    def has_add_permission(self, request):
        return False  # an attachment is added on its record's page

    def has_change_permission(self, request, obj=None):
        if obj is None:
            return has_any_role(request)
        return record_perm(request, "change", obj.content_type.model_class(), obj.record)

    def has_delete_permission(self, request, obj=None):
        if obj is None:
            return has_any_role(request)
        return record_perm(request, "change", obj.content_type.model_class(), obj.record)
