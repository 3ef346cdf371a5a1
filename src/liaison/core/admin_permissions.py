"""Admin permissions from django-rules: never `user.has_perm`, which would let a superuser
past need-to-know."""

from __future__ import annotations

import rules

from liaison.core.visibility import roles_of


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
