from django.contrib import admin

from .models import Finding, FindingStep, Participants, PoliceAccess, ReRating, Walk


class ParticipantsInline(admin.TabularInline):
    model = Participants
    extra = 0


@admin.register(Walk)
class WalkAdmin(admin.ModelAdmin):
    list_display = ("title", "partnership", "starts_at", "status", "is_invented")
    list_filter = ("partnership", "status", "light")
    inlines = [ParticipantsInline]


@admin.register(Finding)
class FindingAdmin(admin.ModelAdmin):
    list_display = ("__str__", "walk", "status", "visibility", "owner", "deadline")
    list_filter = ("status", "visibility", "category")
    readonly_fields = ("client_uuid",)


@admin.register(FindingStep)
class FindingStepAdmin(admin.ModelAdmin):
    list_display = ("finding", "to_status", "user", "created_at")

    def has_change_permission(self, request, obj=None):
        return False


@admin.register(ReRating)
class ReRatingAdmin(admin.ModelAdmin):
    list_display = ("finding", "walk", "fixed", "feeling")


@admin.register(PoliceAccess)
class PoliceAccessAdmin(admin.ModelAdmin):
    list_display = ("user", "partnership")
    list_filter = ("partnership",)
