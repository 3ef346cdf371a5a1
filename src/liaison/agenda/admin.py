"""Admin pages of the calendar, for an agency's administrators: whose feed links exist (when
made, when last read) with a revoke action, and the reminders sent, read-only.

A feed link's digest is never shown: it is of no use to a reader and the link itself was
shown once, to its owner. A reminder is listed only if its obligation is one the
administrator may see (a confidential obligation's reminders are neither shown nor counted).
"""

from django.contrib import admin, messages
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from liaison.accounts.admin import is_administrator
from liaison.agenda import services
from liaison.agenda.models import FeedToken, ReminderSent
from liaison.core.admin import ReadOnlyAdmin
from liaison.partners.models import Obligation


class AdministratorsRead(ReadOnlyAdmin):
    """Administrators read these pages."""

    def may_read(self, request) -> bool:
        return is_administrator(request)


@admin.register(FeedToken)
class FeedTokenAdmin(AdministratorsRead):
    list_display = ("user", "created_at", "last_used_at")
    list_select_related = ("user",)
    search_fields = ("user__username", "user__first_name", "user__last_name")
    fields = ("user", "created_at", "last_used_at")
    readonly_fields = fields
    actions = ("revoke",)

    def get_queryset(self, request):
        queryset = super().get_queryset(request)
        if request.user.is_superuser:
            return queryset
        return queryset.filter(user__agency_id=request.user.agency_id)

    def has_revoke_permission(self, request):
        return is_administrator(request)

    @admin.action(description=_("Revoke the selected feed links"), permissions=["revoke"])
    def revoke(self, request, queryset):
        tokens = list(queryset.select_related("user"))
        for token in tokens:
            services.revoke_feed_token(token.user)
        message = gettext("Feed links revoked: %(count)d. They no longer work.")
        self.message_user(request, message % {"count": len(tokens)}, messages.SUCCESS)


@admin.register(ReminderSent)
class ReminderSentAdmin(AdministratorsRead):
    list_display = ("obligation", "recipient", "threshold", "due_date", "sent_at")
    list_filter = ("threshold",)
    list_select_related = ("obligation", "recipient")
    search_fields = (
        "recipient__username",
        "obligation__title_zh_hant",
        "obligation__title_pt",
        "obligation__title_en",
    )
    date_hierarchy = "sent_at"
    fields = ("obligation", "recipient", "threshold", "due_date", "sent_at")
    readonly_fields = fields

    def get_queryset(self, request):
        visible = Obligation.objects.visible_to(request.user)
        return super().get_queryset(request).filter(obligation__in=visible)
