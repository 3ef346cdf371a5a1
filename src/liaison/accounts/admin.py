"""Admin for agencies and users: administrators manage their own agency's accounts."""

from django.contrib import admin
from django.contrib.auth.admin import GroupAdmin as DjangoGroupAdmin
from django.contrib.auth.admin import UserAdmin as DjangoUserAdmin
from django.contrib.auth.models import Group
from django.utils.translation import gettext_lazy as _

from liaison.accounts.models import Agency, User
from liaison.core.admin import has_any_role
from liaison.core.choices import Role
from liaison.core.visibility import roles_of


def is_administrator(request) -> bool:
    return Role.ADMINISTRATOR in roles_of(request.user)


@admin.register(Agency)
class AgencyAdmin(admin.ModelAdmin):
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
class UserAdmin(DjangoUserAdmin):
    list_display = ("username", "first_name", "last_name", "agency", "is_active", "is_staff")
    list_filter = ("agency", "groups", "is_active", "is_staff", "is_superuser")
    list_select_related = ("agency",)
    fieldsets = [
        *DjangoUserAdmin.fieldsets[:1],
        (_("Agency"), {"fields": ("agency",)}),
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
        readonly = list(super().get_readonly_fields(request, obj))
        if not request.user.is_superuser:
            readonly += ["agency", "is_superuser", "user_permissions"]
        return readonly

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

    def save_model(self, request, obj, form, change):
        if not request.user.is_superuser:
            obj.agency_id = request.user.agency_id
        super().save_model(request, obj, form, change)


admin.site.unregister(Group)


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
