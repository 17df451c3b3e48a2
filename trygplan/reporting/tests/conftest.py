"""Reporting fixtures: the seed's 2016 plan, SSP's reporter (the demo user `partner`), the
2016 pools, and rounds made through the services."""

import datetime

import pytest

from trygplan.followup.models import Reporter
from trygplan.partnerships.models import Organisation
from trygplan.pools.demo import standard_pools
from trygplan.pools.services import pools_create_year
from trygplan.reporting import services
from trygplan.reporting.models import ReportPart, ReportRound


@pytest.fixture(autouse=True)
def media_root(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"


@pytest.fixture
def ssp(amager):
    return Organisation.objects.get(key="ssp")


@pytest.fixture
def reporter(amager, partner, ssp):
    """The demo user `partner` reports for SSP København (as in the follow-up demo)."""
    Reporter.objects.create(user=partner, partnership=amager, organisation=ssp)
    return partner


@pytest.fixture
def pools2016(amager, plan2016):
    return pools_create_year(partnership=amager, year=2016, templates=standard_pools())


@pytest.fixture
def midyear(amager, plan2016, koordinator, reporter) -> ReportRound:
    return services.round_open(
        partnership=amager,
        year=2016,
        kind="midyear",
        deadline=datetime.date(2016, 8, 15),
        user=koordinator,
    )


@pytest.fixture
def ung_i_job(midyear) -> ReportPart:
    return midyear.parts.get(description__key="ung-i-job")


def accept_all(round_, user, *, text="Aktiviteten går som planlagt.") -> None:
    """Every part of the round written, submitted and accepted (by the coordinator)."""
    for part in round_.parts.all():
        if part.status == ReportPart.Status.ACCEPTED:
            continue
        if part.status == ReportPart.Status.DRAFT:
            part.status_text = part.status_text or text
            part.save(update_fields=["status_text"])
            services.part_transition(part=part, action="submit", user=user)
        services.part_transition(part=part, action="accept", user=user)


@pytest.fixture
def sent_midyear(midyear, koordinator, arbejdsgruppe) -> ReportRound:
    accept_all(midyear, koordinator)
    ReportRound.private_objects.filter(pk=midyear.pk).update(
        summary="Halvåret er gået godt.", internal_note="Intern note om budgettet."
    )
    return services.round_transition(
        round_=ReportRound.private_objects.get(pk=midyear.pk),
        action="recommend",
        user=arbejdsgruppe,
    )
