"""Event photos are stored outside any served folder and come only through their view:
photos with consent of public events to everyone, the rest to the people who record events."""

import io
import re
from datetime import datetime

import pytest
from django.core.files.base import ContentFile
from django.utils import timezone
from PIL import Image

from trygplan.followup.models import Event, EventPhoto


def _jpeg() -> ContentFile:
    buffer = io.BytesIO()
    Image.new("RGB", (8, 8), "#4a7").save(buffer, format="JPEG")
    return ContentFile(buffer.getvalue(), name="lysfest.jpg")


@pytest.fixture
def event(amager):
    return Event.private_objects.create(
        partnership=amager,
        kind="lysfest",
        title="Lysfest",
        starts_at=timezone.make_aware(datetime(2016, 11, 20, 17, 0)),
        place="Remiseparken",
        is_public=True,
    )


@pytest.fixture
def consented(event):
    return EventPhoto.objects.create(event=event, image=_jpeg(), consent=True)


@pytest.fixture
def without_consent(event):
    return EventPhoto.objects.create(event=event, image=_jpeg(), consent=False)


def _url(photo):
    return f"/p/amager/followup/events/photos/{photo.pk}/"


def test_a_photo_is_stored_under_a_random_name_outside_media_root(
    consented, private_media, settings
):
    path = consented.image.path
    assert path.startswith(str(private_media))
    assert not path.startswith(str(settings.MEDIA_ROOT))
    assert re.fullmatch(r"followup/events/\d{4}/[0-9a-f]{32}\.jpg", consented.image.name)
    with pytest.raises(ValueError):
        consented.image.url  # noqa: B018  (no URL: a web server has nothing to serve)


def test_anyone_sees_a_photo_with_consent_of_a_public_event(client, consented):
    response = client.get(_url(consented))
    assert response.status_code == 200
    assert response["Content-Type"] == "image/jpeg"
    assert b"".join(response.streaming_content).startswith(b"\xff\xd8")


def test_a_photo_without_consent_is_not_found_for_the_public(client, without_consent):
    assert client.get(_url(without_consent)).status_code == 404


def test_a_read_only_member_does_not_see_a_photo_without_consent(
    client, without_consent, styregruppe
):
    client.force_login(styregruppe)
    assert client.get(_url(without_consent)).status_code == 404


def test_the_working_group_sees_a_photo_without_consent_privately(
    client, without_consent, arbejdsgruppe
):
    client.force_login(arbejdsgruppe)
    response = client.get(_url(without_consent))
    assert response.status_code == 200
    assert response["Cache-Control"] == "private, no-store"


def test_a_photo_of_an_internal_event_is_not_found_for_the_public(client, consented, event):
    Event.private_objects.filter(pk=event.pk).update(is_public=False)
    assert client.get(_url(consented)).status_code == 404


def test_users_of_another_partnership_see_only_public_photos(
    client, consented, without_consent, outsider
):
    client.force_login(outsider)
    assert client.get(_url(consented)).status_code == 200
    assert client.get(_url(without_consent)).status_code == 404


def test_it_refuses_post(client, consented):
    assert client.post(_url(consented)).status_code == 405
