"""The draw on a pool over its year: cumulative granted and spent per month, drawn by
`trygplan.lib.drawing.drawdown_chart`, with the same figures as a table
(`pools/_draw_chart.html`)."""

import datetime
from dataclasses import dataclass

from django.db.models import Sum
from django.db.models.functions import ExtractMonth
from django.utils import formats
from django.utils.translation import gettext as _

from trygplan.lib.drawing import drawdown_chart
from trygplan.lib.money import format_kroner

from .models import Expense, Grant, Pool


@dataclass
class Month:
    number: int
    label: str
    granted: int
    spent: int


def _by_month(queryset, month_field: str) -> dict[int, int]:
    rows = queryset.annotate(month=ExtractMonth(month_field)).values("month")
    return {row["month"]: row["total"] or 0 for row in rows.annotate(total=Sum("amount"))}


def build_draw(pool: Pool, allocation: int, today: datetime.date | None = None) -> dict:
    """Cumulative granted and spent per month of the pool's year (up to today), and the
    chart of them."""
    granted = _by_month(
        Grant.private_objects.filter(pool=pool, decided_on__year=pool.year).order_by(), "decided_on"
    )
    spent = _by_month(
        Expense.private_objects.filter(grant__pool=pool, date__year=pool.year).order_by(), "date"
    )
    today = today or datetime.date.today()
    last = 12 if today.year > pool.year else (today.month if today.year == pool.year else 0)
    labels = [formats.date_format(datetime.date(pool.year, n, 1), "M") for n in range(1, 13)]
    months, total_granted, total_spent = [], 0, 0
    for number in range(1, last + 1):
        total_granted += granted.get(number, 0)
        total_spent += spent.get(number, 0)
        months.append(Month(number, labels[number - 1], total_granted, total_spent))
    svg = drawdown_chart(
        labels,
        granted=[m.granted for m in months],
        spent=[m.spent for m in months],
        allocation=allocation,
        title=_("Træk på puljen over året"),
        desc=_(
            "Bevilget og brugt måned for måned, afsat %(allocation)s; tallene står i tabellen "
            "under."
        )
        % {"allocation": format_kroner(allocation)},
    )
    return {"months": months, "allocation": allocation, "svg": svg}
