"""Pool.allocation and Pool.balance(): the budget is the one source of truth."""

import datetime

from trygplan.plans.models import BudgetLine, Plan
from trygplan.pools import services
from trygplan.pools.demo import standard_pools

from .conftest import recommended, spring_and_autumn


def test_allocation_is_read_from_the_plans_budget_line(urban, acute, activities):
    assert (urban.allocation, acute.allocation, activities.allocation) == (100_000, 50_000, 40_000)


def test_changing_the_budget_line_changes_the_pool(urban, plan2016):
    BudgetLine.private_objects.filter(
        activity__plan=plan2016, activity__key="byrumspulje", year=2016
    ).update(amount=120_000)
    urban.refresh_from_db()
    assert urban.allocation == 120_000


def test_the_newest_approved_plan_wins_over_a_draft(urban, draft2017):
    BudgetLine.private_objects.filter(
        activity__plan=draft2017, activity__key="byrumspulje", year=2016
    ).update(amount=1)
    assert urban.budget_plan().status == Plan.Status.PUBLISHED
    assert urban.allocation == 100_000


def test_a_draft_never_sets_the_allocation(amager, draft2017):
    """Until 2017's plan is approved, 2017's pools have no money (the draft budgets 100.000)."""
    [pool, *_] = services.pools_create_year(
        partnership=amager, year=2017, templates=standard_pools()
    )
    assert draft2017.pool_allocation(pool.activity_key) > 0
    assert pool.budget_plan() is None and pool.allocation == 0


def test_available_is_allocation_minus_committed_minus_spent(urban, arbejdsgruppe):
    grant = services.grant_create(
        application=recommended(urban, arbejdsgruppe, lines=[("Lys", 30_000)]),
        amount=30_000,
        reason="",
        user=arbejdsgruppe,
    )
    services.expense_add(
        grant=grant,
        user=arbejdsgruppe,
        date=datetime.date(2016, 5, 1),
        amount=12_000,
        supplier="Elfirma",
    )
    balance = urban.balance()
    assert (balance.allocation, balance.committed, balance.spent) == (100_000, 18_000, 12_000)
    assert balance.available == 70_000


def test_a_refund_is_a_negative_expense_that_gives_money_back(grant, urban, arbejdsgruppe):
    day = datetime.date(2016, 5, 1)
    services.expense_add(grant=grant, user=arbejdsgruppe, date=day, amount=8_000, supplier="A")
    services.expense_add(grant=grant, user=arbejdsgruppe, date=day, amount=-500, supplier="A")
    balance = urban.balance()
    assert (balance.committed, balance.spent, balance.available) == (2_500, 7_500, 90_000)


def test_closing_a_grant_releases_the_unspent_rest(grant, urban, arbejdsgruppe):
    day = datetime.date(2016, 5, 1)
    services.expense_add(grant=grant, user=arbejdsgruppe, date=day, amount=6_000, supplier="A")
    services.grant_cancel(grant=grant, user=arbejdsgruppe, reason="Projektet blev mindre.")
    balance = urban.balance()
    assert (balance.committed, balance.spent, balance.available) == (0, 6_000, 94_000)


def test_the_annotated_balance_equals_the_computed_one(grant, urban, arbejdsgruppe):
    from trygplan.pools.models import Pool

    day = datetime.date(2016, 5, 1)
    services.expense_add(grant=grant, user=arbejdsgruppe, date=day, amount=3_000, supplier="A")
    other = recommended(urban, arbejdsgruppe, title="Andet", lines=[("Maling", 4_000)])
    closed = services.grant_create(application=other, amount=4_000, reason="", user=arbejdsgruppe)
    services.expense_add(grant=closed, user=arbejdsgruppe, date=day, amount=1_000, supplier="B")
    services.grant_cancel(grant=closed, user=arbejdsgruppe, reason="Droppet")
    annotated = {pool.pk: pool.balance() for pool in Pool.private_objects.with_money()}
    assert annotated[urban.pk] == urban.balance()
    assert annotated[urban.pk].available == 100_000 - 7_000 - 4_000


def test_the_balance_as_of_a_day_counts_grants_by_decision_and_expenses_by_date(
    urban, arbejdsgruppe
):
    spring_and_autumn(urban, arbejdsgruppe)
    june = urban.balance(as_of=datetime.date(2016, 6, 30))
    assert (june.committed, june.spent, june.available) == (6_000, 4_000, 90_000)
    december = urban.balance(as_of=datetime.date(2016, 12, 31))
    assert (december.committed, december.spent, december.available) == (8_000, 7_000, 85_000)
    assert urban.balance() == december


def test_a_grant_cancelled_later_still_counted_as_committed_on_the_day(urban, arbejdsgruppe):
    spring, _autumn = spring_and_autumn(urban, arbejdsgruppe)
    services.grant_cancel(grant=spring, user=arbejdsgruppe, reason="Projektet er opgivet.")
    assert urban.balance(as_of=datetime.date(2016, 6, 30)).committed == 6_000
    assert urban.balance().committed == 5_000
