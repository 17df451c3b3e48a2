"""Issue 13's journey: the 2016 mid-year status to the steering group, from live data.

The coordinator opens the round; SSP's reporter fills in Ung i job (19 youths so far, 70.000
kr. spent) and submits it; the coordinator sends it back and accepts it after the fix; the
working group recommends the report; the steering group re-allocates the rest of the
Akutpulje and sees the amendment draft its decision opened. The PDF lists all 17 overview
rows with budget and spent, the three pools at 30 June, the walk follow-up and the indicator
charts; the residents' version has no internal notes and shows "<5" for a count of 1-4."""

import datetime
import io

import pytest
from django.utils import timezone
from playwright.sync_api import expect
from pypdf import PdfReader

from trygplan.followup.demo import load_demo as load_followup
from trygplan.followup.models import DeliverableProgress, Event, EventAttendance
from trygplan.pools.demo import standard_pools
from trygplan.pools.services import pools_create_year
from trygplan.reporting.models import ReportRound
from trygplan.reporting.services import part_transition
from trygplan.walks.models import Finding, Walk

from .conftest import log_in, log_out

pytestmark = pytest.mark.browser
ROUND = "/p/amager/reporting/2016/midyear/"
NOTE = "Intern-note-om-budgettet"
COMMENT = "Partnerkommentar-til-koordinatoren"


def _setup(plan2016):
    """The seed's plan with 2016's pools, follow-up's indicators, events and SSP's reporter,
    and a safety walk with findings. Ung i job's invented progress is removed, so the
    partner's 19 is the board's figure."""
    partnership = plan2016.partnership
    pools_create_year(partnership=partnership, year=2016, templates=standard_pools())
    load_followup(partnership=partnership, plan=plan2016)
    DeliverableProgress.objects.filter(deliverable__description__key="ung-i-job").delete()
    # a public event with three young people: the residents' version must say "<5" (the
    # demo's random counts are not the test's to rely on)
    dialogue = Event.private_objects.create(
        partnership=partnership,
        kind="dialogue",
        title="Dialogmøde i Beboerhuset",
        starts_at=timezone.make_aware(datetime.datetime(2016, 5, 10, 17)),
        place="Beboerhuset",
        is_public=True,
    )
    EventAttendance.objects.create(event=dialogue, group="young", count=3)
    EventAttendance.objects.create(event=dialogue, group="adults", count=31)
    walk = Walk.private_objects.create(
        partnership=partnership,
        title="Forårsvandring",
        starts_at=timezone.make_aware(datetime.datetime(2016, 4, 14, 18)),
        light=Walk.Light.DAYLIGHT,
        season=Walk.Season.SPRING,
        status=Walk.Status.WALKED,
    )
    for number, status in enumerate(["new", "fixed", "assigned"], 1):
        Finding.private_objects.create(
            walk=walk,
            number=number,
            lon=12.5975,
            lat=55.6540,
            category="lighting",
            description=f"Mørk sti {number}",
            visibility="public",
            status=status,
            deadline=datetime.date(2016, 5, 31),
        )


def _accept_the_others(koordinator):
    """The parts the journey does not click through, written and accepted by the coordinator."""
    round_ = ReportRound.private_objects.get(kind="midyear")
    for part in round_.parts.exclude(description__key="ung-i-job"):
        part.status_text = "Aktiviteten går som planlagt."
        part.save(update_fields=["status_text"])
        part_transition(part=part, action="submit", user=koordinator)
        part_transition(part=part, action="accept", user=koordinator)


def _pdf_text(page, link_name: str) -> str:
    with page.expect_download() as download:
        page.get_by_role("link", name=link_name).click()
    content = download.value.path().read_bytes()
    return "\n".join(p.extract_text() for p in PdfReader(io.BytesIO(content)).pages)


