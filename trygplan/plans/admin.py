"""The Django admin for plans: the city administrator's door, audited like the pages.

Plan content is editable here only while its plan is a draft, as on the pages; an earlier
year's budget line inside a later plan is history and read-only; the theory of change is
read-only once an approved plan uses it. The approval steps are taken on the plan page.
"""

from django import forms
from django.contrib import admin

from trygplan.core.admin import AuditedAdmin, AuditedInline

from .models import (
    Activity,
    ActivityDescription,
    BudgetLine,
    Deliverable,
    Effect,
    FocusArea,
    Footnote,
    Plan,
    Result,
)
from .theory_access import frozen_by, frozen_reason


def _plan_context(plan) -> dict:
    return {"partnership": plan.partnership, "plan": plan}


class PlanContentAdmin(AuditedAdmin):
    """Admin for something inside one plan (`plan_of(obj)`)."""

    def plan_of(self, obj) -> Plan:
        return obj.plan

    def audit_context(self, obj) -> dict:
        context = _plan_context(self.plan_of(obj))
        key = getattr(obj, "key", "") or getattr(getattr(obj, "activity", None), "key", "")
        return {**context, "activity_key": key}

    def is_frozen(self, obj) -> bool:
        return not self.plan_of(obj).is_draft


class PlanContentInline(AuditedInline):
    def parent_frozen(self, parent) -> bool:
        return not parent.plan.is_draft


@admin.register(Plan)
class PlanAdmin(PlanContentAdmin):
    list_display = ("title", "partnership", "year", "amendment", "status")
    list_filter = ("status", "partnership")
    # The status and the finance committee's approval change only through the approval.
    readonly_fields = ("status", "finance_committee_date", "finance_committee_ref")

    def plan_of(self, obj) -> Plan:
        return obj


class BudgetLineInline(PlanContentInline):
    model = BudgetLine


@admin.register(Activity)
class ActivityAdmin(PlanContentAdmin):
    list_display = ("number", "name", "plan", "is_new", "has_ended")
    list_filter = ("plan",)
    inlines = [BudgetLineInline]


class DeliverableInline(PlanContentInline):
    model = Deliverable


@admin.register(ActivityDescription)
class ActivityDescriptionAdmin(PlanContentAdmin):
    list_display = ("title", "plan", "focus_area")
    list_filter = ("plan",)
    inlines = [DeliverableInline]


@admin.register(BudgetLine)
class BudgetLineAdmin(PlanContentAdmin):
    list_display = ("activity", "year", "amount", "source", "funder")
    list_filter = ("activity__plan", "year", "source")

    def plan_of(self, obj) -> Plan:
        return obj.activity.plan

    def is_frozen(self, obj) -> bool:
        # An earlier year's line in a later plan is what that year's plan approved.
        return super().is_frozen(obj) or obj.year < obj.activity.plan.year


@admin.register(Footnote)
class FootnoteAdmin(PlanContentAdmin):
    list_display = ("plan", "key", "activity", "year", "text")


class TheoryItemAdminForm(forms.ModelForm):
    """Nothing is added to a theory of change that an approved plan builds on."""

    def clean(self):
        cleaned = super().clean()
        partnership = cleaned.get("partnership")
        plan = frozen_by(partnership.pk) if partnership else None
        if plan is not None:
            raise forms.ValidationError(frozen_reason(plan))
        return cleaned


class TheoryOfChangeAdmin(AuditedAdmin):
    """Results, effects and focus areas: fixed once an approved plan builds on them (the one
    rule of `theory_access`, which the editing pages follow too)."""

    form = TheoryItemAdminForm

    def is_frozen(self, obj) -> bool:
        return frozen_by(obj.partnership_id) is not None


admin.site.register(Effect, TheoryOfChangeAdmin)
admin.site.register(Result, TheoryOfChangeAdmin)
admin.site.register(FocusArea, TheoryOfChangeAdmin)
