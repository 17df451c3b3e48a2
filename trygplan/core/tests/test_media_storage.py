"""Uploads on local disk by default, or on S3-compatible object storage by setting."""

from django.utils.module_loading import import_string

from config.settings import optional

S3_ENV = {
    "TRYGPLAN_S3_BUCKET": "trygplan-uploads",
    "TRYGPLAN_S3_ENDPOINT_URL": "https://s3.kk.example:9000",
    "TRYGPLAN_S3_REGION": "eu-north-1",
    "TRYGPLAN_S3_ACCESS_KEY_ID": "AKIAEXAMPLE",
    "TRYGPLAN_S3_SECRET_ACCESS_KEY": "secret",
    "TRYGPLAN_S3_ADDRESSING_STYLE": "path",
}


def test_uploads_are_on_local_disk_unless_a_bucket_is_set(settings):
    assert optional.media_storage({}) == {"BACKEND": "django.core.files.storage.FileSystemStorage"}
    assert settings.STORAGES["default"]["BACKEND"].endswith("FileSystemStorage")


def test_with_a_bucket_uploads_go_to_s3_private_with_short_signed_urls():
    config = optional.media_storage(S3_ENV)
    assert config["BACKEND"] == "storages.backends.s3.S3Storage"
    storage = import_string(config["BACKEND"])(**config["OPTIONS"])
    assert storage.bucket_name == "trygplan-uploads"
    assert storage.default_acl is None and storage.file_overwrite is False
    url = storage.url("walks/photos/bænk.jpg")  # signed locally, nothing is sent
    assert url.startswith("https://s3.kk.example:9000/trygplan-uploads/walks/photos/")
    assert "X-Amz-Signature=" in url and "X-Amz-Expires=300" in url
