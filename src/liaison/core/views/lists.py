"""List pages: filtered, sorted, paginated and counted, updated in place by htmx; and the
bulk workflow actions on the rows the user ticked."""

from __future__ import annotations

import rules
from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpResponseRedirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django_tables2 import RequestConfig

from liaison.core import services
from liaison.core.posted import is_stored_integer
from liaison.core.views.base import FamilyView

BULK_ACTIONS = {"submit": services.submit, "approve": services.approve}


def bulk_actions(family, user) -> list[str]:
    """The workflow actions the user may take on some rows of this family's list."""
    if not family.is_record:
        return []
    opts = family.model._meta
    return [
        action
        for action in BULK_ACTIONS
        if rules.has_perm(f"{opts.app_label}.{action}_{opts.model_name}", user)
    ]


class ListView(FamilyView):
    action = "list"

    def get(self, request):
        family = self.family
        filterset = family.filterset(
            request.GET, queryset=family.list_rows(request.user), request=request
        )
        rows = filterset.qs if filterset.is_valid() else filterset.queryset.none()
        table = family.table(rows, request=request)
        RequestConfig(request, paginate={"per_page": table._meta.per_page}).configure(table)
        context = self.base_context(
            filterset=filterset,
            table=table,
            bulk_actions=bulk_actions(family, request.user),
            may_add=family.form is not None and may_add(family, request.user),
        )
        suffix = "list_results" if request.htmx else "list"
        return TemplateResponse(request, self.template(suffix), context)


def may_add(family, user) -> bool:
    opts = family.model._meta
    return rules.has_perm(f"{opts.app_label}.add_{opts.model_name}", user)


class BulkView(FamilyView):
    """Submit or approve the ticked rows; each box carries the version the list showed."""

    action = "bulk"

    def post(self, request):
        action = request.POST.get("action")
        if action not in bulk_actions(self.family, request.user):
            raise PermissionDenied
        versions = {}
        for value in request.POST.getlist("pk"):
            pk, _sep, version = value.partition(":")
            if is_stored_integer(pk) and is_stored_integer(version):
                versions[int(pk)] = int(version)
        done, refused = 0, []
        for record in self.family.visible(request.user).filter(pk__in=versions):
            try:
                BULK_ACTIONS[action](record, user=request.user, version=versions[record.pk])
                done += 1
            except (PermissionDenied, ValidationError) as error:
                refused.append(f"{record}: {'; '.join(error_messages(error))}")
        if done:
            messages.success(
                request,
                ngettext("%(count)d record done.", "%(count)d records done.", done)
                % {"count": done},
            )
        for line in refused:
            messages.error(request, line)
        if not versions:
            messages.warning(request, _("Tick the records to act on first."))
        back = request.POST.get("next", "")
        if not back.startswith("?"):
            back = ""
        return HttpResponseRedirect(self.family.url("list") + back)


def error_messages(error) -> list[str]:
    if isinstance(error, ValidationError):
        return list(error.messages)
    return [str(error) or _("You may not do this.")]
