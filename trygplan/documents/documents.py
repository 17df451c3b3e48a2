"""The plan document as a background rendering (see `documents.background`)."""

from django.db import transaction
from django_tasks.backends.immediate import ImmediateBackend

from trygplan.plans.models import Plan

from .background import document_prepare, render_document, renderer
from .plan_document import render_plan

# The formats rendered on the task queue and, for a frozen version, kept in storage.
STORED_FORMATS = ("pdf", "docx")


@renderer("plan")
def plan(*, plan: int, fmt: str, checks: bool = False):
    return render_plan(Plan.private_objects.get(pk=plan), fmt, with_checks=checks)


def plan_prepare_frozen(plan, *, user, step) -> None:
    """When a version is approved, queue its PDF and Word files after commit (with a worker;
    with the immediate backend the first download renders them)."""
    if isinstance(render_document.get_backend(), ImmediateBackend):
        return
    for fmt in STORED_FORMATS:
        params = {"plan": plan.pk, "fmt": fmt, "checks": False}
        transaction.on_commit(
            lambda params=params: document_prepare(kind="plan", params=params, frozen=True)
        )
