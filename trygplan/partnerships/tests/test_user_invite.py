"""Inviting a person by e-mail to a role (`user_views.user_invite`, `membership_invite`)."""

import re

import pytest
from django.contrib.auth import get_user_model
from django.core import mail
from django.urls import reverse

from trygplan.audit.models import AuditEntry
from trygplan.partnerships.models import Membership

URL = reverse("partnerships:user_invite", args=["amager"])


def _link(message) -> str:
    match = re.search(r"https?://[^/\s]+(/accounts/invitation/[^\s]+/)", message.body)
    assert match, message.body
    return match.group(1)


def test_a_new_person_gets_an_account_and_a_link_to_choose_a_password(
    client, amager, koordinator, django_capture_on_commit_callbacks
):
    client.force_login(koordinator)
    data = {
        "email": "Eva.Nielsen@KK.dk",
        "first_name": "Eva",
        "last_name": "Nielsen",
        "role": "working_group",
    }
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(URL, data)
    assert response.status_code == 302
    person = get_user_model().objects.get(email="eva.nielsen@kk.dk")
    assert person.username == "eva.nielsen@kk.dk" and not person.has_usable_password()
    membership = Membership.objects.get(user=person, partnership=amager)
    assert membership.role == "working_group"
    entry = AuditEntry.objects.get(object_id=membership.pk, code="membership.invite")
    assert entry.user == koordinator and entry.partnership == amager
    (message,) = mail.outbox
    assert message.to == ["eva.nielsen@kk.dk"]
    assert message.subject == "Du er inviteret til Amager Partnerskab i Trygplan"
    assert "Sofie Kragh har givet dig adgang til Amager Partnerskab" in message.body
    assert "rollen: Arbejdsgruppe" in message.body and "virker i 7 dage" in message.body
    assert _link(message).startswith("/accounts/invitation/")
    page = client.get(reverse("partnerships:users", args=["amager"]), follow=True).content.decode()
    assert "Invitationen er sendt til eva.nielsen@kk.dk." in page


def test_a_person_with_an_account_gets_the_role_and_a_notice(
    client, amager, tingbjerg, koordinator, outsider, django_capture_on_commit_callbacks
):
    outsider.email = "ag@tingbjerg.dk"
    outsider.save()
    client.force_login(koordinator)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(URL, {"email": "ag@tingbjerg.dk", "role": "partner"})
    assert Membership.objects.get(user=outsider, partnership=amager).role == "partner"
    assert Membership.objects.get(user=outsider, partnership=tingbjerg).role == "working_group"
    (message,) = mail.outbox
    assert message.subject == "Du har fået adgang til Amager Partnerskab i Trygplan"
    assert "/accounts/invitation/" not in message.body and "/accounts/login/" in message.body


def test_a_person_who_already_has_a_role_is_refused_in_danish(client, amager, koordinator, partner):
    partner.email = "anders@politi.dk"
    partner.save()
    client.force_login(koordinator)
    html = client.post(URL, {"email": "anders@politi.dk", "role": "working_group"}).content.decode()
    assert "Anders Mikkelsen har allerede rollen partnermedarbejder i partnerskabet." in html
    assert Membership.objects.get(user=partner, partnership=amager).role == "partner"
    assert not mail.outbox


def test_a_bad_address_and_a_missing_role_are_refused(client, amager, koordinator):
    client.force_login(koordinator)
    html = client.post(URL, {"email": "eva@", "role": ""}).content.decode()
    assert "Skriv en gyldig e-mail, fx navn@kk.dk." in html and "Vælg en rolle." in html
    assert not get_user_model().objects.filter(email__startswith="eva@").exists()


@pytest.mark.parametrize("who", ["arbejdsgruppe", "styregruppe", "partner"])
def test_other_roles_are_refused(client, amager, who, request):
    client.force_login(request.getfixturevalue(who))
    assert client.post(URL, {"email": "x@kk.dk", "role": "coordinator"}).status_code == 403
    assert not get_user_model().objects.filter(email="x@kk.dk").exists()


def test_anonymous_and_other_partnerships_are_kept_out(client, amager, outsider):
    assert client.post(URL, {"email": "x@kk.dk", "role": "partner"}).status_code == 302
    client.force_login(outsider)
    assert client.post(URL, {"email": "x@kk.dk", "role": "partner"}).status_code == 403
    assert not get_user_model().objects.filter(email="x@kk.dk").exists()


def test_wrong_methods_are_refused(client, amager, koordinator):
    client.force_login(koordinator)
    assert client.delete(URL).status_code == 405
