"""Sessions end after 30 idle minutes, and 12 hours after login at the latest."""

import time

from trygplan.accounts.middleware import LAST_SEEN, STARTED

PAGE = "/p/amager/"


def age_session(client, **seconds_ago):
    session = client.session
    now = time.time()
    for key, ago in seconds_ago.items():
        session[{"last_seen": LAST_SEEN, "started": STARTED}[key]] = now - ago
    session.save()


def test_a_session_idle_for_31_minutes_is_logged_out(client, koordinator):
    client.force_login(koordinator)
    client.get(PAGE)
    age_session(client, last_seen=31 * 60)
    response = client.get(PAGE)
    assert response.status_code == 200
    assert "_auth_user_id" not in client.session
    html = response.content.decode()
    assert "ikke har været aktiv i 30 minutter" in html
    assert "Log ind" in html


def test_a_session_used_within_30_minutes_stays(client, koordinator):
    client.force_login(koordinator)
    client.get(PAGE)
    age_session(client, last_seen=29 * 60)
    client.get(PAGE)
    assert int(client.session["_auth_user_id"]) == koordinator.pk
    assert time.time() - client.session[LAST_SEEN] < 5  # the request counted as activity


def test_an_active_session_ends_12_hours_after_login(client, koordinator):
    client.force_login(koordinator)
    client.get(PAGE)
    age_session(client, started=12 * 3600 + 60, last_seen=10)
    response = client.get(PAGE)
    assert "_auth_user_id" not in client.session
    assert "Log ind igen for at fortsætte" in response.content.decode()


def test_the_idle_time_is_a_setting(client, koordinator, settings):
    settings.TRYGPLAN_SESSION_IDLE_MINUTES = 5
    client.force_login(koordinator)
    client.get(PAGE)
    age_session(client, last_seen=6 * 60)
    client.get(PAGE)
    assert "_auth_user_id" not in client.session


def test_the_session_cookie_lives_12_hours_not_14_days(settings):
    assert settings.SESSION_COOKIE_AGE == 12 * 3600
    assert settings.SESSION_ENGINE == "django.contrib.sessions.backends.db"


def test_the_first_request_after_login_writes_no_session(client, koordinator):
    from django.contrib.sessions.models import Session

    client.force_login(koordinator)
    before = Session.objects.get().expire_date
    client.get(PAGE)
    assert Session.objects.get().expire_date == before
    assert LAST_SEEN not in client.session


def test_a_session_without_its_own_times_counts_from_the_login(client, koordinator):
    import datetime

    from django.contrib.auth import get_user_model

    client.force_login(koordinator)
    get_user_model().objects.filter(pk=koordinator.pk).update(
        last_login=datetime.datetime.now(datetime.UTC) - datetime.timedelta(minutes=45)
    )
    client.get(PAGE)
    assert "_auth_user_id" not in client.session
