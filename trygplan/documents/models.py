"""Documents rendered on the task queue and kept in storage (`default_storage`, so S3 works).

A frozen document (an approved or published plan version, a sent protocol) is rendered once:
one row per key, served from storage on every later download. Anything else (a draft, a pool
recommendation) gets a row per request, rendered in the background and offered when ready;
those rows are deleted after a day (`documents-clean`).
"""

import uuid

from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _


def stored_path(instance, filename: str) -> str:
    """Random names: a stored document is served only through its module's view, which checks
    access first."""
    suffix = filename.rsplit(".", 1)[-1] if "." in filename else "bin"
    return f"documents/{uuid.uuid4().hex}.{suffix}"


class StoredDocumentQuerySet(models.QuerySet):
    def ready(self):
        return self.filter(status=StoredDocument.Status.READY)

    def for_key(self, key: str):
        return self.filter(key=key)


class StoredDocument(models.Model):
    class Status(models.TextChoices):
        PENDING = "pending", _("Venter")
        RUNNING = "running", _("Laves")
        READY = "ready", _("Klar")
        FAILED = "failed", _("Fejlet")

    key = models.CharField(max_length=200)  # what it is: "plan:12:pdf:da:v2"
    kind = models.CharField(max_length=40)  # the renderer (`documents.background`)
    params = models.JSONField(default=dict)
    language = models.CharField(max_length=10, default="da")
    frozen = models.BooleanField(default=False)
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.PENDING)
    filename = models.CharField(max_length=200, blank=True)
    content_type = models.CharField(max_length=120, blank=True)
    file = models.FileField(upload_to=stored_path, blank=True)
    size = models.PositiveIntegerField(default=0)
    render_ms = models.PositiveIntegerField(null=True, blank=True)
    error = models.TextField(blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    finished_at = models.DateTimeField(null=True, blank=True)

    objects = StoredDocumentQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("dokument")
        verbose_name_plural = _("dokumenter")
        constraints = [
            models.UniqueConstraint(
                fields=["key"], condition=Q(frozen=True), name="stored_document_frozen_once"
            )
        ]
        indexes = [models.Index(fields=["key", "status"])]

    def __str__(self) -> str:
        return f"{self.key} ({self.get_status_display()})"

    @property
    def is_ready(self) -> bool:
        return self.status == self.Status.READY

    @property
    def is_failed(self) -> bool:
        return self.status == self.Status.FAILED
