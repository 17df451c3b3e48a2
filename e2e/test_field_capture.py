"""Issue 17's walk on a phone that a person can trust: findings captured without network
survive a reload without network (the service worker keeps the page), one the server refuses
stays on the phone until it is fixed, each is saved once; re-rating on the next walk fits
a 360 px screen."""

import datetime
import time

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from trygplan.walks.models import Finding, ReRating, Walk
from trygplan.walks.tests.conftest import ROUTE, jpeg_bytes, make_finding

from .conftest import log_in

pytestmark = pytest.mark.browser
WIDTH = 360


@pytest.fixture
def small_phone(browser, live_server, transactional_db, settings, tmp_path):
    """A 360 px wide phone (the narrowest we promise), with touch."""
    settings.MEDIA_ROOT = tmp_path / "media"
    context = browser.new_context(
        base_url=live_server.url,
        locale="da-DK",
        viewport={"width": WIDTH, "height": 740},
        is_mobile=True,
        has_touch=True,
    )
    context.set_default_timeout(10_000)
    page = context.new_page()
    yield page
    context.close()


def _walk(amager, title, day, **extra) -> Walk:
    return Walk.private_objects.create(
        partnership=amager,
        title=title,
        starts_at=timezone.make_aware(datetime.datetime(*day, 19, 0)),
        light=Walk.Light.DARK,
        season=Walk.Season.AUTUMN,
        route=ROUTE,
        status=Walk.Status.WALKED,
        **extra,
    )


def _drop(page, category, dy, description="", photo=None):
    capture_map = page.locator("#capture-map")
    box = capture_map.bounding_box()
    capture_map.click(position={"x": box["width"] / 2, "y": box["height"] / 2 + dy})
    page.get_by_text(category, exact=True).click()
    if description:
        page.get_by_label("Beskrivelse").fill(description)
    if photo:
        page.locator("#id_photo").set_input_files(photo)
    page.get_by_role("button", name="Gem fundet").click()


def _count(walk, expected, seconds=15):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if Finding.private_objects.filter(walk=walk).count() == expected:
            break
        time.sleep(0.2)
    return Finding.private_objects.filter(walk=walk).count()


def _fits(page):
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= WIDTH, f"the page scrolls sideways: {width} px on a {WIDTH} px screen"


def test_offline_findings_survive_a_reload_and_a_refusal_and_are_saved_once(
    small_phone, amager, arbejdsgruppe, tmp_path
):
    page = small_phone
    walk = _walk(amager, "Aftenvandring i Urbanplanen", (2016, 10, 12))
    not_a_photo = tmp_path / "lampe.jpg"
    not_a_photo.write_bytes(b"this is not an image at all")
    good_photo = tmp_path / "lampe2.jpg"
    good_photo.write_bytes(jpeg_bytes())
    log_in(page, "arbejdsgruppe")
    page.goto(f"/p/amager/walks/{walk.pk}/capture/")
    # The service worker is in charge of the page before the network goes.
    assert page.evaluate("navigator.serviceWorker.ready.then(() => true)")
    page.reload()
    assert page.evaluate("navigator.serviceWorker.controller !== null")
    _fits(page)

    page.context.set_offline(True)
    _drop(page, "Belysning", -30, description="Mørk sti ved Remiseparken", photo=str(not_a_photo))
    _drop(page, "Beplantning", 30, description="Høje buske")
    waiting = page.locator("#capture-list li[data-state=local]")
    expect(waiting).to_have_count(2)

    # A reload without network: the page comes from the phone, the two still wait.
    response = page.reload()
    assert response.from_service_worker
    expect(page.get_by_role("heading", level=1)).to_have_text("Nyt fund")
    expect(waiting).to_have_count(2)
    expect(waiting.first).to_contain_text("Gemt på telefonen – sendes når der er net")
    assert Finding.private_objects.filter(walk=walk).count() == 0

    # The network returns: one is saved, the other refused (the "photo" is not an image).
    page.context.set_offline(False)
    sent = page.locator("#capture-list li[data-state=sent]")
    refused = page.locator("#capture-list li[data-state=failed]")
    expect(sent).to_have_count(1, timeout=15_000)
    expect(refused).to_have_count(1)
    expect(refused).to_contain_text("Ikke gemt:")
    expect(refused).to_contain_text("Ret det og gem det igen")
    assert _count(walk, 1) == 1

    # Fix it: the text and the photo come back into the form; a good photo, and it is saved.
    refused.get_by_role("button", name="Ret fundet").click()
    expect(page.get_by_label("Beskrivelse")).to_have_value("Mørk sti ved Remiseparken")
    assert page.evaluate("document.getElementById('id_photo').files.length") == 1
    expect(page.locator("#category-lighting")).to_be_checked()
    page.locator("#id_photo").set_input_files(str(good_photo))
    page.get_by_role("button", name="Gem fundet").click()
    expect(sent).to_have_count(2, timeout=15_000)
    expect(refused).to_have_count(0)
    assert _count(walk, 2) == 2
    time.sleep(5)  # the retry timer runs again: still one of each
    findings = Finding.private_objects.filter(walk=walk).order_by("number")
    assert sorted(f.description for f in findings) == ["Høje buske", "Mørk sti ved Remiseparken"]
    assert Finding.private_objects.get(walk=walk, category="lighting").photos.count() == 1


def test_re_rating_on_the_next_walk_and_a_follow_up_step_fit_360_px(
    small_phone, amager, arbejdsgruppe
):
    page = small_phone
    first = _walk(amager, "Aftenvandring i Urbanplanen", (2016, 10, 12))
    earlier = make_finding(first, 1, place="Stien ved Remiseparken med de høje buske")
    make_finding(first, 2, place="Kælderskakten")
    later = _walk(amager, "Opfølgende vandring i Urbanplanen", (2017, 4, 20))
    log_in(page, "arbejdsgruppe")

    page.goto(f"/p/amager/walks/{later.pk}/")
    card = page.locator(f'#recheck-list li[data-finding="{earlier.pk}"]')
    card.scroll_into_view_if_needed()
    _fits(page)
    save = card.get_by_role("button", name=f"Gem genvurdering af fund {earlier.number}")
    box = save.bounding_box()
    assert box["x"] >= 0 and box["x"] + box["width"] <= WIDTH
    card.get_by_label("Udbedret?").select_option(label="Delvist")
    card.get_by_label("Tryghed (0–3)").select_option("2")
    save.click()
    expect(page.locator(".alert-success")).to_contain_text("Genvurderingen af fund")
    _fits(page)
    rerating = ReRating.objects.get(finding=earlier, walk=later)
    assert (rerating.fixed, rerating.feeling) == ("partly", 2)
    expect(page.locator(f'#recheck-list li[data-finding="{earlier.pk}"]')).to_contain_text(
        "Genvurderet: Delvist, 2/3"
    )

    # The follow-up step on the finding's page fits too, and can be dated to the day of work.
    page.goto(f"/p/amager/walks/findings/{earlier.pk}/")
    _fits(page)
    page.get_by_label("Ny status").select_option(label="Udbedret")
    page.get_by_label("Dato").fill("2016-11-03")
    page.get_by_role("button", name="Gem skridtet").click()
    expect(page.locator("#finding-status")).to_contain_text("Udbedret")
    expect(page.locator("#finding-steps")).to_contain_text("3. november 2016")
    _fits(page)
