"""One record's pages: detail (with its history and files), create and edit through the
services with the version the form loaded, delete, and the workflow actions."""

from __future__ import annotations

import rules
from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpResponseRedirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from liaison.core import freshness, registry, services
from liaison.core.history import history_for
from liaison.core.posted import OUT_OF_DATE, posted_version
from liaison.core.services import StaleRecordError
from liaison.core.signals import record_shown
from liaison.core.views.base import FamilyView
from liaison.core.views.display import detail_rows
from liaison.core.views.lists import error_messages
from liaison.core.views.rows import row_panels

WORKFLOW = ("submit", "approve", "reject")


def allowed(user, action: str, record) -> bool:
    opts = record._meta
    return rules.has_perm(f"{opts.app_label}.{action}_{opts.model_name}", user, record)


def record_history(record, user):
    """The record's history as `user` reads it, kept until a record of the agency changes:
    each view of a page would otherwise read its log and name every record it links."""
    label = record._meta.label
    return freshness.remembered(
        user, "history", (label, record.pk), lambda: history_for(record, user)
    )


class DetailView(FamilyView):
    action = "detail"

    def object_rows(self, user):
        """The record with what its panels read along (whether they have anything)."""
        annotations = registry.panel_annotations(self.family.model)
        return super().object_rows(user).annotate(**annotations)

    def get(self, request, pk):
        record = self.get_object()
        record_shown(record, request.user)
        family = self.family
        family.read_shown(record, request.user)
        may_change = family.form is not None and allowed(request.user, "change", record)
        actions = [
            (step, reverse(family.url_name("workflow"), kwargs={"pk": record.pk, "step": step}))
            for step in WORKFLOW
            if family.is_record and allowed(request.user, step, record)
        ]
        context = self.base_context(
            pk=record.pk,
            object=record,
            rows=detail_rows(record, family.hidden_fields),
            children=row_panels(family, record, request.user, may_change),
            panels=registry.panels_for(record, request.user),
            history=record_history(record, request.user),
            actions=actions,
            may_change=may_change,
            may_delete=allowed(request.user, "delete", record),
        )
        return TemplateResponse(request, self.template("detail"), context)


class EditView(FamilyView):
    """Create (no pk) or edit a record; the services write, with the version the form
    loaded, so an edit made on a stale copy is refused and the user's input kept."""

    action = "edit"

    def get(self, request, pk=None):
        record = self.record_to_edit()
        return self.render(self.family.form(instance=record, user=request.user), record)

    def post(self, request, pk=None):
        record = self.record_to_edit()
        form = self.family.form(request.POST, request.FILES, instance=record, user=request.user)
        current = None
        if form.is_valid():
            try:
                saved = self.save(form, record)
            except StaleRecordError as error:
                form.add_error(None, error)
                current = self.family.model._base_manager.get(pk=record.pk)
                form.data = form.data.copy()
                form.data["version"] = current.version
            except ValidationError as error:
                add_errors(form, error)
            else:
                messages.success(request, _("Saved: %(record)s") % {"record": saved})
                return HttpResponseRedirect(self.family.url("detail", saved.pk))
        return self.render(form, record, current)

    def record_to_edit(self):
        model = self.family.model
        if "pk" not in self.kwargs:
            services.require_perm(self.request.user, "add", model)
            return model()
        record = self.get_object()
        services.require_perm(self.request.user, "change", record)
        return record

    def save(self, form, record):
        user = self.request.user
        if self.family.is_reference:
            return services.save_reference(
                form.instance, user=user, version=form.cleaned_data.get("version")
            )
        data, many = form.changes()
        reason = form.cleaned_data.get("reason", "")
        if record.pk is None:
            return services.create_record(self.family.model, user=user, data=data, many=many)
        version = form.cleaned_data.get("version") or 0
        return services.update_record(
            record, user=user, version=version, data=data, many=many, reason=reason
        )

    def render(self, form, record, current=None):
        context = self.base_context(
            pk=record.pk,
            form=form,
            object=record if record.pk else None,
            theirs=theirs(form, current),
        )
        return TemplateResponse(self.request, self.template("form"), context)


def add_errors(form, error: ValidationError) -> None:
    """Put the services' objections beside the fields they concern, the rest on top."""
    if not hasattr(error, "error_dict"):
        form.add_error(None, error)
        return
    for name, errors in error.error_dict.items():
        form.add_error(name if name in form.fields else None, errors)


def theirs(form, current) -> list[tuple]:
    """What the record holds now where it differs from the user's input (after a conflict)."""
    if current is None:
        return []
    differences = []
    for name, value in form.cleaned_data.items():
        if name in ("version", "reason") or name not in form.fields:
            continue
        saved = getattr(current, name)
        if name in form.many_fields:
            saved, value = set(saved.all()), set(value)
        if saved != value:
            shown = ", ".join(map(str, saved)) if isinstance(saved, set) else saved
            differences.append((form.fields[name].label, shown))
    return differences


class DeleteView(FamilyView):
    action = "delete"

    def get(self, request, pk):
        record = self.get_object()
        services.require_perm(request.user, "delete", record)
        return TemplateResponse(
            request, self.template("delete"), self.base_context(pk=record.pk, object=record)
        )

    def post(self, request, pk):
        record = self.get_object()
        services.require_perm(request.user, "delete", record)
        version = posted_version(request.POST.get("version", ""))
        if version is None:
            messages.error(request, OUT_OF_DATE)
            return HttpResponseRedirect(self.family.url("detail", record.pk))
        try:
            if self.family.is_reference:
                services.delete_reference(record, user=request.user, version=version)
            else:
                services.delete_record(
                    record,
                    user=request.user,
                    version=version,
                    reason=request.POST.get("reason", ""),
                )
        except ValidationError as error:
            for line in error_messages(error):
                messages.error(request, line)
            return HttpResponseRedirect(self.family.url("detail", record.pk))
        messages.success(request, _("Deleted: %(record)s") % {"record": record})
        return HttpResponseRedirect(self.family.url("list"))


class WorkflowView(FamilyView):
    """Submit, approve or return to draft, at the version the detail page showed."""

    action = "workflow"

    def post(self, request, pk, step):
        if step not in WORKFLOW or not self.family.is_record:
            raise PermissionDenied
        record = self.get_object()
        version = posted_version(request.POST.get("version", ""))
        if version is None:
            messages.error(request, OUT_OF_DATE)
            return HttpResponseRedirect(self.family.url("detail", record.pk))
        arguments = {"user": request.user, "version": version}
        if step == "reject":
            arguments["reason"] = request.POST.get("reason", "")
        try:
            getattr(services, step)(record, **arguments)
        except (PermissionDenied, ValidationError) as error:
            for line in error_messages(error):
                messages.error(request, line)
        else:
            messages.success(request, DONE[step] % {"record": record})
        return HttpResponseRedirect(self.family.url("detail", record.pk))


DONE = {
    "submit": gettext_lazy("Submitted for approval: %(record)s"),
    "approve": gettext_lazy("Approved: %(record)s"),
    "reject": gettext_lazy("Returned to draft: %(record)s"),
}
