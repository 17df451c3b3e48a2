"""Templates served to browsers hold no inline code: the Content-Security-Policy has no
'unsafe-inline'. (The PDF-only templates, rendered by WeasyPrint on the server, may.)"""

import re
from pathlib import Path

import pytest
from django.conf import settings

from trygplan.walks.presentation import GOOD_PLACE_COLOUR, STATUS_COLOURS

ROOTS = [
    settings.BASE_DIR / "templates",
    *sorted((settings.BASE_DIR / "trygplan").glob("*/templates")),
]
PDF_ONLY = {"walks/protocol.html", "pools/recommendation_pdf.html"}
INLINE_SCRIPT = re.compile(r"<script(?![^>]*\bsrc=)(?![^>]*type=\"application/(ld\+)?json\")", re.I)
STYLE_ATTRIBUTE = re.compile(r"\sstyle=", re.I)
HANDLER_ATTRIBUTE = re.compile(r"\son[a-z]+=", re.I)


def _templates():
    for root in ROOTS:
        for path in sorted(root.rglob("*.html")):
            name = path.relative_to(root).as_posix()
            if name not in PDF_ONLY:
                yield pytest.param(path, id=name)


@pytest.mark.parametrize("path", list(_templates()))
def test_the_template_has_no_inline_script_style_or_handler(path: Path):
    text = path.read_text()
    assert not INLINE_SCRIPT.search(text), "an inline <script>: move it to static/js/"
    assert not STYLE_ATTRIBUTE.search(text), "a style= attribute: use a class in static/css/"
    assert not HANDLER_ATTRIBUTE.search(text), "an on…= handler: add a listener in static/js/"
    if "<style" in text:  # only inside a block that only the PDF renders
        assert "{% if for_pdf %}" in text.split("<style", 1)[0].rsplit("{% endif %}", 1)[-1]


def test_the_pin_colours_in_the_css_are_the_models():
    css = (settings.BASE_DIR / "static" / "css" / "walks.css").read_text()
    for status, colour in STATUS_COLOURS.items():
        assert f".walk-pin--{status} {{ background: {colour}; }}" in css
    assert f"background: {GOOD_PLACE_COLOUR};" in css.split(".walk-pin--good", 1)[1].split("}")[0]
