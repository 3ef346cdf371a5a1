"""The record list's workflow actions: submit, approve, return to draft, each a service."""

from __future__ import annotations

import functools

from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils.translation import gettext, ngettext
from django.utils.translation import gettext_lazy as _

from liaison.core import services
from liaison.core.admin_permissions import record_perm
from liaison.core.admin_writes import error_text


class WorkflowActionsMixin:
    """Actions on the selected records; each refusal is reported by the record's name."""

    actions = ("submit_for_approval", "approve_records", "return_to_draft")

    def has_submit_permission(self, request):
        return record_perm(request, "submit", self.model)

    def has_approve_permission(self, request):
        return record_perm(request, "approve", self.model)

    def has_reject_permission(self, request):
        return record_perm(request, "reject", self.model)

    def _run_workflow(self, request, queryset, service, done_message) -> None:
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
