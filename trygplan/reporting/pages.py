"""What the report pages show, gathered for the views (so each view stays short)."""

import datetime

from django.http import Http404
from django.utils import timezone
from django.utils.translation import gettext as _

from trygplan.plans.history import budget_source
from trygplan.plans.overview import build_overview, plan_activities

from . import access
from .forms import ReasonForm, SpendingForm
from .models import ReportRound, Spending
from .money import budget_and_spent
from .workflow import RECOMMENDATION, ROUND


def pool_keys(round_) -> set[str]:
    """The overview rows funded by a pool of the year (their spending is the pool's)."""
    from trygplan.pools.models import Pool

    return set(
        Pool.private_objects.filter(partnership=round_.partnership, year=round_.year).values_list(
            "activity_key", flat=True
        )
    )


def round_context(request, round_) -> dict:
    user, partnership = request.user, round_.partnership
    readers = access.can_read_reports(user, partnership)
    parts = round_.parts.select_related("description", "organisation")
    if not readers:
        parts = parts.filter(organisation=access.reporter_organisation(user, partnership))
    recommendations = list(round_.recommendations.select_related("amendment", "part__description"))
    names = {activity.key: str(activity) for activity in round_.plan.activities.all()}
    for recommendation in recommendations:
        recommendation.can_decide = RECOMMENDATION.can(user, recommendation, "approve")
        recommendation.move_from_name = names.get(recommendation.move_from_key, "")
        recommendation.move_to_name = names.get(recommendation.move_to_key, "")
    return {
        "partnership": partnership,
        "plan": round_.plan,
        "round": round_,
        "readers": readers,
        "parts": parts,
        "accepted": sum(1 for part in parts if part.is_accepted),
        "can_compile": readers and access.can_compile(user, partnership) and round_.is_open,
        "actions": ROUND.available(user, round_),
        "steps": ROUND.steps(round_),
        "recommendations": recommendations if readers else [],
        "proposals": [part for part in parts if part.proposals.strip()] if readers else [],
        "reason_form": ReasonForm(),
    }


def _day(request, year: int) -> datetime.date:
    """?on=2016-06-30 shows the money as it stood that day; default today, or the year's end."""
    try:
        day = datetime.date.fromisoformat(request.GET.get("on", ""))
    except ValueError:
        return min(timezone.localdate(), datetime.date(year, 12, 31))
    return day if day.year == year else datetime.date(year, 12, 31)


def spending_context(request, partnership, year: int) -> dict:
    plan = budget_source(partnership, year)
    if plan is None or plan.year != year:
        raise Http404(_("Der er ingen godkendt tryghedsplan for %(year)s.") % {"year": year})
    day = _day(request, year)
    activities = list(plan_activities(plan))
    money = budget_and_spent(plan, day, activities)
    keys = {row.activity.key for row in money.rows if row.from_pool}
    form = None
    if access.can_manage(request.user, partnership):
        form = SpendingForm(
            request.POST or None,
            instance=Spending(partnership=partnership, year=year),
            plan=plan,
            pool_keys=keys,
        )
    names = {activity.key: str(activity) for activity in activities}
    order = {activity.key: position for position, activity in enumerate(activities)}
    bookings = sorted(
        Spending.objects.for_year(partnership, year).select_related("part__round"),
        key=lambda row: (order.get(row.activity_key, len(order)), row.date_from, row.pk),
    )
    sent = [
        round_.as_of
        for round_ in ReportRound.public_objects.filter(partnership=partnership, year=year)
    ]
    return {
        "partnership": partnership,
        "plan": plan,
        "year": year,
        "day": day,
        "money": money,
        "overview": build_overview(plan, activities),
        "spending": money.by_key,
        "bookings": [(row, names.get(row.activity_key, row.activity_key)) for row in bookings],
        # rows ending by this day are part of a sent report and stay as they are
        "frozen_until": max(sent, default=datetime.date.min),
        "form": form,
        "can_manage": form is not None,
        "reason_form": ReasonForm(),
    }
