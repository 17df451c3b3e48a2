import datetime

from trygplan.plans.models import BudgetLine
from trygplan.pools import services as pool_services
from trygplan.reporting.models import Spending
from trygplan.reporting.money import budget_and_spent

D = datetime.date
MID_YEAR = D(2016, 6, 30)


def _book(amager, key, amount, *, source="partnership", to=MID_YEAR):
    Spending.objects.create(
        partnership=amager,
        year=2016,
        activity_key=key,
        source=source,
        date_from=D(2016, 1, 1),
        date_to=to,
        amount=amount,
    )


def test_every_overview_row_has_its_budget_and_what_was_spent_by_the_day(amager, plan2016):
    _book(amager, "ung-i-job", 70_000)
    _book(amager, "ung-i-job", 50_000, to=D(2016, 9, 30))
    table = budget_and_spent(plan2016, D(2016, 6, 30))
    assert len(table.rows) == 17
    row = table.by_key["ung-i-job"]
    assert (row.budget, row.spent, row.left, row.share_spent) == (150_000, 70_000, 80_000, 47)
    assert budget_and_spent(plan2016, D(2016, 12, 31)).by_key["ung-i-job"].spent == 120_000
    assert table.total.budget == 1_500_000 and table.total.spent == 70_000


def test_co_financing_is_shown_apart(amager, plan2016):
    _book(amager, "fritidsguiderne-paa-amager", 20_000)
    _book(amager, "fritidsguiderne-paa-amager", 15_000, source=BudgetLine.Source.CO_FINANCING)
    row = budget_and_spent(plan2016, D(2016, 6, 30)).by_key["fritidsguiderne-paa-amager"]
    assert (row.budget, row.spent, row.co_budget, row.co_spent) == (58_000, 20_000, 41_000, 15_000)


def test_a_pools_spending_is_its_expenses_not_a_booking(amager, plan2016, pools2016, arbejdsgruppe):
    import uuid

    pool = next(p for p in pools2016 if p.activity_key == "byrumspulje")
    case, _ = pool_services.application_submit(
        pool=pool,
        data={"title": "Lys", "purpose": "Lys.", "addresses": "Mørkt."},
        lines=[("Lamper", 8_000)],
        files=[],
        submission_key=uuid.uuid4(),
    )
    for to in ("screening", "assessed", "recommended"):
        pool_services.application_transition(application=case, to=to, user=arbejdsgruppe)
    grant = pool_services.grant_create(
        application=case, amount=8_000, reason="", user=arbejdsgruppe, decided_on=D(2016, 3, 1)
    )
    pool_services.expense_add(
        grant=grant, amount=6_000, date=D(2016, 4, 1), supplier="Amager El", user=arbejdsgruppe
    )
    _book(amager, "byrumspulje", 99_999)  # never counted for a pool's row
    row = budget_and_spent(plan2016, D(2016, 6, 30)).by_key["byrumspulje"]
    assert row.from_pool and row.spent == 6_000


def test_the_housing_plans_co_financing_rows_are_summed(amager, plan2016):
    _book(amager, "dialog-og-kommunikation", 100_000)
    table = budget_and_spent(plan2016, D(2016, 6, 30))
    assert table.housing_plan.budget == 235_000 + 100_000 + 50_000 + 40_000
    assert table.housing_plan.spent == 100_000
    assert table.housing_plan_required == 375_000


def test_the_money_costs_a_bounded_number_of_queries(
    amager, plan2016, django_assert_max_num_queries
):
    with django_assert_max_num_queries(8):
        budget_and_spent(plan2016, D(2016, 6, 30))
