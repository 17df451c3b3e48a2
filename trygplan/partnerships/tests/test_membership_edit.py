"""Changing a role, removing access, sending an invitation again (`user_views`)."""

import pytest
from django.contrib.auth import get_user_model
from django.core import mail
from django.urls import reverse

from trygplan.audit.models import AuditEntry
from trygplan.partnerships.models import Membership


@pytest.fixture
def partner_membership(amager, partner):
    return Membership.objects.get(user=partner, partnership=amager)


def edit(membership):
    return reverse("partnerships:membership_edit", args=["amager", membership.pk])


def remove(membership):
    return reverse("partnerships:membership_remove", args=["amager", membership.pk])


def resend(membership):
    return reverse("partnerships:invitation_resend", args=["amager", membership.pk])


def test_the_coordinator_changes_a_role(client, partner_membership, koordinator):
    client.force_login(koordinator)
    assert "Rolle for Anders Mikkelsen" in client.get(edit(partner_membership)).content.decode()
    assert client.post(edit(partner_membership), {"role": "working_group"}).status_code == 302
    partner_membership.refresh_from_db()
    assert partner_membership.role == "working_group"
    entry = AuditEntry.objects.get(object_id=partner_membership.pk, code="membership.update")
    assert entry.changes == {"role": ["partner", "working_group"]}


def test_the_coordinator_removes_access_and_the_account_stays(
    client, partner_membership, koordinator, partner
):
    client.force_login(koordinator)
    assert client.post(remove(partner_membership)).status_code == 302
    assert not Membership.objects.filter(pk=partner_membership.pk).exists()
    assert get_user_model().objects.filter(pk=partner.pk).exists()
    assert AuditEntry.objects.filter(
        object_id=partner_membership.pk, code="membership.delete"
    ).exists()


def test_nobody_changes_their_own_access_but_a_city_admin(client, amager, koordinator):
    own = Membership.objects.get(user=koordinator, partnership=amager)
    client.force_login(koordinator)
    response = client.get(edit(own))
    assert (
        response.status_code == 403
        and "Du kan ikke ændre din egen adgang" in response.content.decode()
    )
    client.post(remove(own))
    assert Membership.objects.filter(pk=own.pk).exists()


def test_an_invitation_goes_again_to_who_has_not_chosen_a_password(
    client, amager, koordinator, partner_membership, django_capture_on_commit_callbacks
):
    person = get_user_model().objects.create_user("ny@kk.dk", email="ny@kk.dk")
    invited = Membership.objects.create(user=person, partnership=amager, role="partner")
    client.force_login(koordinator)
    with django_capture_on_commit_callbacks(execute=True):
        assert client.post(resend(invited)).status_code == 302
        client.post(resend(partner_membership))  # has a password: nothing is sent
    assert [m.to for m in mail.outbox] == [["ny@kk.dk"]]
    assert "/accounts/invitation/" in mail.outbox[0].body


@pytest.mark.parametrize("who", ["arbejdsgruppe", "styregruppe", "partner"])
def test_other_roles_are_refused(client, partner_membership, who, request):
    client.force_login(request.getfixturevalue(who))
    assert client.post(edit(partner_membership), {"role": "coordinator"}).status_code == 403
    assert client.post(remove(partner_membership)).status_code == 403
    assert client.post(resend(partner_membership)).status_code == 403
    partner_membership.refresh_from_db()
    assert partner_membership.role == "partner"


def test_anonymous_and_other_partnerships_are_kept_out(client, partner_membership, outsider):
    assert client.post(remove(partner_membership)).status_code == 302
    client.force_login(outsider)
    assert client.post(remove(partner_membership)).status_code == 403
    assert Membership.objects.filter(pk=partner_membership.pk).exists()


def test_wrong_methods_are_refused(client, partner_membership, koordinator):
    client.force_login(koordinator)
    assert client.delete(edit(partner_membership)).status_code == 405
    assert client.get(remove(partner_membership)).status_code == 405
    assert client.get(resend(partner_membership)).status_code == 405
