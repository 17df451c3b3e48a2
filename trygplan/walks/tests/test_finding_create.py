"""Saving a finding from the phone: de-duplicated retries, photos cleaned, bad input refused
with a Danish message and nothing half-saved."""

import io
import uuid

from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image

from trygplan.audit.models import AuditEntry
from trygplan.walks.models import Finding, FindingPhoto
from trygplan.walks.workflow import FINDING

from .conftest import INSIDE, OUTSIDE_AREA, jpeg_bytes

JSON = {"HTTP_ACCEPT": "application/json"}


def _url(walk):
    return f"/p/amager/walks/{walk.pk}/findings/"


def _data(**overrides):
    data = {
        "client_uuid": str(uuid.uuid4()),
        "lon": INSIDE[0],
        "lat": INSIDE[1],
        "category": "lighting",
        "description": "Lampen ved porten er gået ud.",
        "score_feeling": "1",
    }
    data.update(overrides)
    return data


def test_a_finding_is_saved_with_number_step_and_audit(client, arbejdsgruppe, walk):
    client.force_login(arbejdsgruppe)
    response = client.post(_url(walk), _data(), **JSON)
    assert response.status_code == 201
    finding = Finding.private_objects.get()
    assert response.json() == {
        "id": finding.pk,
        "number": 1,
        "created": True,
        "url": finding.get_absolute_url(),
        "warning": "",
    }
    assert finding.status == Finding.Status.NEW
    assert finding.score_feeling == 1
    assert finding.created_by == arbejdsgruppe
    assert FINDING.steps(finding).filter(to_state="new").exists()
    assert AuditEntry.objects.filter(object_id=finding.pk, action="create").exists()


def test_the_same_finding_sent_twice_is_saved_once(client, arbejdsgruppe, walk):
    client.force_login(arbejdsgruppe)
    data = _data()
    first = client.post(_url(walk), data, **JSON)
    again = client.post(_url(walk), data, **JSON)
    assert first.status_code == 201
    assert again.status_code == 200
    assert again.json()["id"] == first.json()["id"]
    assert again.json()["created"] is False
    assert Finding.private_objects.count() == 1


def test_a_uuid_already_used_on_another_walk_is_refused(client, arbejdsgruppe, walk, findings):
    from trygplan.walks.models import Walk

    other = Walk.private_objects.create(
        partnership=walk.partnership,
        title="Anden vandring",
        starts_at=walk.starts_at,
        light="dark",
        season="autumn",
    )
    client.force_login(arbejdsgruppe)
    data = _data(client_uuid=str(findings["public"].client_uuid))
    response = client.post(_url(other), data, **JSON)
    assert response.status_code == 400
    assert response.json()["errors"]["client_uuid"] == [
        "Fundet er allerede gemt på en anden vandring."
    ]
    assert not other.findings.exists()


def test_numbers_follow_on_within_the_walk(client, arbejdsgruppe, walk):
    client.force_login(arbejdsgruppe)
    client.post(_url(walk), _data(), **JSON)
    response = client.post(_url(walk), _data(), **JSON)
    assert response.json()["number"] == 2


def test_a_photo_is_resized_and_its_gps_metadata_stripped(client, arbejdsgruppe, walk):
    client.force_login(arbejdsgruppe)
    upload = SimpleUploadedFile("IMG_1.jpg", jpeg_bytes((4000, 3000)), content_type="image/jpeg")
    assert Image.open(io.BytesIO(jpeg_bytes())).getexif()  # the original has EXIF with GPS
    response = client.post(_url(walk), _data(photo=upload), **JSON)
    assert response.status_code == 201
    photo = FindingPhoto.private_objects.get()
    stored = Image.open(photo.image.path)
    assert max(stored.size) == 1600
    assert not stored.getexif()
    assert "exif" not in stored.info


