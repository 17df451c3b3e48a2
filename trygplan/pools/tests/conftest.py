"""Pools of 2016 for the Amager fixture, and helpers that make cases through the services."""

import datetime
import io
import uuid

import pytest
from PIL import Image

from trygplan.pools import services
from trygplan.pools.demo import standard_pools
from trygplan.pools.models import Application, Pool

S = Application.Status
PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"
# A point inside Urbanplanen and one far outside it (Rådhuspladsen).
INSIDE = (55.655, 12.597)
OUTSIDE = (55.6761, 12.5683)


def png_bytes() -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", (4, 4), "red").save(buffer, format="PNG")
    return buffer.getvalue()


@pytest.fixture(autouse=True)
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    return settings.MEDIA_ROOT


@pytest.fixture
def pools(amager):
    return {
        pool.kind: pool
        for pool in services.pools_create_year(
            partnership=amager, year=2016, templates=standard_pools()
        )
    }


@pytest.fixture
def urban(pools):
    return pools[Pool.Kind.URBAN_SPACE]


@pytest.fixture
def acute(pools):
    return pools[Pool.Kind.ACUTE]


@pytest.fixture
def activities(pools):
    return pools[Pool.Kind.SAFETY_ACTIVITIES]


def submit(pool, *, lines=(("Lamper", 10_000),), title="Lys i passagen", **data) -> Application:
    values = {
        "title": title,
        "purpose": "Nye lamper i passagen.",
        "addresses": "Passagen er mørk.",
        "applicant_name": "Testbeboer Tove",
        "applicant_email": "tove@example.org",
    }
    values.update(data)
    application, _created = services.application_submit(
        pool=pool, data=values, lines=list(lines), files=[], submission_key=uuid.uuid4()
    )
    return application


def advance(application, user, *steps) -> Application:
    for to in steps:
        comment = "Mangler et tilbud." if to in {S.MORE_INFO_REQUESTED, S.REJECTED} else ""
        services.application_transition(application=application, to=to, user=user, comment=comment)
    application.refresh_from_db()
    return application


def recommended(pool, user, **kwargs) -> Application:
    return advance(submit(pool, **kwargs), user, S.SCREENING, S.ASSESSED, S.RECOMMENDED)


def spring_and_autumn(pool, user):
    """A grant in March with expenses in May and October, and a second grant in September."""
    spring = services.grant_create(
        application=recommended(pool, user, title="Lys i passagen"),
        amount=10_000,
        reason="",
        user=user,
        decided_on=datetime.date(2016, 3, 1),
    )
    for day, amount in ((datetime.date(2016, 5, 2), 4_000), (datetime.date(2016, 10, 15), 3_000)):
        services.expense_add(grant=spring, user=user, date=day, amount=amount, supplier="El")
    autumn = services.grant_create(
        application=recommended(pool, user, title="Beskæring ved stien", lines=[("Buske", 5_000)]),
        amount=5_000,
        reason="",
        user=user,
        decided_on=datetime.date(2016, 9, 1),
    )
    return spring, autumn


@pytest.fixture
def application(urban):
    return submit(urban)


@pytest.fixture
def grant(urban, arbejdsgruppe):
    application = recommended(urban, arbejdsgruppe)
    return services.grant_create(
        application=application,
        amount=10_000,
        reason="",
        user=arbejdsgruppe,
        decided_on=datetime.date(2016, 3, 1),
    )
