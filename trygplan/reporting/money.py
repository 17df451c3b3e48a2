"""Budget against spent for every row of the overview, as of a day.

- Budget: the plan's lines for its own year, the partnership's money apart from co-financing
  (and external money, counted with co-financing as "other money").
- Spent: `Spending` rows ending by the day; for an activity that funds a pool of the year,
  the pool's expenses up to the day (never booked twice).
- Rows 1–4 in the seed co-finance the housing plan (`Activity.co_finances_housing_plan`):
  their budget and spending are summed beside the co-financing the plan requires.
"""

import datetime
from dataclasses import dataclass, field

from django.db.models import Sum

from trygplan.plans.models import BudgetLine, Plan
from trygplan.plans.overview import plan_activities

from .models import Spending

PARTNERSHIP = BudgetLine.Source.PARTNERSHIP
OTHER = (BudgetLine.Source.CO_FINANCING, BudgetLine.Source.EXTERNAL)


@dataclass
class MoneyRow:
    activity: object
    budget: int = 0
    spent: int = 0
    co_budget: int = 0
    co_spent: int = 0
    from_pool: bool = False

    @property
    def left(self) -> int:
        return self.budget - self.spent

    @property
    def share_spent(self) -> int | None:
        """Percent of the budget spent (whole percent), None without a budget."""
        if not self.budget:
            return None
        return round(100 * self.spent / self.budget)


@dataclass
class MoneyTable:
    plan: Plan
    day: datetime.date
    rows: list[MoneyRow]
    total: MoneyRow = field(default_factory=lambda: MoneyRow(activity=None))
    housing_plan: MoneyRow = field(default_factory=lambda: MoneyRow(activity=None))

    @property
    def by_key(self) -> dict[str, MoneyRow]:
        return {row.activity.key: row for row in self.rows}

    @property
    def housing_plan_required(self) -> int:
        return self.plan.co_financing_required


def _pool_spending(plan: Plan, day) -> dict[str, int]:
    """{activity key: the expenses up to `day` of the year's pool it funds}."""
    from trygplan.pools.models import Expense, Pool

    keys = dict(
        Pool.private_objects.filter(partnership=plan.partnership, year=plan.year).values_list(
            "pk", "activity_key"
        )
    )
    spent = dict.fromkeys(keys.values(), 0)
    rows = (
        Expense.private_objects.filter(grant__pool__in=keys, date__lte=day, date__year=plan.year)
        .order_by()
        .values("grant__pool")
        .annotate(total=Sum("amount"))
    )
    for row in rows:
        spent[keys[row["grant__pool"]]] += row["total"]
    return spent


def budget_and_spent(plan: Plan, day: datetime.date, activities=None) -> MoneyTable:
    """Every activity of the plan (the overview's rows) with its budget for the plan's year
    and what was spent by `day`. A bounded number of queries, whatever the plan's size."""
    activities = list(activities if activities is not None else plan_activities(plan))
    booked = Spending.objects.for_year(plan.partnership, plan.year).up_to(day).totals()
    pools = _pool_spending(plan, day)
    table = MoneyTable(plan=plan, day=day, rows=[])
    for activity in activities:
        row = MoneyRow(activity=activity, from_pool=activity.key in pools)
        for line in activity.budget_lines.all():
            if line.year != plan.year:
                continue
            if line.source == PARTNERSHIP:
                row.budget += line.amount
            else:
                row.co_budget += line.amount
        row.spent = (
            pools[activity.key] if row.from_pool else booked.get((activity.key, PARTNERSHIP), 0)
        )
        row.co_spent = sum(booked.get((activity.key, source), 0) for source in OTHER)
        table.rows.append(row)
        _add(table.total, row)
        if activity.co_finances_housing_plan:
            _add(table.housing_plan, row)
    return table


def _add(into: MoneyRow, row: MoneyRow) -> None:
    into.budget += row.budget
    into.spent += row.spent
    into.co_budget += row.co_budget
    into.co_spent += row.co_spent
