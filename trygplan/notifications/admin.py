from django.contrib import admin

from .models import Notice, OrganisationContact, Preference


@admin.register(Notice)
class NoticeAdmin(admin.ModelAdmin):
    """What was sent: kind, recipient key, time. Addresses and bodies are erased once sent."""

    list_display = ["created_at", "kind", "recipient", "partnership", "sent_at", "skipped"]
    list_filter = ["kind", "skipped", "partnership"]
    readonly_fields = [field.name for field in Notice._meta.fields]

    def has_add_permission(self, request):
        return False


@admin.register(OrganisationContact)
class OrganisationContactAdmin(admin.ModelAdmin):
    list_display = ["partnership", "organisation", "email"]
    list_filter = ["partnership"]


@admin.register(Preference)
class PreferenceAdmin(admin.ModelAdmin):
    list_display = ["user", "kind", "enabled"]
    list_filter = ["kind", "enabled"]
