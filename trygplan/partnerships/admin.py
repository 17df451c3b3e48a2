from django.contrib import admin

from .models import Body, BodyMember, Membership, Organisation, Partnership, Party


class PartyInline(admin.TabularInline):
    model = Party
    extra = 0


@admin.register(Partnership)
class PartnershipAdmin(admin.ModelAdmin):
    list_display = ("name", "slug", "period_start", "period_end")
    inlines = [PartyInline]
    prepopulated_fields = {"slug": ("name",)}


@admin.register(Organisation)
class OrganisationAdmin(admin.ModelAdmin):
    list_display = ("name", "short_name", "kind", "parent")
    list_filter = ("kind",)
    search_fields = ("name", "short_name")


class BodyMemberInline(admin.TabularInline):
    model = BodyMember
    extra = 0


@admin.register(Body)
class BodyAdmin(admin.ModelAdmin):
    list_display = ("name", "kind", "partnership")
    list_filter = ("kind", "partnership")
    inlines = [BodyMemberInline]


@admin.register(Membership)
class MembershipAdmin(admin.ModelAdmin):
    list_display = ("user", "partnership", "role")
    list_filter = ("role", "partnership")
