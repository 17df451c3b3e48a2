"""Issue 12: a large document is made on the task queue. A working-group member asks for the
draft plan's PDF, the page says "Dokumentet laves …" and, once the worker has made it, offers
the file without a reload (htmx polling)."""

import pytest
from playwright.sync_api import expect

from trygplan.documents.background import stored_render
from trygplan.documents.models import StoredDocument

from .conftest import log_in

pytestmark = pytest.mark.browser


def test_a_draft_pdf_is_offered_when_the_worker_has_made_it(page, draft2017, settings):
    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.dummy.DummyBackend"}}
    log_in(page, "arbejdsgruppe")
    page.goto("/p/amager/plans/2017/document.pdf")
    expect(page.get_by_role("heading", level=1)).to_have_text("Dokumentet laves")
    expect(page.get_by_text("Dokumentet laves …")).to_be_visible()
    expect(page.get_by_role("link", name="Opdatér")).to_be_visible()  # without JavaScript
    document = StoredDocument.objects.get()
    assert stored_render(document_id=document.pk) == "ready"  # what the worker does
    link = page.get_by_role("link", name="Hent dokumentet")
    expect(link).to_be_visible(timeout=10_000)  # swapped in by the polling, no reload
    with page.expect_download() as info:
        link.click()
    assert info.value.suggested_filename == "tryghedsplan-amager-2017.pdf"
    with open(info.value.path(), "rb") as file:
        assert file.read().startswith(b"%PDF")
