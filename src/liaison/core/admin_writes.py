"""How every admin page writes: through the services, and a refusal is a message, not a 500.

- The delete page (and "delete selected") lists and counts only what the user may see;
  when a hidden record depends on what they delete, it says the record is in use, without
  naming by what, and deletes nothing (the service refuses it too).
- A service that refuses a write after the forms were valid (someone saved in between, a
  hidden record depends on it) rolls the whole request back; the page tells the user why.
"""

from __future__ import annotations

from collections import Counter

from django.contrib import admin, messages
from django.contrib.admin.actions import delete_selected as django_delete_selected
from django.contrib.admin.utils import quote
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.http import HttpResponseRedirect
from django.urls import NoReverseMatch, reverse
from django.utils.html import format_html
from django.utils.text import capfirst
from django.utils.translation import gettext

from liaison.core.deletion import Deletion


def error_text(error: Exception) -> str:
    if isinstance(error, ValidationError):
        return " ".join(error.messages)
    return str(error)


class ServiceWritesMixin:
    """For every ModelAdmin: a delete page that reveals no hidden record, and refusals told."""

    def get_deleted_objects(self, objs, request):
        """Django's (to delete, counts, permissions needed, protected), seen by the user."""
        objs = list(objs)
        if not objs:
            return [], {}, set(), []
        deletion = Deletion(objs, request.user)
        perms_needed: set[str] = set()

        def describe(obj):
            opts = obj._meta
            plain = f"{capfirst(opts.verbose_name)}: {obj}"
            if not self.admin_site.is_registered(type(obj)):
                return plain
            if not self.admin_site.get_model_admin(type(obj)).has_delete_permission(request, obj):
                perms_needed.add(opts.verbose_name)
            try:
                url = reverse(
                    f"{self.admin_site.name}:{opts.app_label}_{opts.model_name}_change",
                    args=[quote(obj.pk)],
                )
            except NoReverseMatch:
                return plain
            return format_html('{}: <a href="{}">{}</a>', capfirst(opts.verbose_name), url, obj)

        seen = set()

        def nested(obj) -> list:
            if obj in seen or not deletion.is_visible(obj):
                return []
            seen.add(obj)
            children = [
                item for child in deletion.collector.edges.get(obj, ()) for item in nested(child)
            ]
            return [describe(obj), children] if children else [describe(obj)]

        to_delete = [
            item for root in deletion.collector.edges.get(None, ()) for item in nested(root)
        ]
        visible = [
            obj
            for group in deletion.collector.model_objs.values()
            for obj in group
            if deletion.is_visible(obj)
        ]
        counts = Counter(obj._meta.verbose_name_plural for obj in visible)
        protected = [
            describe(obj) for obj in deletion.collector.protected if deletion.is_visible(obj)
        ]
        if deletion.hidden:
            protected.append(gettext("Other records refer to it."))
        return to_delete, dict(counts), perms_needed, protected

    def _refused(self, request, error) -> HttpResponseRedirect:
        self.message_user(request, error_text(error), messages.ERROR)
        return HttpResponseRedirect(request.get_full_path())

    def changeform_view(self, request, object_id=None, form_url="", extra_context=None):
        try:
            return super().changeform_view(request, object_id, form_url, extra_context)
        except ValidationError as error:
            return self._refused(request, error)

    def delete_view(self, request, object_id, extra_context=None):
        try:
            return super().delete_view(request, object_id, extra_context)
        except ValidationError as error:
            return self._refused(request, error)


@admin.action(permissions=["delete"], description=django_delete_selected.short_description)
def delete_selected(modeladmin, request, queryset):
    """Django's "delete selected", all or nothing: a refusal is told and nothing deleted."""
    try:
        with transaction.atomic():
            return django_delete_selected(modeladmin, request, queryset)
    except (ValidationError, PermissionDenied) as error:
        modeladmin.message_user(request, error_text(error), messages.ERROR)
        return None


admin.site.add_action(delete_selected)
