"""Accessibility and phone pass: axe-core (WCAG 2.1 A/AA) finds no serious or critical
violations on the key pages, anonymous and as the coordinator, and no page scrolls sideways
on a phone (tables scroll inside their own .table--responsive-scroll wrapper).

The full demo (every module's invented data) is loaded once for the module and every page is
checked once per role in one browser context per role (desktop anonymous, desktop coordinator,
phone anonymous, phone coordinator); the parametrised tests then assert on those findings.
Loading the demo per test would take minutes. The live server's per-test flush (pytest-django
wraps every live-server test in `transactional_db`) empties the database after the first test,
which is why the pages are visited up front.

axe-core is vendored test-only in e2e/vendor (see VERSIONS.txt); it is never served.
"""

import pytest
from django.core.management import call_command

from .conftest import inject_axe, log_in

pytestmark = pytest.mark.browser

WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
BLOCKING = {"serious", "critical"}

# (name, url, who can see it). URLs with "{walk}", "{finding}" (a public finding a grant paid
# for) and "{application}" (that grant's application) are filled in after the demo is loaded.
PAGES = [
    ("front page", "/", "all"),
    ("start page", "/start/", "koordinator"),
    ("partnership home", "/p/amager/", "all"),
    ("organisation", "/p/amager/organisation/", "all"),
    ("plan overview 2016", "/p/amager/plans/2016/", "all"),
    ("activity", "/p/amager/plans/2016/activities/ung-i-job/", "all"),
    ("theory of change", "/p/amager/plans/2016/theory-of-change/", "all"),
    ("print-friendly plan", "/p/amager/plans/2016/document.html", "all"),
    ("pools index", "/p/amager/pools/", "all"),
    ("public pool page", "/p/amager/pools/2016/urban_space/", "all"),
    ("public application form", "/p/amager/pools/2016/urban_space/apply/", "all"),
    ("walks public map", "/p/amager/walks/map/", "all"),
    ("walk list", "/p/amager/walks/", "koordinator"),
    ("walk page", "/p/amager/walks/{walk}/", "koordinator"),
    ("walk capture page", "/p/amager/walks/{walk}/capture/", "koordinator"),
    ("finding page", "/p/amager/walks/findings/{finding}/", "all"),
    ("grant's application page", "/p/amager/pools/applications/{application}/", "koordinator"),
    ("follow-up index", "/p/amager/followup/", "all"),
    ("indicator", "/p/amager/followup/indicators/ssp-enkeltsager/", "all"),
    ("status board", "/p/amager/followup/2016/status/", "all"),
    ("events", "/p/amager/followup/events/?aar=2016", "all"),
    ("magazine", "/p/amager/magazine/", "all"),
    ("magazine issue", "/p/amager/magazine/2016/2/", "all"),
    ("new magazine issue", "/p/amager/magazine/issues/new/", "koordinator"),
    ("footnotes", "/p/amager/plans/2016/footnotes/", "koordinator"),
    ("follow-up setup", "/p/amager/followup/setup/", "koordinator"),
    ("theory of change editor", "/p/amager/plans/theory-of-change/", "koordinator"),
    ("reports to the steering group", "/p/amager/reporting/", "koordinator"),
    ("city overview", "/sikker-by/", "all"),
]
ROLES = ["anonymous", "koordinator"]

# Known violations we accept for now, each with its reason (none at present):
# {(check, page name, viewport): reason}; such cases are marked xfail.
KNOWN: dict = {}

RUN_AXE = """
async (tags) => {
  const results = await axe.run(document, {runOnly: {type: "tag", values: tags}});
  return results.violations.map(v => ({
    id: v.id, impact: v.impact, help: v.help, count: v.nodes.length,
    target: v.nodes.length ? v.nodes[0].target.join(" ") : "",
  }));
}
"""
# A phone browser zooms a too-wide page out (window.innerWidth grows with it), so the window
# is measured as the smaller of innerWidth and the layout viewport (documentElement.clientWidth).
SCROLL = """
() => {
  const width = Math.min(window.innerWidth, document.documentElement.clientWidth);
  return {scrollWidth: document.documentElement.scrollWidth, innerWidth: width,
        widest: [...document.querySelectorAll("body *")]
          .filter(el => el.getBoundingClientRect().right > width + 1
                        && getComputedStyle(el).position !== "fixed"
                        && (!el.closest(".table--responsive-scroll, .doc-table-scroll")
                            || getComputedStyle(el).position === "absolute"))
          .slice(0, 3).map(el => el.tagName.toLowerCase() + (el.id ? "#" + el.id : "")
                          + (el.className && typeof el.className === "string"
                             ? "." + el.className.trim().split(/\\s+/).join(".") : ""))};
}
"""


