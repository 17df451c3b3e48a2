"""The follow-up setup page: indicators with their targets, and the reporters
(`setup_views.setup`)."""

import pytest
from django.urls import reverse

URL = reverse("followup:setup", args=["amager"])


def test_the_coordinator_sees_indicators_targets_and_reporters(client, followup, koordinator):
    client.force_login(koordinator)
    response = client.get(URL)
    html = response.content.decode()
    assert response.status_code == 200
    indicators = html[html.index('id="setup-indicators"') :]
    assert "SSP-enkeltsager om unge fra området" in indicators
    assert reverse("followup:indicator_edit", args=["amager", "ssp-enkeltsager"]) in html
    reporters = html[html.index('id="setup-reporters"') :]
    assert "Anders Mikkelsen" in reporters and "SSP København" in reporters
    index = client.get(reverse("followup:index", args=["amager"])).content.decode()
    assert URL in index


@pytest.mark.parametrize("who", ["arbejdsgruppe", "styregruppe", "partner"])
def test_other_roles_are_refused_and_not_linked(client, followup, who, request):
    client.force_login(request.getfixturevalue(who))
    assert client.get(URL).status_code == 403
    assert URL not in client.get(reverse("followup:index", args=["amager"])).content.decode()


def test_anonymous_and_other_partnerships_are_kept_out(client, followup, outsider):
    assert client.get(URL).status_code == 302
    client.force_login(outsider)
    assert client.get(URL).status_code == 404


def test_it_is_get_only_with_bounded_queries(
    client, followup, city_admin, django_assert_max_num_queries
):
    client.force_login(city_admin)
    assert client.post(URL).status_code == 405
    with django_assert_max_num_queries(12):
        assert client.get(URL).status_code == 200
