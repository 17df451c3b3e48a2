import pytest
from django.urls import reverse

from trygplan.plans.models import Plan

URL = reverse("plans:next_year", args=["amager", 2016])


def test_the_working_group_creates_next_years_draft_and_lands_on_it(
    client, plan2016, arbejdsgruppe
):
    client.force_login(arbejdsgruppe)
    response = client.post(URL, follow=True)
    assert response.redirect_chain[-1][0] == "/p/amager/plans/2017/"
    html = response.content.decode()
    assert "Kladden til Tryghedsplan for Amager Partnerskab 2017 er oprettet." in html
    assert "Afsluttede aktiviteter, ikke videreført" in html
    assert "13. Tværfaglig indsats for konflikthåndtering" in html
    assert Plan.private_objects.get(year=2017).status == Plan.Status.DRAFT


def test_the_button_shows_on_the_published_plan_for_the_working_group(
    client, plan2016, koordinator
):
    client.force_login(koordinator)
    html = client.get(reverse("plans:overview", args=["amager", 2016])).content.decode()
    assert "Opret næste års plan" in html


@pytest.mark.parametrize("who", ["partner", "styregruppe"])
def test_read_only_roles_see_no_button_and_are_refused(client, plan2016, who, request):
    client.force_login(request.getfixturevalue(who))
    html = client.get(reverse("plans:overview", args=["amager", 2016])).content.decode()
    assert "Opret næste års plan" not in html
    assert client.post(URL).status_code == 403
    assert not Plan.private_objects.filter(year=2017).exists()


def test_a_second_draft_for_the_same_year_is_refused_with_a_message(
    client, draft2017, arbejdsgruppe
):
    client.force_login(arbejdsgruppe)
    html = client.get(reverse("plans:overview", args=["amager", 2016])).content.decode()
    assert "Opret næste års plan" not in html
    response = client.post(URL, follow=True)
    assert "Der findes allerede en tryghedsplan for 2017." in response.content.decode()


def test_it_requires_post(client, plan2016, arbejdsgruppe):
    client.force_login(arbejdsgruppe)
    assert client.get(URL).status_code == 405


def test_anonymous_visitors_are_sent_to_log_in(client, plan2016):
    response = client.post(URL)
    assert response.status_code == 302 and "/accounts/login/" in response["Location"]


def test_another_partnership_cannot_create_it(client, plan2016, outsider):
    client.force_login(outsider)
    assert client.post(URL).status_code == 403
