"""services.grant_create: money rules, who may grant, the fast track, and no overdraft."""

import datetime
import threading

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import connection, connections
from django.http import Http404
from django.utils import timezone

from trygplan.audit.display import changes_by_label
from trygplan.audit.models import AuditEntry
from trygplan.pools import services
from trygplan.pools.demo import standard_pools
from trygplan.pools.models import Application, Grant
from trygplan.pools.workflow import APPLICATION

from .conftest import S, recommended, submit


def test_the_working_group_grants_a_recommended_application(urban, arbejdsgruppe):
    application = recommended(urban, arbejdsgruppe)
    grant = services.grant_create(
        application=application, amount=10_000, reason="", user=arbejdsgruppe
    )
    application.refresh_from_db()
    assert application.status == S.GRANTED
    assert grant.amount == 10_000 and grant.granted_by == arbejdsgruppe
    assert APPLICATION.steps(application).last().to_state == S.GRANTED
    entry = AuditEntry.objects.filter(object_id=grant.pk, content_type__model="grant").get()
    assert changes_by_label(entry)["Bevilget beløb (kr.)"] == ["–", "10.000 kr."]
    assert entry.activity_key == "byrumspulje"


def test_a_different_amount_needs_a_reason(urban, arbejdsgruppe):
    application = recommended(urban, arbejdsgruppe)
    with pytest.raises(ValidationError, match="Skriv en begrundelse"):
        services.grant_create(application=application, amount=8_000, reason=" ", user=arbejdsgruppe)
    assert not Grant.private_objects.exists()
    grant = services.grant_create(
        application=application, amount=8_000, reason="Tilbud på 8.000 kr.", user=arbejdsgruppe
    )
    assert grant.reason == "Tilbud på 8.000 kr."


def test_a_grant_larger_than_what_is_left_is_refused(urban, arbejdsgruppe):
    first = recommended(urban, arbejdsgruppe, lines=[("Lys", 50_000)])
    services.grant_create(application=first, amount=50_000, reason="", user=arbejdsgruppe)
    second = recommended(urban, arbejdsgruppe, lines=[("Lys", 50_000)], title="Mere lys")
    services.grant_create(application=second, amount=45_000, reason="Delvist", user=arbejdsgruppe)
    third = recommended(urban, arbejdsgruppe, lines=[("Maling", 6_000)], title="Maling")
    with pytest.raises(ValidationError) as error:
        services.grant_create(application=third, amount=6_000, reason="", user=arbejdsgruppe)
    assert error.value.messages == [
        "Puljen har kun 5.000 kr. tilbage, så 6.000 kr. kan ikke bevilges."
    ]
    third.refresh_from_db()
    assert third.status == S.RECOMMENDED
    assert urban.balance().available == 5_000


def test_a_grant_above_the_pools_maximum_is_refused(activities, arbejdsgruppe):
    application = recommended(activities, arbejdsgruppe, lines=[("Telt", 10_000)])
    with pytest.raises(ValidationError, match="højst 10.000 kr. pr. ansøgning"):
        services.grant_create(
            application=application, amount=12_000, reason="Mere", user=arbejdsgruppe
        )


def test_only_a_recommended_application_is_granted(application, arbejdsgruppe):
    with pytest.raises(ValidationError, match="status “Modtaget” kan ikke bevilges"):
        services.grant_create(application=application, amount=10_000, reason="", user=arbejdsgruppe)


@pytest.mark.parametrize("username", ["partner", "styregruppe", "tingbjerg-ag"])
def test_only_the_working_group_grants(urban, arbejdsgruppe, outsider, username):
    from django.contrib.auth import get_user_model

    application = recommended(urban, arbejdsgruppe)
    user = get_user_model().objects.get(username=username)
    with pytest.raises((PermissionDenied, Http404)):
        services.grant_create(application=application, amount=10_000, reason="", user=user)
    assert not Grant.private_objects.exists()


