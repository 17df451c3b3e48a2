"""Photos people upload: check that they are images, turn them upright, shrink them and drop
every piece of metadata (EXIF, including GPS position) before anything is stored."""

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
    from PIL import Image, ImageOps, UnidentifiedImageError

    if upload.size > max_bytes:
        raise ValidationError(
            _("Billedet er for stort (%(size)s MB). Det må højst fylde %(max)s MB.")
            % {"size": round(upload.size / 1024 / 1024), "max": max_bytes // 1024 // 1024},
            code="too_large",
        )
    not_an_image = ValidationError(
        _("Filen er ikke et billede. Vælg et foto (JPEG, PNG, HEIF eller WebP)."),
        code="not_an_image",
    )
    try:
        upload.seek(0)
        with Image.open(upload) as probe:
            if probe.width * probe.height > MAX_PIXELS:
                raise not_an_image
            probe.verify()
        upload.seek(0)
        with Image.open(upload) as image:
            image = ImageOps.exif_transpose(image)
            image = image.convert("RGB")
            image.thumbnail((MAX_SIDE, MAX_SIDE))
            buffer = io.BytesIO()
            # A fresh image has no info dict: nothing of the original metadata is written.
            clean = Image.new("RGB", image.size)
            clean.paste(image)
            clean.save(buffer, format="JPEG", quality=82, optimize=True)
    except (UnidentifiedImageError, OSError, SyntaxError, ValueError, Image.DecompressionBombError):
        raise not_an_image from None
    name = (getattr(upload, "name", "") or "foto").rsplit("/", 1)[-1].rsplit(".", 1)[0]
    return ContentFile(buffer.getvalue(), name=f"{name[:40] or 'foto'}.jpg")
