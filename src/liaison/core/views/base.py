"""What every generic page shares: its family, the user's rows, the one record it shows."""

from __future__ import annotations

from django.contrib.auth.mixins import LoginRequiredMixin
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.template.loader import select_template
from django.views import View

from liaison.core.prepared import prepared
from liaison.core.registry import Family
from liaison.core.visibility import reader_key


class FamilyView(LoginRequiredMixin, View):
    """A page of one family; `family` is given by `Family.urls()` through as_view()."""

    family: Family = None
    action = ""

    def dispatch(self, request, *args, **kwargs):
        if request.user.is_authenticated and not self.family.shown_to(request.user):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def object_rows(self, user):
        return self.family.record_rows(user)

    def get_object(self):
        """The record, if the user may see it; a hidden record is simply not there (404).
        Its query is compiled once per reader and page (core.prepared)."""
        user = self.request.user
        found = prepared(
            self.family.model,
            f"record:{type(self).__qualname__}:{self.family.model._meta.label}",
            (reader_key(user),),
            lambda pk: self.object_rows(user).filter(pk=pk),
            slot=self.kwargs["pk"],
        )
        if not found:
            raise Http404
        record = found[0]
        # read through the chokepoint: its permissions and history need not ask again
        record.__dict__["_visible_to"] = {user.pk: True}
        return record

    def template(self, suffix: str):
        """The app's own template for the page if it has one, else the generic one."""
        family = self.family
        label = family.model._meta.app_label
        return select_template([f"{label}/{family.name}_{suffix}.html", f"core/{suffix}.html"])

    def base_context(self, pk=None, **extra):
        """The family, its model's names, and the URLs of its pages that exist."""
        return {
            "family": self.family,
            "opts": self.family.model._meta,
            "urls": self.family.urls(pk),
            **extra,
        }
