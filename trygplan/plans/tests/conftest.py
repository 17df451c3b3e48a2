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
