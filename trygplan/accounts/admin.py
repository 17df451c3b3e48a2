from django.contrib import admin
from django.contrib.auth.admin import UserAdmin as BaseUserAdmin

from .models import ExternalIdentity, GroupMapping, User


class ExternalIdentityInline(admin.TabularInline):
    model = ExternalIdentity
    extra = 0
    readonly_fields = ("issuer", "subject", "last_login_at")
    can_delete = True


@admin.register(User)
class UserAdmin(BaseUserAdmin):
    fieldsets = (*BaseUserAdmin.fieldsets, (None, {"fields": ("is_city_admin",)}))
    list_display = ("username", "first_name", "last_name", "is_city_admin", "is_staff")
    inlines = [ExternalIdentityInline]


@admin.register(GroupMapping)
class GroupMappingAdmin(admin.ModelAdmin):
    """Which identity-provider group gives which role (see accounts/services.py)."""

    list_display = ("group", "partnership", "role", "is_city_admin")
    list_filter = ("partnership", "role", "is_city_admin")
    search_fields = ("group",)
