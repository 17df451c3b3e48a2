"""What the approved plans said: the one rule for money of a year as it was approved.

The money of year Y is what the newest approved (or published) version of year Y's plan says.
For a year that has no plan in the system (the years before the first plan entered here, such
as 2014 and 2015 for Amager, whose figures the 2016 plan states in its history columns), it is
what the oldest later approved plan states for Y. Drafts never count, and a later plan's
columns for earlier years are never a source when the year's own plan exists.

Plan overviews read earlier years from here, and pools read their allocation from here.
"""

from .models import BudgetLine, Plan

FINAL = (Plan.Status.APPROVED, Plan.Status.PUBLISHED)


def budget_source(partnership, year: int) -> Plan | None:
    """The approved plan version whose budget states year `year` (see the module docstring)."""
    plans = Plan.private_objects.filter(partnership=partnership, status__in=FINAL)
    own = plans.filter(year=year).order_by("-amendment").first()
    if own is not None:
        return own
    return (
        plans.filter(year__gt=year, activities__budget_lines__year=year)
        .order_by("year", "-amendment")
        .distinct()
        .first()
    )


def budget_sources(partnership, years) -> dict[int, Plan]:
    """{year: source plan} for the years that have one."""
    sources = {}
    for year in sorted(set(years)):
        source = budget_source(partnership, year)
        if source is not None:
            sources[year] = source
    return sources


def approved_amounts(partnership, years, *, source=BudgetLine.Source.PARTNERSHIP):
    """{(activity key, year): kroner} as approved, for the given years."""
    amounts: dict[tuple[str, int], int] = {}
    for year, plan in budget_sources(partnership, years).items():
        lines = BudgetLine.private_objects.filter(activity__plan=plan, year=year, source=source)
        for key, amount in lines.values_list("activity__key", "amount"):
            amounts[(key, year)] = amounts.get((key, year), 0) + amount
    return amounts
