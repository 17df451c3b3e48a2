"""The applicant's private link: their own application, and amending when asked."""

from trygplan.pools.models import Application
from trygplan.pools.workflow import APPLICATION

from .conftest import S, advance, submit


def url(application, suffix=""):
    return f"/p/amager/pools/link/{application.token}/{suffix}"


def test_the_applicant_sees_status_and_budget_but_no_names_of_staff(client, application):
    advance(application, _wg(), S.SCREENING)
    page = client.get(url(application)).content.decode()
    assert "Under screening" in page
    assert "Lamper" in page and "10.000 kr." in page
    assert "arbejdsgruppe" not in page


def test_the_applicant_amends_when_more_information_is_requested(client, application):
    advance(application, _wg(), S.SCREENING, S.MORE_INFO_REQUESTED)
    page = client.get(url(application)).content.decode()
    assert "Mangler et tilbud." in page
    response = client.post(
        url(application),
        {
            "answer": "Tilbuddet er på 9.500 kr.",
            "title": "Lys i passagen (med tilbud)",
            "purpose": application.purpose,
            "addresses": application.addresses,
        },
    )
    assert response.status_code == 302
    application.refresh_from_db()
    assert application.status == S.SCREENING
    assert application.title == "Lys i passagen (med tilbud)"
    last = APPLICATION.steps(application).last()
    assert (last.user, last.comment) == (None, "Tilbuddet er på 9.500 kr.")


def test_the_applicant_cannot_amend_unless_asked(client, application):
    response = client.post(url(application), {"answer": "x", "title": "Ændret"})
    assert response.status_code == 405
    application.refresh_from_db()
    assert application.title == "Lys i passagen"


def test_another_applicants_token_does_not_open_this_one(client, urban, application):
    other = submit(urban, title="Andet projekt")
    page = client.get(url(other)).content.decode()
    assert "Andet projekt" in page and "Lys i passagen" not in page
    assert client.get("/p/amager/pools/link/gaet-et-token/").status_code == 404


def test_the_link_works_only_under_its_own_partnership(client, application, tingbjerg):
    assert client.get(f"/p/tingbjerg/pools/link/{application.token}/").status_code == 404


def test_the_applicant_withdraws(client, application):
    client.post(url(application, "withdraw/"))
    application.refresh_from_db()
    assert application.status == S.WITHDRAWN and application.closed_at is not None


def test_withdraw_needs_post(client, application):
    assert client.get(url(application, "withdraw/")).status_code == 405
    assert Application.private_objects.get().status == S.RECEIVED


def _wg():
    from django.contrib.auth import get_user_model

    return get_user_model().objects.get(username="arbejdsgruppe")


def test_the_amend_form_shows_the_dates_already_given(client, urban):
    application = submit(urban, start_date="2016-08-01", end_date="2016-08-31")
    advance(application, _wg(), S.SCREENING, S.MORE_INFO_REQUESTED)
    page = client.get(url(application)).content.decode()
    # A date field shows only an ISO date; anything else would be blank and lost on saving.
    assert 'value="2016-08-01"' in page and 'value="2016-08-31"' in page
