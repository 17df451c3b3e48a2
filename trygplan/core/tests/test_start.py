"""The start page after login: what waits for each person, per partnership."""

import datetime

import pytest
from django.urls import reverse

from trygplan.followup.models import Reporter
from trygplan.partnerships.models import Organisation
from trygplan.plans.models import Plan
from trygplan.walks.models import Finding
from trygplan.walks.tests.conftest import make_finding
from trygplan.walks.tests.conftest import walk as walk  # noqa: F401 (fixture)

URL = reverse("start")
LONG_AGO = datetime.date(2016, 10, 20)


def _tasks(response) -> dict[str, tuple[int, str]]:
    return {
        task.label: (task.count, task.url)
        for desk in response.context["desks"]
        for task in desk.tasks
    }


@pytest.fixture
def overdue(walk):  # noqa: F811
    kk = Organisation.objects.get(short_name="KK")
    police = Organisation.objects.get(short_name="Københavns Politi")
    return [
        make_finding(walk, 1, owner_organisation=kk, deadline=LONG_AGO),
        make_finding(walk, 2, owner_organisation=police, deadline=LONG_AGO),
        make_finding(
            walk,
            3,
            owner_organisation=kk,
            deadline=LONG_AGO,
            visibility=Finding.Visibility.POLICE_ONLY,
        ),
        make_finding(walk, 4, owner_organisation=kk, deadline=datetime.date(2999, 1, 1)),
    ]


def test_login_leads_to_the_start_page(client, koordinator):
    koordinator.set_password("hemmelig-nok-123")
    koordinator.save()
    response = client.post(
        reverse("accounts:login"), {"username": "koordinator", "password": "hemmelig-nok-123"}
    )
    assert response.status_code == 302
    assert response.url == URL


def test_anonymous_visitor_is_sent_to_login(client, amager):
    response = client.get(URL)
    assert response.status_code == 302
    assert reverse("accounts:login") in response.url


def test_wrong_method_is_refused(client, koordinator):
    client.force_login(koordinator)
    assert client.post(URL).status_code == 405


def test_working_group_sees_the_draft_to_recommend(client, arbejdsgruppe, draft2017):
    client.force_login(arbejdsgruppe)
    response = client.get(URL)
    assert response.status_code == 200
    count, url = _tasks(response)["Planudkast, som arbejdsgruppen skal indstille til styregruppen"]
    assert count == 1
    assert url == reverse("plans:overview", args=["amager", 2017])
    assert "Planer, som styregruppen skal beslutte" not in _tasks(response)


def test_steering_group_sees_the_plan_to_decide_only_once_recommended(
    client, styregruppe, draft2017
):
    client.force_login(styregruppe)
    assert "Planer, som styregruppen skal beslutte" not in _tasks(client.get(URL))
    Plan.private_objects.filter(pk=draft2017.pk).update(status=Plan.Status.RECOMMENDED)
    response = client.get(URL)
    assert _tasks(response)["Planer, som styregruppen skal beslutte"][0] == 1
    assert "Planudkast, som arbejdsgruppen skal indstille til styregruppen" not in _tasks(response)


def test_coordinator_sees_every_overdue_finding_the_police_only_one_included_only_with_access(
    client, koordinator, overdue
):
    client.force_login(koordinator)
    response = client.get(URL)
    count, url = _tasks(response)["Fund med overskredet frist"]
    assert count == 2  # the police-only finding needs police access
    assert url == reverse("walks:map", args=["amager"])
    assert "Indberetninger, der venter på din godkendelse" in _tasks(response)


def test_partner_sees_the_overdue_findings_of_their_own_organisation(client, partner, overdue):
    Reporter.objects.create(
        user=partner,
        partnership=overdue[0].walk.partnership,
        organisation=overdue[0].owner_organisation,
    )
    client.force_login(partner)
    response = client.get(URL)
    tasks = _tasks(response)
    assert tasks["Fund, din organisation skal løse, med overskredet frist"][0] == 1
    assert "Ansøgninger til puljerne, der skal screenes" not in tasks
    assert "Københavns Kommune" in response.content.decode()


def test_partner_without_an_organisation_has_no_finding_task(client, partner, overdue):
    client.force_login(partner)
    tasks = _tasks(client.get(URL))
    assert not any("Fund" in label for label in tasks)


def test_another_partnerships_user_sees_only_their_own(client, outsider, draft2017):
    client.force_login(outsider)
    response = client.get(URL)
    assert [d.partnership.slug for d in response.context["desks"]] == ["tingbjerg"]
    assert "Amager Partnerskab" not in response.content.decode()


def test_city_admin_sees_every_partnership_in_a_bounded_number_of_queries(
    client, city_admin, tingbjerg, draft2017, overdue, django_assert_max_num_queries
):
    client.force_login(city_admin)
    with django_assert_max_num_queries(14):
        response = client.get(URL)
    assert response.status_code == 200
    slugs = [d.partnership.slug for d in response.context["desks"]]
    assert "amager" in slugs and "tingbjerg" in slugs
    amager = next(d for d in response.context["desks"] if d.partnership.slug == "amager")
    overdue_task = next(t for t in amager.tasks if t.label == "Fund med overskredet frist")
    assert overdue_task.count == 3  # a city administrator sees police-only findings too


def test_current_plan_link_leads_to_the_newest_plan_one_may_read(client, arbejdsgruppe, draft2017):
    url = reverse("plans:current", args=["amager"])
    assert client.get(url).url == reverse("plans:overview", args=["amager", 2016])
    client.force_login(arbejdsgruppe)
    assert client.get(url).url == reverse("plans:overview", args=["amager", 2017])


def test_current_plan_link_is_404_without_a_plan(client, tingbjerg):
    assert client.get(reverse("plans:current", args=["tingbjerg"])).status_code == 404


def test_partnership_pages_carry_the_plan_link_in_the_top_bar(client, amager):
    response = client.get(reverse("pools:index", args=["amager"]))
    assert reverse("plans:current", args=["amager"]) in response.content.decode()
