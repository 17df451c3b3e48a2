"""An issue of the magazine as a print-ready PDF through Typst, as the plan document and the
report are: the issue as a dict (every text a plain string, never Typst markup), each photo
as its own file, the vendored IBM Plex Sans, a tagged PDF/UA-1. Returned through the one
file contract (`lib.files.Rendered`)."""

from __future__ import annotations

import datetime
import json
import tempfile
from pathlib import Path

from django.utils import formats, translation
from django.utils.translation import gettext as _

from trygplan.documents.plan_document.typeset import font_dir
from trygplan.lib.files import CONTENT_TYPES, Rendered, clean_text

from .presentation import issue_view

TEMPLATE = Path(__file__).with_name("typst") / "issue.typ"

__all__ = ["issue_pdf", "typst_files"]


def _paragraphs(text: str) -> list[str]:
    return [
        clean_text(part.strip())
        for part in text.replace("\r\n", "\n").split("\n\n")
        if part.strip()
    ]


def _photo_name(number: int, photo) -> str:
    suffix = Path(photo.photo.image.name).suffix.lower()
    return f"photo-{number}{'.png' if suffix == '.png' else '.jpg'}"


def typst_files(issue) -> dict[str, bytes]:
    view = issue_view(issue)
    # Typst compiles the first file: the template goes in first
    files: dict[str, bytes] = {"main.typ": TEMPLATE.read_bytes()}
    stories = []
    for story in view.stories:
        photos = []
        for photo in story.photos:
            name = _photo_name(len(files) - 1, photo)
            with photo.photo.image.open("rb") as handle:
                files[name] = handle.read()
            caption = clean_text(photo.caption)
            photos.append({"file": name, "caption": caption, "alt": caption or _("Billede")})
        stories.append(
            {
                "title": clean_text(story.story.title),
                "meta": clean_text(story.meta),
                "paragraphs": _paragraphs(story.story.text),
                "photos": photos,
            }
        )
    with translation.override("da"):
        data = {
            "title": str(issue),
            "partnership": clean_text(issue.partnership.name),
            "date": formats.date_format(issue.issue_date, "j. F Y"),
            "invented": issue.is_invented,
            "draft": not issue.is_published,
            "news": _paragraphs(issue.news),
            "stories": stories,
            "labels": {
                "page": _("Side"),
                "of": _("af"),
                "news": _("Nyt fra partnerskabet"),
                "invented": _("Opdigtede demodata"),
                "draft": _("Kladde: ikke udgivet endnu"),
            },
        }
    files["data.json"] = json.dumps(data, ensure_ascii=False).encode()
    return files


def issue_pdf(issue) -> Rendered:
    import typst

    # typst-py reads files given as a dict as text; photos are binary, so the files go into
    # a temporary folder that is the document's root (nothing outside it can be read)
    with tempfile.TemporaryDirectory(prefix="trygplan-issue-") as folder:
        root = Path(folder)
        for name, data in typst_files(issue).items():
            (root / name).write_bytes(data)
        content = _compile(typst, root, issue)
    filename = f"Beboerblad-{issue.year}-nr-{issue.number}.pdf"
    return Rendered(filename, CONTENT_TYPES["pdf"], content)


def _compile(typst, root: Path, issue) -> bytes:
    return typst.compile(
        str(root / "main.typ"),
        root=str(root),
        font_paths=[font_dir()],
        ignore_system_fonts=True,
        pdf_standards=["ua-1"],
        # The issue date (noon UTC), so the same issue gives the same file.
        timestamp=int(
            datetime.datetime.combine(
                issue.issue_date, datetime.time(12), tzinfo=datetime.UTC
            ).timestamp()
        ),
    )
