import re

from django.contrib.auth import get_user_model
from django.core import mail
from django.urls import reverse

from trygplan.partnerships.models import Membership, Role


def _url(partnership):
    return reverse("city:partnership_setup", args=[partnership.slug])


def _invite(client, partnership, captured, **extra):
    data = {
        "email": "ny@example.org",
        "first_name": "Nina",
        "last_name": "Ny",
        "role": "working_group",
    }
    with captured(execute=True):
        return client.post(_url(partnership), {**data, **extra})


def test_an_invited_person_gets_an_account_without_a_password_and_a_link_to_set_one(
    client, tingbjerg, city_admin, django_capture_on_commit_callbacks
):
    client.force_login(city_admin)
    response = _invite(client, tingbjerg, django_capture_on_commit_callbacks)
    assert response.status_code == 302
    invited = get_user_model().objects.get(email="ny@example.org")
    assert not invited.has_usable_password()
    assert Membership.objects.get(user=invited).partnership == tingbjerg
    assert len(mail.outbox) == 1 and "Tingbjerg Partnerskab" in mail.outbox[0].subject
    link = re.search(r"https?://[^/\s]+(/accounts/invitation/\S+)", mail.outbox[0].body)
    client.logout()
    page = client.get(link.group(1), follow=True)
    assert page.status_code == 200
    response = client.post(
        page.redirect_chain[-1][0],
        {"new_password1": "Tryg-og-sikker-2026", "new_password2": "Tryg-og-sikker-2026"},
    )
    assert response.status_code == 302
    invited.refresh_from_db()
    assert invited.check_password("Tryg-og-sikker-2026")


def test_a_known_person_gets_a_second_membership_and_keeps_their_account(
    client, amager, tingbjerg, city_admin, partner, django_capture_on_commit_callbacks
):
    partner.email = "partner@example.org"
    partner.save()
    client.force_login(city_admin)
    _invite(client, tingbjerg, django_capture_on_commit_callbacks, email="PARTNER@example.org")
    roles = dict(partner.memberships.values_list("partnership__slug", "role"))
    assert roles == {"amager": Role.PARTNER, "tingbjerg": Role.WORKING_GROUP}
    assert partner.has_usable_password() and "/accounts/invitation/" not in mail.outbox[0].body


def test_a_person_with_a_role_already_is_refused_beside_the_field(
    client, tingbjerg, city_admin, django_capture_on_commit_callbacks
):
    client.force_login(city_admin)
    _invite(client, tingbjerg, django_capture_on_commit_callbacks)
    response = _invite(client, tingbjerg, django_capture_on_commit_callbacks, role="partner")
    assert response.status_code == 200
    assert "har allerede rollen arbejdsgruppe" in response.context["form"].errors["email"][0]
    assert len(mail.outbox) == 1


def test_the_coordinator_invites_to_their_own_partnership_only(
    client, amager, tingbjerg, koordinator, django_capture_on_commit_callbacks
):
    client.force_login(koordinator)
    assert client.get(_url(amager)).status_code == 200
    assert _invite(client, amager, django_capture_on_commit_callbacks).status_code == 302
    assert client.get(_url(tingbjerg)).status_code == 403


def test_read_only_roles_and_anonymous_may_not_invite(client, amager, partner):
    assert client.get(_url(amager)).status_code == 302
    client.force_login(partner)
    assert (
        client.post(
            _url(amager), {"email": "x@example.org", "first_name": "X", "role": "partner"}
        ).status_code
        == 403
    )
    assert not get_user_model().objects.filter(email="x@example.org").exists()
    assert client.put(_url(amager)).status_code == 405


def test_the_setup_page_lists_who_has_which_role(client, amager, city_admin):
    client.force_login(city_admin)
    html = client.get(_url(amager)).content.decode()
    assert "koordinator" in html and "Koordinator" in html
