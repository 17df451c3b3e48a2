"""What the approved plans said: the one rule for money of a year as it was approved.

The money of year Y is what the newest approved (or published) version of year Y's plan says.
For a year that has no plan in the system (the years before the first plan entered here, such
as 2014 and 2015 for Amager, whose figures the 2016 plan states in its history columns), it is
what the oldest later approved plan states for Y. Drafts never count, and a later plan's
columns for earlier years are never a source while the year's own plan exists.

A plan for year N shows its earlier years from here (`plan_history`), not from lines of its
own: next year's plan is made without copies of earlier years, so they cannot be edited
there, and an activity that ended or was removed keeps its earlier years in the earlier
totals. Pools read their allocation from here (`approved_amounts`).
"""

from dataclasses import dataclass, field

from .models import Activity, BudgetLine, Plan

FINAL = (Plan.Status.APPROVED, Plan.Status.PUBLISHED)


def _final_plans(partnership, up_to: int | None = None) -> list[Plan]:
    plans = Plan.private_objects.filter(partnership=partnership, status__in=FINAL)
    if up_to is not None:
        plans = plans.filter(year__lte=up_to)
    return list(plans.order_by("year", "-amendment"))


def _choose(year: int, plans: list[Plan], stated: dict[int, set[int]]) -> Plan | None:
    """The source for `year` among final plans (oldest year first, newest amendment first),
    given which years each plan states (`stated[plan.pk]`)."""
    own = [p for p in plans if p.year == year]
    if own:
        return own[0]
    later = [p for p in plans if p.year > year and year in stated.get(p.pk, set())]
    return later[0] if later else None


def _stated_years(plans: list[Plan]) -> dict[int, set[int]]:
    stated: dict[int, set[int]] = {}
    rows = BudgetLine.private_objects.filter(activity__plan__in=plans).values_list(
        "activity__plan_id", "year"
    )
    for plan_id, year in rows.distinct():
        stated.setdefault(plan_id, set()).add(year)
    return stated


def budget_sources(partnership, years, *, up_to: int | None = None) -> dict[int, Plan]:
    """{year: the approved plan version whose budget states that year} (two queries)."""
    plans = _final_plans(partnership, up_to)
    stated = _stated_years(plans)
    sources = {}
    for year in sorted(set(years)):
        source = _choose(year, plans, stated)
        if source is not None:
            sources[year] = source
    return sources


def budget_source(partnership, year: int) -> Plan | None:
    return budget_sources(partnership, [year]).get(year)


def _amounts(sources: dict[int, Plan], source=BudgetLine.Source.PARTNERSHIP):
    amounts: dict[tuple[str, int], int] = {}
    wanted = {(plan.pk, year) for year, plan in sources.items()}
    lines = BudgetLine.private_objects.filter(
        activity__plan__in={plan.pk for plan in sources.values()},
        year__in=set(sources),
        source=source,
    ).values_list("activity__plan_id", "year", "activity__key", "amount")
    for plan_id, year, key, amount in lines:
        if (plan_id, year) in wanted:
            amounts[(key, year)] = amounts.get((key, year), 0) + amount
    return amounts


def approved_amounts(partnership, years, *, source=BudgetLine.Source.PARTNERSHIP):
    """{(activity key, year): kroner} as approved, for the given years."""
    return _amounts(budget_sources(partnership, years), source)


@dataclass
class History:
    """The earlier years of a plan, as approved."""

    years: list[int]
    amounts: dict[tuple[str, int], int]  # (activity key, year) -> partnership kroner
    sources: dict[int, Plan]
    # Activities with approved money in an earlier year that this plan no longer has (ended,
    # or removed), taken from the plan that states them, for the overview's rows.
    gone: list[Activity] = field(default_factory=list)

    def amount(self, key: str, year: int) -> int | None:
        return self.amounts.get((key, year))


def plan_history(plan: Plan, activities=None, *, with_gone: bool = True) -> History:
    """The plan's earlier years: what approved plans say, and for a year no approved plan
    states, what this plan itself says (a first plan entered with its own history columns).
    Costs two queries (three when an earlier activity is gone), whatever the history's size."""
    activities = list(activities if activities is not None else plan.activities.all())
    plans = _final_plans(plan.partnership, up_to=plan.year)
    rows = list(
        BudgetLine.private_objects.filter(
            activity__plan__in=plans, year__lt=plan.year, source=BudgetLine.Source.PARTNERSHIP
        ).values_list("activity__plan_id", "year", "activity__key", "amount")
    )
    stated: dict[int, set[int]] = {}
    for plan_id, year, _key, _amount in rows:
        stated.setdefault(plan_id, set()).add(year)
    own_lines = [
        (a.key, line) for a in activities for line in a.budget_lines.all() if line.year < plan.year
    ]
    years = {year for _plan, year, _key, _amount in rows} | {line.year for _k, line in own_lines}
    sources = {}
    for year in years:
        source = _choose(year, plans, stated)
        if source is not None:
            sources[year] = source
    chosen = {(source.pk, year) for year, source in sources.items()}
    amounts: dict[tuple[str, int], int] = {}
    for plan_id, year, key, amount in rows:
        if (plan_id, year) in chosen:
            amounts[(key, year)] = amounts.get((key, year), 0) + amount
    for activity_key, line in own_lines:
        if line.year not in sources and line.source == BudgetLine.Source.PARTNERSHIP:
            key = (activity_key, line.year)
            amounts[key] = amounts.get(key, 0) + line.amount
    keys = {activity.key for activity in activities}
    gone_keys = {key for key, _year in amounts if key not in keys} if with_gone else set()
    gone = _gone_activities(sources, gone_keys)
    return History(sorted(years), amounts, sources, gone)


def _gone_activities(sources: dict[int, Plan], keys: set[str]) -> list[Activity]:
    if not keys:
        return []
    found: dict[str, Activity] = {}
    candidates = (
        Activity.objects.filter(plan__in={p.pk for p in sources.values()}, key__in=keys)
        .select_related("plan__partnership", "description__focus_area")
        .prefetch_related("focus_areas")
        .order_by("-plan__year", "-plan__amendment")
    )
    for activity in candidates:
        found.setdefault(activity.key, activity)  # the newest plan's row describes it
    return sorted(found.values(), key=lambda a: (a.number or 999, a.name))


def history_differences(plan: Plan, activities, history: History):
    """(activity, year, this plan's amount, the approved amount) wherever this plan carries a
    line for an earlier year that differs from what that year's approved plan says."""
    found = []
    for activity in activities:
        years = {line.year for line in activity.budget_lines.all() if line.year < plan.year}
        for year in sorted(years):
            source = history.sources.get(year)
            if source is None or source.pk == plan.pk:
                continue
            mine = sum(
                line.amount
                for line in activity.budget_lines.all()
                if line.year == year and line.source == BudgetLine.Source.PARTNERSHIP
            )
            approved = history.amount(activity.key, year) or 0
            if mine != approved:
                found.append((activity, year, mine, approved))
    return found


def earlier_lines(plan: Plan, history: History) -> dict[str, list[BudgetLine]]:
    """{activity key: the budget lines of the plans that approved its earlier years} (all
    sources, for economy tables), in one query."""
    chosen = {(source.pk, year) for year, source in history.sources.items()}
    lines = BudgetLine.private_objects.filter(
        activity__plan__in={source.pk for source in history.sources.values()},
        year__in=set(history.sources),
    ).select_related("funder", "activity")
    found: dict[str, list[BudgetLine]] = {}
    for line in lines:
        if (line.activity.plan_id, line.year) in chosen:
            found.setdefault(line.activity.key, []).append(line)
    return found