def test_a_photo_that_is_not_an_image_is_refused_and_nothing_is_saved(client, arbejdsgruppe, walk):
    client.force_login(arbejdsgruppe)
    fake = SimpleUploadedFile("foto.jpg", b"%PDF-1.4 not an image", content_type="image/jpeg")
    response = client.post(_url(walk), _data(photo=fake), **JSON)
    assert response.status_code == 400
    assert response.json()["errors"]["photo"] == [
        "Filen er ikke et billede. Vælg et foto (JPEG, PNG, HEIF eller WebP)."
    ]
    assert not Finding.private_objects.exists()
    assert not FindingPhoto.private_objects.exists()


def test_a_20_mb_photo_is_refused_in_danish(client, arbejdsgruppe, walk):
    client.force_login(arbejdsgruppe)
    big = SimpleUploadedFile("stor.jpg", b"\xff" * (20 * 1024 * 1024), content_type="image/jpeg")
    response = client.post(_url(walk), _data(photo=big), **JSON)
    assert response.status_code == 400
    assert response.json()["errors"]["photo"] == [
        "Billedet er for stort (20 MB). Det må højst fylde 15 MB."
    ]
    assert not Finding.private_objects.exists()


def test_a_50_mb_request_is_refused_before_it_is_read(client, arbejdsgruppe, walk):
    client.force_login(arbejdsgruppe)
    big = SimpleUploadedFile("stor.jpg", b"\xff" * (50 * 1024 * 1024), content_type="image/jpeg")
    response = client.post(_url(walk), _data(photo=big), **JSON)
    assert response.status_code == 413
    assert response.json()["errors"]["__all__"] == [
        "Det sendte fylder for meget (50 MB). Der kan højst sendes 25 MB ad gangen. Intet er gemt."
    ]
    assert not Finding.private_objects.exists()


def test_a_pin_outside_denmark_is_refused(client, arbejdsgruppe, walk):
    client.force_login(arbejdsgruppe)
    response = client.post(_url(walk), _data(lon="2.3522", lat="48.8566"), **JSON)
    assert response.status_code == 400
    assert response.json()["errors"]["lon"] == [
        "Punktet ligger uden for Danmark. Sæt nålen der, hvor fundet blev gjort."
    ]
    assert not Finding.private_objects.exists()


def test_a_pin_outside_the_partnership_area_is_saved_with_a_warning(client, arbejdsgruppe, walk):
    client.force_login(arbejdsgruppe)
    response = client.post(_url(walk), _data(lon=OUTSIDE_AREA[0], lat=OUTSIDE_AREA[1]), **JSON)
    assert response.status_code == 201
    assert response.json()["warning"] == "Bemærk: punktet ligger uden for partnerskabsområdet."


def test_a_missing_pin_and_category_are_explained(client, arbejdsgruppe, walk):
    client.force_login(arbejdsgruppe)
    response = client.post(_url(walk), _data(lon="", lat="", category=""), **JSON)
    errors = response.json()["errors"]
    assert errors["lon"] == ["Tryk på kortet eller brug din position for at sætte nålen."]
    assert errors["category"] == ["Vælg hvad fundet handler om."]


def test_without_javascript_it_redirects_back_with_a_message(client, arbejdsgruppe, walk):
    client.force_login(arbejdsgruppe)
    response = client.post(_url(walk), _data(), follow=True)
    assert "Fund 1 er gemt." in response.content.decode()


def test_read_only_roles_cannot_add_findings(client, partner, walk):
    client.force_login(partner)
    assert client.post(_url(walk), _data(), **JSON).status_code == 403
    assert not Finding.private_objects.exists()


def test_anonymous_and_outsiders_are_refused(client, outsider, walk):
    assert client.post(_url(walk), _data(), **JSON).status_code == 404
    client.force_login(outsider)
    assert client.post(_url(walk), _data(), **JSON).status_code == 403


def test_it_refuses_get(client, koordinator, walk):
    client.force_login(koordinator)
    assert client.get(_url(walk)).status_code == 405
