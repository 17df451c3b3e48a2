"""The stop link in mails to people without an account: GET asks, POST stops."""

from django.urls import reverse

from trygplan.notifications.models import StoppedRecipient
from trygplan.notifications.services import stop_token

from .conftest import submit


def test_an_applicant_stops_further_mails_through_the_link(client, urban, deliver, mailoutbox):
    application = submit(urban)
    url = reverse("notifications:stop", args=[stop_token(f"application:{application.pk}")])
    response = client.get(url)
    assert (
        response.status_code == 200 and "Send mig ikke flere e-mails" in response.content.decode()
    )
    assert not StoppedRecipient.objects.exists()  # a mail program opening the link stops nothing
    response = client.post(url)
    assert response.status_code == 200 and "Du er frameldt" in response.content.decode()
    with deliver():
        submit(urban, title="Endnu en ansøgning", applicant_email="tove@example.org")
    # the earlier mail was withdrawn, and the new application is a new recipient
    assert [mail.subject for mail in mailoutbox] == [
        "Vi har modtaget din ansøgning: Endnu en ansøgning"
    ]


def test_a_stopped_application_gets_no_more_mails(
    client, urban, arbejdsgruppe, deliver, mailoutbox
):
    from .conftest import S, advance

    application = submit(urban)
    client.post(reverse("notifications:stop", args=[stop_token(f"application:{application.pk}")]))
    with deliver():
        advance(application, arbejdsgruppe, S.SCREENING)
        advance(application, arbejdsgruppe, S.REJECTED, comment="Nej.")
    assert mailoutbox == []


def test_a_forged_link_is_not_found(client, amager):
    response = client.get(reverse("notifications:stop", args=["application:1"]))
    assert response.status_code == 404


def test_the_stop_page_refuses_other_methods(client, amager):
    url = reverse("notifications:stop", args=[stop_token("application:1")])
    assert client.delete(url).status_code == 405
