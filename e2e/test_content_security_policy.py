"""Every main page, its maps and its scripts, under the real Content-Security-Policy (no
'unsafe-inline'): the browser reports no `securitypolicyviolation` and logs no console
error, anonymous and as the coordinator, on a desktop and a phone.

The pages are those of the accessibility check (e2e/test_accessibility.py) plus the ones
with forms and scripts of their own (walk capture, the walk form, editing a budget line).
As there, the full demo is loaded once and every page visited up front.
"""

import pytest
from django.core.management import call_command

from .conftest import log_in
from .test_accessibility import PAGES as ACCESSIBILITY_PAGES
from .test_accessibility import page_ids

pytestmark = pytest.mark.browser

PAGES = [
    *ACCESSIBILITY_PAGES,
    ("walk capture", "/p/amager/walks/{walk}/capture/", "koordinator"),
    ("walk form", "/p/amager/walks/{walk}/edit/", "koordinator"),
    ("findings follow-up report", "/p/amager/walks/report/", "koordinator"),
    ("events", "/p/amager/followup/events/", "all"),
    ("draft activity", "/p/amager/plans/2017/activities/ung-i-job/", "koordinator"),
    ("budget line", "/p/amager/plans/2017/activities/ung-i-job/budget/new/", "koordinator"),
    ("login", "/accounts/login/", "anonymous"),
]
ROLES = ["anonymous", "koordinator"]

# Violations we know of and have passed on, each with its reason: {(directive, sample
# prefix): reason}. A page with only these passes; anything else fails.
KNOWN: dict = {}  # (the charts' style attribute went with the new drawing module)

LISTEN = """
window.__cspViolations = [];
document.addEventListener("securitypolicyviolation", (event) => {
  window.__cspViolations.push({
    directive: event.effectiveDirective || event.violatedDirective,
    blocked: event.blockedURI, sample: event.sample || "",
    source: event.sourceFile + ":" + event.lineNumber,
  });
});
"""


def _visit(page, url, errors):
    errors.clear()
    response = page.goto(url)
    page.wait_for_load_state("networkidle")
    page.wait_for_timeout(150)  # late fetches (map data) and their handlers
    return {
        "status": response.status if response else 0,
        "headers": response.headers if response else {},
        "violations": page.evaluate("window.__cspViolations || []"),
        "errors": list(errors),
    }


def _context(browser, base_url, *, phone):
    options = {"base_url": base_url, "locale": "da-DK"}
    if phone:
        options.update(viewport={"width": 390, "height": 844}, is_mobile=True, has_touch=True)
    context = browser.new_context(**options)
    context.set_default_timeout(10_000)
    context.add_init_script(LISTEN)
    return context


def _visible(who, role):
    return who == "all" or who == role


@pytest.fixture(scope="module")
def visits(browser, live_server, django_db_setup, django_db_blocker):
    """{(page name, role, viewport): what the browser saw} for every page."""
    from django.contrib.auth import get_user_model

    from trygplan.demo.services import demo_load
    from trygplan.plans.models import Plan
    from trygplan.plans.services import plan_create_next_year

    results = {}
    with django_db_blocker.unblock():
        demo_load(reset=True)  # the session's seed has no walks: the whole demo
        ids = page_ids()
        plans = Plan.private_objects.filter(partnership__slug="amager")
        if not plans.filter(year=2017).exists():  # a draft, for the pages that edit one
            plan_create_next_year(
                plan=plans.get(year=2016),
                user=get_user_model().objects.get(username="arbejdsgruppe"),
            )
        try:
            for phone in (False, True):
                for role in ROLES:
                    context = _context(browser, live_server.url, phone=phone)
                    page = context.new_page()
                    errors = []
                    page.on(
                        "console",
                        lambda message, errors=errors: (
                            message.type == "error" and errors.append(message.text)
                        ),
                    )
                    page.on("pageerror", lambda error, errors=errors: errors.append(str(error)))
                    page.on(
                        "response",
                        lambda response, errors=errors: (
                            response.status >= 400
                            and not response.url.endswith("/favicon.ico")
                            and errors.append(f"HTTP {response.status}: {response.url}")
                        ),
                    )
                    if role != "anonymous":
                        log_in(page, role)
                    for name, url, who in PAGES:
                        if _visible(who, role):
                            key = (name, role, "phone" if phone else "desktop")
                            results[key] = _visit(page, url.format(**ids), errors)
                    context.close()
        finally:
            call_command("flush", interactive=False, verbosity=0)
    return results


def _is_known(violation) -> bool:
    return any(
        violation["directive"] == directive and violation["sample"].startswith(prefix)
        for directive, prefix in KNOWN
    )


def _cases():
    for viewport in ("desktop", "phone"):
        for name, _url, who in PAGES:
            for role in ROLES:
                if _visible(who, role):
                    yield pytest.param(name, role, viewport, id=f"{name}-{role}-{viewport}")


@pytest.mark.parametrize(("name", "role", "viewport"), list(_cases()))
def test_the_page_passes_the_content_security_policy(visits, name, role, viewport):
    seen = visits[(name, role, viewport)]
    where = f"{name} as {role} ({viewport})"
    assert seen["status"] == 200, f"{where}: HTTP {seen['status']}"
    assert "unsafe-inline" not in seen["headers"]["content-security-policy"]
    violations = [v for v in seen["violations"] if not _is_known(v)]
    assert not violations, f"{where}: CSP violations\n" + "\n".join(
        f"- {v['directive']}: {v['blocked']} {v['sample']!r} at {v['source']}" for v in violations
    )
    # Chrome also logs each violation; those of known violations are not new errors.
    # Failed loads are collected with their address from the responses instead (the browser's
    # own /favicon.ico is not one of ours).
    only_known = all(_is_known(v) for v in seen["violations"])
    errors = [
        e
        for e in seen["errors"]
        if not (only_known and "inline style" in e) and not e.startswith("Failed to load resource")
    ]
    assert not errors, f"{where}: console errors\n" + "\n".join(f"- {e}" for e in errors)


def test_a_violation_would_be_seen(browser, live_server, transactional_db):
    """The listener works: an inline style attribute added by a script is reported."""
    context = _context(browser, live_server.url, phone=False)
    page = context.new_page()
    page.goto("/")
    page.evaluate("document.body.insertAdjacentHTML('beforeend', '<p style=\"color:red\">x</p>')")
    page.wait_for_timeout(100)
    violations = page.evaluate("window.__cspViolations")
    context.close()
    assert [v["directive"] for v in violations] == ["style-src-attr"]
