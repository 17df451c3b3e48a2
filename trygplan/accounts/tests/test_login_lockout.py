"""Throttling of password guessing (django-axes): 5 failures lock a username from an address."""

import datetime

from axes.models import AccessAttempt
from django.urls import reverse

LOGIN = "/accounts/login/"


def attempt(client, username, password, ip="10.0.0.7", **headers):
    return client.post(
        LOGIN, {"username": username, "password": password}, REMOTE_ADDR=ip, **headers
    )


def logged_in(client) -> bool:
    return "_auth_user_id" in client.session


def test_twenty_wrong_passwords_then_the_right_one_does_not_log_in(client, koordinator):
    statuses = [attempt(client, "koordinator", f"guess-{n}").status_code for n in range(20)]
    assert statuses[:4] == [200] * 4 and set(statuses[4:]) == {429}
    response = attempt(client, "koordinator", "trygplan-demo")
    assert response.status_code == 429 and not logged_in(client)
    html = response.content.decode()
    assert "Login er midlertidigt spærret" in html and "15 minutter" in html


def test_four_failures_do_not_lock_and_a_success_resets_the_count(client, koordinator):
    for n in range(4):
        attempt(client, "koordinator", f"guess-{n}")
    assert attempt(client, "koordinator", "trygplan-demo").status_code == 302
    assert logged_in(client)
    client.logout()
    for n in range(4):
        attempt(client, "koordinator", f"again-{n}")
    assert attempt(client, "koordinator", "trygplan-demo").status_code == 302


def test_the_lock_lifts_after_fifteen_minutes(client, koordinator):
    for n in range(5):
        attempt(client, "koordinator", f"guess-{n}")
    assert attempt(client, "koordinator", "trygplan-demo").status_code == 429
    AccessAttempt.objects.update(
        attempt_time=datetime.datetime.now(datetime.UTC) - datetime.timedelta(minutes=16)
    )
    assert attempt(client, "koordinator", "trygplan-demo").status_code == 302
    assert logged_in(client)


def test_the_lock_is_for_the_username_from_that_address_only(client, koordinator, partner):
    for n in range(5):
        attempt(client, "koordinator", f"guess-{n}", ip="10.0.0.7")
    assert attempt(client, "partner", "trygplan-demo", ip="10.0.0.7").status_code == 302
    client.logout()
    assert attempt(client, "koordinator", "trygplan-demo", ip="10.9.9.9").status_code == 302


def test_a_hundred_wrong_admin_passwords_are_locked_out(client, city_admin):
    url = reverse("admin:login")
    statuses = [
        client.post(url, {"username": "admin", "password": f"guess-{n}"}).status_code
        for n in range(100)
    ]
    assert statuses[:4] == [200] * 4 and statuses.count(429) == 96  # the 5th failure locks
    response = client.post(url, {"username": "admin", "password": "trygplan-demo"})
    assert response.status_code == 429 and not logged_in(client)
    assert "For mange forkerte forsøg" in response.content.decode()


def test_behind_a_proxy_the_forwarded_address_counts_and_cannot_be_forged(
    client, koordinator, settings
):
    settings.TRYGPLAN_TRUSTED_PROXY_COUNT = 1
    for n in range(5):
        # The client writes its own X-Forwarded-For; the proxy appends the real address.
        forged = f"192.0.2.{n}, 203.0.113.5"
        attempt(client, "koordinator", f"guess-{n}", ip="10.0.0.1", HTTP_X_FORWARDED_FOR=forged)
    locked = attempt(
        client, "koordinator", "trygplan-demo", ip="10.0.0.1", HTTP_X_FORWARDED_FOR="203.0.113.5"
    )
    assert locked.status_code == 429
    other = attempt(
        client, "koordinator", "trygplan-demo", ip="10.0.0.1", HTTP_X_FORWARDED_FOR="198.51.100.8"
    )
    assert other.status_code == 302


def test_failed_and_locked_logins_are_logged(client, koordinator, caplog):
    caplog.set_level("INFO", logger="trygplan.accounts")
    for n in range(5):
        attempt(client, "koordinator", f"guess-{n}")
    events = [(record.getMessage(), getattr(record, "username", "")) for record in caplog.records]
    assert events.count(("login_failed", "koordinator")) == 5
    assert ("login_locked_out", "koordinator") in events
    assert not any("guess" in str(vars(record)) for record in caplog.records)
