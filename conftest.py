"""Shared test fixtures: the Amager demo, and one user per role (plus an outsider)."""

import pytest
from django.contrib.auth import get_user_model

from trygplan.demo.services import demo_load
from trygplan.partnerships.models import Membership, Organisation, Partnership, Role
from trygplan.plans.models import Plan


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):
    """Load the seed's plan once per test database; each test runs in a rolled-back
    transaction on top of it, so a test pays for what it adds, not for the seed."""
    with django_db_blocker.unblock():
        demo_load(extras=False)


@pytest.fixture(autouse=True)
def private_media(settings, tmp_path):
    """Uploads go to a folder of the test's own (TRYGPLAN_PRIVATE_MEDIA_ROOT), never the
    repository's."""
    settings.TRYGPLAN_PRIVATE_MEDIA_ROOT = tmp_path / "private-media"
    return settings.TRYGPLAN_PRIVATE_MEDIA_ROOT


@pytest.fixture
def amager(db):
    """Amager Partnerskab with its published 2016 plan and the demo users.

    Loaded once per session (`django_db_setup`); a transactional test (browser journeys)
    empties the database afterwards, so the loader runs again where the seed is gone.
    """
    partnership, _ = demo_load(extras=False)
    return partnership


@pytest.fixture
def empty_db(db):
    """A database without the session's seed, for tests of loading it."""
    Plan.private_objects.all().delete()  # plans first: descriptions protect focus areas
    Partnership.objects.all().delete()
    get_user_model().objects.all().delete()
    Organisation.objects.update(parent=None)
    Organisation.objects.all().delete()


@pytest.fixture
def plan2016(amager):
    return Plan.private_objects.get(partnership=amager, year=2016)


def _user(username):
    return get_user_model().objects.get(username=username)


@pytest.fixture
def koordinator(amager):
    return _user("koordinator")


@pytest.fixture
def arbejdsgruppe(amager):
    return _user("arbejdsgruppe")


@pytest.fixture
def styregruppe(amager):
    return _user("styregruppe")


@pytest.fixture
def partner(amager):
    return _user("partner")


@pytest.fixture
def city_admin(amager):
    return _user("admin")


@pytest.fixture
def tingbjerg(db):
    return Partnership.objects.create(
        slug="tingbjerg", name="Tingbjerg Partnerskab", period_start=2013, period_end=2016
    )


@pytest.fixture
def outsider(tingbjerg):
    """A working-group member of another partnership."""
    user = get_user_model().objects.create_user("tingbjerg-ag", password="x")
    Membership.objects.create(user=user, partnership=tingbjerg, role=Role.WORKING_GROUP)
    return user


@pytest.fixture
def draft2017(plan2016, arbejdsgruppe):
    """A draft plan for 2017 made from the 2016 plan."""
    from trygplan.plans.services import plan_create_next_year

    return plan_create_next_year(plan=plan2016, user=arbejdsgruppe)


# The fuzz tests' counts (trygplan/core/tests/fuzzing.py STATS) travel on each test's report,
# so the summary adds them up whether the tests ran here or in pytest-xdist's workers.
_FUZZ_SNAPSHOTS: dict[str, dict] = {}


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_makereport(item, call):
    outcome = yield
    if call.when != "teardown":
        return
    import os
    import sys

    fuzzing = sys.modules.get("trygplan.core.tests.fuzzing")
    if fuzzing and fuzzing.STATS:
        worker = os.environ.get("PYTEST_XDIST_WORKER", "main")
        snapshot = {"stats": fuzzing.STATS, "examples": fuzzing.EXAMPLES}
        outcome.get_result().user_properties.append(("fuzz", (worker, snapshot)))


def pytest_runtest_logreport(report):
    for key, value in report.user_properties:
        if key == "fuzz":
            worker, snapshot = value
            _FUZZ_SNAPSHOTS[worker] = snapshot


def pytest_terminal_summary(terminalreporter):
    """After fuzz tests: cases, server errors and time, per fuzzed door and in all."""
    ran, examples = {}, 0
    for snapshot in _FUZZ_SNAPSHOTS.values():
        examples = snapshot["examples"]
        for name, stats in snapshot["stats"].items():
            if stats["cases"]:
                ran[name] = stats
    if not ran:
        return
    terminalreporter.section("fuzz")
    total_cases = total_errors = 0
    for name, stats in sorted(ran.items()):
        total_cases += stats["cases"]
        total_errors += stats["server_errors"]
        terminalreporter.write_line(
            f"{name}: {stats['cases']} cases, {stats['server_errors']} server errors, "
            f"{stats['seconds']:.1f} s"
        )
    terminalreporter.write_line(
        f"fuzz total: {total_cases} cases, {total_errors} server errors "
        f"(FUZZ_EXAMPLES={examples} per test)"
    )
