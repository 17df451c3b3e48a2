"""Issue 10's editing pages, as a new partnership's coordinator uses them: a result linked to
an effect, a member organisation in the working group, a colleague invited by e-mail (who
follows the link, chooses a password and logs in), an indicator with a target and a partner
who reports."""

import re

import pytest
from django.contrib.auth import get_user_model
from django.core import mail
from playwright.sync_api import expect

from trygplan.partnerships.models import Membership, Role
from trygplan.plans.models import Effect

from .conftest import inject_axe, log_in, log_out

pytestmark = pytest.mark.browser

PASSWORD = "Tryghed-i-Tingbjerg-2025"


@pytest.fixture
def new_partnership(amager, tingbjerg):
    """Tingbjerg: no approved plan yet, so its theory of change is open."""
    User = get_user_model()
    Membership.objects.create(
        user=User.objects.get(username="koordinator"), partnership=tingbjerg, role=Role.COORDINATOR
    )
    Membership.objects.create(
        user=User.objects.get(username="partner"), partnership=tingbjerg, role=Role.PARTNER
    )
    Effect.objects.create(partnership=tingbjerg, number=1, name="Øget tryghed")
    return tingbjerg


def test_a_coordinator_sets_up_a_new_partnership_without_the_admin(page, new_partnership):
    log_in(page, "koordinator")

    # The theory of change: a result that contributes to the effect.
    page.goto("/p/tingbjerg/")
    page.get_by_role(
        "link", name="Forandringsteorien: effekter, resultater og indsatsområder"
    ).click()
    page.get_by_role("link", name="Nyt resultat").click()
    page.get_by_label("Resultat", exact=True).fill("Flere unge i fritidsjob")
    page.get_by_label("Øget tryghed").check()
    page.get_by_role("button", name="Gem").click()
    expect(page.get_by_role("status")).to_contain_text("“Flere unge i fritidsjob” er tilføjet.")
    row = page.locator("#results tr", has_text="Flere unge i fritidsjob")
    expect(row).to_contain_text("Øget tryghed")

    # A body and a member organisation in it.
    page.goto("/p/tingbjerg/organisation/")
    page.get_by_role("link", name="Nyt organ").click()
    page.get_by_label("Type").select_option(label="Arbejdsgruppe")
    page.get_by_label("Navn").fill("Arbejdsgruppen")
    page.get_by_role("button", name="Gem").click()
    page.get_by_role("link", name="Nyt medlem af Arbejdsgruppen").click()
    page.get_by_label("Organisation").select_option(label="Det Kriminalpræventive Råd (DKR)")
    page.get_by_label("Titel eller rolle").fill("Konsulent")
    page.get_by_label("Personens navn").fill("Eva Nielsen")
    page.get_by_role("button", name="Gem").click()
    members = page.get_by_role("table", name="Medlemmer af Arbejdsgruppen")
    expect(members).to_contain_text("Det Kriminalpræventive Råd")
    expect(members).to_contain_text("Konsulent")

    # A colleague invited to the working group by e-mail.
    page.get_by_role("link", name="Brugere og roller: hvem har adgang til Trygplan").click()
    page.get_by_role("link", name="Inviter en bruger").click()
    page.get_by_label("E-mail").fill("eva.nielsen@dkr.dk")
    page.get_by_label("Fornavn").fill("Eva")
    page.get_by_label("Efternavn").fill("Nielsen")
    page.get_by_label("Rolle").select_option(label="Arbejdsgruppe")
    page.get_by_role("button", name="Send invitation").click()
    expect(page.get_by_role("status")).to_contain_text(
        "Invitationen er sendt til eva.nielsen@dkr.dk."
    )
    expect(page.locator("#users")).to_contain_text("Inviteret, har ikke valgt adgangskode")
    (message,) = mail.outbox
    link = re.search(r"https?://[^/\s]+(/accounts/invitation/\S+/)", message.body).group(1)

    log_out(page)
    page.goto(link)
    expect(page.get_by_role("heading", level=1)).to_have_text("Vælg din adgangskode")
    page.get_by_label("Ny adgangskode", exact=True).fill(PASSWORD)
    page.get_by_label("Bekræftelse af ny adgangskode").fill(PASSWORD)
    page.get_by_role("button", name="Gem adgangskoden").click()
    page.get_by_role("link", name="Log ind").last.click()
    log_in(page, "eva.nielsen@dkr.dk", PASSWORD)
    page.goto("/p/tingbjerg/organisation/")
    expect(page.get_by_role("table", name="Medlemmer af Arbejdsgruppen")).to_contain_text(
        "Eva Nielsen"
    )

    # Back as the coordinator: an indicator with a target, and a partner who reports.
    log_out(page)
    log_in(page, "koordinator")
    page.goto("/p/tingbjerg/followup/")
    page.get_by_role("link", name="Opsæt indikatorer, mål og indberettere").click()
    page.get_by_role("link", name="Ny indikator").click()
    page.get_by_label("Navn", exact=True).fill("Unge i fritidsjob")
    page.get_by_label("Hører til").select_option(label="1. Flere unge i fritidsjob")
    page.get_by_label("Type", exact=True).select_option(label="Præstationsmål")
    page.get_by_label("Spørgsmål").select_option(label="Har nogen det bedre?")
    page.get_by_label("Definition").fill("Unge fra området med et fritidsjob i december.")
    page.get_by_label("Kilde", exact=True).select_option(label="Partnerskabet selv")
    page.get_by_label("Indberettes af").select_option(label="Det Kriminalpræventive Råd (DKR)")
    page.get_by_label("Enhed").fill("unge")
    page.get_by_label("Højere er bedre").check()
    page.get_by_label("År", exact=True).first.fill("2017")
    page.get_by_label("Mål", exact=True).first.fill("40")
    page.get_by_role("button", name="Gem").click()
    expect(page.locator("#setup-indicators")).to_contain_text("2017: 40 unge")

    page.get_by_role("link", name="Ny indberetter").click()
    page.get_by_label("Bruger", exact=True).select_option(label="Anders Mikkelsen")
    page.get_by_label("Indberetter for").select_option(label="Det Kriminalpræventive Råd (DKR)")
    page.get_by_role("button", name="Gem").click()
    expect(page.locator("#setup-reporters")).to_contain_text("Anders Mikkelsen")


