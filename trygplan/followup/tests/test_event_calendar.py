from datetime import timedelta

from django.utils import timezone

from trygplan.followup.exports import ics_escape, ics_fold
from trygplan.followup.models import Event

URL = "/p/amager/followup/events/calendar.ics"


def _event(amager, **changes):
    start = timezone.now() + timedelta(days=3)
    data = {
        "partnership": amager,
        "kind": "safety_walk",
        "title": "Tryghedsvandring; forår, Urbanplanen",
        "starts_at": start,
        "ends_at": start + timedelta(hours=2),
        "place": "Urbanplanen",
        "story": "Første linje\nAnden linje " + "lang " * 30,
    }
    data.update(changes)
    return Event.private_objects.create(**data)


def _start_of_year():
    return timezone.localtime().replace(month=1, day=1, hour=0, minute=0, second=0, microsecond=0)


def test_the_feed_is_valid_icalendar_with_this_years_public_events(client, amager):
    event = _event(amager)
    _event(amager, title="Internt møde", is_public=False)
    _event(amager, title="Sidste år", starts_at=_start_of_year() - timedelta(days=1), ends_at=None)
    response = client.get(URL)
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    body = response.content.decode()
    assert body.startswith("BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:")
    assert body.endswith("END:VCALENDAR\r\n")
    assert "\n" not in body.replace("\r\n", "")
    assert body.count("BEGIN:VEVENT") == 1
    assert f"UID:event-{event.pk}@amager.trygplan\r\n" in body
    assert "DTSTAMP:" in body
    assert "SUMMARY:Tryghedsvandring\\; forår\\, Urbanplanen" in body
    assert "Internt møde" not in body and "Sidste år" not in body
    assert all(len(line.encode()) <= 75 for line in body.split("\r\n"))


def test_text_is_escaped_and_long_lines_are_folded():
    assert ics_escape("a\\b;c,d\ne") == "a\\\\b\\;c\\,d\\ne"
    folded = ics_fold("DESCRIPTION:" + "æ" * 60)
    assert all(len(part.encode()) <= 75 for part in folded.split("\r\n"))
    assert folded.replace("\r\n ", "") == "DESCRIPTION:" + "æ" * 60


def test_another_partnerships_user_gets_the_same_public_feed(client, amager, outsider):
    _event(amager, title="Internt møde", is_public=False)
    client.force_login(outsider)
    assert "Internt møde" not in client.get(URL).content.decode()


def test_members_also_get_only_public_events(client, amager, partner):
    _event(amager, title="Internt møde", is_public=False)
    client.force_login(partner)
    assert "Internt møde" not in client.get(URL).content.decode()


def test_it_refuses_post(client, amager):
    assert client.post(URL).status_code == 405


def test_past_events_of_this_year_stay_in_the_feed(client, amager):
    past = _event(
        amager, title="Lysfest i januar", starts_at=_start_of_year() + timedelta(minutes=1)
    )
    body = client.get(URL).content.decode().replace("\r\n ", "")
    assert "SUMMARY:Lysfest i januar" in body
    assert f"URL:http://testserver/p/amager/followup/events/#event-{past.pk}" in body


def test_uids_do_not_depend_on_the_host(client, amager):
    event = _event(amager)
    one = client.get(URL, HTTP_HOST="127.0.0.1").content.decode()
    other = client.get(URL, HTTP_HOST="trygplan.kk.dk").content.decode()
    uid = f"UID:event-{event.pk}@amager.trygplan"
    assert uid in one and uid in other and "127.0.0.1" not in one.split("URL:")[0]


def test_the_events_page_offers_a_webcal_link(client, amager, plan2016):
    html = client.get("/p/amager/followup/events/", HTTP_HOST="trygplan.kk.dk").content.decode()
    assert 'href="webcal://trygplan.kk.dk/p/amager/followup/events/calendar.ics"' in html
