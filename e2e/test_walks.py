"""Issue 5's journey on a phone: plan a walk, drop findings (one offline), follow two up to
fixed (one paid by the Byrumspulje), read the protocol PDF and see the pins on the map."""

import io
import re
import time

import pytest
from playwright.sync_api import expect
from pypdf import PdfReader

from trygplan.walks.models import Finding, Walk
from trygplan.walks.tests.conftest import byrumspulje_grant, jpeg_bytes

from .conftest import log_in

pytestmark = pytest.mark.browser

FIXED_GREEN = "rgb(53, 128, 0)"
NEW_RED = "rgb(196, 0, 26)"


@pytest.fixture
def photos(tmp_path, settings):
    settings.MEDIA_ROOT = tmp_path / "media"
    paths = {}
    for name in ("fund", "efter1", "efter2"):
        path = tmp_path / f"{name}.jpg"
        path.write_bytes(jpeg_bytes())
        paths[name] = str(path)
    return paths


def _drop_finding(phone, category, dx, dy, photo=None, description=""):
    box = phone.locator("#capture-map").bounding_box()
    phone.locator("#capture-map").click(
        position={"x": box["width"] / 2 + dx, "y": box["height"] / 2 + dy}
    )
    expect(phone.locator("#place-status")).to_have_text("Nålen er sat.")
    phone.get_by_text(category, exact=True).click()
    if description:
        phone.get_by_label("Beskrivelse").fill(description)
    if photo:
        phone.get_by_label("Foto").set_input_files(photo)
    phone.get_by_role("button", name="Gem fundet").click()


def _wait_for_count(walk, expected, seconds=10):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if Finding.private_objects.filter(walk=walk).count() == expected:
            return
        time.sleep(0.2)
    assert Finding.private_objects.filter(walk=walk).count() == expected


def _step(phone, finding, status, photo=None, **selects):
    phone.goto(f"/p/amager/walks/findings/{finding.pk}/")
    phone.get_by_label("Ny status").select_option(label=status)
    for label, option in selects.items():
        phone.get_by_label(label).select_option(label=option)
    if photo:
        phone.get_by_label("Foto (valgfrit)").set_input_files(photo)
    phone.get_by_role("button", name="Gem skridtet").click()
    expect(phone.locator("#finding-status")).to_contain_text(status)


def test_a_walk_on_a_phone_from_first_pin_to_protocol(phone, amager, arbejdsgruppe, photos):
    log_in(phone, "arbejdsgruppe")

    # Plan the walk, with a route of three taps on the map.
    phone.goto("/p/amager/walks/")
    phone.get_by_role("link", name="Planlæg en vandring").click()
    phone.get_by_label("Titel").fill("Aftenvandring med beboerne")
    phone.get_by_label("Dato og tidspunkt").fill("2016-10-12T19:00")
    phone.get_by_label("Lys").select_option(label="Mørke")
    route_map = phone.locator("#route-map")
    route_map.scroll_into_view_if_needed()
    box = route_map.bounding_box()
    for dy in (-60, 0, 60):
        route_map.click(position={"x": box["width"] / 2, "y": box["height"] / 2 + dy})
    expect(phone.locator("#route-count")).to_have_text("3 punkter på ruten")
    phone.get_by_role("button", name="Gem").click()
    expect(phone.get_by_role("heading", level=1)).to_have_text("Aftenvandring med beboerne")
    walk = Walk.private_objects.get(title="Aftenvandring med beboerne")
    assert len(walk.route["coordinates"]) == 3

    # Three findings, one with a photo.
    phone.get_by_role("link", name="Tilføj fund på telefonen").click()
    sent = phone.locator("#capture-list li[data-state=sent]")
    _drop_finding(phone, "Belysning", 0, -40, photo=photos["fund"], description="Mørk sti")
    expect(sent).to_have_count(1)
    _drop_finding(phone, "Beplantning", 0, 0)
    expect(sent).to_have_count(2)
    _drop_finding(phone, "Graffiti og hærværk", 0, 40)
    expect(sent).to_have_count(3)
    expect(sent.first).to_contain_text("Fund 1: Belysning – Sendt")
    _wait_for_count(walk, 3)

    # No network: the fourth stays on the phone, then is sent once when the network returns.
    phone.context.set_offline(True)
    _drop_finding(phone, "Affald", 10, 10)
    waiting = phone.locator("#capture-list li[data-state=local]")
    expect(waiting).to_have_count(1)
    expect(waiting).to_contain_text("Gemt på telefonen – sendes når der er net")
    time.sleep(1)
    assert Finding.private_objects.filter(walk=walk).count() == 3
    phone.context.set_offline(False)
    expect(sent).to_have_count(4, timeout=15_000)
    expect(waiting).to_have_count(0)
    _wait_for_count(walk, 4)
    time.sleep(5)  # the retry timer runs again; still one finding each
    assert Finding.private_objects.filter(walk=walk).count() == 4
    first, second, third, fourth = Finding.private_objects.filter(walk=walk).order_by("number")
    assert first.photos.count() == 1 and fourth.category == "litter"

    # Assign the first to 3B.
    _step(phone, first, "Tildelt", **{"Tildel til": "Boligforeningen 3B (3B)"})
    expect(phone.locator("#finding-owner")).to_have_text("3B")

    # The second is paid by the Byrumspulje: a grant and its expense in the pools module.
    grant, expense = byrumspulje_grant(amager, arbejdsgruppe, title="Beskæring ved stien")
    phone.goto(f"/p/amager/walks/findings/{second.pk}/edit/")
    phone.get_by_label("Ansvarlig (valgfrit)").select_option(label="Kommunen")
    phone.get_by_label("Ansvarlig enhed").select_option(label="Teknik- og Miljøforvaltningen (TMF)")
    phone.get_by_label("Bevilling fra puljen").select_option(value=str(grant.pk))
    phone.get_by_label("Udgift").select_option(value=str(expense.pk))
    phone.get_by_role("button", name="Gem").click()
    expect(phone.locator("#finding-funding")).to_contain_text("Byrumspuljen – Beskæring ved stien")

    # Both fixed, each with an after-photo.
    _step(phone, first, "Udbedret", photo=photos["efter1"])
    _step(phone, second, "Udbedret", photo=photos["efter2"])
    expect(phone.get_by_role("img", name="Foto: Efter")).to_be_visible()
    second.refresh_from_db()
    assert second.grant == grant and second.expense == expense and second.status == "fixed"

    # The protocol lists all four with the right owners.
    response = phone.request.get(f"/p/amager/walks/{walk.pk}/protocol.pdf")
    assert response.ok
    text = "\n".join(p.extract_text() for p in PdfReader(io.BytesIO(response.body())).pages)
    for number, title in (
        (1, "Belysning"),
        (2, "Beplantning"),
        (3, "Graffiti og hærværk"),
        (4, "Affald"),
    ):
        assert f"Fund {number}: {title}" in text
    owners = re.findall(r"Ansvarlig: (.+)", text)
    assert owners == ["3B", "TMF", "Ikke afklaret", "Ikke afklaret"]

    # The map shows the two fixed in green with a "U", the two new in red with an "N".
    phone.goto(f"/p/amager/walks/map/?walk={walk.pk}")
    pins = phone.locator(".leaflet-marker-pane .walk-pin")
    expect(pins).to_have_count(4)
    fixed = phone.locator('.leaflet-marker-pane .walk-pin[data-status="fixed"]')
    new = phone.locator('.leaflet-marker-pane .walk-pin[data-status="new"]')
    expect(fixed).to_have_count(2)
    expect(new).to_have_count(2)
    expect(fixed.first).to_have_text("U")
    expect(fixed.first).to_have_css("background-color", FIXED_GREEN)
    expect(new.first).to_have_css("background-color", NEW_RED)


