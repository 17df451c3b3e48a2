"""Fixtures for the plans module: a 2017 draft in each approval state."""

import datetime

import pytest

from trygplan.plans import services


@pytest.fixture
def recommended2017(draft2017, arbejdsgruppe):
    return services.plan_recommend(plan=draft2017, user=arbejdsgruppe)


@pytest.fixture
def decided2017(recommended2017, styregruppe):
    return services.plan_decide(plan=recommended2017, user=styregruppe)


@pytest.fixture
def approved2017(decided2017, koordinator):
    return services.plan_approve(
        plan=decided2017,
        user=koordinator,
        date=datetime.date(2017, 2, 7),
        reference="2017-0012345",
    )


@pytest.fixture
def published2017(approved2017, koordinator):
    return services.plan_publish(plan=approved2017, user=koordinator)


@pytest.fixture
def valby(amager, koordinator, arbejdsgruppe, styregruppe, partner):
    """A new partnership whose theory of change is still open (its only plan is a draft),
    with the demo users in the same roles as in Amager."""
    from trygplan.partnerships.models import Membership, Partnership
    from trygplan.plans.models import Effect, FocusArea, Plan, Result

    partnership = Partnership.objects.create(
        slug="valby", name="Valby Partnerskab", period_start=2017, period_end=2020
    )
    for user, role in [
        (koordinator, "coordinator"),
        (arbejdsgruppe, "working_group"),
        (styregruppe, "steering_group"),
        (partner, "partner"),
    ]:
        Membership.objects.create(user=user, partnership=partnership, role=role)
    safety = Effect.objects.create(partnership=partnership, number=1, name="Øget tryghed")
    crime = Effect.objects.create(partnership=partnership, number=2, name="Mindre kriminalitet")
    charges = Result.objects.create(partnership=partnership, number=1, name="Færre sigtelser")
    charges.effects.set([crime])
    dialogue = Result.objects.create(partnership=partnership, number=2, name="Mere dialog")
    dialogue.effects.set([safety])
    FocusArea.objects.create(
        partnership=partnership, number=1, short_name="Dialog", name="Dialog og omdømme"
    )
    Plan.private_objects.create(partnership=partnership, year=2017, title="Tryghedsplan 2017")
    return partnership
