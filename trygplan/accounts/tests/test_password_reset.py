"""Password reset by e-mail for local accounts (partners outside the city's identity provider)."""

import re

from django.contrib.auth import get_user_model
from django.core import mail

RESET = "/accounts/password-reset/"


def reset_link(message) -> str:
    match = re.search(r"https?://[^/\s]+(/accounts/password-reset/[^\s]+/)", message.body)
    assert match, message.body
    return match.group(1)


def test_a_reset_mail_arrives_with_a_working_link(client, partner):
    partner.email = "pia@3b.dk"
    partner.save()
    response = client.post(RESET, {"email": "pia@3b.dk"})
    assert response.status_code == 302 and response["Location"] == "/accounts/password-reset/sent/"
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == ["pia@3b.dk"]
    assert message.subject == "Nulstil din adgangskode til Trygplan"
    assert "Dit brugernavn er: partner" in message.body

    form_page = client.get(reset_link(message), follow=True)
    assert form_page.status_code == 200
    assert "Vælg en ny adgangskode" in form_page.content.decode()
    set_url = form_page.redirect_chain[-1][0]
    new = "Tryghed-i-Urbanplanen-2025"
    done = client.post(set_url, {"new_password1": new, "new_password2": new})
    assert done.status_code == 302 and done["Location"] == "/accounts/password-reset/done/"

    login = client.post("/accounts/login/", {"username": "partner", "password": new})
    assert login.status_code == 302 and "_auth_user_id" in client.session


def test_the_link_works_once(client, partner):
    partner.email = "pia@3b.dk"
    partner.save()
    client.post(RESET, {"email": "pia@3b.dk"})
    link = reset_link(mail.outbox[0])
    set_url = client.get(link, follow=True).redirect_chain[-1][0]
    new = "Tryghed-i-Urbanplanen-2025"
    client.post(set_url, {"new_password1": new, "new_password2": new})
    again = client.get(link, follow=True)
    assert "Linket virker ikke længere" in again.content.decode()


def test_a_weak_new_password_is_refused_beside_the_field(client, partner):
    partner.email = "pia@3b.dk"
    partner.save()
    client.post(RESET, {"email": "pia@3b.dk"})
    set_url = client.get(reset_link(mail.outbox[0]), follow=True).redirect_chain[-1][0]
    response = client.post(set_url, {"new_password1": "1234", "new_password2": "1234"})
    assert response.status_code == 200
    assert 'id="id_new_password2_error"' in response.content.decode()
    partner.refresh_from_db()
    assert partner.check_password("trygplan-demo")


def test_an_unknown_address_gets_the_same_page_and_no_mail(client, db):
    response = client.post(RESET, {"email": "nobody@example.dk"})
    assert response.status_code == 302 and response["Location"] == "/accounts/password-reset/sent/"
    assert mail.outbox == []


def test_users_of_the_identity_provider_get_no_reset_mail(client, db):
    user = get_user_model().objects.create(username="jens.kk", email="jens@kk.dk")
    user.set_unusable_password()
    user.save()
    client.post(RESET, {"email": "jens@kk.dk"})
    assert mail.outbox == []


def test_the_reset_pages_are_danish_and_linked_from_the_login_page(client, db):
    assert 'href="/accounts/password-reset/"' in client.get("/accounts/login/").content.decode()
    page = client.get(RESET).content.decode()
    assert "<h1>Nulstil adgangskode</h1>" in page and 'class="form-input"' in page
    assert "Tjek din e-mail" in client.get("/accounts/password-reset/sent/").content.decode()


def test_a_reset_lifts_the_lock_out_of_that_user(client, partner):
    partner.email = "pia@3b.dk"
    partner.save()
    for n in range(5):
        client.post("/accounts/login/", {"username": "partner", "password": f"guess-{n}"})
    client.post(RESET, {"email": "pia@3b.dk"})
    set_url = client.get(reset_link(mail.outbox[0]), follow=True).redirect_chain[-1][0]
    new = "Tryghed-i-Urbanplanen-2025"
    client.post(set_url, {"new_password1": new, "new_password2": new})
    login = client.post("/accounts/login/", {"username": "partner", "password": new})
    assert login.status_code == 302 and "_auth_user_id" in client.session