SHOWN = """(expected) => {
  const pins = [...document.querySelectorAll(".leaflet-marker-pane .walk-pin")];
  const total = pins.reduce((sum, pin) => sum + (pin.classList.contains("walk-pin--cluster")
    ? Number(pin.textContent) : 1), 0);
  return total === expected;
}"""


def test_residents_see_public_findings_only_on_the_map_without_tiles(page, amager, plan2016):
    """The map shows the current plan year's public findings (`lib.years`), grouped in
    numbered clusters when far out: the singles and the clusters' numbers add up."""
    from django.utils import timezone

    from trygplan.lib.years import current_year
    from trygplan.walks.demo import load_demo

    load_demo(partnership=amager, plan=plan2016)
    walks = Walk.private_objects.for_partnership(amager)
    year = current_year({d.year for d in walks.dates("starts_at", "year")}, timezone.localdate())
    shown = Finding.public_objects.for_partnership(amager).filter(walk__starts_at__year=year)
    police_only = Finding.private_objects.for_partnership(amager).filter(visibility="police_only")
    assert police_only.exists() and shown.count() > 1

    page.goto("/p/amager/walks/map/")
    expect(page.get_by_role("heading", level=1)).to_have_text(
        "Kort over fund fra tryghedsvandringer"
    )
    expect(page.locator(".leaflet-overlay-pane path")).to_have_count(1)  # the area, no tiles
    expect(page.locator(".leaflet-tile")).to_have_count(0)
    page.wait_for_function(SHOWN, arg=shown.count())
    for finding in police_only:
        expect(page.locator(f'tr[data-finding="{finding.pk}"]')).to_have_count(0)
    expect(page.get_by_text("Opdigtede demodata").first).to_be_visible()

    page.get_by_label("Status").select_option(label="Udbedret")
    page.get_by_role("button", name="Vis").click()
    page.wait_for_function(SHOWN, arg=shown.filter(status="fixed").count())

    single = ".leaflet-marker-pane .leaflet-marker-icon:has(.walk-pin:not(.walk-pin--cluster))"
    page.locator(single).last.click(force=True)
    expect(page.locator(".leaflet-popup-content")).to_contain_text("Udbedret")

    response = page.request.get("/p/amager/walks/findings.geojson")
    statuses = {f["properties"]["id"] for f in response.json()["features"]}
    assert not statuses & {f.pk for f in police_only}
