"""trygplan.lib.images: photos are checked, shrunk and stripped of metadata."""

import io

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image

from trygplan.lib.images import clean_photo

from .conftest import jpeg_bytes


def test_a_large_photo_becomes_a_small_jpeg_without_exif():
    upload = SimpleUploadedFile("a.jpg", jpeg_bytes((3000, 2000)))
    result = Image.open(io.BytesIO(clean_photo(upload).read()))
    assert result.size == (1600, 1067)
    assert result.format == "JPEG" and not result.getexif()


def test_a_png_is_accepted_and_converted():
    buffer = io.BytesIO()
    Image.new("RGBA", (20, 10), (255, 0, 0, 128)).save(buffer, format="PNG")
    content = clean_photo(SimpleUploadedFile("skaerm.png", buffer.getvalue()))
    assert content.name == "skaerm.jpg"


def test_a_text_file_is_not_an_image():
    with pytest.raises(ValidationError, match="Filen er ikke et billede"):
        clean_photo(SimpleUploadedFile("a.jpg", b"hello"))


def test_a_truncated_jpeg_is_not_an_image():
    with pytest.raises(ValidationError, match="Filen er ikke et billede"):
        clean_photo(SimpleUploadedFile("a.jpg", jpeg_bytes()[:200]))


def test_too_large_files_are_refused_before_reading_them():
    with pytest.raises(ValidationError, match="Billedet er for stort"):
        clean_photo(SimpleUploadedFile("a.jpg", b"\0" * 2000), max_bytes=1000)
