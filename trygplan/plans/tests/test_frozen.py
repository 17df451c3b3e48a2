"""An edit of an approved plan leads to an amendment (tillæg), never to a silent change."""

import pytest
from django.urls import reverse

from trygplan.plans.models import Plan

FROZEN = reverse("plans:frozen", args=["amager", 2016])
CREATE = reverse("plans:amendment_create", args=["amager", 2016])


def test_editing_an_approved_plan_offers_an_amendment(client, plan2016, arbejdsgruppe):
    client.force_login(arbejdsgruppe)
    edit = reverse("plans:activity_edit", args=["amager", 2016, "streetsport"])
    response = client.get(edit, follow=True)
    assert response.redirect_chain == [(FROZEN, 302)]
    html = response.content.decode()
    assert "Planen er godkendt. Ændringer kræver et tillæg." in html
    assert "Opret tillæg nr. 1" in html


def test_the_button_creates_amendment_1_and_leads_to_it(client, plan2016, arbejdsgruppe):
    client.force_login(arbejdsgruppe)
    response = client.post(CREATE, follow=True)
    assert response.redirect_chain[-1][0] == "/p/amager/plans/2016/?tillaeg=1"
    html = response.content.decode()
    assert "Tillæg nr. 1 er oprettet som kladde." in html
    assert "Oprindelig plan (offentliggjort)" in html  # link between the versions
    amendment = Plan.private_objects.get(year=2016, amendment=1)
    assert amendment.is_draft and amendment.based_on == plan2016
    # Now the edit goes to the amendment; the published version is untouched.
    edit = reverse("plans:activity_edit", args=["amager", 2016, "streetsport"])
    assert client.get(edit).status_code == 200
    client.logout()
    public = client.get("/p/amager/plans/2016/").content.decode()
    assert "Tillæg nr. 1" not in public and "Offentliggjort" in public


def test_the_original_version_is_still_readable_by_members(client, plan2016, arbejdsgruppe):
    client.force_login(arbejdsgruppe)
    client.post(CREATE)
    html = client.get("/p/amager/plans/2016/?tillaeg=0").content.decode()
    assert "Tillæg nr. 1 (kladde)" in html
    assert "Planen er godkendt og låst" in html


def test_a_draft_needs_no_amendment(client, draft2017, arbejdsgruppe):
    client.force_login(arbejdsgruppe)
    response = client.get(reverse("plans:frozen", args=["amager", 2017]))
    assert response["Location"] == "/p/amager/plans/2017/"


@pytest.mark.parametrize("who", ["partner", "styregruppe", "outsider"])
def test_only_the_working_group_makes_amendments(client, plan2016, who, request):
    client.force_login(request.getfixturevalue(who))
    assert client.get(FROZEN).status_code == 403
    assert client.post(CREATE).status_code == 403
    assert not Plan.private_objects.filter(amendment=1).exists()


def test_anonymous_visitors_are_sent_to_log_in(client, plan2016):
    assert "/accounts/login/" in client.post(CREATE)["Location"]
    assert "/accounts/login/" in client.get(FROZEN)["Location"]


def test_wrong_methods_are_refused(client, plan2016, arbejdsgruppe):
    client.force_login(arbejdsgruppe)
    assert client.get(CREATE).status_code == 405
    assert client.post(FROZEN).status_code == 405
