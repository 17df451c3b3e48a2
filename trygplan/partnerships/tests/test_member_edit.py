"""A body's members (`body_views.member_create`, `member_edit`, `member_delete`)."""

import pytest
from django.urls import reverse

from trygplan.audit.models import AuditEntry
from trygplan.partnerships.models import Body, BodyMember, Organisation


@pytest.fixture
def working_group(amager):
    return Body.objects.get(partnership=amager, kind="working_group")


@pytest.fixture
def reference_group(amager):
    return Body.objects.get(partnership=amager, kind="reference_group")


def create(body):
    return reverse("partnerships:member_create", args=["amager", body.pk])


def edit(member):
    return reverse("partnerships:member_edit", args=["amager", member.pk])


def test_the_coordinator_adds_an_organisation_to_the_working_group(
    client, working_group, koordinator
):
    client.force_login(koordinator)
    dkr = Organisation.objects.get(key="dkr")
    form = client.get(create(working_group)).content.decode()
    assert "Nyt medlem af Arbejdsgruppen" in form and "Personens navn" in form
    data = {"organisation": dkr.pk, "title": "Konsulent", "name": "Eva Nielsen"}
    response = client.post(create(working_group), data)
    assert response.status_code == 302
    member = working_group.members.get(organisation=dkr)
    assert (member.title, member.is_invented) == ("Konsulent", False)
    assert (
        AuditEntry.objects.get(object_id=member.pk, code="bodymember.create").partnership
        == working_group.partnership
    )
    page = client.get("/p/amager/organisation/").content.decode()
    assert "Eva Nielsen" in page and "Det Kriminalpræventive Råd" in page


def test_a_member_needs_an_organisation_and_a_name(client, working_group, koordinator):
    client.force_login(koordinator)
    html = client.post(
        create(working_group), {"organisation": "", "title": "X", "name": ""}
    ).content.decode()
    assert "Vælg den organisation, medlemmet kommer fra." in html
    assert "Skriv navnet på den, der sidder i organet." in html
    assert working_group.members.count() == 7


def test_a_reference_group_takes_seats_never_names(client, reference_group, koordinator):
    client.force_login(koordinator)
    form = client.get(create(reference_group)).content.decode()
    assert "Beboere og naboer skrives aldrig med navn." in form and "Personens navn" not in form
    response = client.post(create(reference_group), {"name": "Jens Hansen", "title": "Hørgården"})
    assert "Vælg en af pladserne." in response.content.decode()
    assert not reference_group.members.filter(name="Jens Hansen").exists()
    assert (
        client.post(create(reference_group), {"name": "Nabo", "title": "Hørgården"}).status_code
        == 302
    )
    assert reference_group.members.filter(name="Nabo", title="Hørgården").exists()


def test_the_coordinator_edits_and_removes_a_member(client, working_group, koordinator):
    client.force_login(koordinator)
    member = working_group.members.get(name="Peter Juhl")
    data = {"organisation": member.organisation_id, "title": "Souschef", "name": "Peter Juhl"}
    assert client.post(edit(member), data).status_code == 302
    member.refresh_from_db()
    assert member.title == "Souschef"
    entry = AuditEntry.objects.get(object_id=member.pk, code="bodymember.update")
    assert entry.changes["title"] == ["Klubleder", "Souschef"]
    remove = reverse("partnerships:member_delete", args=["amager", member.pk])
    assert client.post(remove).status_code == 302
    assert not BodyMember.objects.filter(pk=member.pk).exists()


@pytest.mark.parametrize("who", ["arbejdsgruppe", "styregruppe", "partner"])
def test_other_roles_are_refused(client, working_group, who, request):
    client.force_login(request.getfixturevalue(who))
    member = working_group.members.first()
    assert client.get(create(working_group)).status_code == 403
    assert client.post(edit(member), {"name": "X"}).status_code == 403
    remove = reverse("partnerships:member_delete", args=["amager", member.pk])
    assert client.post(remove).status_code == 403
    assert BodyMember.objects.filter(pk=member.pk).exists()


def test_anonymous_and_other_partnerships_are_kept_out(client, working_group, outsider):
    member = working_group.members.first()
    assert client.get(edit(member)).status_code == 302
    client.force_login(outsider)
    assert client.get(edit(member)).status_code == 403
    assert client.post(create(working_group), {"name": "X"}).status_code == 403


def test_wrong_methods_are_refused(client, working_group, koordinator):
    client.force_login(koordinator)
    member = working_group.members.first()
    assert client.put(edit(member)).status_code == 405
    assert (
        client.get(reverse("partnerships:member_delete", args=["amager", member.pk])).status_code
        == 405
    )
