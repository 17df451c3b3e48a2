"""Browser journey of Sikker By (issue 14): the city administrator sets up a second
partnership from the interface, invites a working-group member, who sets a password, sees only
that partnership's drafts and makes its first plan; the city overview then lists both
partnerships, and an anonymous visitor sees the public overview with published data only.

Runs on the seed-only test database (Amager's published 2016 plan), so the demo's invented
Tingbjerg-Husum is not there and the slug `tingbjerg-husum` is free.
"""

import re

from django.core import mail
from django.urls import reverse
from playwright.sync_api import expect

from e2e.conftest import log_in, log_out
from trygplan.partnerships.models import Membership, Partnership, Role
from trygplan.plans.models import Plan

NAME = "Tingbjerg-Husum Partnerskab"
PASSWORD = "Tryg-i-Tingbjerg-2026"


def _amager_draft(amager):
    """A 2017 draft of Amager's, which Tingbjerg-Husum's member must never see."""
    from django.contrib.auth import get_user_model

    from trygplan.plans.services import plan_create_next_year

    plan2016 = Plan.private_objects.get(partnership=amager, year=2016)
    user = get_user_model().objects.get(username="arbejdsgruppe")
    return plan_create_next_year(plan=plan2016, user=user)


def _create_partnership(page):
    page.goto(reverse("city:overview"))
    page.get_by_role("link", name="Opret et nyt partnerskab").click()
    page.get_by_label("Navn", exact=True).fill(NAME)
    page.get_by_label("Kort navn").fill("tingbjerg-husum")
    page.get_by_label("Periode fra").fill("2016")
    page.get_by_label("Periode til").fill("2019")
    page.locator("#id_area_name").fill("Tingbjerg og Husum")
    page.locator("#id_designated_area").select_option("Tingbjerg/Husum")
    page.locator("label", has_text=re.compile(r"^Københavns Kommune")).first.click()
    page.locator("label", has_text=re.compile(r"^Københavns Politi")).first.click()
    page.locator("#id_copy_from").select_option(label="Amager Partnerskab")
    page.get_by_role("button", name="Opret partnerskabet").click()
    expect(page.get_by_role("heading", level=1)).to_have_text(f"Opsætning af {NAME}")


def _invite(page) -> str:
    page.get_by_label("E-mail").fill("nina@example.org")
    page.get_by_label("Fornavn").fill("Nina")
    page.locator("#id_last_name").fill("Nielsen")
    page.get_by_label("Rolle").select_option(label="Arbejdsgruppe")
    page.get_by_role("button", name="Send invitationen").click()
    expect(page.get_by_text("nina@example.org er inviteret.")).to_be_visible()
    assert len(mail.outbox) == 1, [m.subject for m in mail.outbox]
    invitation = mail.outbox[0]
    assert invitation.to == ["nina@example.org"] and NAME in invitation.subject
    link = re.search(r"https?://[^/\s]+(/accounts/invitation/\S+)", invitation.body)
    username = re.search(r"Dit brugernavn er: (\S+)", invitation.body).group(1)
    assert link, invitation.body
    return link.group(1), username


def _set_password(page, link: str) -> None:
    page.goto(link)
    page.locator("#id_new_password1").fill(PASSWORD)
    page.locator("#id_new_password2").fill(PASSWORD)
    page.get_by_role("button", name=re.compile(r"^Gem (ny )?adgangskode")).click()
    page.wait_for_load_state()


def test_the_city_sets_up_tingbjerg_husum_and_its_member_makes_the_first_plan(page, amager):
    draft = _amager_draft(amager)
    log_in(page, "admin")
    _create_partnership(page)
    partnership = Partnership.objects.get(slug="tingbjerg-husum")
    assert partnership.area["type"] in ("Polygon", "MultiPolygon")
    assert "CC BY 4.0" in partnership.area_source
    assert partnership.effects.count() == amager.effects.count() > 0
    link, username = _invite(page)
    log_out(page)

    _set_password(page, link)
    log_in(page, username, PASSWORD)
    membership = Membership.objects.get(user__username=username)
    assert (membership.partnership, membership.role) == (partnership, Role.WORKING_GROUP)
    # Amager's draft is not hers: neither its page nor the overview show it.
    response = page.goto(draft.get_absolute_url())
    assert response.status in (403, 404)
    page.goto(amager.get_absolute_url())
    expect(page.get_by_text(draft.title)).to_have_count(0)

    page.goto(partnership.get_absolute_url())
    page.get_by_role("link", name="Opret partnerskabets første tryghedsplan").click()
    page.get_by_label("Titel").fill("Tryghedsplan for Tingbjerg-Husum 2016")
    page.get_by_label("År").fill("2016")
    page.get_by_label("Ramme (kr.)").fill("1.200.000")
    page.get_by_role("button", name="Opret kladden").click()
    expect(page.get_by_text("Kladden til")).to_be_visible()
    first = Plan.private_objects.get(partnership=partnership, year=2016)
    assert first.status == Plan.Status.DRAFT and first.frame == 1_200_000
    page.goto(partnership.get_absolute_url())
    expect(page.get_by_role("link", name="Tryghedsplan for Tingbjerg-Husum 2016")).to_be_visible()
    log_out(page)

    log_in(page, "admin")
    page.goto(reverse("city:overview") + "?aar=2016")
    table = page.get_by_role("table").filter(has_text="Planer, penge og opfølgning i 2016")
    amager_row = table.get_by_role("row").filter(has_text="Amager Partnerskab")
    tingbjerg_row = table.get_by_role("row").filter(has_text=NAME)
    expect(amager_row).to_contain_text("Offentliggjort")
    expect(tingbjerg_row).to_contain_text("Kladde")
    expect(tingbjerg_row).to_contain_text("1.200.000")
    log_out(page)

    page.goto(reverse("city:overview") + "?aar=2016")
    expect(page.get_by_text("interne tal")).to_have_count(0)
    table = page.get_by_role("table").filter(has_text="Planer, penge og opfølgning i 2016")
    expect(table.get_by_role("row").filter(has_text="Amager Partnerskab")).to_contain_text(
        "Offentliggjort"
    )
    public_tingbjerg = table.get_by_role("row").filter(has_text=NAME)
    expect(public_tingbjerg).to_contain_text("Ingen plan")
    expect(public_tingbjerg).not_to_contain_text("1.200.000")
    expect(page.get_by_role("link", name="Opret et nyt partnerskab")).to_have_count(0)
