"""Walk photos are stored under random names in the private storage, and files left in
MEDIA_ROOT by earlier versions move there (renamed) when migrating."""

import re

from django.apps import apps
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage

from trygplan.core.uploads import move_to_private
from trygplan.walks.models import FindingPhoto

from .conftest import jpeg_bytes, make_finding


def test_a_photo_gets_a_random_name_in_the_private_storage(walk, private_media):
    photo = FindingPhoto.private_objects.create(
        finding=make_finding(walk, 1), image=ContentFile(jpeg_bytes(), name="Fru Hansen.jpg")
    )
    assert re.fullmatch(r"walks/\d{4}/[0-9a-f]{32}\.jpg", photo.image.name)
    assert "Hansen" not in photo.image.name
    assert photo.image.path.startswith(str(private_media))


def test_the_migration_moves_an_old_photo_out_of_media_root(walk, private_media, settings):
    photo = FindingPhoto.private_objects.create(
        finding=make_finding(walk, 1), image=ContentFile(jpeg_bytes(), name="a.jpg")
    )
    old = default_storage.save("walks/2016/IMG_0001.jpg", ContentFile(b"old photo"))
    FindingPhoto.private_objects.filter(pk=photo.pk).update(image=old)

    move_to_private("walks", "findingphoto", "image", folder="walks")(apps, None)

    photo.refresh_from_db()
    assert not default_storage.exists(old)
    assert re.fullmatch(r"walks/\d{4}/[0-9a-f]{32}\.jpg", photo.image.name)
    with photo.image.open("rb") as moved:
        assert moved.read() == b"old photo"