def test_the_mid_year_status_goes_from_partners_to_a_steering_group_decision(
    page, plan2016, koordinator
):
    _setup(plan2016)

    # The coordinator opens the 2016 mid-year round.
    log_in(page, "koordinator")
    page.goto("/p/amager/")
    page.get_by_role("link", name="Afrapportering til styregruppen: halvårsstatus").click()
    page.get_by_label("År").select_option("2016")
    page.get_by_label("Afrapportering", exact=True).select_option("midyear")
    page.get_by_label("Frist for partnernes delrapporter").fill("2016-08-15")
    page.get_by_role("button", name="Åbn afrapporteringen").click()
    expect(page.locator("#round-status")).to_have_text("Åben for delrapporter")
    _accept_the_others(koordinator)

    # SSP's reporter sees only SSP's parts and fills in Ung i job.
    log_out(page)
    log_in(page, "partner")
    page.goto(ROUND)
    expect(page.locator("#parts tbody tr")).to_have_count(2)  # Ung i job, flertalsmisforståelser
    page.get_by_role("link", name="Ung i job (14-18 år)").click()
    page.get_by_label("Kort status").fill("Flere unge i fritidsjob end sidste år.")
    page.get_by_label("Leveret: mindst 40 unge om året").fill("19")
    page.get_by_label("7. Ung i job (14-18 år): brugt af partnerskabets midler (kr.)").fill(
        "70.000"
    )
    page.get_by_label("Bemærkning til koordinatoren").fill(COMMENT)
    page.get_by_role("button", name="Gem delrapporten").click()
    expect(page.get_by_text("Delrapporten er gemt.")).to_be_visible()
    page.get_by_role("button", name="Send til koordinatoren").click()
    expect(page.locator("#part-status")).to_have_text("Indsendt")
    part_url = page.url

    # The coordinator sends it back, the partner fixes it, the coordinator accepts it.
    log_out(page)
    log_in(page, "koordinator")
    page.goto(part_url)
    page.get_by_label("Skriv hvad partneren skal rette.").fill("Skriv hvor mange der fortsætter.")
    page.get_by_role("button", name="Send tilbage til partneren").click()
    expect(page.locator("#part-status")).to_have_text("Afventer partneren")
    log_out(page)
    log_in(page, "partner")
    page.goto(part_url)
    expect(page.locator("#returned")).to_contain_text("Skriv hvor mange der fortsætter.")
    page.get_by_label("Kort status").fill("19 unge i job; 12 fortsætter efter sommerferien.")
    page.get_by_role("button", name="Gem delrapporten").click()
    page.get_by_role("button", name="Send til koordinatoren").click()
    log_out(page)
    log_in(page, "koordinator")
    page.goto(part_url)
    page.get_by_role("button", name="Godkend delrapporten").click()
    expect(page.locator("#part-status")).to_have_text("Godkendt")

    # The coordinator writes the summary and a recommendation that moves the Akutpulje's rest.
    page.goto(ROUND)
    page.get_by_role("link", name="Skriv sammenfatning og noter").click()
    page.get_by_label("Sammenfatning til styregruppen").fill("Halvåret går efter planen.")
    page.get_by_label("Interne noter").fill(NOTE)
    page.get_by_role("button", name="Gem").click()
    page.get_by_role("link", name="Ny indstilling").click()
    page.get_by_label("Overskrift").fill("Resten af akutpuljen til byrumspuljen")
    page.get_by_label("Indstilling", exact=True).fill("Akutpuljen er næsten ikke brugt.")
    page.get_by_label("Flyt beløb (kr.)").fill("50.000")
    page.get_by_label("Fra aktivitet").select_option(label="3. Akutpulje")
    page.get_by_label("Til aktivitet").select_option(label="2. Byrumspulje")
    page.get_by_role("button", name="Gem indstillingen").click()
    expect(page.get_by_text("Flyt 50.000 kr. fra 3. Akutpulje til 2. Byrumspulje.")).to_be_visible()

    # The working group recommends the compiled report: sent and frozen.
    log_out(page)
    log_in(page, "arbejdsgruppe")
    page.goto(ROUND)
    page.get_by_role("button", name="Indstil rapporten til styregruppen").click()
    expect(page.locator("#round-status")).to_have_text("Sendt til styregruppen")

    # The steering group decides; the decision opens the amendment draft, linked both ways.
    log_out(page)
    log_in(page, "styregruppe")
    page.goto(ROUND)
    page.get_by_role("link", name="Registrér beslutning").click()
    page.get_by_label("Godkendt", exact=True).check()
    page.get_by_label("Styregruppens beslutning").fill("Godkendt: pengene flyttes.")
    page.get_by_role("button", name="Registrér beslutningen").click()
    expect(page.get_by_text("Beslutningen er registreret: godkendt.")).to_be_visible()
    page.get_by_role("link", name="Tillæg nr. 1 til planen for 2016 (kladde)").click()
    expect(page.locator("#plan-related")).to_contain_text("Resten af akutpuljen til byrumspuljen")
    overview = page.locator("#overview-table")
    expect(overview.locator("tr", has_text="3. Akutpulje").locator("td").last).to_have_text("0")
    expect(overview.locator("tr", has_text="2. Byrumspulje").locator("td").last).to_have_text(
        "150.000"
    )

    # The report as sent, as PDF: every overview row with budget and spent, the pools at
    # 30 June, the walks' follow-up, the indicators' charts and the decision.
    page.goto(ROUND + "report/")
    text = _pdf_text(page, "Hent som PDF")
    for number in range(1, 18):
        assert f"\n{number}. " in text, number
    assert "7. Ung i job (14-18 år) 150.000 70.000 80.000 47 %" in text
    assert "Tallene er opgjort pr. 30. juni 2016" in text
    for pool in ("Byrumspulje", "Akutpulje", "Pulje til tryghedsaktiviteter"):
        assert pool in text
    assert "Opfølgning på tryghedsvandringer" in text and "Median dage til udbedring" in text
    assert "Anmeldte straffelovsovertrædelser i området" in text and "Basislinje" in text
    assert NOTE in text and COMMENT in text
    assert "Styregruppens beslutning: Godkendt" in text

    # The residents' version, reached from the partnership's page without logging in.
    log_out(page)
    page.goto("/p/amager/")
    page.get_by_role("link", name="Afrapportering til styregruppen: halvårsstatus").click()
    page.get_by_role("link", name="Halvårsstatus 2016 for beboere").click()
    report = page.locator("#report")
    expect(report).to_contain_text("19 unge i job")
    expect(report).not_to_contain_text(NOTE)
    expect(report).not_to_contain_text(COMMENT)
    expect(page.locator("#report-events")).to_contain_text("<5")
    public_pdf = _pdf_text(page, "Hent som PDF")
    assert NOTE not in public_pdf and COMMENT not in public_pdf and "<5" in public_pdf
