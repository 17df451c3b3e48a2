"""A logged-in user turns kinds of e-mail on and off on /notifications/."""

from django.urls import reverse

from trygplan.notifications.models import Preference

URL = reverse("notifications:preferences")


def test_a_steering_group_member_sees_their_kinds_and_turns_one_off(client, styregruppe):
    client.force_login(styregruppe)
    response = client.get(URL)
    assert response.status_code == 200
    content = response.content.decode()
    assert "En plan venter på styregruppens beslutning" in content
    assert "Ugens oversigt" not in content  # the coordinator's digest is not theirs
    response = client.post(URL, {"report_waiting": "on"})
    assert response.status_code == 302
    assert Preference.objects.turned_off(styregruppe) == {"plan_waiting"}


def test_turning_a_kind_on_again_is_remembered(client, styregruppe):
    Preference.objects.create(user=styregruppe, kind="plan_waiting", enabled=False)
    client.force_login(styregruppe)
    client.post(URL, {"plan_waiting": "on", "report_waiting": "on"})
    assert Preference.objects.turned_off(styregruppe) == set()


def test_a_user_with_no_kinds_is_told_so(client, partner):
    client.force_login(partner)
    response = client.get(URL)
    assert response.status_code == 200
    assert "Du får ingen e-mails fra Trygplan i dine nuværende roller" in response.content.decode()


def test_anonymous_visitors_are_sent_to_the_login(client, amager):
    response = client.get(URL)
    assert response.status_code == 302 and "/accounts/login/" in response["Location"]


def test_the_page_refuses_other_methods(client, styregruppe):
    client.force_login(styregruppe)
    assert client.put(URL).status_code == 405


def test_a_user_cannot_change_kinds_that_are_not_theirs(client, styregruppe):
    client.force_login(styregruppe)
    client.post(URL, {"plan_waiting": "on"})  # coordinator_digest is not on their page
    assert not Preference.objects.filter(user=styregruppe, kind="coordinator_digest").exists()
