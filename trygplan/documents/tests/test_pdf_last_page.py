"""The plan PDF ends on a page worth printing: no last page with a few stray lines."""

import io

import pytest
from pypdf import PdfReader

from trygplan.documents.plan_document import render_plan

LEAST_LINES = 8  # a few lines of body text and the footer are "near-empty"


def _lines(page) -> list[str]:
    return [line for line in page.extract_text().splitlines() if line.strip()]


@pytest.mark.parametrize("which", ["plan2016", "draft2017"])
def test_the_last_page_is_not_near_empty(which, request, db):
    plan = request.getfixturevalue(which)
    pages = PdfReader(io.BytesIO(render_plan(plan, "pdf").content)).pages
    assert len(pages) > 10
    assert len(_lines(pages[-1])) >= LEAST_LINES, _lines(pages[-1])
