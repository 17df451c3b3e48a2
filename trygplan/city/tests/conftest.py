"""Partnerships made in bulk for the city overview's tests (plain ORM, deterministic)."""

import datetime
import uuid

import pytest

from trygplan.followup.models import Indicator, IndicatorValue, Submission
from trygplan.partnerships.models import Organisation, Partnership
from trygplan.plans.models import (
    Activity,
    ActivityDescription,
    BudgetLine,
    Deliverable,
    Effect,
    Plan,
)
from trygplan.pools.models import Pool
from trygplan.walks.models import Finding, Walk


def _square(n: int) -> dict:
    lon, lat = 12.50 + (n % 10) * 0.01, 55.65 + (n // 10) * 0.005
    ring = [
        [lon, lat],
        [lon + 0.004, lat],
        [lon + 0.004, lat + 0.003],
        [lon, lat + 0.003],
        [lon, lat],
    ]
    return {"type": "Polygon", "coordinates": [ring]}


def make_partnership(n: int, *, status=Plan.Status.PUBLISHED, year=2016) -> Partnership:
    org = Organisation.objects.get(key="kk")
    partnership = Partnership.objects.create(
        slug=f"bulk-{n}", name=f"Bulk {n:03}", period_start=2013, period_end=2019, area=_square(n)
    )
    plan = Plan.private_objects.create(
        partnership=partnership, year=year, title=f"Plan {n} {year}", status=status, frame=100_000
    )
    description = ActivityDescription.objects.create(plan=plan, key="a", title="A")
    Deliverable.objects.create(description=description, text="4 ting", quantity=4, unit="ting")
    activity = Activity.objects.create(
        plan=plan, key="a", number=1, name="A", description=description
    )
    BudgetLine.private_objects.create(activity=activity, year=year, amount=90_000, label="A")
    BudgetLine.private_objects.create(
        activity=activity,
        year=year,
        amount=10_000,
        label="Med",
        source=BudgetLine.Source.CO_FINANCING,
        funder=org,
    )
    walk = Walk.private_objects.create(
        partnership=partnership,
        title="Vandring",
        starts_at=datetime.datetime(year, 5, 1, 18, tzinfo=datetime.UTC),
        light="daylight",
        season="spring",
        status=Walk.Status.WALKED,
    )
    for number, visibility in enumerate(("public", "partnership", "police_only"), start=1):
        Finding.private_objects.create(
            walk=walk,
            number=number,
            client_uuid=uuid.uuid4(),
            lon=12.5 + n * 0.001,
            lat=55.65,
            category="lighting",
            description="Mørkt",
            visibility=visibility,
            deadline=datetime.date(year, 6, 1),
        )
    Pool.private_objects.create(
        partnership=partnership,
        year=year,
        kind="acute",
        activity_key="a",
        purpose="p",
        who_may_apply="w",
    )
    effect = Effect.objects.create(partnership=partnership, number=1, name="Mere tryghed")
    indicator = Indicator.objects.create(
        partnership=partnership,
        key="utryg",
        name="Utrygge",
        effect=effect,
        kind="population",
        definition="d",
        source="partnership",
        reported_by=org,
        unit="procent",
        higher_is_better=False,
    )
    submission = Submission.private_objects.create(
        partnership=partnership, organisation=org, year=year, status="approved"
    )
    IndicatorValue.private_objects.create(submission=submission, indicator=indicator, value=20 + n)
    return partnership


@pytest.fixture
def bulk():
    return make_partnership
