"""The invitation's link: choose a password, then log in (`accounts.invitations`)."""

from datetime import datetime, timedelta

from django.contrib.auth import get_user_model
from django.contrib.auth.tokens import default_token_generator
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode

from trygplan.accounts.invitations import InvitationTokenGenerator, invitation_link

NEW = "Tryghed-i-Urbanplanen-2025"


def _invited(db):
    user = get_user_model().objects.create_user("eva@kk.dk", email="eva@kk.dk")
    user.set_unusable_password()
    user.save()
    return user


def test_the_link_sets_a_password_once_and_the_person_logs_in(client, db):
    user = _invited(db)
    link = invitation_link(user, "http://testserver")
    page = client.get(link, follow=True)
    assert "Vælg din adgangskode" in page.content.decode()
    assert "Dit brugernavn er <strong>eva@kk.dk</strong>" in page.content.decode()
    set_url = page.redirect_chain[-1][0]
    done = client.post(set_url, {"new_password1": NEW, "new_password2": NEW})
    assert done.status_code == 302 and done["Location"] == "/accounts/password-reset/done/"
    login = client.post("/accounts/login/", {"username": "eva@kk.dk", "password": NEW})
    assert login.status_code == 302 and "_auth_user_id" in client.session
    client.logout()
    again = client.get(link, follow=True)
    assert "Linket virker ikke længere" in again.content.decode()


def test_the_link_works_for_a_week_not_longer(db, monkeypatch):
    user = _invited(db)
    generator = InvitationTokenGenerator()
    token = generator.make_token(user)
    later = datetime.now() + timedelta(days=6, hours=23)
    monkeypatch.setattr(generator, "_now", lambda: later)
    assert generator.check_token(user, token)
    monkeypatch.setattr(generator, "_now", lambda: later + timedelta(hours=2))
    assert not generator.check_token(user, token)


def test_a_password_reset_token_is_no_invitation(client, db):
    user = _invited(db)
    uid = urlsafe_base64_encode(force_bytes(user.pk))
    token = default_token_generator.make_token(user)
    page = client.get(f"/accounts/invitation/{uid}/{token}/", follow=True)
    assert "Linket virker ikke længere" in page.content.decode()
    assert not InvitationTokenGenerator().check_token(user, "garbage")
