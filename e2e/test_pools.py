"""Issue 4's journey: a resident applies, the case is handled, money is granted and spent,
and the recommendation to the steering group shows it."""

import pytest
from playwright.sync_api import expect
from pypdf import PdfReader

from trygplan.pools.demo import standard_pools
from trygplan.pools.models import Application
from trygplan.pools.services import pools_create_year

from .conftest import log_in, log_out

pytestmark = pytest.mark.browser

PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


def fill_application(page, *, amount="12.000"):
    page.get_by_label("Titel på projektet").fill("Lys i passagen ved blok 7")
    page.get_by_label("Hvad vil I gøre?").fill("Fire nye lamper i passagen.")
    page.get_by_label("Hvilken utryghed eller hvilket problem løser det?").fill(
        "Passagen er helt mørk om aftenen."
    )
    page.get_by_label("Udgift 1").fill("Lamper")
    page.get_by_label("Beløb 1 (kr.)").fill(amount)
    page.get_by_label("Udgift 2").fill("Montering")
    page.get_by_label("Beløb 2 (kr.)").fill("3.500")
    page.get_by_label("Dit navn").fill("Testbeboer Tove")
    page.get_by_label("Din e-mail").fill("tove@example.org")
    page.get_by_text("Jeg giver samtykke").click()


def test_a_resident_applies_and_the_working_group_grants_and_spends(page, plan2016):
    pools_create_year(partnership=plan2016.partnership, year=2016, templates=standard_pools())

    # A resident finds the pool and applies, without logging in.
    page.goto("/p/amager/pools/")
    page.get_by_role("link", name="Byrumspulje").first.click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Byrumspulje 2016")
    page.get_by_role("link", name="Søg puljen").click()
    fill_application(page)
    expect(page.locator("#budget-total")).to_have_text("15.500 kr.")
    page.get_by_role("button", name="Send ansøgningen").click()
    expect(page.get_by_text("Tak! Vi har modtaget din ansøgning.")).to_be_visible()
    expect(page.locator("#application-status")).to_have_text("Modtaget")
    private_link = page.url

    # The coordinator screens it and asks for more information.
    log_in(page, "koordinator")
    page.goto("/p/amager/pools/2016/urban_space/manage/")
    page.get_by_role("link", name="Lys i passagen ved blok 7").click()
    expect(page.get_by_text("tove@example.org")).to_be_visible()
    page.get_by_role("button", name="Start screening").click()
    expect(page.locator("#application-status")).to_have_text("Under screening")
    page.get_by_label("Hvilke oplysninger mangler?").fill("Send venligst et tilbud på lamperne.")
    page.get_by_role("button", name="Bed om flere oplysninger").click()
    expect(page.locator("#application-status")).to_have_text("Flere oplysninger ønsket")

    # The resident answers through the private link.
    log_out(page)
    page.goto(private_link)
    expect(page.locator("#info-request")).to_have_text("Send venligst et tilbud på lamperne.")
    page.get_by_label("Dit svar til arbejdsgruppen").fill(
        "Tilbuddet fra Amager El er på 12.000 kr."
    )
    page.get_by_role("button", name="Send svar").click()
    expect(page.locator("#application-status")).to_have_text("Under screening")

    # The working group assesses, recommends and grants 80 % with a reason.
    log_in(page, "arbejdsgruppe")
    application = Application.private_objects.get()
    page.goto(f"/p/amager/pools/applications/{application.pk}/")
    expect(page.get_by_text("Tilbuddet fra Amager El er på 12.000 kr.")).to_be_visible()
    page.get_by_role("button", name="Markér som vurderet").click()
    page.get_by_role("button", name="Indstil til bevilling").click()
    page.get_by_role("link", name="Bevilg").click()
    page.get_by_label("Bevilget beløb (kr.)").fill("12.400")
    page.get_by_label("Beslutningsdato").fill("2016-04-12")
    page.get_by_role("button", name="Bevilg").click()
    expect(page.locator("#id_amount_error")).to_contain_text("Skriv en begrundelse")
    page.get_by_label("Begrundelse").fill("80 %: montering klares delvist af driften.")
    page.get_by_role("button", name="Bevilg").click()
    expect(page.get_by_text("Bevillingen er registreret.")).to_be_visible()
    expect(page.locator("#grant-summary")).to_contain_text("Bevilget 12.400 kr.")

    # An expense with a receipt.
    page.get_by_role("link", name="Registrér udgift").click()
    page.get_by_label("Dato").fill("2016-05-02")
    page.get_by_label("Beløb (kr.)").fill("5.000")
    page.get_by_label("Leverandør").fill("Amager El ApS")
    page.get_by_label("Kvittering").set_input_files(
        {"name": "kvittering.pdf", "mimeType": "application/pdf", "buffer": PDF}
    )
    page.get_by_role("button", name="Gem udgiften").click()
    expect(page.get_by_text("Udgiften er registreret.")).to_be_visible()
    expect(page.locator("#grant-expenses")).to_contain_text("Amager El ApS")

    # The pool page shows the money.
    page.goto("/p/amager/pools/2016/urban_space/manage/")
    expect(page.locator('[data-key="allocation"]')).to_have_text("100.000 kr.")
    expect(page.locator('[data-key="committed"]')).to_have_text("7.400 kr.")
    expect(page.locator('[data-key="spent"]')).to_have_text("5.000 kr.")
    expect(page.locator('[data-key="available"]')).to_have_text("87.600 kr.")
    expect(page.locator("#expenses").get_by_role("link", name="Hent")).to_be_visible()

    # The mid-year recommendation PDF contains the grant.
    page.goto("/p/amager/pools/")
    page.get_by_role("link", name="Halvårsindstilling til styregruppen").first.click()
    expect(page.locator("#figures-as-of")).to_contain_text("Tallene er opgjort pr. 30. juni 2016")
    with page.expect_download(timeout=30_000) as download_info:
        page.get_by_role("link", name="Hent som PDF").click()
    pdf = PdfReader(download_info.value.path())
    text = " ".join(p.extract_text() for p in pdf.pages)
    assert "Lys i passagen ved blok 7" in text
    assert "12.400 kr." in text

    # The public page lists the funded project, without the applicant.
    log_out(page)
    page.goto("/p/amager/pools/2016/urban_space/")
    expect(page.locator("#funded-projects")).to_contain_text("Lys i passagen ved blok 7")
    expect(page.locator("body")).not_to_contain_text("Testbeboer Tove")


