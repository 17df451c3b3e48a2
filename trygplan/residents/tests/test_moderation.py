import pytest

from trygplan.residents.models import Report
from trygplan.walks.models import Finding

LIST = "/p/amager/reports/"


def _detail(report):
    return f"/p/amager/reports/{report.pk}/"


def test_the_coordinator_sees_the_queue_with_the_waiting_report(client, report, koordinator):
    client.force_login(koordinator)
    response = client.get(LIST)
    assert response.status_code == 200
    assert report.get_absolute_url() in response.content.decode()


def test_the_queue_has_a_bounded_number_of_queries(
    client, report, koordinator, django_assert_max_num_queries
):
    client.force_login(koordinator)
    with django_assert_max_num_queries(15):
        assert client.get(LIST).status_code == 200


def test_the_report_page_shows_the_contact_to_the_working_group(client, report, arbejdsgruppe):
    client.force_login(arbejdsgruppe)
    html = client.get(_detail(report)).content.decode()
    assert "bente@example.org" in html and 'id="accept-form"' in html


@pytest.mark.parametrize("path", [LIST, "/p/amager/reports/{pk}/"])
def test_anonymous_visitors_get_404(client, report, path):
    assert client.get(path.format(pk=report.pk)).status_code == 404


@pytest.mark.parametrize("role", ["partner", "styregruppe"])
def test_read_only_roles_may_not_moderate(client, report, role):
    from django.contrib.auth import get_user_model

    client.force_login(get_user_model().objects.get(username=role))
    assert client.get(_detail(report)).status_code == 403
    response = client.post(_detail(report) + "reject/", {"reason": "Nej."})
    assert response.status_code == 403
    report.refresh_from_db()
    assert report.status == "received"


def test_another_partnerships_user_is_refused(client, report, outsider):
    client.force_login(outsider)
    assert client.get(_detail(report)).status_code == 403  # as walks' members-only pages
    assert "bente@example.org" not in client.get(LIST).content.decode()


def test_accepting_in_the_browser_creates_the_finding(client, report, koordinator):
    client.force_login(koordinator)
    response = client.post(
        _detail(report) + "accept/",
        {"category": "lighting", "visibility": "public", "description": "Lampe ude."},
    )
    assert response.status_code == 302
    report.refresh_from_db()
    assert report.status == "accepted"
    assert Finding.public_objects.get(pk=report.finding_id).description == "Lampe ude."


def test_a_rejection_without_a_reason_is_shown_beside_the_field(client, report, koordinator):
    client.force_login(koordinator)
    response = client.post(_detail(report) + "reject/", {"reason": ""})
    assert response.status_code == 400
    assert "Skriv en begrundelse" in response.content.decode()
    assert Report.private_objects.get().status == "received"


def test_merging_needs_a_finding_of_the_partnership(client, report, koordinator):
    client.force_login(koordinator)
    response = client.post(_detail(report) + "merge/", {"finding": "999999"})
    assert response.status_code == 400 and "Vælg fundet." in response.content.decode()


def test_the_decisions_refuse_get(client, report, koordinator):
    client.force_login(koordinator)
    assert client.get(_detail(report) + "accept/").status_code == 405
