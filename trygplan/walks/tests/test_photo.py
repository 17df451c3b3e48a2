from django.core.files.base import ContentFile

from trygplan.walks.models import FindingPhoto

from .conftest import jpeg_bytes


def _photo(finding):
    return FindingPhoto.private_objects.create(
        finding=finding, image=ContentFile(jpeg_bytes(gps=False), name="f.jpg")
    )


def test_a_public_findings_photo_is_shown_to_everyone(client, findings):
    photo = _photo(findings["public"])
    response = client.get(f"/p/amager/walks/photos/{photo.pk}/")
    assert response.status_code == 200
    assert response["Content-Type"] == "image/jpeg"
    assert b"".join(response.streaming_content)[:2] == b"\xff\xd8"


def test_a_partnership_findings_photo_is_private(client, partner, outsider, findings):
    photo = _photo(findings["partnership"])
    url = f"/p/amager/walks/photos/{photo.pk}/"
    assert client.get(url).status_code == 404
    client.force_login(outsider)
    assert client.get(url).status_code == 404
    client.force_login(partner)
    assert client.get(url).status_code == 200


def test_a_police_only_photo_needs_police_access(client, koordinator, police, findings):
    photo = _photo(findings["police"])
    url = f"/p/amager/walks/photos/{photo.pk}/"
    client.force_login(koordinator)
    assert client.get(url).status_code == 404
    client.force_login(police)
    assert client.get(url).status_code == 200


def test_it_refuses_post(client, koordinator, findings):
    photo = _photo(findings["public"])
    client.force_login(koordinator)
    assert client.post(f"/p/amager/walks/photos/{photo.pk}/").status_code == 405
