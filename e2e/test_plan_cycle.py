"""Issue 3's journey: next year's plan, an error caught by the checks, the approval by
three bodies, the public plan and its PDF, and an amendment instead of a silent change."""

from pathlib import Path

import pytest
from playwright.sync_api import expect

from trygplan.plans.models import Plan

from .conftest import log_in, log_out

pytestmark = pytest.mark.browser


def set_2017_amount(page, amount: str) -> None:
    page.goto("/p/amager/plans/2017/activities/ung-i-job/")
    page.locator("#budget-lines tr", has_text="2017").get_by_role("link", name="Rediger").click()
    page.get_by_label("Beløb (kr.)").fill(amount)
    page.get_by_role("button", name="Gem").click()


def take_step(page, link: str, button: str | None = None) -> None:
    page.goto("/p/amager/plans/2017/")
    page.get_by_role("link", name=link).click()
    page.get_by_role("button", name=button or link).click()


def test_a_years_plan_is_made_checked_approved_published_and_amended(page, plan2016):
    log_in(page, "arbejdsgruppe")
    page.goto("/p/amager/plans/2016/")
    page.get_by_role("button", name="Opret næste års plan").click()
    expect(page).to_have_url("/p/amager/plans/2017/")
    expect(page.get_by_role("heading", level=1)).to_have_text(
        "Tryghedsplan for Amager Partnerskab 2017"
    )
    ended = page.get_by_role("list", name="Afsluttede aktiviteter, ikke videreført")
    expect(ended).to_contain_text("Tværfaglig indsats for konflikthåndtering")

    set_2017_amount(page, "175.000")
    page.goto("/p/amager/plans/2017/")
    errors = page.locator("#plan-checks-error")
    expect(errors).to_contain_text("Planen har 1 fejl")
    expect(errors).to_contain_text("1.525.000 kr., men rammen er 1.500.000 kr.")
    take_step(page, "Indstil planen", "Indstil planen til styregruppen")
    expect(page.get_by_role("alert")).to_contain_text(
        "Planen kan ikke indstilles, fordi den har fejl:"
    )

    set_2017_amount(page, "150.000")
    page.goto("/p/amager/plans/2017/")
    expect(page.locator("#plan-checks-error")).to_have_count(0)
    page.get_by_role("link", name="Indstil planen").click()
    page.get_by_label("Kommentar").fill("Klar til styregruppens møde.")
    page.get_by_role("button", name="Indstil planen til styregruppen").click()
    expect(page.get_by_text("Planen er nu: Indstillet af arbejdsgruppen.")).to_be_visible()

    log_out(page)
    log_in(page, "styregruppe")
    take_step(page, "Beslut planen", "Styregruppen beslutter planen")
    expect(page.get_by_text("Planen er nu: Besluttet af styregruppen.")).to_be_visible()

    log_out(page)
    log_in(page, "koordinator")
    page.goto("/p/amager/plans/2017/")
    page.get_by_role("link", name="Registrér Økonomiudvalgets godkendelse").click()
    page.get_by_label("Dato for Økonomiudvalgets godkendelse").fill("7.2.2017")
    page.get_by_label("Sagsnummer").fill("2017-0012345")
    page.get_by_role("button", name="Registrér Økonomiudvalgets godkendelse").click()
    expect(page.locator(".plan-status")).to_contain_text("Økonomiudvalget: 7. februar 2017")
    take_step(page, "Offentliggør planen")
    timeline = page.get_by_role("list", name="Godkendelse")
    expect(timeline.locator("li")).to_have_count(4)
    expect(timeline).to_contain_text("Klar til styregruppens møde.")

    log_out(page)
    page.goto("/p/amager/plans/2017/")
    expect(page.locator(".plan-status")).to_contain_text("Offentliggjort")
    expect(page.locator("#overview-table tfoot td.total").last).to_have_text("1.500.000")
    with page.expect_download(timeout=30_000) as download:
        page.get_by_role("link", name="Hent som PDF").click()
    assert download.value.suggested_filename.endswith(".pdf")
    assert Path(download.value.path()).read_bytes().startswith(b"%PDF-")

    log_in(page, "arbejdsgruppe")
    # The locked plan shows no edit links; a bookmarked edit page leads to an amendment.
    page.goto("/p/amager/plans/2017/activities/ung-i-job/")
    expect(page.get_by_role("link", name="Rediger aktivitet")).to_have_count(0)
    page.goto("/p/amager/plans/2017/activities/ung-i-job/edit/")
    expect(page.get_by_role("heading", level=1)).to_have_text(
        "Planen er godkendt. Ændringer kræver et tillæg."
    )
    page.get_by_role("button", name="Opret tillæg nr. 1").click()
    expect(page.locator(".plan-status")).to_contain_text("Tillæg nr. 1")
    expect(page.get_by_role("link", name="Oprindelig plan (offentliggjort)")).to_be_visible()
    assert Plan.public_objects.get(year=2017).amendment == 0
    log_out(page)
    page.goto("/p/amager/plans/2017/")
    expect(page.locator(".plan-status")).not_to_contain_text("Tillæg")
