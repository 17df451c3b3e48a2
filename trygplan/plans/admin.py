"""The Django admin for what has no form of its own. Changes to plan content are audited."""

from django.contrib import admin

from trygplan.audit.models import AuditEntry
from trygplan.audit.services import audit_record

from .models import (
    Activity,
    ActivityDescription,
    BudgetLine,
    Deliverable,
    Effect,
    FocusArea,
    Footnote,
    Plan,
    PlanTransition,
    Result,
)


class AuditedAdmin(admin.ModelAdmin):
    """Records admin changes in the same audit log as the forms."""

    def _plan_of(self, obj):
        for path in ("plan", "activity.plan", "description.plan"):
            value = obj
            for attr in path.split("."):
                value = getattr(value, attr, None)
            if value is not None:
                return value
        return obj if isinstance(obj, Plan) else None

    def save_model(self, request, obj, form, change):
        super().save_model(request, obj, form, change)
        plan = self._plan_of(obj)
        changes = {
            str(form.fields[name].label): ["", str(form.cleaned_data.get(name))]
            for name in form.changed_data
        }
        audit_record(
            user=request.user,
            obj=obj,
            action=AuditEntry.Action.UPDATE if change else AuditEntry.Action.CREATE,
            changes=changes,
            reason="Django admin",
            partnership=plan.partnership if plan else None,
            plan=plan,
            activity_key=getattr(obj, "key", "")
            or getattr(getattr(obj, "activity", None), "key", ""),
        )

    def delete_model(self, request, obj):
        plan = self._plan_of(obj)
        audit_record(
            user=request.user,
            obj=obj,
            action=AuditEntry.Action.DELETE,
            reason="Django admin",
            partnership=plan.partnership if plan else None,
            plan=plan,
        )
        super().delete_model(request, obj)


class PlanTransitionInline(admin.TabularInline):
    """The approval steps, read-only: they are taken on the plan page (services.plan_*)."""

    model = PlanTransition
    extra = 0
    can_delete = False
    fields = readonly_fields = ("at", "from_status", "to_status", "user", "comment")

    def has_add_permission(self, request, obj=None) -> bool:
        return False


@admin.register(Plan)
class PlanAdmin(AuditedAdmin):
    list_display = ("title", "partnership", "year", "amendment", "status")
    list_filter = ("status", "partnership")
    # The status and the finance committee's approval change only through the approval.
    readonly_fields = ("status", "finance_committee_date", "finance_committee_ref")
    inlines = [PlanTransitionInline]


class BudgetLineInline(admin.TabularInline):
    model = BudgetLine
    extra = 0


@admin.register(Activity)
class ActivityAdmin(AuditedAdmin):
    list_display = ("number", "name", "plan", "is_new", "has_ended")
    list_filter = ("plan",)
    inlines = [BudgetLineInline]


class DeliverableInline(admin.TabularInline):
    model = Deliverable
    extra = 0


@admin.register(ActivityDescription)
class ActivityDescriptionAdmin(AuditedAdmin):
    list_display = ("title", "plan", "focus_area")
    list_filter = ("plan",)
    inlines = [DeliverableInline]


@admin.register(BudgetLine)
class BudgetLineAdmin(AuditedAdmin):
    list_display = ("activity", "year", "amount", "source", "funder")
    list_filter = ("activity__plan", "year", "source")


@admin.register(Footnote)
class FootnoteAdmin(AuditedAdmin):
    list_display = ("plan", "key", "activity", "year", "text")


admin.site.register(Effect)
admin.site.register(Result)
admin.site.register(FocusArea)
