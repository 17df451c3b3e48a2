"""Issue 17's magazine journey: the coordinator writes a story from Lysfesten, puts it with
two others into beboerblad nr. 3, exports the issue as PDF (its text holds the stories) and
sees the "5 årlige beboerblade" count move on the status board."""

import io

import pytest
from playwright.sync_api import expect
from pypdf import PdfReader

from trygplan.followup.demo import load_demo as load_followup
from trygplan.magazine.demo import load_demo as load_magazine

from .conftest import log_in

pytestmark = pytest.mark.browser

OTHERS = ["Hvad skal andre vide om Urbanplanen?", "Lys på stierne i Hørgården"]


def _magazine_count(page) -> str:
    page.goto("/p/amager/followup/2016/status/")
    row = page.locator("tr", has_text="5 årlige beboerblade")
    return row.first.inner_text()


def test_the_coordinator_makes_beboerblad_nr_3_from_lysfesten(page, amager, plan2016):
    load_followup(partnership=amager, plan=plan2016)
    load_magazine(partnership=amager, plan=plan2016)
    log_in(page, "koordinator")
    before = _magazine_count(page)
    assert "heraf 2 udgivne beboerblade" in before

    page.goto("/p/amager/followup/events/?aar=2016")
    page.get_by_role("link", name="Skriv historie til beboerbladet om Lysfest 2016").click()
    expect(page.get_by_label("Overskrift")).to_have_value("Lysfest 2016")
    page.get_by_label("Overskrift").fill("Lanterner i Remiseparken")
    page.get_by_role("button", name="Gem").click()
    expect(page.get_by_text("Historien er gemt som kladde.")).to_be_visible()

    page.get_by_role("link", name="Nyt beboerblad").click()
    page.get_by_label("År", exact=True).fill("2016")
    page.get_by_label("Nummer").fill("3")
    page.get_by_label("Udgivelsesdato").fill("2016-12-01")
    page.get_by_label("Nyt fra partnerskabet").fill("Godt nytår fra Amager Partnerskab.")
    page.get_by_label("Placering af “Lanterner i Remiseparken”").fill("1")
    page.get_by_label(f"Placering af “{OTHERS[0]}”").fill("2")
    page.get_by_label(f"Placering af “{OTHERS[1]}”").fill("3")
    page.get_by_role("button", name="Gem").click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("Beboerblad nr. 3, 2016")

    with page.expect_download() as download:
        page.get_by_role("link", name="Hent bladet som PDF til tryk").click()
    content = download.value.path().read_bytes()
    text = " ".join(p.extract_text() for p in PdfReader(io.BytesIO(content)).pages)
    for title in ["Lanterner i Remiseparken", *OTHERS]:
        assert title in text
    assert "Godt nytår fra Amager Partnerskab." in text

    page.once("dialog", lambda dialog: dialog.accept())
    page.get_by_role("button", name="Udgiv bladet").click()
    expect(page.locator("#issue-status")).to_contain_text("Udgivet")

    after = _magazine_count(page)
    assert "heraf 3 udgivne beboerblade" in after
