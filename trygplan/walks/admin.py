"""Admin: the city administrator's door, audited like the pages. Walks and findings are never
deleted here (a walk is cancelled, a finding closed, on their pages); a finding's status moves
only through its follow-up page, so it is read-only here. Granting police access is audited."""

from django.contrib import admin

from trygplan.core.admin import AuditedAdmin, AuditedInline

from .models import Finding, Participants, PoliceAccess, ReRating, Walk


class ParticipantsInline(AuditedInline):
    model = Participants


@admin.register(Walk)
class WalkAdmin(AuditedAdmin):
    list_display = ("title", "partnership", "starts_at", "status", "is_invented")
    list_filter = ("partnership", "status", "light")
    readonly_fields = ("status",)
    inlines = [ParticipantsInline]
    deletable = False


@admin.register(Finding)
class FindingAdmin(AuditedAdmin):
    list_display = ("__str__", "walk", "status", "visibility", "owner", "deadline")
    list_filter = ("status", "visibility", "category")
    readonly_fields = ("client_uuid", "status", "fixed_at")
    deletable = False

    def audit_context(self, obj) -> dict:
        return {"partnership": obj.walk.partnership}


@admin.register(ReRating)
class ReRatingAdmin(AuditedAdmin):
    list_display = ("finding", "walk", "fixed", "feeling")

    def audit_context(self, obj) -> dict:
        return {"partnership": obj.walk.partnership}


@admin.register(PoliceAccess)
class PoliceAccessAdmin(AuditedAdmin):
    list_display = ("user", "partnership")
    list_filter = ("partnership",)