def _context(browser, base_url, *, phone):
    options = {"base_url": base_url, "locale": "da-DK"}
    if phone:  # as e2e/conftest.py's `phone` fixture
        options.update(viewport={"width": 390, "height": 844}, is_mobile=True, has_touch=True)
    context = browser.new_context(**options)
    context.set_default_timeout(10_000)
    return context


def _visit(page, url):
    response = page.goto(url)
    page.wait_for_load_state("networkidle")
    return response.status if response else 0


def page_ids() -> dict:
    """What fills the PAGES' placeholders, once the demo is loaded."""
    from trygplan.walks.models import Finding, Walk

    walk = Walk.private_objects.filter(partnership__slug="amager").order_by("-starts_at").first()
    paid = (
        Finding.public_objects.filter(walk__partnership__slug="amager", grant__isnull=False)
        .select_related("grant")
        .first()
    )
    return {
        "walk": walk.pk if walk else 0,
        "finding": paid.pk if paid else 0,
        "application": paid.grant.application_id if paid else 0,
    }


@pytest.fixture(scope="module")
def findings(browser, live_server, django_db_setup, django_db_blocker):
    """{(page name, role, "desktop" | "phone"): {status, violations, width}} for every page."""
    from trygplan.demo.services import demo_load

    results = {}
    with django_db_blocker.unblock():
        demo_load(reset=True)  # the full demo (the test database holds only the seed)
        ids = page_ids()
        try:
            for phone in (False, True):
                for role in ROLES:
                    context = _context(browser, live_server.url, phone=phone)
                    page = context.new_page()
                    if role != "anonymous":
                        log_in(page, role)
                    for name, url, who in PAGES:
                        if who != "all" and who != role:
                            continue
                        status = _visit(page, url.format(**ids))
                        inject_axe(page)
                        results[(name, role, "phone" if phone else "desktop")] = {
                            "status": status,
                            "violations": page.evaluate(RUN_AXE, WCAG_TAGS),
                            "width": page.evaluate(SCROLL),
                        }
                    context.close()
        finally:
            call_command("flush", interactive=False, verbosity=0)
    return results


def _cases(check, *, viewports):
    for viewport in viewports:
        for name, _url, who in PAGES:
            for role in ROLES:
                if who != "all" and who != role:
                    continue
                reason = KNOWN.get((check, name, viewport))
                marks = [pytest.mark.xfail(strict=False, reason=reason)] if reason else []
                yield pytest.param(
                    name, role, viewport, id=f"{name}-{role}-{viewport}", marks=marks
                )


@pytest.mark.parametrize(
    ("name", "role", "viewport"), list(_cases("axe", viewports=["desktop", "phone"]))
)
def test_the_page_has_no_serious_accessibility_violations(findings, name, role, viewport):
    found = findings[(name, role, viewport)]
    where = f"{name} as {role} ({viewport})"
    assert found["status"] == 200, f"{where}: HTTP {found['status']}"
    blocking = [v for v in found["violations"] if v["impact"] in BLOCKING]
    assert not blocking, f"{where}: axe found\n" + "\n".join(
        f"- {v['id']} ({v['impact']}, {v['count']}×): {v['help']} — first: {v['target']}"
        for v in blocking
    )


@pytest.mark.parametrize(("name", "role", "viewport"), list(_cases("scroll", viewports=["phone"])))
def test_the_page_does_not_scroll_sideways_on_a_phone(findings, name, role, viewport):
    found = findings[(name, role, viewport)]
    measured = found["width"]
    assert found["status"] == 200, f"{name} as {role} on a phone: HTTP {found['status']}"
    assert measured["scrollWidth"] <= measured["innerWidth"], (
        f"{name} as {role} on a phone: the page is {measured['scrollWidth']}px wide in a "
        f"{measured['innerWidth']}px window; sticking out: {', '.join(measured['widest'])}"
    )
