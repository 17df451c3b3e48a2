"""Granting through the page: the working group; the coordinator's fast track; clear refusals."""

import datetime

import pytest
from django.contrib.auth import get_user_model
from django.utils import timezone

from trygplan.pools.models import Grant

from .conftest import S, recommended, submit


def url(application, suffix=""):
    return f"/p/amager/pools/applications/{application.pk}/grant/{suffix}"


def test_the_working_group_grants_80_percent_with_a_reason(client, urban, arbejdsgruppe):
    application = recommended(urban, arbejdsgruppe)
    client.force_login(arbejdsgruppe)
    page = client.get(url(application)).content.decode()
    assert "Ansøgt: 10.000 kr. · Tilbage i puljen: 100.000 kr." in page
    response = client.post(url(application), {"amount": "8.000", "reason": "Billigere tilbud."})
    assert response.status_code == 302
    grant = Grant.private_objects.get()
    assert (grant.amount, grant.reason) == (8_000, "Billigere tilbud.")


def test_without_a_reason_a_smaller_grant_is_refused(client, urban, arbejdsgruppe):
    application = recommended(urban, arbejdsgruppe)
    client.force_login(arbejdsgruppe)
    response = client.post(url(application), {"amount": "8.000", "reason": ""})
    assert "Skriv en begrundelse, når beløbet er forskelligt fra det ansøgte (10.000 kr.)." in (
        response.content.decode()
    )
    assert not Grant.private_objects.exists()


def test_a_grant_beyond_the_balance_shows_what_is_left(client, urban, arbejdsgruppe, plan2016):
    from trygplan.plans.models import BudgetLine

    BudgetLine.private_objects.filter(activity__key="byrumspulje", year=2016).update(amount=5_000)
    application = recommended(urban, arbejdsgruppe)
    client.force_login(arbejdsgruppe)
    response = client.post(url(application), {"amount": "10.000"})
    assert "Puljen har kun 5.000 kr. tilbage, så 10.000 kr. kan ikke bevilges." in (
        response.content.decode()
    )
    assert not Grant.private_objects.exists()


@pytest.mark.parametrize("username", ["partner", "styregruppe"])
def test_only_the_working_group_grants(client, urban, arbejdsgruppe, username):
    application = recommended(urban, arbejdsgruppe)
    client.force_login(get_user_model().objects.get(username=username))
    assert client.get(url(application)).status_code == 403
    assert client.post(url(application), {"amount": "10.000"}).status_code == 403
    assert not Grant.private_objects.exists()


def test_anonymous_and_other_partnerships_get_404(client, urban, arbejdsgruppe, outsider):
    application = recommended(urban, arbejdsgruppe)
    assert client.post(url(application), {"amount": "10.000"}).status_code == 404
    client.force_login(outsider)
    assert client.post(url(application), {"amount": "10.000"}).status_code == 404


def test_the_coordinator_fast_tracks_an_acute_case_and_the_group_ratifies(
    client, acute, koordinator, arbejdsgruppe
):
    application = submit(acute, lines=[("Vagt", 6_000)])
    client.force_login(koordinator)
    page = client.get(f"/p/amager/pools/applications/{application.pk}/").content.decode()
    assert "Hastebevilling (koordinator)" in page
    client.post(url(application, "?fast=1"), {"amount": "6.000"})
    grant = Grant.private_objects.get()
    assert grant.is_fast_track and grant.awaits_ratification
    application.refresh_from_db()
    assert application.status == S.GRANTED
    client.force_login(arbejdsgruppe)
    client.post(f"/p/amager/pools/grants/{grant.pk}/ratify/")
    grant.refresh_from_db()
    assert grant.ratified_by == arbejdsgruppe


def test_the_partner_cannot_ratify(client, acute, koordinator, partner):
    from trygplan.pools import services

    grant = services.grant_create(
        application=submit(acute, lines=[("Vagt", 6_000)]),
        amount=6_000,
        reason="",
        user=koordinator,
        fast_track=True,
    )
    client.force_login(partner)
    assert client.post(f"/p/amager/pools/grants/{grant.pk}/ratify/").status_code == 403
    assert client.get(f"/p/amager/pools/grants/{grant.pk}/ratify/").status_code == 405


def test_a_grant_names_the_results_it_serves(client, urban, arbejdsgruppe, amager):
    from trygplan.plans.models import Result

    results = list(Result.objects.filter(partnership=amager)[:2])
    application = recommended(urban, arbejdsgruppe)
    client.force_login(arbejdsgruppe)
    client.post(url(application), {"amount": "10.000", "results": [r.pk for r in results]})
    assert list(Grant.private_objects.get().results.all()) == results


def test_cancelling_a_grant_needs_a_reason_and_releases_the_rest(client, urban, arbejdsgruppe):
    from trygplan.pools import services

    application = recommended(urban, arbejdsgruppe)
    grant = services.grant_create(
        application=application, amount=10_000, reason="", user=arbejdsgruppe
    )
    client.force_login(arbejdsgruppe)
    response = client.post(
        f"/p/amager/pools/grants/{grant.pk}/cancel/", {"reason": ""}, follow=True
    )
    assert "Skriv hvorfor bevillingen annulleres." in response.content.decode()
    client.post(f"/p/amager/pools/grants/{grant.pk}/cancel/", {"reason": "Projektet droppet."})
    grant.refresh_from_db()
    application.refresh_from_db()
    assert grant.status == Grant.Status.CANCELLED and application.status == S.CLOSED
    assert urban.balance().available == 100_000


def test_wrong_method(client, urban, arbejdsgruppe):
    application = recommended(urban, arbejdsgruppe)
    client.force_login(arbejdsgruppe)
    assert client.put(url(application)).status_code == 405


def test_the_decision_date_defaults_to_the_pools_last_day_once_its_year_is_over(
    client, urban, arbejdsgruppe
):
    application = recommended(urban, arbejdsgruppe)
    client.force_login(arbejdsgruppe)
    page = client.get(url(application)).content.decode()
    assert "Beslutningsdato" in page and 'value="2016-12-31"' in page
    client.post(url(application), {"amount": "10.000", "decided_on": "2016-04-12"})
    assert Grant.private_objects.get().decided_on == datetime.date(2016, 4, 12)


def test_a_decision_date_in_the_future_is_refused(client, urban, arbejdsgruppe):
    application = recommended(urban, arbejdsgruppe)
    client.force_login(arbejdsgruppe)
    tomorrow = timezone.localdate() + datetime.timedelta(days=1)
    response = client.post(url(application), {"amount": "10.000", "decided_on": tomorrow})
    assert "Beslutningsdatoen kan ikke ligge i fremtiden." in response.content.decode()
    assert not Grant.private_objects.exists()


def test_a_decision_date_outside_the_pools_year_is_refused(client, urban, arbejdsgruppe):
    application = recommended(urban, arbejdsgruppe)
    client.force_login(arbejdsgruppe)
    response = client.post(url(application), {"amount": "10.000", "decided_on": "2015-01-01"})
    assert "Beslutningsdatoen skal ligge i 2016, puljens år" in response.content.decode()
    assert not Grant.private_objects.exists()