@pytest.fixture
def furnished(new_partnership):
    """Tingbjerg with one of everything the editing pages edit."""
    from trygplan.followup.models import Indicator, IndicatorTarget, Reporter
    from trygplan.partnerships.models import Body, BodyMember, Organisation
    from trygplan.plans.models import Activity, FocusArea, Plan, Result
    from trygplan.pools.models import Pool

    partnership = new_partnership
    result = Result.objects.create(partnership=partnership, number=1, name="Færre sigtelser")
    result.effects.set(partnership.effects.all())
    Result.objects.create(partnership=partnership, number=2, name="Mere dialog")
    FocusArea.objects.create(partnership=partnership, number=1, short_name="Dialog", name="Dialog")
    body = Body.objects.create(partnership=partnership, kind="working_group", name="Arbejdsgruppen")
    dkr = Organisation.objects.get(key="dkr")
    BodyMember.objects.create(body=body, name="Eva Nielsen", title="Konsulent", organisation=dkr)
    reference = Body.objects.create(
        partnership=partnership, kind="reference_group", name="Referencegruppen"
    )
    plan = Plan.private_objects.create(partnership=partnership, year=2017, title="Plan 2017")
    Activity.objects.create(plan=plan, key="akutpulje", number=1, name="Akutpulje")
    Pool.private_objects.create(
        partnership=partnership,
        year=2017,
        kind="acute",
        activity_key="akutpulje",
        purpose="Hurtig hjælp.",
        who_may_apply="Beboere.",
        fast_track_limit=10_000,
    )
    indicator = Indicator.objects.create(
        partnership=partnership,
        key="sigtelser",
        name="Sigtelser",
        result=result,
        kind="population",
        definition="Antal.",
        source="police",
        reported_by=dkr,
        unit="sigtelser",
        higher_is_better=False,
    )
    IndicatorTarget.objects.create(indicator=indicator, year=2017, value=30)
    partner = get_user_model().objects.get(username="partner")
    Reporter.objects.create(user=partner, partnership=partnership, organisation=dkr)
    return {"result": result, "body": body, "member": body.members.get(), "reference": reference}


def _editing_pages(furnished) -> list[str]:
    from trygplan.followup.models import Reporter

    result, body, member = furnished["result"], furnished["body"], furnished["member"]
    reporter = Reporter.objects.get(partnership__slug="tingbjerg")
    partner = Membership.objects.get(partnership__slug="tingbjerg", user__username="partner")
    base = "/p/tingbjerg"
    return [
        f"{base}/plans/theory-of-change/",
        f"{base}/plans/theory-of-change/results/{result.pk}/",
        f"{base}/plans/theory-of-change/results/numbers/",
        f"{base}/plans/theory-of-change/links/",
        f"{base}/organisation/",
        f"{base}/organisation/bodies/{body.pk}/",
        f"{base}/organisation/members/{member.pk}/",
        f"{base}/organisation/bodies/{furnished['reference'].pk}/members/new/",
        f"{base}/organisation/users/",
        f"{base}/organisation/users/invite/",
        f"{base}/organisation/users/{partner.pk}/",
        f"{base}/followup/setup/",
        f"{base}/followup/setup/indicators/sigtelser/",
        f"{base}/followup/setup/reporters/{reporter.pk}/",
        f"{base}/pools/new/",
        f"{base}/pools/2017/acute/settings/",
    ]


def test_the_editing_pages_are_accessible_and_fit_a_phone(page, phone, furnished):
    from .test_accessibility import BLOCKING, RUN_AXE, SCROLL, WCAG_TAGS

    problems = []
    for viewport, browser_page in (("desktop", page), ("phone", phone)):
        log_in(browser_page, "koordinator")
        for url in _editing_pages(furnished):
            response = browser_page.goto(url)
            browser_page.wait_for_load_state("networkidle")
            if response.status != 200:
                problems.append(f"{url} ({viewport}): HTTP {response.status}")
                continue
            inject_axe(browser_page)
            for violation in browser_page.evaluate(RUN_AXE, WCAG_TAGS):
                if violation["impact"] in BLOCKING:
                    problems.append(f"{url} ({viewport}): {violation['id']}: {violation['help']}")
            width = browser_page.evaluate(SCROLL)
            if viewport == "phone" and width["scrollWidth"] > width["innerWidth"]:
                problems.append(f"{url} (phone): {width['scrollWidth']}px wide: {width['widest']}")
    assert not problems, "\n".join(problems)