def test_a_resident_applies_on_a_phone_with_a_pin(phone, plan2016):
    pools_create_year(partnership=plan2016.partnership, year=2016, templates=standard_pools())
    phone.goto("/p/amager/pools/2016/safety_activities/apply/")
    fill_application(phone, amount="0")
    phone.get_by_role("button", name="Send ansøgningen").click()
    expect(phone.locator("#id_line_1_amount_error")).to_contain_text(
        "Beløbet skal være større end 0."
    )
    assert not Application.private_objects.exists()

    phone.get_by_label("Beløb 1 (kr.)").fill("4.000")
    expect(phone.get_by_label("Jeg giver samtykke")).to_be_checked()
    map_box = phone.locator("#pin-map")
    map_box.scroll_into_view_if_needed()
    expect(map_box.locator("svg path").first).to_be_visible()
    box = map_box.bounding_box()
    phone.mouse.click(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)
    expect(phone.locator("#pin-status")).to_have_text("Nålen er sat.")
    width = phone.evaluate("document.documentElement.scrollWidth")
    assert width <= 390
    phone.get_by_role("button", name="Send ansøgningen").click()
    expect(phone.locator("#application-status")).to_have_text("Modtaget")
    application = Application.private_objects.get()
    assert application.requested_total == 7_500
    assert 55.64 < application.latitude < 55.67 and 12.59 < application.longitude < 12.61
