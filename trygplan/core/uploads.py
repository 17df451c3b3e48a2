"""Where uploads are kept and how they arrive.

- `private_storage()`: the one storage of every uploaded file, settings.STORAGES["private"]:
  `PrivateStorage`, rooted at settings.TRYGPLAN_PRIVATE_MEDIA_ROOT (outside MEDIA_ROOT and
  STATIC_ROOT) and without URLs, or the S3 bucket when one is configured. Files are served
  by views that check access, never by the web server.
- `RandomName(folder)`: an `upload_to` that stores a file as folder/YYYY/<32 hex>.<ext>,
  so a stored name says nothing about the uploader's file and cannot be guessed.
- `SizeLimitUploadHandler`: stops keeping an uploaded file once it passes
  settings.TRYGPLAN_MAX_UPLOAD_BYTES; the form then gets a stand-in of the file's full size
  and says, in Danish, that it is too large.
"""

import io
import os
import uuid
from pathlib import PurePath

from django.conf import settings
from django.core.files.storage import FileSystemStorage
from django.core.files.uploadedfile import UploadedFile
from django.core.files.uploadhandler import FileUploadHandler
from django.utils import timezone
from django.utils.deconstruct import deconstructible
from django.utils.functional import cached_property

SUFFIXES = {".pdf", ".png", ".jpg", ".jpeg"}


class PrivateStorage(FileSystemStorage):
    """A file system storage at TRYGPLAN_PRIVATE_MEDIA_ROOT, without URLs."""

    @cached_property
    def base_location(self):
        return settings.TRYGPLAN_PRIVATE_MEDIA_ROOT

    @cached_property
    def location(self):
        return os.path.abspath(self.base_location)

    def url(self, name):
        raise ValueError("Private uploads have no URL; serve them through a view.")

    def _clear_cached_properties(self, setting, **kwargs):
        if setting == "TRYGPLAN_PRIVATE_MEDIA_ROOT":
            self.__dict__.pop("base_location", None)
            self.__dict__.pop("location", None)
        super()._clear_cached_properties(setting, **kwargs)


def private_storage():
    """The storage of every upload, settings.STORAGES["private"]: PrivateStorage on disk, or
    the S3 bucket. A callable, so migrations name it rather than a path or a bucket."""
    from django.core.files.storage import storages

    return storages["private"]


@deconstructible(path="trygplan.core.uploads.RandomName")
class RandomName:
    """upload_to: folder/YYYY/<random hex><suffix>, the suffix only if it is a known one."""

    def __init__(self, folder: str):
        self.folder = folder

    def __call__(self, instance, filename: str) -> str:
        suffix = PurePath(filename).suffix.lower()
        suffix = suffix if suffix in SUFFIXES else ""
        return f"{self.folder}/{timezone.now():%Y}/{uuid.uuid4().hex}{suffix}"

    def __eq__(self, other):
        return isinstance(other, RandomName) and other.folder == self.folder

    def __hash__(self):
        return hash(self.folder)


class TooLargeUpload(UploadedFile):
    """What a form gets for a file past the upload limit: its name and full size, no data."""

    def __init__(self, name, content_type, size, charset, content_type_extra=None):
        super().__init__(io.BytesIO(), name, content_type, size, charset, content_type_extra)


class SizeLimitUploadHandler(FileUploadHandler):
    """The first upload handler: passes a file's data on to the usual handlers until the file
    passes TRYGPLAN_MAX_UPLOAD_BYTES, then keeps only counting, so a too large file is never
    held in memory or on disk. (A request over TRYGPLAN_MAX_REQUEST_BYTES is refused before
    this, by RequestSizeLimitMiddleware.)"""

    def new_file(self, *args, **kwargs):
        super().new_file(*args, **kwargs)
        self.received = 0
        self.too_large = False

    def receive_data_chunk(self, raw_data, start):
        self.received += len(raw_data)
        if self.received > settings.TRYGPLAN_MAX_UPLOAD_BYTES:
            self.too_large = True
            return None
        return raw_data

    def file_complete(self, file_size):
        if not self.too_large:
            return None
        return TooLargeUpload(
            self.file_name,
            self.content_type,
            self.received,
            self.charset,
            self.content_type_extra,
        )


def move_to_private(app_label: str, model_name: str, field_name: str, *, folder: str = ""):
    """A migration step: files of `field_name` still in MEDIA_ROOT (the default storage) move
    to the private storage, renamed to `RandomName(folder)` when a folder is given."""

    def forwards(apps, schema_editor):
        from django.core.files.storage import default_storage

        model = apps.get_model(app_label, model_name)
        for row in model._base_manager.exclude(**{field_name: ""}).iterator():
            name = getattr(row, field_name).name
            private = private_storage()
            # (With S3 both storages are the bucket: the file exists there already.)
            if not name or private.exists(name) or not default_storage.exists(name):
                continue
            target = RandomName(folder)(row, name) if folder else name
            with default_storage.open(name, "rb") as source:
                stored = private.save(target, source)
            model._base_manager.filter(pk=row.pk).update(**{field_name: stored})
            default_storage.delete(name)

    return forwards
