"""Issue 3, the document: a visitor downloads the published plan as a PDF and reads the
print-friendly page on a phone."""

import io

import pytest
from playwright.sync_api import expect
from pypdf import PdfReader

pytestmark = pytest.mark.browser


def test_an_anonymous_visitor_downloads_the_published_plan_as_pdf(page, plan2016):
    page.goto("/p/amager/plans/2016/")
    downloads = page.locator("#plan-downloads")
    expect(downloads.get_by_role("link", name="Hent som Word")).to_be_visible()
    with page.expect_download(timeout=30_000) as info:  # a PDF takes seconds on a busy CI
        downloads.get_by_role("link", name="Hent som PDF").click()
    download = info.value
    assert download.suggested_filename == "tryghedsplan-amager-2016.pdf"
    with open(download.path(), "rb") as file:
        content = file.read()
    assert content.startswith(b"%PDF")
    reader = PdfReader(io.BytesIO(content))
    assert reader.metadata.title == "Tryghedsplan for Amager Partnerskab 2016"
    title_page = " ".join(reader.pages[0].extract_text().split())
    assert "Tryghedsplan for Amager Partnerskab 2016" in title_page


def test_the_print_friendly_page_reads_on_a_phone(phone, plan2016):
    phone.goto("/p/amager/plans/2016/")
    phone.get_by_role("link", name="Udskriftsvenlig side").click()
    expect(phone.get_by_role("heading", level=1).first).to_have_text(
        "Tryghedsplan for Amager Partnerskab 2016"
    )
    expect(phone.locator("#document-version")).to_have_text("Offentliggjort")
    chapter = "Indsatsområde 3: Brobygning til et godt voksenliv"
    phone.get_by_role("link", name=chapter).first.click()
    expect(phone.get_by_role("heading", name="Aktivitet: Ung i job (14-18 år)")).to_be_visible()
    total = phone.locator("#document-overview tfoot td.total").last
    expect(total).to_have_text("1.500.000")
    width = phone.evaluate("document.documentElement.scrollWidth")
    assert width <= 390, width
