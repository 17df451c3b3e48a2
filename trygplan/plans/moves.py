"""Moving money between two activities of a draft (a steering-group decision carried into an
amendment, `reporting.amendments`): the same guards and audit as an edit of a budget line."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from trygplan.audit.models import AuditEntry
from trygplan.audit.services import audit_record
from trygplan.lib.money import format_kroner

from .models import BudgetLine, Plan
from .services import _guard_budget, _require_draft

__all__ = ["budget_move"]


def _save_line(line: BudgetLine, *, old: int | None, user, reason: str) -> None:
    _guard_budget(line)
    line.full_clean()
    line.save()
    plan = line.activity.plan
    audit_record(
        user=user,
        obj=line,
        action=AuditEntry.Action.CREATE if old is None else AuditEntry.Action.UPDATE,
        changes={"amount": [old, line.amount]},
        reason=reason,
        partnership=plan.partnership,
        plan=plan,
        activity_key=line.activity.key,
    )


@transaction.atomic
def budget_move(*, plan: Plan, from_key: str, to_key: str, amount: int, user, reason: str):
    """Move `amount` kroner of the partnership's money in the plan's own year from one
    activity to another, in a draft. The first activity's lines are lowered from the last one
    up; the second activity's first line is raised (or a line made). Every changed line is
    guarded (a pool is never left below what it granted) and audited; the total stays."""
    _require_draft(plan)
    activities = {a.key: a for a in plan.activities.filter(key__in=[from_key, to_key])}
    for key in (from_key, to_key):
        if key not in activities:
            raise ValidationError(
                _("Aktiviteten “%(key)s” findes ikke i planen.") % {"key": key}, code="missing"
            )
    lines = list(
        BudgetLine.private_objects.filter(
            activity=activities[from_key], year=plan.year, source=BudgetLine.Source.PARTNERSHIP
        ).order_by("-order", "-pk")
    )
    available = sum(line.amount for line in lines)
    if amount <= 0 or amount > available:
        raise ValidationError(
            _("%(activity)s har %(available)s i %(year)s; der kan ikke flyttes %(amount)s")
            % {
                "activity": activities[from_key],
                "available": format_kroner(available),
                "year": plan.year,
                "amount": format_kroner(amount),
            },
            code="too_much",
        )
    left = amount
    for line in lines:
        take = min(line.amount, left)
        if take:
            old, line.amount = line.amount, line.amount - take
            _save_line(line, old=old, user=user, reason=reason)
            left -= take
    target = activities[to_key]
    line = BudgetLine.private_objects.filter(
        activity=target, year=plan.year, source=BudgetLine.Source.PARTNERSHIP
    ).first() or BudgetLine(activity=target, year=plan.year, amount=0, label=target.name)
    old = line.amount if line.pk else None
    line.amount += amount
    _save_line(line, old=old, user=user, reason=reason)
