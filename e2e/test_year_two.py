"""Issue 10's journey: the partnership runs its next year without the Django admin, and what
was approved stays as approved. 2017 is made from 2016, an activity is written in full with a
range deliverable and two responsible organisations, another is removed; three bodies
approve; the earlier years' totals stay as approved in the overview, the PDF and Excel; 2017's
pools open and take an application; an amendment may not take a pool below what it granted,
and its compare button shows what it changes."""

import datetime
import io
from pathlib import Path

import pytest
from openpyxl import load_workbook
from playwright.sync_api import expect
from pypdf import PdfReader

from trygplan.partnerships.models import Organisation
from trygplan.pools import services as pool_services
from trygplan.pools.demo import standard_pools
from trygplan.pools.models import Application, Pool

from .conftest import log_in, log_out

pytestmark = pytest.mark.browser
PLAN = "/p/amager/plans/2017/"


def take_step(page, link: str, button: str) -> None:
    page.goto(PLAN)
    page.get_by_role("link", name=link).click()
    page.get_by_role("button", name=button).click()


def write_the_new_activity(page) -> None:
    page.goto(PLAN + "activities/new/")
    page.get_by_label("Nr.").fill("18")
    page.get_by_label("Navn").fill("Lys i Hørgården")
    page.get_by_text("2. Trygt byrum").click()
    page.get_by_role("button", name="Gem").click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("Rediger beskrivelse")
    page.locator("#id_description").fill("Nye lamper og beskæring langs stierne.")
    page.locator("#id_target_group").fill("Beboere, der går hjem om aftenen.")
    page.locator("#id_timeline").fill("Efteråret 2017.")
    page.locator("#id_deliverables-0-text").fill("1-2 lysvandringer med beboerne")
    page.locator("#id_deliverables-0-comparator").select_option("between")
    page.locator("#id_deliverables-0-quantity").fill("1")
    page.locator("#id_deliverables-0-quantity_max").fill("2")
    page.locator("#id_deliverables-0-unit").fill("lysvandringer")
    page.locator("#id_deliverables-0-period").select_option("year")
    picker = page.locator("#id_responsible_organisations")
    page.get_by_label("Søg organisation").fill("3B")
    ids = [
        str(Organisation.objects.get(key=key).pk) for key in ("3b", "tmf")
    ]  # the housing association and the technical administration
    picker.select_option(ids)
    page.get_by_role("button", name="Gem beskrivelsen").click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("Lys i Hørgården")
    expect(page.get_by_text("mellem 1 og 2 lysvandringer om året")).to_be_visible()
    page.get_by_role("link", name="Tilføj budgetlinje").click()
    page.get_by_label("Beløb (kr.)").fill("58.000")
    page.get_by_role("button", name="Gem").click()


