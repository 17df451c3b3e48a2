"""The report as a background rendering (see `trygplan.documents.background`). A sent report
is frozen: rendered once per format, audience and state of the steering group's decisions,
then served from storage."""

from django.db import transaction
from django_tasks.backends.immediate import ImmediateBackend

from trygplan.documents.background import document_prepare, render_document, renderer

from .models import ReportRound
from .report import FORMATS, decisions_version, render_report


def report_params(round_: ReportRound, fmt: str, *, public: bool) -> dict:
    return {
        "round": round_.pk,
        "fmt": fmt,
        "public": public,
        "decisions": decisions_version(round_),
    }


@renderer("steering_report")
def steering_report(*, round: int, fmt: str, public: bool, decisions: int = 0):  # noqa: A002
    round_ = ReportRound.private_objects.select_related("partnership", "plan").get(pk=round)
    return render_report(round_, fmt, public=public)


def report_prepare_frozen(round_: ReportRound) -> None:
    """When a report is sent, queue its files after commit (with a worker; with the immediate
    backend the first download renders them)."""
    if isinstance(render_document.get_backend(), ImmediateBackend):
        return
    for fmt in FORMATS:
        for public in (False, True):
            params = report_params(round_, fmt, public=public)
            transaction.on_commit(
                lambda params=params: document_prepare(
                    kind="steering_report", params=params, frozen=True
                )
            )
