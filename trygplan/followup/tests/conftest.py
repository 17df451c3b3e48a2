"""Follow-up fixtures: the module's demo data on top of the seed's 2016 plan."""

import pytest

from trygplan.followup.demo import load_demo
from trygplan.followup.models import Indicator, Submission


@pytest.fixture
def followup(amager, plan2016):
    """Indicators, values 2014-2016, progress, events and reporters (partner reports for SSP)."""
    load_demo(partnership=amager, plan=plan2016)
    return amager


@pytest.fixture
def ssp_cases(followup):
    return Indicator.objects.get(partnership=followup, key="ssp-enkeltsager")


@pytest.fixture
def draft_submission(followup, partner):
    """SSP's draft for 2017, the partner's organisation."""
    return Submission.objects.create(
        partnership=followup,
        organisation=Indicator.objects.get(key="ssp-enkeltsager").reported_by,
        year=2017,
    )
