"""Adding, editing and removing a body (`body_views.body_create`, `body_edit`, `body_delete`)."""

import pytest
from django.urls import reverse

from trygplan.audit.models import AuditEntry
from trygplan.partnerships.models import Body, BodyMember

CREATE = reverse("partnerships:body_create", args=["amager"])


@pytest.fixture
def vink(amager):
    return Body.objects.get(partnership=amager, name__contains="radikalisering")


def edit(body):
    return reverse("partnerships:body_edit", args=["amager", body.pk])


def delete(body):
    return reverse("partnerships:body_delete", args=["amager", body.pk])


def test_the_coordinator_adds_a_sub_working_group(client, amager, koordinator):
    client.force_login(koordinator)
    assert "Nyt organ" in client.get(CREATE).content.decode()
    data = {"kind": "sub_working_group", "name": "Underarbejdsgruppe for lys", "purpose": "Lys."}
    response = client.post(CREATE, data)
    body = Body.objects.get(partnership=amager, name="Underarbejdsgruppe for lys")
    assert response.status_code == 302
    assert response["Location"] == f"/p/amager/organisation/#body-{body.pk}"
    assert AuditEntry.objects.filter(
        object_id=body.pk, code="body.create", partnership=amager
    ).exists()
    html = client.get("/p/amager/organisation/").content.decode()
    assert "Underarbejdsgruppe for lys" in html


def test_a_body_without_a_name_or_kind_is_refused_in_danish(client, amager, koordinator):
    client.force_login(koordinator)
    html = client.post(CREATE, {"kind": "", "name": ""}).content.decode()
    assert "Skriv organets navn" in html and "Vælg hvilken slags organ det er." in html
    assert Body.objects.filter(partnership=amager).count() == 5


def test_the_coordinator_renames_a_body_and_removes_another(client, vink, koordinator):
    client.force_login(koordinator)
    form = client.get(edit(vink)).content.decode()
    assert "Slet organet og dets 2 medlemmer" in form
    data = {
        "kind": vink.kind,
        "name": "Underarbejdsgruppe for VINK",
        "purpose": vink.purpose,
        "order": 3,
    }
    assert client.post(edit(vink), data).status_code == 302
    vink.refresh_from_db()
    assert vink.name == "Underarbejdsgruppe for VINK"
    assert client.post(delete(vink)).status_code == 302
    assert not Body.objects.filter(pk=vink.pk).exists()
    assert not BodyMember.objects.filter(body_id=vink.pk).exists()
    entry = AuditEntry.objects.get(object_id=vink.pk, code="body.delete")
    assert entry.changes["members"] == [2, None]


@pytest.mark.parametrize("who", ["arbejdsgruppe", "styregruppe", "partner"])
def test_other_roles_are_refused(client, vink, who, request):
    client.force_login(request.getfixturevalue(who))
    assert client.get(CREATE).status_code == 403
    assert client.post(edit(vink), {"kind": vink.kind, "name": "X"}).status_code == 403
    assert client.post(delete(vink)).status_code == 403
    assert Body.objects.get(pk=vink.pk).name == vink.name


def test_a_city_admin_may(client, vink, city_admin):
    client.force_login(city_admin)
    assert client.post(delete(vink)).status_code == 302


def test_anonymous_and_other_partnerships_are_kept_out(client, vink, outsider):
    assert client.get(edit(vink)).status_code == 302
    assert client.post(delete(vink)).status_code == 302
    client.force_login(outsider)
    assert client.post(delete(vink)).status_code == 403
    other = reverse("partnerships:body_edit", args=["tingbjerg", vink.pk])
    assert client.get(other).status_code == 403  # a working-group member there, not coordinator
    assert Body.objects.filter(pk=vink.pk).exists()


def test_a_body_of_another_partnership_is_not_found(client, vink, tingbjerg, koordinator):
    from trygplan.partnerships.models import Membership

    Membership.objects.create(user=koordinator, partnership=tingbjerg, role="coordinator")
    client.force_login(koordinator)
    assert (
        client.get(reverse("partnerships:body_edit", args=["tingbjerg", vink.pk])).status_code
        == 404
    )


def test_wrong_methods_are_refused(client, vink, koordinator):
    client.force_login(koordinator)
    assert client.delete(edit(vink)).status_code == 405
    assert client.get(delete(vink)).status_code == 405
