"""Issue 15's journey: the analyst imports the demo's survey file through the browser with
the mapping step and sees the estimates; an anonymous visitor opens the multi-site for Amager
Vest and for Amager Partnerskab's area, reads a share with its interval and the development
chart, and downloads the PDF."""

import re
from pathlib import Path

import pytest
from playwright.sync_api import expect

from trygplan.surveys.demo import demo_csv, statistics_load, surveys_load

from .conftest import log_in, log_out

pytestmark = pytest.mark.browser

SCALE = "Meget tryg – meget utryg (1-5)"


def test_the_analyst_imports_and_a_visitor_reads_the_multisite(page, amager, tmp_path):
    surveys_load(amager, years=[2013, 2014, 2015])
    statistics_load(amager)
    data_file = tmp_path / "tryghed-2016.csv"
    data_file.write_bytes(demo_csv(2016))

    log_in(page, "admin")
    page.goto("/sikker-by/tryghed/indlaes/")
    page.get_by_label("Datafil").set_input_files(str(data_file))
    page.get_by_role("button", name="Videre til kolonnerne").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Kolonner i datafilen")
    page.get_by_label("År", exact=True).fill("2016")
    page.get_by_label("Vægt").select_option("vaegt")
    page.get_by_label("Stratum (bydel)").select_option("bydel")
    page.get_by_label("Særmålingsområde").select_option("saermaaling")
    page.get_by_label("Svarskala for »lbnr«").select_option("")
    for column in ("tryg_nabolag", "tryg_aften", "bekymring_vold"):
        page.get_by_label(f"Svarskala for »{column}«").select_option(label=SCALE)
    page.get_by_label("Svarskala for »udsat_kriminalitet«").select_option(label="Ja – nej")
    page.get_by_label("Spørgsmålets tekst for »tryg_nabolag«").fill(
        "Hvor tryg eller utryg føler du dig alt i alt i dit nabolag?"
    )
    page.locator("fieldset", has_text="tryg_nabolag").get_by_label(
        "Hovedtal på multi-sitet"
    ).check()
    page.get_by_role("button", name="Indlæs og beregn estimater").click()

    expect(page.get_by_text("Undersøgelsen er indlæst.")).to_be_visible()
    expect(page.locator("#survey-status")).to_have_text("Kladde")
    expect(page.locator("#estimates-table")).to_contain_text("Urbanplanen (Amager Partnerskab)")
    expect(page.locator("#estimates-table")).to_contain_text("%")
    page.get_by_role("button", name="Offentliggør på multi-sitet").click()
    expect(page.locator("#survey-status")).to_have_text("Offentliggjort")

    log_out(page)
    page.goto("/sikker-by/tryghed/")
    expect(page.locator("#district-map svg")).to_be_visible()
    page.locator("#district-table").get_by_role("link", name="Amager Vest").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Tryghed i Amager Vest")
    expect(page.locator("#lead")).to_contain_text(re.compile(r"I 2016 svarer \d+,\d %"))
    expect(page.locator("#chart-tryg-nabolag svg")).to_be_visible()

    page.get_by_role("link", name="Urbanplanen (Amager Partnerskab)").first.click()
    expect(page.get_by_role("heading", level=1)).to_have_text(
        "Tryghed i Urbanplanen (Amager Partnerskab)"
    )
    lead = page.locator("#lead")
    expect(lead).to_contain_text(re.compile(r"svarer \d+,\d % \(\d+,\d–\d+,\d %\)"))
    share = float(re.search(r"svarer (\d+,\d) %", lead.inner_text()).group(1).replace(",", "."))
    assert 20 < share < 45  # near the one third of 3B's resident survey 2010
    row_2016 = page.locator("#table-tryg-nabolag-utryg tr", has_text="2016")
    expect(row_2016).to_contain_text(re.compile(r"\(\d+,\d–\d+,\d %\)"))
    expect(page.locator("#chart-tryg-nabolag .chart-interval").first).to_be_attached()
    page.locator("#headline-heading ~ details").first.locator("summary").click()
    expect(page.locator("#police-table")).to_contain_text("Sigtelser mod unge under 18 år")

    with page.expect_download(timeout=60_000) as download_info:  # a PDF takes seconds
        page.locator("#pdf-link").click(no_wait_after=True)
    download = download_info.value
    assert download.suggested_filename.endswith(".pdf")
    assert Path(download.path()).read_bytes()[:4] == b"%PDF"
