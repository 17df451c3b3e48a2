"""The case page and its steps: members read, only the working group moves a case."""

import pytest
from django.contrib.auth import get_user_model

from trygplan.pools.models import Application

from .conftest import S


def url(application, suffix=""):
    return f"/p/amager/pools/applications/{application.pk}/{suffix}"


def test_the_working_group_sees_the_applicant_and_the_steps(client, application, arbejdsgruppe):
    client.force_login(arbejdsgruppe)
    page = client.get(url(application)).content.decode()
    assert "Testbeboer Tove" in page and "tove@example.org" in page
    assert "Start screening" in page


def test_partner_staff_read_without_contact_details_or_buttons(client, application, partner):
    client.force_login(partner)
    page = client.get(url(application)).content.decode()
    assert "Lys i passagen" in page
    assert "tove@example.org" not in page and "Testbeboer Tove" not in page
    assert "Start screening" not in page


def test_the_coordinator_asks_for_more_information(client, application, koordinator):
    client.force_login(koordinator)
    client.post(url(application, "transition/"), {"to": S.SCREENING})
    response = client.post(
        url(application, "transition/"),
        {"to": S.MORE_INFO_REQUESTED, "comment": "Send et tilbud."},
    )
    assert response.status_code == 302
    application.refresh_from_db()
    assert application.status == S.MORE_INFO_REQUESTED
    assert application.info_request == "Send et tilbud."


def test_asking_for_information_needs_a_comment(client, application, koordinator):
    client.force_login(koordinator)
    client.post(url(application, "transition/"), {"to": S.SCREENING})
    response = client.post(
        url(application, "transition/"), {"to": S.MORE_INFO_REQUESTED}, follow=True
    )
    assert "Skriv en begrundelse eller hvilke oplysninger der mangler." in (
        response.content.decode()
    )
    assert Application.private_objects.get().status == S.SCREENING


def test_a_rejection_needs_a_reason_and_closes_the_case(client, application, arbejdsgruppe):
    client.force_login(arbejdsgruppe)
    client.post(url(application, "transition/"), {"to": S.REJECTED, "comment": "Dækkes af drift."})
    application.refresh_from_db()
    assert application.status == S.REJECTED and application.closed_at is not None


def test_a_step_out_of_order_is_refused(client, application, arbejdsgruppe):
    client.force_login(arbejdsgruppe)
    response = client.post(url(application, "transition/"), {"to": S.CLOSED}, follow=True)
    assert "kan ikke flyttes til “Afsluttet”" in response.content.decode()


@pytest.mark.parametrize("username", ["partner", "styregruppe"])
def test_read_only_roles_cannot_move_a_case(client, application, username):
    client.force_login(get_user_model().objects.get(username=username))
    response = client.post(url(application, "transition/"), {"to": S.SCREENING})
    assert response.status_code == 403
    assert Application.private_objects.get().status == S.RECEIVED


def test_anonymous_and_other_partnerships_get_404(client, application, outsider):
    assert client.get(url(application)).status_code == 404
    assert client.post(url(application, "transition/"), {"to": S.SCREENING}).status_code == 404
    client.force_login(outsider)
    assert client.get(url(application)).status_code == 404
    assert client.get(f"/p/tingbjerg/pools/applications/{application.pk}/").status_code == 404


def test_wrong_method(client, application, arbejdsgruppe):
    client.force_login(arbejdsgruppe)
    assert client.get(url(application, "transition/")).status_code == 405
    assert client.post(url(application)).status_code == 405
