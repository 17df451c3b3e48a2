"""Images people upload: check that they are images, turn them upright, shrink them and drop
every piece of metadata (EXIF, including GPS position) before anything is stored. Photos
(walks, events) become JPEGs of at most 1.600 px; attachments and receipts keep PNG as PNG
and are allowed more pixels, so a scanned page stays readable (`lib.uploads`)."""

import io

from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.utils.translation import gettext as _

MAX_UPLOAD_BYTES = 15 * 1024 * 1024  # phones make 3–8 MB photos; 15 MB is plenty
MAX_SIDE = 1600  # pixels; enough for a protocol and a screen
MAX_PIXELS = 60_000_000  # refuse decompression bombs before decoding them


def clean_photo(upload, *, max_bytes: int = MAX_UPLOAD_BYTES) -> ContentFile:
    """A JPEG ContentFile of the upload, at most MAX_SIDE px, without metadata.

    Raises ValidationError with a Danish message for files that are too large or not images.
    """
    if upload.size > max_bytes:
        raise ValidationError(
            _("Billedet er for stort (%(size)s MB). Det må højst fylde %(max)s MB.")
            % {"size": round(upload.size / 1024 / 1024), "max": max_bytes // 1024 // 1024},
            code="too_large",
        )
    content, _type = reencode(upload, max_side=MAX_SIDE, keep_png=False)
    name = (getattr(upload, "name", "") or "foto").rsplit("/", 1)[-1].rsplit(".", 1)[0]
    content.name = f"{name[:40] or 'foto'}.jpg"
    return content


def reencode(upload, *, max_side: int, keep_png: bool) -> tuple[ContentFile, str]:
    """(content, content type): the image drawn afresh, upright, at most `max_side` px, as
    JPEG (or PNG if it was one and `keep_png`), with nothing of the original's metadata
    (EXIF with its GPS position, XMP, PNG text chunks, ICC profile).

    Raises a Danish ValidationError if the upload does not decode as an image."""
    from PIL import Image, ImageOps, UnidentifiedImageError

    not_an_image = ValidationError(
        _("Filen er ikke et billede. Vælg et foto (JPEG, PNG, HEIF eller WebP)."),
        code="not_an_image",
    )
    try:
        upload.seek(0)
        with Image.open(upload) as probe:
            if probe.width * probe.height > MAX_PIXELS:
                raise not_an_image
            as_png = keep_png and probe.format == "PNG"
            probe.verify()
        upload.seek(0)
        with Image.open(upload) as image:
            image = ImageOps.exif_transpose(image)
            mode = "RGBA" if as_png and image.mode in ("RGBA", "LA", "P") else "RGB"
            image = image.convert(mode)
            image.thumbnail((max_side, max_side))
            # A fresh image has no info dict: nothing of the original metadata is written.
            clean = Image.new(mode, image.size)
            clean.paste(image)
            buffer = io.BytesIO()
            if as_png:
                clean.save(buffer, format="PNG", optimize=True)
            else:
                clean.save(buffer, format="JPEG", quality=82, optimize=True)
    except (UnidentifiedImageError, OSError, SyntaxError, ValueError, Image.DecompressionBombError):
        raise not_an_image from None
    finally:
        upload.seek(0)
    name = getattr(upload, "name", "") or "billede"
    return ContentFile(buffer.getvalue(), name=name), "image/png" if as_png else "image/jpeg"
