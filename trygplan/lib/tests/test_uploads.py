"""trygplan.lib.uploads: an attachment is what its content says, images lose their metadata,
and a "PDF" must be built like one."""

import io

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image, PngImagePlugin

from trygplan.lib.uploads import clean_attachment

MB = 1024 * 1024
PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


def gps_jpeg(size=(64, 48)) -> bytes:
    exif = Image.Exif()
    exif[0x010F] = "TestCam"
    exif[0x8825] = {1: "N", 2: (55.0, 39.0, 36.0), 3: "E", 4: (12.0, 36.0, 45.0)}
    buffer = io.BytesIO()
    Image.new("RGB", size, "#4a7").save(buffer, format="JPEG", exif=exif)
    return buffer.getvalue()


def texted_png() -> bytes:
    info = PngImagePlugin.PngInfo()
    info.add_text("Author", "Testbeboer Tove, Hørgården 7")
    buffer = io.BytesIO()
    Image.new("RGBA", (20, 10), (255, 0, 0, 128)).save(buffer, format="PNG", pnginfo=info)
    return buffer.getvalue()


def _clean(name, raw, max_bytes=10 * MB):
    return clean_attachment(SimpleUploadedFile(name, raw), max_bytes=max_bytes)


def test_a_jpeg_loses_its_gps_position_and_camera():
    assert Image.open(io.BytesIO(gps_jpeg())).getexif()  # the original has them
    clean = _clean("foto.jpg", gps_jpeg())
    with Image.open(clean.file) as image:
        assert image.format == "JPEG" and not image.getexif() and "exif" not in image.info
    assert clean.content_type == "image/jpeg" and clean.name == "foto.jpg"


def test_a_png_stays_a_png_without_its_text_chunks():
    clean = _clean("skaerm.png", texted_png())
    with Image.open(clean.file) as image:
        assert image.format == "PNG" and image.mode == "RGBA"
        assert "Author" not in image.info and not image.text
    assert clean.content_type == "image/png"


def test_a_large_scan_keeps_enough_pixels_to_read():
    clean = _clean("scan.jpg", gps_jpeg((5000, 3000)))
    assert Image.open(clean.file).size == (4000, 2400)


def test_a_good_pdf_is_kept_as_it_is():
    clean = _clean("tilbud.pdf", PDF)
    assert clean.file.read() == PDF and clean.content_type == "application/pdf"


@pytest.mark.parametrize(
    "raw",
    [
        b"%PDF-1.4\n<html><script>alert(1)</script></html>\n1 0 obj\n%%EOF",
        b"%PDF-1.7\n<!DOCTYPE html><body>hi</body>",
        b"%PDF-1.4\nno objects here\n%%EOF\n",
        b"%PDF-1.4\n1 0 obj<<>>endobj\n",  # no trailer
        b"%PDF-x\n1 0 obj<<>>endobj\n%%EOF",
        b"%PDF-1.4\n1 0 obj<<>>endobj\n%%EOF\n" + b"0" * 2000,  # the trailer not at the end
    ],
)
def test_a_file_that_starts_like_a_pdf_but_is_not_one_is_refused(raw):
    with pytest.raises(ValidationError) as error:
        _clean("tilbud.pdf", raw)
    assert error.value.messages == [
        "“tilbud.pdf” er ikke en gyldig PDF-fil. Gem dokumentet som PDF igen, og prøv igen."
    ]


@pytest.mark.parametrize(
    ("name", "raw", "message"),
    [
        ("tilbud.pdf", b"MZ\x90\x00", "“tilbud.pdf” er ikke en PDF-, JPEG- eller PNG-fil."),
        ("foto.jpg", b"\xff\xd8\xff" + b"\x00" * 50, "“foto.jpg” kan ikke åbnes som billede."),
        ("a.pdf", PDF + b"0" * MB, "“a.pdf” er for stor (1,0 MB). Filer må højst fylde 1 MB."),
    ],
)
def test_other_files_get_a_danish_message(name, raw, message):
    with pytest.raises(ValidationError) as error:
        _clean(name, raw, max_bytes=MB)
    assert error.value.messages == [message]


def test_the_size_is_checked_before_the_content_is_read():
    class NotReadable(SimpleUploadedFile):
        def read(self, *args):
            raise AssertionError("read")

    with pytest.raises(ValidationError, match="er for stor"):
        clean_attachment(NotReadable("a.pdf", b"x" * 2000), max_bytes=1000)
