"""Planned safety walks show on the events page as event-like entries, to members only;
they are not events, so nothing is counted twice."""

from datetime import datetime

import pytest
from django.utils import timezone

from trygplan.followup.models import Event
from trygplan.walks.models import Walk

LIST = "/p/amager/followup/events/"


@pytest.fixture
def planned(amager):
    return Walk.private_objects.create(
        partnership=amager,
        title="Aftenvandring i Hørgården",
        starts_at=timezone.make_aware(datetime(2016, 11, 3, 19)),
        light="dark",
        season="autumn",
        meeting_point="Beboerhuset",
    )


def test_members_see_planned_walks_among_the_events(client, followup, planned, partner):
    client.force_login(partner)
    response = client.get(LIST, {"aar": 2016})
    assert response.status_code == 200
    text = response.content.decode()
    assert "Aftenvandring i Hørgården" in text
    assert planned.get_absolute_url() in text


def test_the_public_and_other_partnerships_do_not_see_walks(client, followup, planned, outsider):
    assert "Aftenvandring i Hørgården" not in client.get(LIST, {"aar": 2016}).content.decode()
    client.force_login(outsider)
    assert "Aftenvandring i Hørgården" not in client.get(LIST, {"aar": 2016}).content.decode()


def test_a_walk_held_is_no_longer_listed_and_no_event_is_made(client, followup, planned, partner):
    before = Event.private_objects.count()
    planned.status = Walk.Status.WALKED
    planned.save()
    client.force_login(partner)
    assert "Aftenvandring i Hørgården" not in client.get(LIST, {"aar": 2016}).content.decode()
    assert Event.private_objects.count() == before


def test_the_list_with_walks_stays_within_its_query_bound(
    client, followup, planned, partner, django_assert_max_num_queries
):
    client.force_login(partner)
    with django_assert_max_num_queries(14):
        response = client.get(LIST, {"aar": 2016})
    assert response.status_code == 200
