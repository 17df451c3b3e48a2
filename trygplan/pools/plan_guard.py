"""A plan change may not leave a pool with less money than it has already granted.

Registered on the plans module (`plans.services.BUDGET_GUARDS`, `plans.checks.EXTRA_RULES`)
in `PoolsConfig.ready()`, so a budget line is refused when saved, and a plan whose budget does
it cannot be recommended or approved.
"""

from django.core.exceptions import ValidationError
from django.db.models import Sum
from django.utils.translation import gettext as _

from trygplan.lib.money import format_kroner
from trygplan.plans.checks import ERROR, CheckResult
from trygplan.plans.models import BudgetLine

from .models import Pool


def _used(pool: Pool) -> int:
    """Granted and not released, plus spent (from `with_money()` when annotated)."""
    if hasattr(pool, "money_spent"):
        return pool.money_open_granted - pool.money_spent_open + pool.money_spent
    balance = pool.balance()
    return balance.committed + balance.spent


def _message(pool: Pool, used: int, proposed: int) -> str:
    return _(
        "%(pool)s har allerede bevilget og brugt %(used)s. Puljens budget kan ikke sættes "
        "lavere end det (planen giver nu %(proposed)s)."
    ) % {"pool": pool, "used": format_kroner(used), "proposed": format_kroner(proposed)}


def _pool_for(line: BudgetLine) -> Pool | None:
    activity = line.activity
    return Pool.private_objects.filter(
        partnership_id=activity.plan.partnership_id, year=line.year, activity_key=activity.key
    ).first()


def refuse_below_commitments(line: BudgetLine, *, deleting: bool = False) -> None:
    """The guard: the plan's money for the pool's activity and year, with this line as it would
    be, must cover what the pool has granted and spent."""
    if line.source != BudgetLine.Source.PARTNERSHIP or line.year != line.activity.plan.year:
        return
    pool = _pool_for(line)
    if pool is None:
        return
    others = (
        BudgetLine.private_objects.filter(
            activity=line.activity, year=line.year, source=BudgetLine.Source.PARTNERSHIP
        )
        .exclude(pk=line.pk)
        .aggregate(total=Sum("amount"))["total"]
        or 0
    )
    proposed = others + (0 if deleting else line.amount)
    used = _used(pool)
    if proposed < used:
        raise ValidationError(_message(pool, used, proposed), code="pool_below_commitments")


def check_pools_covered(data):
    """The rule: every pool the plan funds in its year keeps enough for what it granted."""
    plan = data.plan
    pools = Pool.private_objects.filter(
        partnership_id=plan.partnership_id, year=plan.year
    ).with_money()
    by_key = {pool.activity_key: pool for pool in pools}
    for activity in data.activities:
        pool = by_key.get(activity.key)
        if pool is None:
            continue
        proposed = sum(
            line.amount
            for line in activity.budget_lines.all()
            if line.year == plan.year and line.source == BudgetLine.Source.PARTNERSHIP
        )
        used = _used(pool)
        if proposed < used:
            yield CheckResult(
                "POOL_BELOW_COMMITMENTS",
                ERROR,
                _message(pool, used, proposed),
                [data.activity_target(activity)],
            )
