"""Issue 6's journey: a partner uploads figures, the coordinator approves and locks them,
and the public sees the new point, with a count of 3 shown as "<5" on the page and in CSV."""

import pytest
from openpyxl import Workbook
from playwright.sync_api import expect

from trygplan.followup.demo import load_demo

from .conftest import log_in, log_out

pytestmark = pytest.mark.browser


def _xlsx(path, rows):
    book = Workbook()
    for row in rows:
        book.active.append(row)
    book.save(path)
    return str(path)


def test_a_partner_reports_and_the_coordinator_approves_and_locks(page, amager, plan2016, tmp_path):
    load_demo(partnership=amager, plan=plan2016)
    header = ["indikator", "værdi", "status"]
    bad = _xlsx(
        tmp_path / "ssp-2017.xlsx",
        [header, ["ssp-enkeltsager", 3, "endelig"], ["netvaerksmoeder", "otte", ""]],
    )
    good = _xlsx(
        tmp_path / "ssp-2017-rettet.xlsx",
        [header, ["ssp-enkeltsager", 3, "endelig"], ["netvaerksmoeder", 8, ""]],
    )

    log_in(page, "partner")
    page.goto("/p/amager/followup/submissions/")
    page.get_by_label("År").select_option("2017")
    page.get_by_role("button", name="Åbn indberetning").click()
    expect(page.get_by_role("heading", level=1)).to_have_text(
        "Indberetning fra SSP København for 2017"
    )

    page.get_by_label("Fil med værdier").set_input_files(bad)
    page.get_by_role("button", name="Vis forhåndsvisning").click()
    expect(page.locator("#import-errors")).to_contain_text(
        "Række 3, kolonne “værdi”: “otte” er ikke et tal."
    )
    expect(page.get_by_role("button", name="Gem værdierne")).to_have_count(0)

    page.get_by_label("Fil med værdier").set_input_files(good)
    page.get_by_role("button", name="Vis forhåndsvisning").click()
    page.get_by_role("button", name="Gem værdierne").click()
    expect(page.get_by_text("2 værdier er gemt.")).to_be_visible()
    expect(page.locator("#submission-values")).to_contain_text("<5 sager")
    page.get_by_role("button", name="Indsend til koordinatoren").click()
    expect(page.locator("#submission-status")).to_have_text("Indsendt")
    submission_url = page.url

    log_out(page)
    page.goto("/p/amager/followup/indicators/netvaerksmoeder/")
    expect(page.locator("#values-table")).not_to_contain_text("2017")

    log_in(page, "koordinator")
    page.goto(submission_url)
    page.get_by_role("button", name="Godkend").click()
    expect(page.locator("#submission-status")).to_have_text("Godkendt")
    page.get_by_role("button", name="Lås perioden").click()
    expect(page.locator("#submission-status")).to_have_text("Låst")
    expect(page.get_by_text("Perioden er låst.")).to_be_visible()

    log_out(page)
    page.goto("/p/amager/followup/indicators/netvaerksmoeder/")
    expect(page.locator("#indicator-chart circle title", has_text="2017: 8")).to_have_count(1)

    page.goto("/p/amager/followup/indicators/ssp-enkeltsager/")
    row = page.locator("#values-table tr", has_text="2017")
    expect(row.locator("td").first).to_have_text("<5")
    expect(page.locator("#indicator-chart .chart-hidden")).to_have_text("<5")
    csv = page.request.get("/p/amager/followup/indicators/ssp-enkeltsager/values.csv").text()
    assert "\r\nssp-enkeltsager;amager;SSP;2017;<5;" in csv
    assert ";3;" not in csv


def test_the_status_board_reads_on_a_phone(phone, amager, plan2016):
    load_demo(partnership=amager, plan=plan2016)
    phone.goto("/p/amager/followup/2016/status/?on=2016-06-30")
    expect(phone.get_by_role("heading", level=1)).to_have_text("Statustavle 2016")
    expect(phone.locator("#status-board")).to_contain_text("Ung i job")
    expect(phone.locator("#status-board")).to_contain_text("på vej mod")


def test_a_partner_types_figures_into_the_form_on_a_phone(phone, amager, plan2016):
    load_demo(partnership=amager, plan=plan2016)
    log_in(phone, "partner")
    phone.goto("/p/amager/followup/submissions/")
    phone.get_by_label("År").select_option("2017")
    phone.get_by_role("button", name="Åbn indberetning").click()
    phone.get_by_role("link", name="Indtast værdier i skemaet").click()

    meetings = phone.get_by_role("group", name="Netværks- og dialogmøder for medarbejdere")
    meetings.get_by_label("Værdi (møder)").fill("otte")
    cases = phone.get_by_role("group", name="SSP-enkeltsager om unge fra området")
    cases.get_by_label("Værdi (sager)").fill("3")
    phone.get_by_role("button", name="Gem værdierne").click()
    expect(meetings.locator(".form-error-message")).to_contain_text("“otte” er ikke et tal.")

    meetings.get_by_label("Værdi (møder)").fill("8,5")
    meetings.get_by_label("Status").select_option(label="Endelig")
    phone.get_by_role("button", name="Gem værdierne").click()
    expect(phone.get_by_text("2 værdier er gemt.")).to_be_visible()
    expect(phone.locator("#submission-values")).to_contain_text("8,5 møder")
    expect(phone.locator("#submission-values")).to_contain_text("<5 sager")
