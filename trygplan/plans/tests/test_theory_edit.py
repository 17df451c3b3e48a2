"""The theory of change's editor overview (`theory_views.theory_edit`)."""

import pytest
from django.urls import reverse

URL = reverse("plans:theory_edit", args=["valby"])
AMAGER = reverse("plans:theory_edit", args=["amager"])


def test_the_coordinator_sees_every_item_with_its_links_and_the_edit_buttons(
    client, valby, koordinator
):
    client.force_login(koordinator)
    response = client.get(URL)
    html = response.content.decode()
    assert response.status_code == 200
    assert "Rediger forandringsteorien" in html
    results = html[html.index('id="results"') :]
    assert "Færre sigtelser" in results and "Mindre kriminalitet" in results
    assert "Ny effekt" in html and "Nyt resultat" in html and "Nyt indsatsområde" in html
    assert reverse("plans:theory_links", args=["valby"]) in html


def test_an_approved_plan_makes_it_read_only_with_the_reason(client, plan2016, arbejdsgruppe):
    client.force_login(arbejdsgruppe)
    html = client.get(AMAGER).content.decode()
    assert "Kun til læsning" in html
    assert (
        "Forandringsteorien kan ikke længere ændres: Tryghedsplan for Amager Partnerskab 2016 "
        "er offentliggjort"
    ) in html
    assert "Antallet af SSP enkeltsager falder" in html
    assert "Nyt resultat" not in html and "/theory-of-change/results/" not in html


def test_a_read_only_role_sees_the_items_without_buttons(client, valby, partner):
    client.force_login(partner)
    html = client.get(URL).content.decode()
    assert "Færre sigtelser" in html
    assert "Kun arbejdsgruppen og koordinatoren kan ændre forandringsteorien." in html
    assert "Nyt resultat" not in html


def test_changes_are_listed_with_who_made_them(client, valby, koordinator):
    client.force_login(koordinator)
    result = valby.results.get(number=2)
    client.post(
        reverse("plans:theory_item_edit", args=["valby", "results", result.pk]),
        {
            "number": 2,
            "name": "Mere dialog med beboerne",
            "effects": [e.pk for e in result.effects.all()],
        },
    )
    html = client.get(URL).content.decode()
    history = html[html.index("Seneste ændringer") :]
    assert "Sofie Kragh" in history and "Mere dialog med beboerne" in history


def test_anonymous_visitors_are_sent_to_log_in_and_other_partnerships_refused(
    client, valby, outsider
):
    assert client.get(URL).status_code == 302
    client.force_login(outsider)
    assert client.get(URL).status_code == 403


def test_it_refuses_other_methods(client, valby, koordinator):
    client.force_login(koordinator)
    assert client.post(URL).status_code == 405


@pytest.mark.parametrize("who", ["koordinator", "city_admin"])
def test_the_page_has_a_bounded_number_of_queries(
    client, valby, who, request, django_assert_max_num_queries
):
    client.force_login(request.getfixturevalue(who))
    with django_assert_max_num_queries(14):
        assert client.get(URL).status_code == 200
