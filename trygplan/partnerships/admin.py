"""Admin: the city administrator's door, audited like the pages (`core.admin.AuditedAdmin`,
audit context: the partnership). Organisations are shared by every partnership, so their
entries carry none."""

from django.contrib import admin

from trygplan.core.admin import AuditedAdmin, AuditedInline

from .models import Body, BodyMember, Membership, Organisation, Partnership, Party


class PartyInline(AuditedInline):
    model = Party


@admin.register(Partnership)
class PartnershipAdmin(AuditedAdmin):
    list_display = ("name", "slug", "period_start", "period_end")
    inlines = [PartyInline]
    prepopulated_fields = {"slug": ("name",)}

    def audit_context(self, obj) -> dict:
        return {"partnership": obj}


@admin.register(Organisation)
class OrganisationAdmin(AuditedAdmin):
    list_display = ("name", "short_name", "kind", "parent")
    list_filter = ("kind",)
    search_fields = ("name", "short_name")


class BodyMemberInline(AuditedInline):
    model = BodyMember


@admin.register(Body)
class BodyAdmin(AuditedAdmin):
    list_display = ("name", "kind", "partnership")
    list_filter = ("kind", "partnership")
    inlines = [BodyMemberInline]


@admin.register(Membership)
class MembershipAdmin(AuditedAdmin):
    list_display = ("user", "partnership", "role")
    list_filter = ("role", "partnership")
