"""Admin: the city administrator's door, audited like the pages (`core.admin.AuditedAdmin`).
A published issue is read-only here as on the pages (it has been printed and counted)."""

from django.contrib import admin

from trygplan.core.admin import AuditedAdmin, AuditedInline

from .models import Issue, IssueStory, Story, StoryPhoto


class StoryPhotoInline(AuditedInline):
    model = StoryPhoto
    raw_id_fields = ("event_photo", "finding_photo")


@admin.register(Story)
class StoryAdmin(AuditedAdmin):
    list_display = ("title", "status", "partnership", "is_invented")
    list_filter = ("partnership", "status")
    raw_id_fields = ("event", "walk", "finding")
    inlines = [StoryPhotoInline]


class IssueStoryInline(AuditedInline):
    model = IssueStory
    raw_id_fields = ("story",)

    def parent_frozen(self, parent) -> bool:
        return parent.is_published


@admin.register(Issue)
class IssueAdmin(AuditedAdmin):
    list_display = ("__str__", "issue_date", "status", "partnership", "is_invented")
    list_filter = ("partnership", "status", "year")
    readonly_fields = ("status",)
    inlines = [IssueStoryInline]

    def is_frozen(self, obj) -> bool:
        return obj.is_published
