"""Admin: reports are read here, never decided or deleted (the moderation page does that,
through the workflow); contact details are erased by the retention job."""

from django.contrib import admin

from trygplan.core.admin import AuditedAdmin

from .models import Report


@admin.register(Report)
class ReportAdmin(AuditedAdmin):
    list_display = ("__str__", "partnership", "status", "source", "created_at")
    list_filter = ("partnership", "status", "source")
    readonly_fields = (
        "status",
        "token",
        "submission_key",
        "finding",
        "decided_at",
        "decided_by",
        "contacts_erased_at",
    )
    deletable = False

    def audit_context(self, obj) -> dict:
        return {"partnership": obj.partnership}
