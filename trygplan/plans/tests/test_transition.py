"""The approval pages: one per step, each a small form that calls the service."""

import pytest
from django.urls import reverse

from trygplan.plans.models import BudgetLine, Plan


def url(action, year=2017):
    return reverse("plans:transition", args=["amager", year, action])


def status(plan):
    return Plan.private_objects.get(pk=plan.pk).status


def test_the_working_group_recommends_from_the_plan_page(client, draft2017, arbejdsgruppe):
    client.force_login(arbejdsgruppe)
    page = client.get("/p/amager/plans/2017/").content.decode()
    assert url("recommend") in page
    assert "Indstil planen til styregruppen" in client.get(url("recommend")).content.decode()
    response = client.post(url("recommend"), {"comment": "Klar til styregruppen."}, follow=True)
    assert response.redirect_chain[-1][0] == "/p/amager/plans/2017/"
    html = response.content.decode()
    assert "Planen er nu: Indstillet af arbejdsgruppen." in html
    assert "Klar til styregruppen." in html  # the timeline
    assert status(draft2017) == Plan.Status.RECOMMENDED


def test_a_plan_with_errors_is_not_recommended_and_the_errors_are_listed(
    client, draft2017, arbejdsgruppe
):
    BudgetLine.private_objects.filter(
        activity__plan=draft2017, activity__key="ung-i-job", year=2017
    ).update(amount=175_000)
    client.force_login(arbejdsgruppe)
    html = client.post(url("recommend"), {"comment": ""}).content.decode()
    assert "Planen kan ikke indstilles, fordi den har fejl:" in html
    assert "Partnerskabsmidlerne i 2017 er i alt 1.525.000 kr." in html
    assert status(draft2017) == Plan.Status.DRAFT


def test_the_steering_group_decides(client, recommended2017, styregruppe):
    client.force_login(styregruppe)
    assert url("decide") in client.get("/p/amager/plans/2017/").content.decode()
    assert client.post(url("decide"), {}).status_code == 302
    assert status(recommended2017) == Plan.Status.DECIDED


def test_sending_back_needs_a_comment(client, recommended2017, styregruppe):
    client.force_login(styregruppe)
    html = client.post(url("send_back"), {"comment": ""}).content.decode()
    assert "Skriv hvorfor planen sendes tilbage." in html
    assert status(recommended2017) == Plan.Status.RECOMMENDED
    client.post(url("send_back"), {"comment": "Budgettet for streetsport mangler."})
    assert status(recommended2017) == Plan.Status.DRAFT
    timeline = client.get("/p/amager/plans/2017/").content.decode().split("approval-heading")[2]
    assert "Sendt tilbage til kladde" in timeline
    assert "Budgettet for streetsport mangler." in timeline


def test_the_coordinator_records_the_approval_with_date_and_reference(
    client, decided2017, koordinator
):
    client.force_login(koordinator)
    html = client.post(url("approve"), {"date": "2.2.2017", "reference": ""}).content.decode()
    assert "Skriv Økonomiudvalgets sagsnummer." in html
    html = client.post(url("approve"), {"date": "32.2.2017", "reference": "x"}).content.decode()
    assert "Skriv datoen som dag.måned.år, fx 2.2.2017." in html
    assert status(decided2017) == Plan.Status.DECIDED
    response = client.post(url("approve"), {"date": "2.2.2017", "reference": "17/00123"})
    assert response.status_code == 302
    page = client.get("/p/amager/plans/2017/").content.decode()
    assert "Økonomiudvalget: 2. februar 2017" in page and "sagsnr. 17/00123" in page
    assert url("publish") in page


def test_the_coordinator_publishes_and_the_public_sees_it(client, approved2017, koordinator):
    client.force_login(koordinator)
    client.post(url("publish"), {})
    client.logout()
    page = client.get("/p/amager/plans/2017/")
    assert page.status_code == 200 and "Offentliggjort" in page.content.decode()


@pytest.mark.parametrize(
    ("fixture", "action", "who"),
    [
        ("draft2017", "recommend", "partner"),
        ("draft2017", "recommend", "styregruppe"),
        ("recommended2017", "decide", "arbejdsgruppe"),
        ("recommended2017", "send_back", "partner"),
        ("decided2017", "approve", "styregruppe"),
        ("approved2017", "publish", "arbejdsgruppe"),
    ],
)
def test_the_wrong_role_gets_403_and_no_button(client, fixture, action, who, request):
    plan = request.getfixturevalue(fixture)
    client.force_login(request.getfixturevalue(who))
    assert url(action) not in client.get("/p/amager/plans/2017/").content.decode()
    assert client.get(url(action)).status_code == 403
    assert client.post(url(action), {"comment": "x"}).status_code == 403
    assert status(plan) == plan.status


def test_a_step_out_of_turn_shows_why(client, draft2017, styregruppe):
    client.force_login(styregruppe)
    html = client.post(url("decide"), {}).content.decode()
    assert "Planen er kladde, så det kan ikke lade sig gøre nu." in html


def test_anonymous_visitors_are_sent_to_log_in(client, draft2017):
    response = client.post(url("recommend"))
    assert response.status_code == 302 and "/accounts/login/" in response["Location"]


def test_another_partnership_finds_nothing(client, draft2017, plan2016, outsider):
    client.force_login(outsider)
    assert client.post(url("recommend")).status_code == 404
    assert client.post(url("publish", 2016)).status_code == 403  # a public plan, private page


def test_an_unknown_step_is_404(client, draft2017, arbejdsgruppe):
    client.force_login(arbejdsgruppe)
    assert client.get(url("approve-everything")).status_code == 404


def test_it_refuses_other_methods(client, draft2017, arbejdsgruppe):
    client.force_login(arbejdsgruppe)
    assert client.put(url("recommend")).status_code == 405