def test_the_next_year_is_run_without_the_admin_and_history_stays_as_approved(page, plan2016):
    # 2016's pools, as the demo has them: publishing 2017 carries them over.
    pool_services.pools_create_year(
        partnership=plan2016.partnership, year=2016, templates=standard_pools()
    )
    log_in(page, "arbejdsgruppe")
    page.goto("/p/amager/plans/2016/")
    page.get_by_role("button", name="Opret næste års plan").click()
    expect(page).to_have_url(PLAN)

    page.on("dialog", lambda dialog: dialog.accept())  # "Fjern aktiviteten ...?"
    page.goto(PLAN + "activities/fritidsguiderne-paa-amager/")
    page.get_by_role("button", name="Fjern aktiviteten fra planen").click()
    write_the_new_activity(page)
    page.goto(PLAN)
    expect(page.locator("#plan-checks-error")).to_have_count(0)
    page.get_by_role("link", name="Indstil planen").click()
    page.get_by_role("button", name="Indstil planen til styregruppen").click()
    expect(page.get_by_text("Planen er nu: Indstillet af arbejdsgruppen.")).to_be_visible()

    log_out(page)
    log_in(page, "styregruppe")
    take_step(page, "Beslut planen", "Styregruppen beslutter planen")
    log_out(page)
    log_in(page, "koordinator")
    page.goto(PLAN)
    page.get_by_role("link", name="Registrér Økonomiudvalgets godkendelse").click()
    page.get_by_label("Dato for Økonomiudvalgets godkendelse").fill("7.2.2017")
    page.get_by_label("Sagsnummer").fill("2017-0012345")
    page.get_by_role("button", name="Registrér Økonomiudvalgets godkendelse").click()
    take_step(page, "Offentliggør planen", "Offentliggør planen")
    expect(page.locator(".plan-status")).to_contain_text("Offentliggjort")

    # What was approved for 2014-2016 is what 2017's plan shows, ended and removed rows too.
    totals = page.locator("#overview-table tfoot td.total")
    expect(totals).to_have_text(["750.000", "1.500.000", "1.500.000", "1.500.000"])
    expect(page.locator("#overview-table")).to_contain_text("13. Tværfaglig indsats")
    with page.expect_download(timeout=60_000) as download:
        page.get_by_role("link", name="PDF").first.click()
    text = "\n".join(p.extract_text() for p in PdfReader(download.value.path()).pages)
    assert "750.000" in text and "Lys i Hørgården" in text
    with page.expect_download(timeout=30_000) as download:
        page.get_by_role("link", name="Excel").first.click()
    workbook = load_workbook(io.BytesIO(Path(download.value.path()).read_bytes()))
    rows = list(workbook.active.values)
    end = next(i for i, row in enumerate(rows) if row[0] == "I alt")
    # the totals are formulas (=SUM of the rows above); what they add up to:
    assert rows[end][3] == f"=SUM(D2:D{end})"
    sums = [sum(row[column] or 0 for row in rows[1:end]) for column in range(3, 7)]
    assert sums == [750_000, 1_500_000, 1_500_000, 1_500_000]

    # Publishing opened 2017's pools; a resident applies without logging in.
    log_out(page)
    page.goto("/p/amager/pools/2017/urban_space/")
    expect(page.get_by_role("heading", level=1)).to_contain_text("Byrumspulje 2017")
    page.get_by_role("link", name="Søg puljen").click()
    page.get_by_label("Titel på projektet").fill("Lys ved legepladsen")
    page.get_by_label("Hvad vil I gøre?").fill("Sætte to lamper op.")
    page.get_by_label("Hvilken utryghed eller hvilket problem løser det?").fill(
        "Legepladsen er mørk."
    )
    page.get_by_label("Udgift 1").fill("Lamper")
    page.get_by_label("Beløb 1 (kr.)").fill("40.000")
    page.get_by_label("Dit navn").fill("Opdigtet Beboer")
    page.get_by_label("Din e-mail").fill("beboer@example.org")
    page.get_by_text("Jeg giver samtykke").click()
    page.get_by_role("button", name="Send ansøgningen").click()
    expect(page.get_by_text("Tak! Vi har modtaget din ansøgning.")).to_be_visible()

    # The working group grants it (through the services, as the pool pages do) ...
    from django.contrib.auth import get_user_model

    group = get_user_model().objects.get(username="arbejdsgruppe")
    application = Application.private_objects.get(title="Lys ved legepladsen")
    for to in ("screening", "assessed", "recommended"):
        pool_services.application_transition(application=application, to=to, user=group)
    pool_services.grant_create(
        application=application,
        amount=40_000,
        reason="",
        user=group,
        decided_on=datetime.date(2017, 3, 1),
    )
    assert Pool.public_objects.get(year=2017, kind="urban_space").balance().committed == 40_000

    # ... and an amendment may not take the pool below what it granted.
    log_in(page, "arbejdsgruppe")
    page.goto(PLAN)
    page.get_by_role("link", name="Lav et tillæg").click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("kræver et tillæg")
    page.get_by_role("button", name="Opret tillæg nr. 1").click()
    page.goto(PLAN + "activities/byrumspulje/")
    page.locator("#budget-lines tr", has_text="2017").get_by_role("link", name="Rediger").click()
    page.get_by_label("Beløb (kr.)").fill("20.000")
    page.get_by_label("Hvorfor ændres det?").fill("Flyttes til akutpuljen.")
    page.get_by_role("button", name="Gem").click()
    expect(page.get_by_role("alert")).to_contain_text(
        "Byrumspulje 2017 har allerede bevilget og brugt 40.000 kr."
    )
    page.get_by_label("Beløb (kr.)").fill("60.000")
    page.get_by_label("Hvorfor ændres det?").fill("Resten flyttes til akutpuljen.")
    page.get_by_role("button", name="Gem").click()
    page.goto(PLAN)
    page.get_by_role("link", name="Se hvad tillægget ændrer").click()
    expect(page.locator("#diff-heading")).to_contain_text("tillæg nr. 1")
    expect(page.locator("#diff-table")).to_contain_text("100.000 kr. → 60.000 kr.")
