from datetime import datetime

import pytest
from django.utils import timezone
from PIL import Image

from trygplan.audit.display import changes_by_label
from trygplan.audit.models import AuditEntry
from trygplan.followup.models import Event, EventAttendance, EventPhoto


@pytest.fixture
def event(amager, draft2017):
    event = Event.private_objects.create(
        partnership=amager,
        kind="lysfest",
        title="Lysfest 2017",
        starts_at=timezone.make_aware(datetime(2017, 11, 20, 17, 0)),
        place="Remiseparken",
        activity_key="dialog-og-kommunikation",
    )
    EventAttendance.objects.create(event=event, group="children", count=120)
    return event


def _url(event):
    return f"/p/amager/followup/events/{event.pk}/edit/"


def _data(**changes):
    data = {
        "title": "Lysfest 2017",
        "kind": "lysfest",
        "starts_at": "2017-11-20T17:00",
        "ends_at": "",
        "place": "Remiseparken",
        "organiser": "",
        "activity_key": "dialog-og-kommunikation",
        "is_public": "on",
        "story": "",
        "attendance_children": "120",
    }
    return data | changes


def test_the_form_shows_the_event_with_its_counts_and_plan_activities(client, event, koordinator):
    client.force_login(koordinator)
    text = client.get(_url(event)).content.decode()
    assert "Ret arrangement" in text
    assert 'name="attendance_children" value="120"' in text
    assert 'value="2017-11-20T17:00"' in text
    assert '<option value="dialog-og-kommunikation" selected>1. Dialog og kommunikation' in text
    assert "Streetsport" in text


def test_the_working_group_edits_an_event_and_the_change_is_recorded(client, event, arbejdsgruppe):
    client.force_login(arbejdsgruppe)
    data = _data(place="Urbanplanens torv", attendance_children="130", attendance_adults="40")
    response = client.post(_url(event), data)
    assert response.status_code == 302
    event.refresh_from_db()
    assert event.place == "Urbanplanens torv" and event.participants == 170
    audit = AuditEntry.objects.get(object_id=event.pk, action="update")
    assert audit.user == arbejdsgruppe
    assert changes_by_label(audit)["Sted"] == ["Remiseparken", "Urbanplanens torv"]
    assert changes_by_label(audit)["Deltagere: Børn (0-12 år)"] == ["120", "130"]
    assert changes_by_label(audit)["Deltagere: Voksne"] == ["–", "40"]
    page = client.get(response["Location"]).content.decode()
    assert "Urbanplanens torv" in page and "i alt 170" in page


def test_an_unknown_activity_key_is_refused(client, event, koordinator):
    client.force_login(koordinator)
    text = client.post(_url(event), _data(activity_key="findes-ikke")).content.decode()
    assert "Marker en gyldig valgmulighed." in text


def test_a_photo_is_stored_small_and_without_exif_when_consent_is_ticked(
    client, event, koordinator, photo_upload
):
    client.force_login(koordinator)
    data = _data(photo=photo_upload, photo_caption="Lygterne tændes", photo_consent="on")
    assert client.post(_url(event), data).status_code == 302
    photo = EventPhoto.objects.get(event=event)
    assert photo.consent and photo.caption == "Lygterne tændes"
    with Image.open(photo.image.path) as image:
        assert max(image.size) <= 1600
        assert not image.getexif()
    text = client.get("/p/amager/followup/events/").content.decode()
    assert f"/p/amager/followup/events/photos/{photo.pk}/" in text and "Lygterne tændes" in text


def test_a_photo_without_consent_is_refused(client, event, koordinator, photo_upload):
    client.force_login(koordinator)
    text = client.post(_url(event), _data(photo=photo_upload)).content.decode()
    assert "Sæt kryds, når de genkendelige på billedet har givet samtykke." in text
    assert not EventPhoto.objects.exists()


def test_a_file_that_is_not_a_photo_is_refused(client, event, koordinator):
    from django.core.files.uploadedfile import SimpleUploadedFile

    client.force_login(koordinator)
    upload = SimpleUploadedFile("referat.jpg", b"not a picture")
    text = client.post(_url(event), _data(photo=upload, photo_consent="on")).content.decode()
    assert "Filen er ikke et billede." in text


def test_a_photo_can_be_removed(client, event, koordinator, photo_upload):
    client.force_login(koordinator)
    client.post(_url(event), _data(photo=photo_upload, photo_consent="on"))
    photo = EventPhoto.objects.get()
    assert client.post(_url(event), _data(remove_photos=[photo.pk])).status_code == 302
    assert not EventPhoto.objects.exists()


def test_the_events_page_links_to_editing_for_the_working_group_only(
    client, event, koordinator, styregruppe
):
    client.force_login(koordinator)
    assert _url(event) in client.get("/p/amager/followup/events/").content.decode()
    client.force_login(styregruppe)
    assert _url(event) not in client.get("/p/amager/followup/events/").content.decode()


def test_a_read_only_member_cannot_edit(client, event, styregruppe):
    client.force_login(styregruppe)
    assert client.post(_url(event), _data(place="Andetsteds")).status_code == 403


def test_anonymous_visitors_are_sent_to_log_in(client, event):
    assert client.get(_url(event)).status_code == 302


def test_users_of_another_partnership_get_404(client, event, outsider):
    client.force_login(outsider)
    assert client.get(_url(event)).status_code == 404


def test_it_refuses_put(client, event, koordinator):
    client.force_login(koordinator)
    assert client.put(_url(event)).status_code == 405


def test_an_impossible_participant_count_is_refused_not_a_500(client, event, koordinator):
    client.force_login(koordinator)
    response = client.post(_url(event), _data(attendance_children="9" * 25))
    assert response.status_code == 200
    assert "Skriv et antal på højst 1000000." in response.content.decode()
    assert event.participants == 120


def test_an_activity_not_in_the_events_years_plan_is_refused(client, event, koordinator):
    client.force_login(koordinator)
    text = client.post(_url(event), _data(starts_at="2015-11-20T17:00")).content.decode()
    assert "Aktiviteten er ikke med i tryghedsplanen for 2015, arrangementets år." in text
