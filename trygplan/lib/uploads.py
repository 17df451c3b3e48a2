"""Attachments people upload (pool applications, receipts, follow-up evidence): PDF, JPEG or
PNG, recognised by their content, never by their name or the browser's word for them.

- an image is re-encoded with `lib.images.reencode` (metadata, such as a phone's GPS
  position, is dropped; a PNG stays a PNG);
- a PDF must look like one all through: the `%PDF-` header, an object, the `%%EOF` trailer
  in its last kilobyte, and nothing of HTML in its first kilobyte (a file that starts
  `%PDF-` and holds a web page is refused). A structural check, not a parser: the file is
  never rendered here, only handed back as a download, and the check costs a few reads.
"""

import re
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile, File
from django.utils.translation import gettext as _

from .images import reencode

ATTACHMENT_MAX_SIDE = 4000  # pixels: a phone photo of a receipt or an A4 scan at 300 dpi
SIGNATURES = {
    b"%PDF-": "application/pdf",
    b"\x89PNG\r\n\x1a\n": "image/png",
    b"\xff\xd8\xff": "image/jpeg",
}
_PDF_HEADER = re.compile(rb"%PDF-[12]\.\d")
_PDF_OBJECT = re.compile(rb"\d+\s+\d+\s+obj\b")
_HTML = re.compile(rb"<\s*(html|head|body|script|iframe|!doctype|meta|svg|object|embed)\b", re.I)


@dataclass
class CleanUpload:
    file: File  # what is stored: the re-encoded image, or the checked PDF
    content_type: str
    name: str  # the uploader's file name, shown to staff (never the stored name)

    @property
    def size(self) -> int:
        return self.file.size


def content_type_of(upload) -> str | None:
    """The type the file's first bytes declare, or None."""
    upload.seek(0)
    head = upload.read(16)
    upload.seek(0)
    return next((kind for sig, kind in SIGNATURES.items() if head.startswith(sig)), None)


def clean_attachment(upload, *, max_bytes: int) -> CleanUpload:
    """The upload, checked and cleaned; a Danish ValidationError for anything else than a
    PDF, JPEG or PNG of at most `max_bytes`."""
    name = (getattr(upload, "name", "") or "bilag").rsplit("/", 1)[-1][:200]
    if upload.size > max_bytes:
        raise ValidationError(
            _("“%(name)s” er for stor (%(size)s MB). Filer må højst fylde %(limit)s MB.")
            % {
                "name": name,
                "size": f"{upload.size / 1024 / 1024:.1f}".replace(".", ","),
                "limit": max_bytes // (1024 * 1024) or f"{max_bytes / 1024 / 1024:.2f}",
            },
            code="too_large",
        )
    content_type = content_type_of(upload)
    if content_type is None:
        raise ValidationError(
            _("“%(name)s” er ikke en PDF-, JPEG- eller PNG-fil.") % {"name": name},
            code="unknown_type",
        )
    if content_type == "application/pdf":
        check_pdf(upload, name=name)
        upload.seek(0)
        return CleanUpload(ContentFile(upload.read(), name=name), content_type, name)
    try:
        content, content_type = reencode(upload, max_side=ATTACHMENT_MAX_SIDE, keep_png=True)
    except ValidationError:
        raise ValidationError(
            _("“%(name)s” kan ikke åbnes som billede.") % {"name": name}, code="not_an_image"
        ) from None
    return CleanUpload(content, content_type, name)


def check_pdf(upload, *, name: str) -> None:
    """Raise a Danish ValidationError unless the file is built like a PDF."""
    upload.seek(0)
    head = upload.read(64 * 1024)
    upload.seek(max(upload.size - 1024, 0))
    tail = upload.read()
    upload.seek(0)
    is_pdf = (
        _PDF_HEADER.match(head) is not None
        and _PDF_OBJECT.search(head) is not None
        and b"%%EOF" in tail
        and _HTML.search(head[:1024]) is None
    )
    if not is_pdf:
        raise ValidationError(
            _("“%(name)s” er ikke en gyldig PDF-fil. Gem dokumentet som PDF igen, og prøv igen.")
            % {"name": name},
            code="not_a_pdf",
        )
