"""The partnership's users and roles (`user_views.users`)."""

import pytest
from django.contrib.auth import get_user_model
from django.urls import reverse

from trygplan.accounts.models import ExternalIdentity, GroupMapping
from trygplan.partnerships.models import Membership

URL = reverse("partnerships:users", args=["amager"])


def test_the_coordinator_sees_who_has_which_role(client, amager, koordinator):
    client.force_login(koordinator)
    response = client.get(URL)
    html = response.content.decode()
    assert response.status_code == 200
    assert "4 brugere har adgang" in html
    assert "Mads Nørgaard" in html and "Arbejdsgruppe" in html
    assert "Inviter en bruger" in html
    # Her own row has no edit link: she cannot lock herself out.
    own = Membership.objects.get(user=koordinator, partnership=amager)
    assert reverse("partnerships:membership_edit", args=["amager", own.pk]) not in html


def test_roles_kept_by_single_sign_on_are_shown_and_not_editable(client, amager, koordinator):
    GroupMapping.objects.create(group="/amager/ag", partnership=amager, role="working_group")
    sso = get_user_model().objects.create_user("idp-user", first_name="Ida", last_name="Poulsen")
    ExternalIdentity.objects.create(user=sso, issuer="https://idp.kk.dk", subject="123")
    membership = Membership.objects.create(user=sso, partnership=amager, role="working_group")
    client.force_login(koordinator)
    html = client.get(URL).content.decode()
    row = html[html.index("Ida Poulsen") :].split("</tr>", 1)[0]
    assert "rollen følger grupperne" in row and "Ændres hos byens administrator" in row
    assert reverse("partnerships:membership_edit", args=["amager", membership.pk]) not in html


def test_an_invited_person_can_be_sent_the_invitation_again(client, amager, koordinator):
    person = get_user_model().objects.create_user("ny@kk.dk", email="ny@kk.dk")  # no password
    Membership.objects.create(user=person, partnership=amager, role="partner")
    client.force_login(koordinator)
    html = client.get(URL).content.decode()
    assert "Inviteret, har ikke valgt adgangskode" in html and "Send invitationen igen" in html


@pytest.mark.parametrize("who", ["arbejdsgruppe", "styregruppe", "partner"])
def test_other_roles_are_refused(client, amager, who, request):
    client.force_login(request.getfixturevalue(who))
    assert client.get(URL).status_code == 403


def test_anonymous_and_other_partnerships_are_kept_out(client, amager, outsider):
    assert client.get(URL).status_code == 302
    client.force_login(outsider)
    assert client.get(URL).status_code == 403


def test_it_is_get_only_with_bounded_queries(
    client, amager, city_admin, django_assert_max_num_queries
):
    client.force_login(city_admin)
    assert client.post(URL).status_code == 405
    with django_assert_max_num_queries(10):
        assert client.get(URL).status_code == 200
