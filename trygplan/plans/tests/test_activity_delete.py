import pytest
from django.urls import reverse

from trygplan.audit.models import AuditEntry
from trygplan.plans.services import plan_ended_activities


def url(year=2017, key="akutpulje"):
    return reverse("plans:activity_delete", args=["amager", year, key])


def test_the_working_group_removes_an_activity_and_it_is_listed_as_not_carried_over(
    client, draft2017, arbejdsgruppe
):
    client.force_login(arbejdsgruppe)
    response = client.post(url(), follow=True)
    assert response.redirect_chain[-1][0] == "/p/amager/plans/2017/"
    html = response.content.decode()
    assert "“Akutpulje” er fjernet fra planen." in html
    assert not draft2017.activities.filter(key="akutpulje").exists()
    assert "akutpulje" in [a.key for a in plan_ended_activities(draft2017)]
    entry = AuditEntry.objects.get(activity_key="akutpulje", action="delete")
    assert entry.user == arbejdsgruppe and entry.plan == draft2017


def test_the_activity_page_offers_removal_only_on_a_draft(client, draft2017, arbejdsgruppe):
    client.force_login(arbejdsgruppe)
    page = client.get(reverse("plans:activity", args=["amager", 2017, "akutpulje"])).content
    assert "Fjern aktiviteten fra planen" in page.decode()
    page = client.get(reverse("plans:activity", args=["amager", 2016, "akutpulje"])).content
    assert "Fjern aktiviteten fra planen" not in page.decode()


def test_a_published_plans_activity_leads_to_an_amendment(client, plan2016, arbejdsgruppe):
    client.force_login(arbejdsgruppe)
    response = client.post(url(2016))
    assert response["Location"] == "/p/amager/plans/2016/approved/"
    assert plan2016.activities.filter(key="akutpulje").exists()


@pytest.mark.parametrize("who", ["partner", "styregruppe"])
def test_read_only_roles_get_403(client, draft2017, who, request):
    client.force_login(request.getfixturevalue(who))
    assert client.post(url()).status_code == 403
    assert draft2017.activities.filter(key="akutpulje").exists()


def test_anonymous_and_other_partnerships_are_kept_out(client, draft2017, outsider):
    assert client.post(url()).status_code == 302
    client.force_login(outsider)
    assert client.post(url()).status_code == 404
    assert draft2017.activities.filter(key="akutpulje").exists()


def test_it_requires_post(client, draft2017, arbejdsgruppe):
    client.force_login(arbejdsgruppe)
    assert client.get(url()).status_code == 405
