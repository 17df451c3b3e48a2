"""A coordinator logs in and lands on her start page; on a phone the plan overview's money
columns can be scrolled into view inside the table's own region (no hidden columns)."""

from playwright.sync_api import expect

from .conftest import log_in


def test_the_coordinator_lands_on_what_waits_for_her(page):
    from trygplan.demo.services import demo_load

    demo_load(extras=False)
    log_in(page, "koordinator")
    expect(page).to_have_url("/start/")
    expect(page.get_by_role("heading", name="Det venter på dig")).to_be_visible()
    page.get_by_role("link", name="Tryghedsplanen").first.click()
    expect(page).to_have_url("/p/amager/plans/2016/")


def test_on_a_phone_the_overviews_money_columns_can_be_reached(phone):
    from trygplan.demo.services import demo_load

    demo_load(extras=False)
    phone.goto("/p/amager/plans/2016/")
    region = phone.locator(".table--responsive-scroll").filter(has=phone.locator("#overview-table"))
    last_money = phone.locator("#overview-table thead th.money").last
    expect(last_money).to_have_text("Finansiering 2016/kr.")
    width = phone.evaluate("() => document.documentElement.clientWidth")
    # the page itself does not scroll sideways; the table's region does
    assert phone.evaluate("() => document.documentElement.scrollWidth") <= width + 1
    region.evaluate("el => { el.scrollLeft = el.scrollWidth; }")
    box = last_money.bounding_box()
    assert box is not None and box["x"] >= 0 and box["x"] + box["width"] <= width + 1
    assert last_money.is_visible()
