"""Writing a story from an event, a walk or a fixed finding: prefilled, photos with consent
only, saved as a draft and audited; only the coordinator and the working group write."""

import pytest

from trygplan.audit.models import AuditEntry
from trygplan.magazine.models import Story

URL = "/p/amager/magazine/stories/new/"


@pytest.fixture
def source(lysfest):
    return {"kilde": f"event-{lysfest.pk}"}


def test_the_form_is_prefilled_from_the_event(client, koordinator, source, lysfest):
    client.force_login(koordinator)
    response = client.get(URL, source)
    assert response.status_code == 200
    assert response.context["form"]["title"].value() == "Lysfest 2016"
    assert "Lanterner og lyskæder" in response.context["form"]["text"].value()


def test_only_photos_with_consent_can_be_chosen(
    client, koordinator, source, consented, without_consent
):
    client.force_login(koordinator)
    text = client.get(URL, source).content.decode()
    assert "Lanterner i Remiseparken" in text
    assert "Børn med lanterner" not in text
    response = client.post(
        f"{URL}?kilde={source['kilde']}",
        {"title": "Lys", "text": "Tekst", "photos": [f"event-{without_consent.pk}"]},
    )
    assert response.status_code == 200
    assert "photos" in response.context["form"].errors
    assert not Story.private_objects.filter(title="Lys").exists()


def test_the_coordinator_saves_a_draft_story_with_a_photo(client, koordinator, source, consented):
    client.force_login(koordinator)
    response = client.post(
        f"{URL}?kilde={source['kilde']}",
        {"title": "Lys i mørket", "text": "Mange gik med.", "photos": [f"event-{consented.pk}"]},
    )
    assert response.status_code == 302
    story = Story.private_objects.get(title="Lys i mørket")
    assert not story.is_published
    assert [p.event_photo for p in story.photos.all()] == [consented]
    assert AuditEntry.objects.filter(object_id=story.pk, code="story.create").exists()


def test_an_empty_title_gets_a_message_and_nothing_is_saved(client, koordinator, source):
    client.force_login(koordinator)
    before = Story.private_objects.count()
    response = client.post(f"{URL}?kilde={source['kilde']}", {"title": "", "text": "x"})
    assert response.status_code == 200
    assert response.context["form"].errors["title"]
    assert Story.private_objects.count() == before


def test_an_unknown_source_is_a_404(client, koordinator, magazine):
    client.force_login(koordinator)
    assert client.get(URL, {"kilde": "event-999999"}).status_code == 404


def test_no_source_goes_back_to_the_magazine(client, koordinator, magazine):
    client.force_login(koordinator)
    response = client.get(URL)
    assert response.status_code == 302


def test_the_form_refuses_put(client, koordinator, source):
    client.force_login(koordinator)
    assert client.put(f"{URL}?kilde={source['kilde']}").status_code == 405


def test_anonymous_is_sent_to_log_in(client, source):
    response = client.get(URL, source)
    assert response.status_code == 302
    assert "/accounts/login/" in response["Location"]


def test_another_partnerships_user_gets_a_404(client, outsider, source):
    client.force_login(outsider)
    assert client.get(URL, source).status_code == 404


def test_partner_staff_cannot_write_stories(client, partner, source):
    client.force_login(partner)
    assert client.get(URL, source).status_code == 403
    assert (
        client.post(f"{URL}?kilde={source['kilde']}", {"title": "x", "text": "y"}).status_code
        == 403
    )
