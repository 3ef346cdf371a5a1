"""Admin for agencies and users: administrators manage their own agency's accounts.

Whoever sets another officer's password can log in as them, so an agency administrator may
not do it for an officer who holds need-to-know (a register officer, a superuser, anyone
named on a confidential record), nor change that officer's roles: only a superuser may, and
every password set by someone other than its owner is an audit event. The same holds for
resetting an officer's second factor, which also needs the administrator's own second factor.
django-otp's own device pages are removed: they would show a device's secret to whoever may
open them, who could then pass as its owner. An account the audit trail names is
deactivated, never deleted (its audit rows keep their actor).
"""

from django.apps import apps
from django.contrib import admin, messages
from django.contrib.admin.utils import unquote
from django.contrib.auth.admin import GroupAdmin as DjangoGroupAdmin
from django.contrib.auth.admin import UserAdmin as DjangoUserAdmin
from django.contrib.auth.models import Group
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.html import format_html
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from django_otp.plugins.otp_static.models import StaticDevice
from django_otp.plugins.otp_totp.models import TOTPDevice

from liaison.accounts import services
from liaison.accounts.models import Agency, User
from liaison.audit.models import AuditEvent
from liaison.audit.queries import users_named_in_trail
from liaison.audit.services import log_event
from liaison.audit.signals import ACCOUNT_KEPT
from liaison.core.admin_permissions import has_any_role
from liaison.core.admin_writes import ServiceWritesMixin
from liaison.core.choices import Classification, Role
from liaison.core.models import RecordModel
from liaison.core.visibility import roles_of


def is_administrator(request) -> bool:
    return Role.ADMINISTRATOR in roles_of(request.user)


def holds_need_to_know(user) -> bool:
    """Whether logging in as `user` would open confidential records to whoever did it."""
    if user.is_superuser or Role.REGISTER_OFFICER in roles_of(user):
        return True
    return any(
        model._base_manager.filter(
            classification=Classification.CONFIDENTIAL, cleared_officers=user
        ).exists()
        for model in apps.get_models()
        if issubclass(model, RecordModel)
    )


def may_manage_access(actor, user) -> bool:
    """Whether `actor` may set `user`'s password and roles: their own always; a superuser's
    anyone's; an administrator's only those of officers who hold no need-to-know."""
    return actor.is_superuser or actor.pk == user.pk or not holds_need_to_know(user)


@admin.register(Agency)
class AgencyAdmin(ServiceWritesMixin, admin.ModelAdmin):
    list_display = ("code", "name_zh_hant", "name_pt", "name_en", "report_part_number")
    search_fields = ("code", "name_zh_hant", "name_pt", "name_en", "short_name_zh_hant")
    readonly_fields = ("created_at", "updated_at")

    def has_module_permission(self, request):
        return has_any_role(request)

    def has_view_permission(self, request, obj=None):
        return has_any_role(request)

    def has_add_permission(self, request):
        return request.user.is_superuser

    def has_change_permission(self, request, obj=None):
        return request.user.is_superuser

    def has_delete_permission(self, request, obj=None):
        return request.user.is_superuser

    def get_queryset(self, request):
        queryset = super().get_queryset(request)
        if request.user.is_superuser:
            return queryset
        return queryset.filter(pk=request.user.agency_id)


