"""Rendering large documents outside the request, and serving frozen ones from storage.

A module registers a renderer in its `documents.py` (found like `admin.py`)::

    @renderer("walk_protocol")
    def walk_protocol(*, walk: int, fmt: str, police: bool) -> Rendered: ...

and its view, after its access check, answers with

    document_response(request, kind="walk_protocol", params={...}, frozen=walk.is_sent)

which serves the stored file when a frozen one is ready, and otherwise queues the rendering
(task `render_document`) and shows "Dokumentet laves …" (htmx polls; without JavaScript a link
refreshes) until the file is offered. With the immediate task backend (tests, `make run`) the
rendering runs at once and the file is served in the same request.
"""

from __future__ import annotations

import datetime
import logging
import time
from collections.abc import Callable

from django.core.files.base import ContentFile
from django.db import IntegrityError, transaction
from django.http import Http404, HttpResponse
from django.shortcuts import render
from django.utils import timezone, translation
from django.utils.module_loading import autodiscover_modules
from django_tasks import task
from django_tasks.backends.immediate import ImmediateBackend

from trygplan.lib.files import Rendered, download_response

from .models import StoredDocument

__all__ = ["document_response", "document_prepare", "renderer", "stored_render"]

logger = logging.getLogger("trygplan.documents")

# Part of every key: raise it when the templates change, so frozen documents are made again.
RENDER_VERSION = 3  # 3: the economy tables carry the budget lines’ notes (issue 17)
# A rendering not finished after this long is taken as lost (a worker that died).
STALE = datetime.timedelta(minutes=10)
# Drafts and other unfrozen renderings are kept this long.
KEEP_UNFROZEN = datetime.timedelta(days=1)

_RENDERERS: dict[str, Callable[..., Rendered]] = {}
_discovered = False


def renderer(kind: str):
    def register(function):
        _RENDERERS[kind] = function
        return function

    return register


def _renderer(kind: str) -> Callable[..., Rendered]:
    global _discovered
    if not _discovered:
        autodiscover_modules("documents")
        _discovered = True
    return _RENDERERS[kind]


def document_key(kind: str, params: dict, language: str) -> str:
    values = ":".join(f"{name}={params[name]}" for name in sorted(params))
    return f"{kind}:{values}:{language}:v{RENDER_VERSION}"[:200]


# --- rendering (in the worker) --------------------------------------------------------------


def stored_render(*, document_id: int) -> str:
    """Render one queued document into storage. Claimed by one conditional UPDATE, so two
    workers never render the same row."""
    claimed = StoredDocument.objects.filter(
        pk=document_id, status=StoredDocument.Status.PENDING
    ).update(status=StoredDocument.Status.RUNNING)
    if not claimed:
        return "not pending"
    document = StoredDocument.objects.get(pk=document_id)
    started = time.monotonic()
    try:
        with translation.override(document.language):
            rendered = _renderer(document.kind)(**document.params)
    except Exception as error:  # recorded on the row; the page offers to try again
        logger.exception("document_failed", extra={"document": document.pk})
        StoredDocument.objects.filter(pk=document.pk).update(
            status=StoredDocument.Status.FAILED,
            error=f"{type(error).__name__}: {error}"[:2000],
            finished_at=timezone.now(),
        )
        return "failed"
    document.file.save(rendered.filename, ContentFile(rendered.content), save=False)
    document.filename = rendered.filename[:200]
    document.content_type = rendered.content_type
    document.size = len(rendered.content)
    document.render_ms = round((time.monotonic() - started) * 1000)
    document.status = StoredDocument.Status.READY
    document.finished_at = timezone.now()
    document.save()
    logger.info("document_ready", extra={"document": document.pk, "ms": document.render_ms})
    return "ready"


@task()
def render_document(document_id: int) -> str:
    return stored_render(document_id=document_id)


def _enqueue(document: StoredDocument) -> None:
    """With the immediate backend the rendering runs now, in this transaction (nothing else
    could read the row); a real queue gets it after commit, when the worker can see the row."""
    if isinstance(render_document.get_backend(), ImmediateBackend):
        render_document.enqueue(document.pk)
    else:
        transaction.on_commit(lambda: render_document.enqueue(document.pk))


# --- asking for a document ------------------------------------------------------------------


def _frozen_row(*, key, kind, params, language) -> StoredDocument:
    document = StoredDocument.objects.for_key(key).filter(frozen=True).first()
    if document is None:
        try:
            with transaction.atomic():
                document = StoredDocument.objects.create(
                    key=key, kind=kind, params=params, language=language, frozen=True
                )
        except IntegrityError:  # asked for at the same moment by someone else
            return StoredDocument.objects.for_key(key).get(frozen=True)
        _enqueue(document)
    elif document.is_failed or _is_stale(document):
        StoredDocument.objects.filter(pk=document.pk).update(
            status=StoredDocument.Status.PENDING, error="", created_at=timezone.now()
        )
        _enqueue(document)
    return document


def _is_stale(document: StoredDocument) -> bool:
    return not document.is_ready and document.created_at < timezone.now() - STALE


def document_prepare(*, kind: str, params: dict, frozen: bool, language: str = "da"):
    """Queue a rendering (or find the frozen one); returns the row, fresh from the database."""
    key = document_key(kind, params, language)
    if frozen:
        document = _frozen_row(key=key, kind=kind, params=params, language=language)
    else:
        document = StoredDocument.objects.create(
            key=key, kind=kind, params=params, language=language
        )
        _enqueue(document)
    document.refresh_from_db()
    return document


def _serve(document: StoredDocument) -> HttpResponse:
    with document.file.open("rb") as stored:
        content = stored.read()
    return download_response(Rendered(document.filename, document.content_type, content))


def _asked_for(request, key: str) -> StoredDocument | None:
    """The rendering named by `?dokument=<id>`; only one of this very document (a user cannot
    reach another document's row through its number)."""
    number = request.GET.get("dokument", "")
    if not number:
        return None
    if not number.isdigit():
        raise Http404
    document = StoredDocument.objects.filter(pk=int(number), key=key).first()
    if document is None:
        raise Http404
    return document


def _progress(request, document: StoredDocument) -> HttpResponse:
    context = {"document": document, "link": f"{request.path}?dokument={document.pk}"}
    if request.headers.get("HX-Request"):
        return render(request, "documents/_progress.html", context)
    status = 500 if document.is_failed else 200
    return render(request, "documents/progress.html", context, status=status)


def document_response(
    request, *, kind: str, params: dict, frozen: bool, language: str | None = None
) -> HttpResponse:
    """The document as a download when it is ready, else the page that waits for it.
    Call after the view's access check. `language`: the one the document is rendered in
    (default: the request's)."""
    language = language or translation.get_language() or "da"
    key = document_key(kind, params, language)
    document = _asked_for(request, key)
    if document is None and frozen:
        document = StoredDocument.objects.for_key(key).filter(frozen=True).ready().first()
    if document is None or (document.frozen and (document.is_failed or _is_stale(document))):
        document = document_prepare(kind=kind, params=params, frozen=frozen, language=language)
    if document.is_ready and not request.headers.get("HX-Request"):
        return _serve(document)
    return _progress(request, document)


def documents_clean(*, now=None) -> int:
    """Delete unfrozen renderings older than a day, with their files."""
    now = now or timezone.now()
    old = StoredDocument.objects.filter(frozen=False, created_at__lt=now - KEEP_UNFROZEN)
    count = 0
    for document in old:
        if document.file:
            document.file.delete(save=False)
        document.delete()
        count += 1
    return count
