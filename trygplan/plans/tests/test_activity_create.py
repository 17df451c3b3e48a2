import pytest
from django.urls import reverse

from trygplan.audit.models import AuditEntry
from trygplan.plans.checks import run_checks

URL = reverse("plans:activity_create", args=["amager", 2017])


def test_the_working_group_adds_a_new_activity_with_a_key_from_its_name(
    client, draft2017, arbejdsgruppe
):
    client.force_login(arbejdsgruppe)
    assert "Ny aktivitet" in client.get(URL).content.decode()
    focus = draft2017.partnership.focus_areas.get(number=2)
    response = client.post(
        URL, {"number": 18, "name": "Lys i Hørgården", "focus_areas": [focus.pk]}
    )
    assert response.status_code == 302
    # Next: its description, created with its name, to be written.
    assert response["Location"] == "/p/amager/plans/2017/descriptions/lys-i-hoergaarden/edit/"
    activity = draft2017.activities.get(key="lys-i-hoergaarden")
    assert activity.is_new and activity.number == 18
    assert list(activity.focus_areas.all()) == [focus]
    assert AuditEntry.objects.filter(object_id=activity.pk, action="create").exists()
    assert "RESPONSIBLE_MISSING" in [result.code for result in run_checks(draft2017)]
    overview = client.get("/p/amager/plans/2017/").content.decode()
    assert "18. Lys i Hørgården" in overview and "Aktiviteten er ny i 2017" in overview


def test_a_taken_number_or_name_is_refused_in_danish(client, draft2017, arbejdsgruppe):
    client.force_login(arbejdsgruppe)
    html = client.post(URL, {"number": 14, "name": "Streetsport"}).content.decode()
    assert "Nummer 14 bruges allerede af “Streetsport og forebyggende" in html
    assert "Der findes allerede en aktivitet med det navn." in html
    html = client.post(URL, {"number": "x", "name": ""}).content.decode()
    assert "Aktiviteten skal have et navn." in html
    assert draft2017.activities.count() == 16


@pytest.mark.parametrize("who", ["partner", "styregruppe"])
def test_read_only_roles_get_403(client, draft2017, who, request):
    client.force_login(request.getfixturevalue(who))
    assert client.get(URL).status_code == 403
    assert client.post(URL, {"name": "X"}).status_code == 403


def test_anonymous_and_other_partnerships_are_kept_out(client, draft2017, outsider):
    assert client.get(URL).status_code == 302
    client.force_login(outsider)
    assert client.post(URL, {"name": "X"}).status_code == 404


def test_it_refuses_other_methods(client, draft2017, arbejdsgruppe):
    client.force_login(arbejdsgruppe)
    assert client.delete(URL).status_code == 405
