"""The draw on a pool over its year, as numbers for a server-side SVG chart and its table.

One template (`pools/_draw_chart.html`) renders it for the web page and the PDF.
"""

import datetime
from dataclasses import dataclass

from django.db.models import Sum
from django.db.models.functions import ExtractMonth
from django.utils import formats

from .models import Expense, Grant, Pool

WIDTH, HEIGHT = 640, 240
LEFT, RIGHT, TOP, BOTTOM = 70, 10, 16, 30


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
    """Cumulative granted and spent per month of the pool's year (up to today)."""
    granted = _by_month(
        Grant.private_objects.filter(pool=pool, decided_on__year=pool.year).order_by(), "decided_on"
    )
    spent = _by_month(
        Expense.private_objects.filter(grant__pool=pool, date__year=pool.year).order_by(), "date"
    )
    today = today or datetime.date.today()
    last = 12 if today.year > pool.year else (today.month if today.year == pool.year else 0)
    months, total_granted, total_spent = [], 0, 0
    for number in range(1, last + 1):
        total_granted += granted.get(number, 0)
        total_spent += spent.get(number, 0)
        label = formats.date_format(datetime.date(pool.year, number, 1), "M")
        months.append(Month(number, label, total_granted, total_spent))
    top = max([allocation, *(m.granted for m in months), 1])

    # Coordinates are strings: a template would write 95.5 as "95,5" in Danish.
    def x(number: float) -> str:
        return f"{LEFT + (WIDTH - LEFT - RIGHT) * (number - 0.5) / 12:.1f}"

    def y(amount: int) -> str:
        return f"{TOP + (HEIGHT - TOP - BOTTOM) * (1 - amount / top):.1f}"

    def points(attribute: str) -> str:
        return " ".join(f"{x(m.number)},{y(getattr(m, attribute))}" for m in months)

    return {
        "months": months,
        "width": WIDTH,
        "height": HEIGHT,
        "left": LEFT,
        "label_x": LEFT - 6,
        "tick_y": HEIGHT - 10,
        "right": WIDTH - RIGHT,
        "allocation": allocation,
        "allocation_y": y(allocation),
        "zero_y": y(0),
        "granted_points": points("granted"),
        "spent_points": points("spent"),
        "ticks": [
            {"x": x(n), "label": formats.date_format(datetime.date(pool.year, n, 1), "M")}
            for n in range(1, 13)
        ],
    }
