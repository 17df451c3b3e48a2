import pytest
from django.urls import reverse

from trygplan.plans.models import BudgetLine


def url(year=2016):
    return reverse("plans:overview", args=["amager", year])


@pytest.mark.parametrize("who", [None, "partner", "styregruppe", "arbejdsgruppe", "outsider"])
def test_everyone_reads_the_published_plans_totals(client, plan2016, who, request):
    if who:
        client.force_login(request.getfixturevalue(who))
    response = client.get(url())
    assert response.status_code == 200
    html = response.content.decode()
    assert "Tryghedsplan for Amager Partnerskab 2016" in html
    for total in ("750.000", "1.500.000"):
        assert total in html
    assert "Særmåling i Tryghedsindekset" in html
    assert "Aktiviteten er ny i 2016" in html


def test_the_published_plan_has_no_edit_links(client, plan2016, arbejdsgruppe):
    client.force_login(arbejdsgruppe)
    html = client.get(reverse("plans:activity", args=["amager", 2016, "ung-i-job"])).content
    assert b"Rediger aktivitet" not in html


def test_a_draft_is_hidden_from_the_public_and_other_partnerships(client, draft2017, outsider):
    assert client.get(url(2017)).status_code == 404
    client.force_login(outsider)
    assert client.get(url(2017)).status_code == 404


@pytest.mark.parametrize(
    "who", ["partner", "styregruppe", "arbejdsgruppe", "koordinator", "city_admin"]
)
def test_the_partnership_reads_its_draft(client, draft2017, who, request):
    client.force_login(request.getfixturevalue(who))
    response = client.get(url(2017))
    assert response.status_code == 200
    assert "Kladde" in response.content.decode()


def test_the_overview_takes_a_bounded_number_of_queries(
    client, plan2016, koordinator, django_assert_max_num_queries
):
    client.force_login(koordinator)
    # 17: the checks (6) and the approval timeline (1) came with issue 3; 19: the earlier
    # years read once from the approved plans (2) with issue 10, and the pools' commitments (1).
    with django_assert_max_num_queries(20):
        assert client.get(url()).status_code == 200


def test_an_unknown_year_is_a_danish_404(client, plan2016):
    response = client.get(url(2031))
    assert response.status_code == 404


def test_members_see_the_checks_each_linked_to_what_it_points_at(client, draft2017, koordinator):
    BudgetLine.private_objects.filter(
        activity__plan=draft2017, activity__key="ung-i-job", year=2017
    ).update(amount=175_000)
    client.force_login(koordinator)
    html = client.get(url(2017)).content.decode()
    errors = html.split('id="plan-checks-error"')[1].split("</section>")[0]
    assert "Planen har 1 fejl" in errors
    assert "(25.000 kr. for meget)" in errors
    assert 'href="/p/amager/plans/2017/#overview-table"' in errors
    warnings = html.split('id="plan-checks-warning"')[1]
    assert 'href="/p/amager/plans/2017/activities/saermaaling/"' in warnings


def test_the_public_does_not_see_the_internal_checks(client, plan2016):
    assert 'id="plan-checks' not in client.get(url()).content.decode()


def _timeline(client) -> tuple[str, str]:
    html = client.get(url(2017)).content.decode()
    return html, html.split('aria-labelledby="approval-heading"')[1].split("</ol>")[0]


def test_the_approval_timeline_shows_members_who_took_each_step(client, published2017, partner):
    client.force_login(partner)
    html, timeline = _timeline(client)
    assert [step in timeline for step in ["Indstillet af arbejdsgruppen", "Offentliggjort"]] == [
        True,
        True,
    ]
    assert "Mads Nørgaard" in timeline
    assert "Økonomiudvalget: 7. februar 2017" in html


def test_the_public_sees_the_steps_and_dates_but_no_staff_names(client, published2017):
    html, timeline = _timeline(client)
    assert "Indstillet af arbejdsgruppen" in timeline and "Offentliggjort" in timeline
    assert "Mads Nørgaard" not in html
    assert "Økonomiudvalget: 7. februar 2017" in html


def test_a_plan_in_approval_takes_a_bounded_number_of_queries(
    client, published2017, koordinator, django_assert_max_num_queries
):
    client.force_login(koordinator)
    with django_assert_max_num_queries(23):
        assert client.get(url(2017)).status_code == 200


def test_activities_are_listed_under_the_chapter_that_describes_them(client, plan2016):
    html = client.get(url()).content.decode()
    chapter = html[html.index("Indsatsområde 2: Skabelse af et byrum") :]
    chapter = chapter[: chapter.index("Indsatsområde 3")]
    assert "3. Akutpulje" in chapter and "Puljer for øget tryghed" in chapter
    assert "13. Tværfaglig" not in html[html.index("Aktiviteter efter indsatsområde") :]
