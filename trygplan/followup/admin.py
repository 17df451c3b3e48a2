from django.contrib import admin

from .models import (
    ChartNote,
    DeliverableProgress,
    Event,
    EventAttendance,
    EventPhoto,
    Indicator,
    IndicatorTarget,
    IndicatorValue,
    Reporter,
    Submission,
)


@admin.register(Reporter)
class ReporterAdmin(admin.ModelAdmin):
    list_display = ("user", "organisation", "partnership")
    list_filter = ("partnership",)


class TargetInline(admin.TabularInline):
    model = IndicatorTarget
    extra = 0


@admin.register(Indicator)
class IndicatorAdmin(admin.ModelAdmin):
    list_display = ("name", "kind", "measure", "source", "reported_by", "is_invented")
    list_filter = ("partnership", "kind", "source")
    inlines = [TargetInline]


class ValueInline(admin.TabularInline):
    model = IndicatorValue
    extra = 0


@admin.register(Submission)
class SubmissionAdmin(admin.ModelAdmin):
    """Read-only here: values change through the import, so every change is audited."""

    list_display = ("organisation", "year", "status", "partnership")
    list_filter = ("partnership", "status", "year")
    inlines = [ValueInline]

    def has_change_permission(self, request, obj=None):
        return False


class AttendanceInline(admin.TabularInline):
    model = EventAttendance
    extra = 0


class PhotoInline(admin.TabularInline):
    model = EventPhoto
    extra = 0


@admin.register(Event)
class EventAdmin(admin.ModelAdmin):
    list_display = ("title", "kind", "starts_at", "place", "is_public")
    list_filter = ("partnership", "kind")
    inlines = [AttendanceInline, PhotoInline]


@admin.register(DeliverableProgress)
class DeliverableProgressAdmin(admin.ModelAdmin):
    list_display = ("deliverable", "date", "count")

    def has_change_permission(self, request, obj=None):
        return False


admin.site.register(ChartNote)