def test_the_coordinator_grants_from_the_acute_pool_at_once(acute, koordinator, arbejdsgruppe):
    application = submit(acute, lines=[("Vagt", 8_000)])
    grant = services.grant_create(
        application=application, amount=8_000, reason="", user=koordinator, fast_track=True
    )
    assert grant.awaits_ratification
    services.grant_ratify(grant=grant, user=arbejdsgruppe)
    grant.refresh_from_db()
    assert not grant.awaits_ratification and grant.ratified_by == arbejdsgruppe


def test_the_fast_track_stops_at_the_limit(acute, koordinator):
    application = submit(acute, lines=[("Vagt", 12_000)])
    with pytest.raises(ValidationError, match="højst bevilge 10.000 kr. straks"):
        services.grant_create(
            application=application, amount=12_000, reason="", user=koordinator, fast_track=True
        )


def test_the_working_group_member_has_no_fast_track(acute, arbejdsgruppe):
    application = submit(acute, lines=[("Vagt", 5_000)])
    with pytest.raises(PermissionDenied):
        services.grant_create(
            application=application, amount=5_000, reason="", user=arbejdsgruppe, fast_track=True
        )


def test_there_is_no_fast_track_outside_the_acute_pool(urban, koordinator):
    application = submit(urban, lines=[("Lys", 5_000)])
    with pytest.raises(PermissionDenied):
        services.grant_create(
            application=application, amount=5_000, reason="", user=koordinator, fast_track=True
        )


@pytest.mark.django_db(transaction=True)
def test_two_concurrent_grants_cannot_overdraw_the_pool(amager, arbejdsgruppe):
    """Two people grant 60.000 kr. each from the 100.000 kr. pool at the same moment."""
    if connection.vendor == "sqlite":
        pytest.skip("SQLite serialises writes; the row lock is proven on PostgreSQL (CI).")
    [urban, *_] = services.pools_create_year(
        partnership=amager, year=2016, templates=standard_pools()
    )
    urban.max_per_application = None
    urban.save()
    applications = [
        recommended(urban, arbejdsgruppe, lines=[("Lys", 60_000)], title=f"Lys {n}") for n in (1, 2)
    ]
    barrier = threading.Barrier(2)
    outcomes = []

    def grant(application):
        try:
            barrier.wait()
            services.grant_create(
                application=application, amount=60_000, reason="", user=arbejdsgruppe
            )
            outcomes.append("granted")
        except ValidationError as error:
            outcomes.append(error.messages[0])
        finally:
            connections.close_all()

    threads = [threading.Thread(target=grant, args=(a,)) for a in applications]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert sorted(outcomes) == [
        "Puljen har kun 40.000 kr. tilbage, så 60.000 kr. kan ikke bevilges.",
        "granted",
    ]
    assert Grant.private_objects.count() == 1
    assert urban.balance().available == 40_000
    assert Application.private_objects.filter(status=S.RECOMMENDED).count() == 1


def test_the_decision_date_is_recorded_and_audited(urban, arbejdsgruppe):
    grant = services.grant_create(
        application=recommended(urban, arbejdsgruppe),
        amount=10_000,
        reason="",
        user=arbejdsgruppe,
        decided_on=datetime.date(2016, 4, 12),
    )
    assert grant.decided_on == datetime.date(2016, 4, 12)
    entry = AuditEntry.objects.filter(object_id=grant.pk, content_type__model="grant").get()
    assert changes_by_label(entry)["Beslutningsdato"] == ["–", "12. april 2016"]


def test_a_decision_in_the_future_is_refused(urban, arbejdsgruppe):
    application = recommended(urban, arbejdsgruppe)
    with pytest.raises(ValidationError, match="fremtiden"):
        services.grant_create(
            application=application,
            amount=10_000,
            reason="",
            user=arbejdsgruppe,
            decided_on=timezone.localdate() + datetime.timedelta(days=1),
        )
    assert not Grant.private_objects.exists()
