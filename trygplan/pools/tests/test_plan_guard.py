"""A plan change may not leave a pool with less money than it has already granted."""

import datetime

import pytest
from django.core.exceptions import ValidationError

from trygplan.plans import services as plan_services
from trygplan.plans.checks import run_checks
from trygplan.plans.models import BudgetLine
from trygplan.pools import services
from trygplan.pools.tests.conftest import recommended


@pytest.fixture
def granted(urban, arbejdsgruppe):
    application = recommended(urban, arbejdsgruppe, lines=[("Lys", 40_000)])
    grant = services.grant_create(
        application=application,
        amount=40_000,
        reason="",
        user=arbejdsgruppe,
        decided_on=datetime.date(2016, 5, 1),
    )
    services.expense_add(
        grant=grant,
        user=arbejdsgruppe,
        date=datetime.date(2016, 6, 1),
        amount=30_000,
        supplier="Elfirma",
    )
    return grant


@pytest.fixture
def amendment(plan2016, arbejdsgruppe):
    return plan_services.plan_create_amendment(plan=plan2016, user=arbejdsgruppe)


def _line(plan):
    return BudgetLine.private_objects.get(
        activity__plan=plan, activity__key="byrumspulje", year=2016
    )


def test_an_amendment_cannot_lower_a_pool_below_what_it_granted(
    client, granted, amendment, arbejdsgruppe
):
    line = _line(amendment)
    client.force_login(arbejdsgruppe)
    url = f"/p/amager/plans/2016/activities/byrumspulje/budget/{line.pk}/edit/"
    data = {
        "year": 2016,
        "label": line.label,
        "amount": "20.000",
        "source": "partnership",
        "reason": "Midler flyttes til akutpuljen.",
    }
    text = client.post(url, data).content.decode()
    assert "Byrumspulje 2016 har allerede bevilget og brugt 40.000 kr." in text
    assert "planen giver nu 20.000 kr." in text
    line.refresh_from_db()
    assert line.amount == 100_000


def test_lowering_to_what_is_granted_is_allowed(granted, amendment, arbejdsgruppe):
    form_line = _line(amendment)
    form_line.amount = 40_000
    from trygplan.pools.plan_guard import refuse_below_commitments

    refuse_below_commitments(form_line)  # no error: the pool keeps exactly what it granted


def test_a_plan_that_does_it_anyway_has_an_error_and_cannot_be_recommended(
    granted, amendment, arbejdsgruppe
):
    BudgetLine.private_objects.filter(pk=_line(amendment).pk).update(amount=10_000)
    codes = [result.code for result in run_checks(amendment)]
    assert "POOL_BELOW_COMMITMENTS" in codes
    with pytest.raises(ValidationError, match="har allerede bevilget og brugt"):
        plan_services.plan_recommend(plan=amendment, user=arbejdsgruppe)


def test_deleting_the_pools_line_is_refused(granted, amendment, arbejdsgruppe):
    with pytest.raises(ValidationError, match="har allerede bevilget og brugt 40.000 kr."):
        plan_services.budget_line_delete(line=_line(amendment), user=arbejdsgruppe)
