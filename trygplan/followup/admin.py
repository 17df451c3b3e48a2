"""Admin: the city administrator's door, audited like the pages (`core.admin.AuditedAdmin`,
audit context: the partnership). What is decided is read-only here as on the pages: an
approved or locked submission and its values; the submission's status moves only through its
workflow on the pages. Submissions are case records and never deleted."""

from django.contrib import admin

from trygplan.core.admin import AuditedAdmin, AuditedInline

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
class ReporterAdmin(AuditedAdmin):
    list_display = ("user", "organisation", "partnership")
    list_filter = ("partnership",)


class TargetInline(AuditedInline):
    model = IndicatorTarget


@admin.register(Indicator)
class IndicatorAdmin(AuditedAdmin):
    list_display = ("name", "kind", "measure", "source", "reported_by", "is_invented")
    list_filter = ("partnership", "kind", "source")
    inlines = [TargetInline]


class ValueInline(AuditedInline):
    model = IndicatorValue

    def parent_frozen(self, parent) -> bool:
        return parent.is_public


@admin.register(Submission)
class SubmissionAdmin(AuditedAdmin):
    list_display = ("organisation", "year", "status", "partnership")
    list_filter = ("partnership", "status", "year")
    readonly_fields = ("status",)
    inlines = [ValueInline]
    deletable = False

    def is_frozen(self, obj) -> bool:
        return obj.is_public  # approved or locked


class AttendanceInline(AuditedInline):
    model = EventAttendance


class PhotoInline(AuditedInline):
    model = EventPhoto


@admin.register(Event)
class EventAdmin(AuditedAdmin):
    list_display = ("title", "kind", "starts_at", "place", "is_public")
    list_filter = ("partnership", "kind")
    inlines = [AttendanceInline, PhotoInline]


@admin.register(DeliverableProgress)
class DeliverableProgressAdmin(AuditedAdmin):
    """Recorded on the status board; here it may only be removed (audited)."""

    list_display = ("deliverable", "date", "count")

    def audit_context(self, obj) -> dict:
        plan = obj.deliverable.description.plan
        return {
            "partnership": plan.partnership,
            "plan": plan,
            "activity_key": obj.deliverable.description.key,
        }

    def has_change_permission(self, request, obj=None):
        return False


@admin.register(ChartNote)
class ChartNoteAdmin(AuditedAdmin):
    list_display = ("year", "text", "partnership")
    list_filter = ("partnership",)
