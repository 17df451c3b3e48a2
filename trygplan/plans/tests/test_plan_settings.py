import pytest
from django.urls import reverse

from trygplan.audit.display import changes_by_label
from trygplan.audit.models import AuditEntry
from trygplan.plans.models import Plan

URL = reverse("plans:settings", args=["amager", 2017])


def data(**changes):
    values = {
        "title": "Tryghedsplan for Amager Partnerskab 2017",
        "frame": "1.500.000",
        "co_financing_required": "375.000",
        "introduction": "Planen for 2017.",
    }
    values.update(changes)
    return values


def test_the_working_group_changes_the_frame_and_it_is_audited(client, draft2017, arbejdsgruppe):
    client.force_login(arbejdsgruppe)
    form = client.get(URL).content.decode()
    assert 'value="1.500.000"' in form
    response = client.post(URL, data(frame="1.600.000"))
    assert response.status_code == 302 and response["Location"] == "/p/amager/plans/2017/"
    plan = Plan.private_objects.get(pk=draft2017.pk)
    assert plan.frame == 1_600_000 and plan.introduction == "Planen for 2017."
    entry = AuditEntry.objects.get(object_id=plan.pk, action="update")
    assert changes_by_label(entry)["Ramme (kr.)"] == ["1.500.000 kr.", "1.600.000 kr."]
    page = client.get("/p/amager/plans/2017/").content.decode()
    assert "men rammen er 1.600.000 kr. (100.000 kr. for lidt)" in page


def test_whole_kroner_with_zero_ore_are_accepted(client, draft2017, arbejdsgruppe):
    client.force_login(arbejdsgruppe)
    assert client.post(URL, data(frame="1500000,00")).status_code == 302
    assert Plan.private_objects.get(pk=draft2017.pk).frame == 1_500_000


@pytest.mark.parametrize(
    ("frame", "message"),
    [
        ("-5", "Beløbet kan ikke være negativt."),
        ("abc", "“abc” er ikke et beløb."),
        ("", "Skriv rammen i hele kroner, fx 1.500.000."),
        ("1500000,50", "Beløb angives i hele kroner uden øre"),
    ],
)
def test_bad_frames_get_a_danish_message_beside_the_field_and_nothing_is_saved(
    client, draft2017, arbejdsgruppe, frame, message
):
    client.force_login(arbejdsgruppe)
    response = client.post(URL, data(frame=frame, title="Ny titel"))
    assert response.status_code == 200
    html = response.content.decode()
    error = html.split('id="id_frame_error"')[1].split("</span>\n")[0]
    assert message in error
    plan = Plan.private_objects.get(pk=draft2017.pk)
    assert (plan.title, plan.frame) == ("Tryghedsplan for Amager Partnerskab 2017", 1_500_000)
    assert not AuditEntry.objects.filter(object_id=plan.pk, action="update").exists()


@pytest.mark.parametrize("who", ["partner", "styregruppe"])
def test_read_only_roles_get_403(client, draft2017, who, request):
    client.force_login(request.getfixturevalue(who))
    assert client.get(URL).status_code == 403
    assert client.post(URL, data(frame="1")).status_code == 403


def test_anonymous_visitors_and_other_partnerships_do_not_find_the_draft(
    client, draft2017, outsider
):
    assert client.get(URL).status_code == 302
    client.force_login(outsider)
    assert client.get(URL).status_code == 404


def test_an_approved_plans_settings_lead_to_an_amendment(client, plan2016, arbejdsgruppe):
    client.force_login(arbejdsgruppe)
    response = client.get(reverse("plans:settings", args=["amager", 2016]))
    assert response["Location"] == "/p/amager/plans/2016/approved/"


def test_a_plan_in_approval_cannot_be_changed(client, recommended2017, arbejdsgruppe):
    client.force_login(arbejdsgruppe)
    response = client.post(URL, data(frame="1"))
    assert response.status_code == 403
    assert "indstillet af arbejdsgruppen og kan ikke længere ændres" in response.content.decode()


def test_it_refuses_other_methods(client, draft2017, arbejdsgruppe):
    client.force_login(arbejdsgruppe)
    assert client.put(URL).status_code == 405
