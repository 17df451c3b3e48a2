from django.contrib import admin

from trygplan.core.admin import ReadOnlyAdmin

from .models import AuditEntry


@admin.register(AuditEntry)
class AuditEntryAdmin(ReadOnlyAdmin):
    list_display = ("created_at", "user", "action", "object_repr", "plan")
    list_filter = ("action", "partnership")
    search_fields = ("object_repr", "reason")
