"""Logging in as a person does: a lock-out after wrong passwords, then a password reset by
e-mail; the login and reset pages pass axe-core (WCAG 2.1 A/AA, no serious violations)."""

import re
from pathlib import Path

import pytest
from django.core import mail
from playwright.sync_api import expect

pytestmark = pytest.mark.browser

AXE = Path(__file__).parent / "vendor" / "axe.min.js"
RUN_AXE = """
async () => (await axe.run(document, {runOnly: {type: "tag",
  values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]}})).violations
  .filter(v => v.impact === "serious" || v.impact === "critical").map(v => v.id)
"""


def serious_violations(page) -> list[str]:
    page.add_script_tag(path=str(AXE))
    return page.evaluate(RUN_AXE)


def attempt(page, password: str) -> None:
    page.get_by_label("Brugernavn").fill("partner")
    page.get_by_label("Adgangskode").fill(password)
    page.get_by_role("button", name="Log ind", exact=True).click()
    page.wait_for_load_state()


@pytest.fixture
def page(browser, live_server, transactional_db):
    # bypass_csp: axe-core is injected as an inline script, which the site's CSP refuses
    # (e2e/test_content_security_policy.py checks the pages under the real policy).
    context = browser.new_context(base_url=live_server.url, locale="da-DK", bypass_csp=True)
    context.set_default_timeout(10_000)
    yield context.new_page()
    context.close()


def test_a_locked_out_partner_resets_the_password_by_mail_and_logs_in(page, partner):
    partner.email = "pia@3b.dk"
    partner.save()
    page.goto("/accounts/login/")
    assert serious_violations(page) == []
    for n in range(5):
        attempt(page, f"forkert-{n}")
    expect(page.get_by_text("Login er midlertidigt spærret")).to_be_visible()
    attempt(page, "trygplan-demo")
    expect(page.get_by_text("For mange forkerte forsøg")).to_be_visible()

    page.get_by_role("link", name="Glemt din adgangskode?").click()
    assert serious_violations(page) == []
    page.get_by_label("E-mail").fill("pia@3b.dk")
    page.get_by_role("button", name="Send link").click()
    expect(page.get_by_role("heading", name="Tjek din e-mail")).to_be_visible()
    [message] = mail.outbox
    link = re.search(r"https?://\S+/accounts/password-reset/\S+/", message.body).group(0)
    page.goto(link)
    new = "Tryghed-i-Urbanplanen-2025"
    page.get_by_label("Ny adgangskode", exact=True).fill(new)
    page.get_by_label("Bekræftelse af ny adgangskode").fill(new)
    page.get_by_role("button", name="Gem ny adgangskode").click()
    expect(page.get_by_role("heading", name="Adgangskoden er skiftet")).to_be_visible()
    page.get_by_role("link", name="Log ind").last.click()
    attempt(page, new)  # the reset lifted the lock-out
    expect(page.locator(".portal-user .user")).to_have_text("Anders Mikkelsen")
