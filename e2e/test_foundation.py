"""Issue 2's journey: read the published plan, edit a draft, see errors, and a read-only partner."""

import pytest
from playwright.sync_api import expect

from trygplan.plans.models import BudgetLine
from trygplan.plans.services import plan_create_next_year

from .conftest import log_in, log_out

pytestmark = pytest.mark.browser


def test_the_plan_is_read_and_a_draft_is_edited(page, plan2016, arbejdsgruppe):
    page.goto("/p/amager/plans/2016/")
    expect(page.get_by_role("heading", level=1)).to_have_text(
        "Tryghedsplan for Amager Partnerskab 2016"
    )
    totals = page.locator("#overview-table tfoot td.total")
    expect(totals).to_have_text(["750.000", "1.500.000", "1.500.000"])

    plan_create_next_year(plan=plan2016, user=arbejdsgruppe)
    log_in(page, "arbejdsgruppe")
    page.goto("/p/amager/plans/2017/activities/ung-i-job/")
    page.locator("#budget-lines tr", has_text="2017").get_by_role("link", name="Rediger").click()
    page.get_by_label("Beløb (kr.)").fill("-5")
    page.get_by_role("button", name="Gem").click()
    expect(page.locator("#id_amount_error")).to_contain_text("Beløbet kan ikke være negativt.")

    page.get_by_label("Beløb (kr.)").fill("175.000")
    page.get_by_role("button", name="Gem").click()
    expect(page.get_by_text("Partnerskabsmidler i 2017 i alt: 1.525.000 kr.")).to_be_visible()
    page.goto("/p/amager/plans/2017/")
    expect(page.locator("#overview-table tfoot td.total").last).to_have_text("1.525.000")

    log_out(page)
    log_in(page, "partner")
    page.goto("/p/amager/plans/2017/activities/ung-i-job/")
    expect(page.get_by_role("heading", level=1)).to_contain_text("Ung i job")
    expect(page.get_by_role("link", name="Rediger")).to_have_count(0)
    line = BudgetLine.private_objects.get(
        activity__plan__year=2017, activity__key="ung-i-job", year=2017
    )
    response = page.goto(f"/p/amager/plans/2017/activities/ung-i-job/budget/{line.pk}/edit/")
    assert response.status == 403
    expect(page.get_by_text("Kun arbejdsgruppen kan redigere tryghedsplanen.")).to_be_visible()
