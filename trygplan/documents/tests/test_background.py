"""Documents rendered on the task queue: a frozen plan version is rendered once and served
from storage; a draft waits on a page ("Dokumentet laves …") until its file is offered."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from trygplan.documents import background
from trygplan.documents.models import StoredDocument
from trygplan.lib.files import Rendered

QUEUE = {"default": {"BACKEND": "django_tasks.backends.dummy.DummyBackend"}}


def url(year=2016, fmt="pdf"):
    return reverse("documents:export", args=["amager", year, fmt])


@pytest.fixture(autouse=True)
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"


@pytest.fixture
def renders(monkeypatch):
    """The plan renderer replaced by a fast one that counts its calls (the real PDF is tested
    in test_export_view)."""
    calls = []
    background._renderer("plan")  # discover the real ones first

    def fake(*, plan, fmt, checks=False):
        calls.append((plan, fmt))
        return Rendered(
            f"plan-{plan}.{fmt}", "application/pdf", b"%PDF-1.7 fake " + str(plan).encode()
        )

    monkeypatch.setitem(background._RENDERERS, "plan", fake)
    return calls


def test_a_published_plan_is_rendered_once_and_then_served_from_storage(client, plan2016, renders):
    first = client.get(url())
    second = client.get(url())
    assert first.status_code == second.status_code == 200
    assert first["Content-Type"] == "application/pdf"
    assert second.content == first.content == b"%PDF-1.7 fake " + str(plan2016.pk).encode()
    assert renders == [(plan2016.pk, "pdf")]
    stored = StoredDocument.objects.get()
    assert stored.frozen and stored.is_ready and stored.file.name.startswith("documents/")


def test_the_english_interface_gets_the_same_stored_danish_plan(client, plan2016, renders):
    client.get(url())
    client.cookies["django_language"] = "en"
    assert client.get(url()).status_code == 200
    assert len(renders) == 1


def test_a_draft_waits_on_a_page_until_the_worker_has_rendered_it(
    client, draft2017, arbejdsgruppe, settings, renders
):
    settings.TASKS = QUEUE
    client.force_login(arbejdsgruppe)
    response = client.get(url(2017))
    assert response.status_code == 200
    content = response.content.decode()
    document = StoredDocument.objects.get()
    link = f"{url(2017)}?dokument={document.pk}"
    assert "Dokumentet laves …" in content
    assert f'hx-get="{link}"' in content and 'hx-trigger="every 1s"' in content
    assert f'href="{link}">Opdatér</a>' in content  # without JavaScript
    assert client.get(link, headers={"HX-Request": "true"}).content.decode().count("laves") == 1
    assert background.stored_render(document_id=document.pk) == "ready"  # the worker
    partial = client.get(link, headers={"HX-Request": "true"}).content.decode()
    assert "Dokumentet er klar." in partial and f'href="{link}"' in partial
    assert "hx-get" not in partial  # polling stops
    response = client.get(link)
    assert response["Content-Type"] == "application/pdf"
    assert not document.frozen


def test_each_download_of_a_draft_is_rendered_anew(client, draft2017, arbejdsgruppe, renders):
    client.force_login(arbejdsgruppe)
    client.get(url(2017))
    client.get(url(2017))
    assert len(renders) == 2


def test_a_rendering_number_of_another_document_is_not_found(
    client, plan2016, draft2017, arbejdsgruppe, renders
):
    client.force_login(arbejdsgruppe)
    client.get(url(2017))
    draft_document = StoredDocument.objects.get()
    assert client.get(f"{url(2016)}?dokument={draft_document.pk}").status_code == 404
    assert client.get(f"{url(2017)}?dokument=abc").status_code == 404


def test_anonymous_visitors_cannot_reach_a_draft_s_rendering(
    client, draft2017, arbejdsgruppe, renders
):
    client.force_login(arbejdsgruppe)
    client.get(url(2017))
    document = StoredDocument.objects.get()
    client.logout()
    assert client.get(f"{url(2017)}?dokument={document.pk}").status_code == 404


def test_a_failed_rendering_says_so_and_a_new_try_renders_again(
    client, plan2016, monkeypatch, renders
):
    working = background._RENDERERS["plan"]

    def broken(**params):
        raise RuntimeError("no fonts")

    monkeypatch.setitem(background._RENDERERS, "plan", broken)
    response = client.get(url())
    assert response.status_code == 500
    assert "Dokumentet kunne ikke laves" in response.content.decode()
    assert "no fonts" in StoredDocument.objects.get().error
    monkeypatch.setitem(background._RENDERERS, "plan", working)
    response = client.get(url())
    assert response.status_code == 200 and response["Content-Type"] == "application/pdf"
    assert StoredDocument.objects.count() == 1


def test_approving_a_plan_queues_its_files_when_a_worker_runs_them(
    draft2017, settings, django_capture_on_commit_callbacks
):
    from trygplan.documents.documents import plan_prepare_frozen

    settings.TASKS = QUEUE
    with django_capture_on_commit_callbacks(execute=True):
        plan_prepare_frozen(draft2017, user=None, step=None)
    queued = StoredDocument.objects.filter(frozen=True, status="pending")
    assert sorted(row.params["fmt"] for row in queued) == ["docx", "pdf"]


def test_old_draft_renderings_are_cleaned_and_frozen_ones_kept(
    client, plan2016, draft2017, arbejdsgruppe, renders
):
    client.force_login(arbejdsgruppe)
    client.get(url(2016))
    client.get(url(2017))
    later = timezone.now() + datetime.timedelta(days=2)
    assert background.documents_clean(now=later) == 1
    assert list(StoredDocument.objects.values_list("frozen", flat=True)) == [True]


def test_the_download_refuses_other_methods(client, plan2016):
    assert client.post(url()).status_code == 405
