"""Logging in as a person does: a lock-out after wrong passwords, then a password reset by
e-mail; the login and reset pages pass axe-core (WCAG 2.1 A/AA, no serious violations)."""

import re

import pytest
from django.core import mail
from playwright.sync_api import expect

from .conftest import inject_axe

pytestmark = pytest.mark.browser

RUN_AXE = """
async () => (await axe.run(document, {runOnly: {type: "tag",
  values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]}})).violations
  .filter(v => v.impact === "serious" || v.impact === "critical").map(v => v.id)
"""


def serious_violations(page) -> list[str]:
    inject_axe(page)
    return page.evaluate(RUN_AXE)


def attempt(page, password: str) -> None:
    page.get_by_label("Brugernavn").fill("partner")
    page.get_by_label("Adgangskode").fill(password)
    page.get_by_role("button", name="Log ind", exact=True).click()
    page.wait_for_load_state()


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