@admin.register(User)
class UserAdmin(ServiceWritesMixin, DjangoUserAdmin):
    list_display = ("username", "first_name", "last_name", "agency", "is_active", "is_staff")
    list_filter = ("agency", "groups", "is_active", "is_staff", "is_superuser")
    list_select_related = ("agency",)
    fieldsets = [
        *DjangoUserAdmin.fieldsets[:1],
        (_("Agency"), {"fields": ("agency", "preferred_language")}),
        (_("Second factor"), {"fields": ("second_factor",)}),
        *DjangoUserAdmin.fieldsets[1:],
    ]
    add_fieldsets = [
        (
            None,
            {
                "classes": ("wide",),
                "fields": ("username", "agency", "usable_password", "password1", "password2"),
            },
        )
    ]

    def get_queryset(self, request):
        queryset = super().get_queryset(request)
        if request.user.is_superuser:
            return queryset
        return queryset.filter(agency_id=request.user.agency_id)

    def get_readonly_fields(self, request, obj=None):
        readonly = [*super().get_readonly_fields(request, obj), "second_factor"]
        if not request.user.is_superuser:
            readonly += ["agency", "is_superuser", "user_permissions"]
        if obj is not None and not may_manage_access(request.user, obj):
            readonly += ["groups"]
        return readonly

    def user_change_password(self, request, id, form_url=""):
        user = self.get_object(request, unquote(id))
        if user is not None and not may_manage_access(request.user, user):
            message = gettext(
                "Only a superuser may set the password of an officer who may see "
                "confidential records."
            )
            self.message_user(request, message, messages.ERROR)
            return redirect("admin:accounts_user_change", user.pk)
        response = super().user_change_password(request, id, form_url)
        if request.method == "POST" and response.status_code == 302 and user != request.user:
            log_event(
                AuditEvent.Kind.PASSWORD_SET,
                user=request.user,
                request=request,
                username=user.username,
                user_id=user.pk,
            )
        return response

    @admin.display(description=_("Second factor"))
    def second_factor(self, obj):
        if obj.pk is None or not services.has_second_factor(obj):
            return gettext("Not set up")
        return format_html(
            '{} <a href="{}">{}</a>',
            gettext("Set up."),
            reverse("admin:accounts_user_second_factor_reset", args=[obj.pk]),
            gettext("Reset it"),
        )

    def get_urls(self):
        reset = self.admin_site.admin_view(self.second_factor_reset_view)
        return [
            path("<path:id>/second-factor-reset/", reset, name="accounts_user_second_factor_reset"),
            *super().get_urls(),
        ]

    def second_factor_reset_view(self, request, id):
        """Reset an officer's second factor (a lost device, no backup code left), after the
        administrator passed their own; audited (`services.reset_second_factor`)."""
        user = self.get_object(request, unquote(id))
        if user is None or not self.has_change_permission(request, user):
            return redirect("admin:accounts_user_changelist")
        refusal = None
        if not request.user.is_verified():
            refusal = gettext("Pass your own second factor before resetting someone else's.")
        elif not may_manage_access(request.user, user):
            refusal = gettext(
                "Only a superuser may reset the second factor of an officer who may see "
                "confidential records."
            )
        if refusal:
            self.message_user(request, refusal, messages.ERROR)
            return redirect("admin:accounts_user_change", user.pk)
        if request.method == "POST":
            services.reset_second_factor(request, user)
            message = gettext(
                "The second factor of %(user)s is reset: they set up a new one at their next "
                "log-in."
            ) % {"user": user.get_username()}
            self.message_user(request, message, messages.SUCCESS)
            return redirect("admin:accounts_user_change", user.pk)
        context = {
            **self.admin_site.each_context(request),
            "opts": self.opts,
            "original": user,
            "title": gettext("Reset the second factor of %(user)s") % {"user": user},
        }
        return TemplateResponse(request, "admin/accounts/user/second_factor_reset.html", context)

    def has_module_permission(self, request):
        return is_administrator(request)

    def has_view_permission(self, request, obj=None):
        return is_administrator(request)

    def has_add_permission(self, request):
        return is_administrator(request)

    def has_change_permission(self, request, obj=None):
        return is_administrator(request) and (
            obj is None or not obj.is_superuser or request.user.is_superuser
        )

    def has_delete_permission(self, request, obj=None):
        return request.user.is_superuser

    def get_deleted_objects(self, objs, request):
        """An account the audit trail names is kept: the delete page says so, and to
        deactivate it, and deletes nothing (Django's page deletes nothing "protected")."""
        objs = list(objs)
        to_delete, counts, perms_needed, protected = super().get_deleted_objects(objs, request)
        named = users_named_in_trail(objs)
        kept = [f"{user}: {ACCOUNT_KEPT}" for user in objs if user.pk in named]
        return to_delete, counts, perms_needed, [*protected, *kept]

    def save_model(self, request, obj, form, change):
        if not request.user.is_superuser:
            obj.agency_id = request.user.agency_id
        super().save_model(request, obj, form, change)


admin.site.unregister(Group)
admin.site.unregister(TOTPDevice)
admin.site.unregister(StaticDevice)


@admin.register(Group)
class RoleAdmin(DjangoGroupAdmin):
    """Roles are groups named by `Role`: administrators read them; superusers change them."""

    def has_module_permission(self, request):
        return is_administrator(request)

    def has_view_permission(self, request, obj=None):
        return is_administrator(request)

    def has_add_permission(self, request):
        return request.user.is_superuser

    def has_change_permission(self, request, obj=None):
        return request.user.is_superuser

    def has_delete_permission(self, request, obj=None):
        return request.user.is_superuser
