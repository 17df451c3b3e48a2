"""Fixtures for the notification tests: the pools, a walk and reporters of the Amager fixture,
and `deliver`, which runs the after-commit callbacks (the mails) of a block of work."""

import contextlib
import datetime
import uuid

import pytest
from django.contrib.auth import get_user_model
from django.utils import timezone

from trygplan.followup.models import Reporter
from trygplan.partnerships.models import Membership, Organisation, Role
from trygplan.pools import services as pool_services
from trygplan.pools.demo import standard_pools
from trygplan.pools.models import Application, Pool
from trygplan.walks.models import Finding, Walk

S = Application.Status


@pytest.fixture(autouse=True)
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"


@pytest.fixture
def deliver(django_capture_on_commit_callbacks):
    """`with deliver(): ...` runs the block, then the mails it queued (as after a commit)."""

    @contextlib.contextmanager
    def run():
        with django_capture_on_commit_callbacks(execute=True) as callbacks:
            yield callbacks

    return run


@pytest.fixture
def urban(amager):
    pools = pool_services.pools_create_year(
        partnership=amager, year=2016, templates=standard_pools()
    )
    return next(pool for pool in pools if pool.kind == Pool.Kind.URBAN_SPACE)


def submit(pool, **data) -> Application:
    values = {
        "title": "Lys i passagen",
        "purpose": "Nye lamper i passagen.",
        "addresses": "Passagen er mørk.",
        "applicant_name": "Testbeboer Tove",
        "applicant_email": "tove@example.org",
        **data,
    }
    application, _created = pool_services.application_submit(
        pool=pool, data=values, lines=[("Lamper", 10_000)], files=[], submission_key=uuid.uuid4()
    )
    return application


def advance(application, user, *steps, comment="") -> Application:
    for to in steps:
        pool_services.application_transition(
            application=application, to=to, user=user, comment=comment
        )
    application.refresh_from_db()
    return application


@pytest.fixture
def walk(amager):
    return Walk.private_objects.create(
        partnership=amager,
        title="Aftenvandring i Urbanplanen",
        starts_at=timezone.make_aware(datetime.datetime(2016, 10, 12, 19, 0)),
        light=Walk.Light.DARK,
        season=Walk.Season.AUTUMN,
        status=Walk.Status.WALKED,
    )


def make_finding(walk, number=1, **kwargs) -> Finding:
    values = {
        "walk": walk,
        "number": number,
        "lon": 12.5975,
        "lat": 55.6540,
        "category": Finding.Category.LIGHTING,
        "place": "Stien ved Remiseparken",
        "visibility": Finding.Visibility.PARTNERSHIP,
        **kwargs,
    }
    return Finding.private_objects.create(**values)


@pytest.fixture
def organisation(db):
    return Organisation.objects.create(key="driften-test", short_name="Driften", name="Driften")


def person(username, email, *, partnership=None, role=None):
    user = get_user_model().objects.create_user(username, email=email, password="x")
    if partnership is not None:
        Membership.objects.create(user=user, partnership=partnership, role=role)
    return user


@pytest.fixture
def reporter(amager, organisation):
    user = person("indberetter", "indberetter@example.org", partnership=amager, role=Role.PARTNER)
    Reporter.objects.create(user=user, partnership=amager, organisation=organisation)
    return user


@pytest.fixture
def with_emails(koordinator, styregruppe):
    for user, email in ((koordinator, "koordinator@example.org"), (styregruppe, "sg@example.org")):
        user.email = email
        user.save()
