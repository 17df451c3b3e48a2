"""The coordinator's page: ask the reporters for figures ("bed om tal") and give the contacts
that findings are notified to."""

from django.urls import reverse

from trygplan.audit.models import AuditEntry
from trygplan.notifications.models import OrganisationContact

PAGE = reverse("notifications:coordinator", args=["amager"])
FIGURES = reverse("notifications:figures_request", args=["amager"])
CONTACTS = reverse("notifications:contacts_save", args=["amager"])


def test_the_coordinator_asks_the_reporters_for_figures(
    client, koordinator, reporter, organisation, deliver, mailoutbox, django_assert_max_num_queries
):
    client.force_login(koordinator)
    with django_assert_max_num_queries(20):
        response = client.get(PAGE)
    assert response.status_code == 200
    assert "Bed om tal" in response.content.decode()
    data = {
        "figures-year": "2016",
        "figures-organisations": [organisation.pk],
        "figures-message": "Senest 1. marts.",
    }
    with deliver():
        response = client.post(FIGURES, data)
    assert response.status_code == 302
    assert [mail.to for mail in mailoutbox] == [["indberetter@example.org"]]
    assert mailoutbox[0].subject == "Koordinatoren beder om tal for 2016"
    assert "Senest 1. marts." in mailoutbox[0].body
    assert "https://trygplan.test/p/amager/followup/submissions/" in mailoutbox[0].body
    with deliver():
        client.post(FIGURES, data)  # a second click the same day sends nothing
    assert len(mailoutbox) == 1


def test_asking_without_an_organisation_gives_a_message_beside_the_field(
    client, koordinator, reporter
):
    client.force_login(koordinator)
    response = client.post(FIGURES, {"figures-year": "2016"})
    assert response.status_code == 400
    assert "Vælg mindst én organisation." in response.content.decode()


def test_the_coordinator_sets_and_removes_a_contact_for_findings(client, koordinator, amager):
    client.force_login(koordinator)
    response = client.get(PAGE)
    field = next(name for name in response.context["contacts"].fields)
    response = client.post(CONTACTS, {f"contacts-{field}": "drift@example.org"})
    assert response.status_code == 302
    contact = OrganisationContact.objects.get()
    assert contact.email == "drift@example.org" and contact.partnership == amager
    assert AuditEntry.objects.filter(code="notifications.contact.save").count() == 1
    client.post(CONTACTS, {f"contacts-{field}": ""})
    assert not OrganisationContact.objects.exists()


def test_a_bad_address_is_refused_beside_the_field_and_nothing_is_saved(client, koordinator):
    client.force_login(koordinator)
    field = next(name for name in client.get(PAGE).context["contacts"].fields)
    response = client.post(CONTACTS, {f"contacts-{field}": "ikke en adresse"})
    assert response.status_code == 400
    assert "Skriv en gyldig e-mailadresse." in response.content.decode()
    assert not OrganisationContact.objects.exists()


def test_other_members_may_not_use_the_page(client, arbejdsgruppe, partner):
    for user in (arbejdsgruppe, partner):
        client.force_login(user)
        assert client.get(PAGE).status_code == 403
        assert client.post(FIGURES, {"figures-year": "2016"}).status_code == 403


def test_another_partnerships_user_and_anonymous_visitors_get_404(client, outsider, amager):
    assert client.get(PAGE).status_code == 404
    client.force_login(outsider)
    assert client.get(PAGE).status_code == 404
    assert client.post(CONTACTS, {}).status_code == 404


def test_the_actions_refuse_get(client, koordinator):
    client.force_login(koordinator)
    assert client.get(FIGURES).status_code == 405
    assert client.get(CONTACTS).status_code == 405
    assert client.post(PAGE).status_code == 405
