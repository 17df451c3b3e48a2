"""The city administrator's view of the reports. A sent report is frozen here as everywhere:
its round, parts and recommendations are read-only; money booked into a sent report too."""

from django.contrib import admin

from trygplan.core.admin import AuditedAdmin, AuditedInline

from .models import (
    PartFigure,
    PartSpending,
    ReportPart,
    ReportRecommendation,
    ReportRound,
    Spending,
)


def _context(round_) -> dict:
    return {"partnership": round_.partnership, "plan": round_.plan}


class PartInline(AuditedInline):
    model = ReportPart
    fields = ("description", "organisation", "status")
    readonly_fields = ("description", "status")
    can_delete = False

    def parent_frozen(self, parent) -> bool:
        return parent.is_sent


class RecommendationInline(AuditedInline):
    model = ReportRecommendation
    fields = ("order", "title", "move_amount", "move_from_key", "move_to_key", "status")
    readonly_fields = ("status",)

    def parent_frozen(self, parent) -> bool:
        return parent.is_sent


@admin.register(ReportRound)
class ReportRoundAdmin(AuditedAdmin):
    list_display = ("__str__", "partnership", "status", "deadline", "is_invented")
    list_filter = ("partnership", "kind", "status")
    readonly_fields = ("status", "plan", "year", "kind", "sent_at")
    exclude = ("snapshot",)
    inlines = [PartInline, RecommendationInline]
    deletable = False  # a case record: the steps say what happened

    def audit_context(self, obj) -> dict:
        return _context(obj)

    def is_frozen(self, obj) -> bool:
        return obj.is_sent


class FigureInline(AuditedInline):
    model = PartFigure

    def parent_frozen(self, parent) -> bool:
        return not parent.is_draft or parent.round.is_sent


class PartSpendingInline(AuditedInline):
    model = PartSpending

    def parent_frozen(self, parent) -> bool:
        return not parent.is_draft or parent.round.is_sent


@admin.register(ReportPart)
class ReportPartAdmin(AuditedAdmin):
    list_display = ("__str__", "organisation", "status", "is_invented")
    list_filter = ("round__partnership", "status")
    readonly_fields = ("round", "description", "status")
    inlines = [FigureInline, PartSpendingInline]
    deletable = False

    def audit_context(self, obj) -> dict:
        return {**_context(obj.round), "activity_key": obj.description.key}

    def is_frozen(self, obj) -> bool:
        return obj.round.is_sent or obj.is_accepted


@admin.register(Spending)
class SpendingAdmin(AuditedAdmin):
    list_display = ("activity_key", "year", "source", "date_from", "date_to", "amount", "part")
    list_filter = ("partnership", "year", "source")
    readonly_fields = ("part",)

    def audit_context(self, obj) -> dict:
        return {"partnership": obj.partnership, "activity_key": obj.activity_key}

    def is_frozen(self, obj) -> bool:
        return obj.sent_report() is not None
