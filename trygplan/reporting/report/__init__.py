"""The report to the steering group: one data structure (`data.py`, `sections.py`), read by
the page (templates/reporting/), the PDF (Typst: `typeset.py`, `typst/report.typ`) and Word
(`word.py`). A sent report is read from its snapshot; the steering group's decisions, recorded
after sending, are added from the live rows (`decisions`)."""

from __future__ import annotations

from django.utils import formats, timezone, translation
from django.utils.translation import gettext as _

from trygplan.lib.money import format_kroner
from trygplan.lib.text import paragraphs

from .data import build_report, report_title

__all__ = [
    "AUDIENCES",
    "FORMATS",
    "build_report",
    "decisions",
    "decisions_version",
    "render_report",
    "report_data",
    "report_filename",
    "report_title",
    "snapshot",
]

AUDIENCES = ("internal", "public")


def snapshot(round_) -> dict:
    """Both versions of the report as they are now (stored when the report is sent)."""
    return {audience: build_report(round_, public=audience == "public") for audience in AUDIENCES}


def report_data(round_, *, public: bool) -> dict:
    """The report as sent, or, before it is sent, as the live data say now; with the
    steering group's decisions."""
    audience = "public" if public else "internal"
    if round_.is_sent and round_.snapshot and audience in round_.snapshot:
        data = dict(round_.snapshot[audience])
    else:
        data = build_report(round_, public=public)
    data["decisions"] = decisions(round_)
    return data


def decisions(round_) -> list[dict]:
    """{recommendation id: the decision as text} for the recommendations decided so far."""
    found = []
    with translation.override("da"):
        for recommendation in round_.recommendations.select_related("amendment"):
            if not recommendation.is_decided:
                continue
            amount = recommendation.amount_to_move()
            found.append(
                {
                    "id": recommendation.pk,
                    "title": recommendation.title,
                    "status": recommendation.get_status_display(),
                    "on": formats.date_format(
                        timezone.localdate(recommendation.decided_at), "j. F Y"
                    ),
                    "text": paragraphs(recommendation.decision_text),
                    "amount": _("Besluttet beløb: %(amount)s") % {"amount": format_kroner(amount)}
                    if amount and recommendation.decided_amount
                    else "",
                    "amendment": _("Åbnede %(plan)s, tillæg nr. %(n)s (kladde til godkendelse).")
                    % {
                        "plan": recommendation.amendment.title,
                        "n": recommendation.amendment.amendment,
                    }
                    if recommendation.amendment
                    else "",
                }
            )
    return found


def decisions_version(round_) -> int:
    """How many recommendations are decided: part of a sent report's document key, so the
    frozen file is made once per state of the decisions (a decision is final, so the count
    names the state)."""
    return round_.recommendations.exclude(status="proposed").count()


FORMATS = ("pdf", "docx")


def report_filename(round_, fmt: str, *, public: bool) -> str:
    kind = "halvaarsstatus" if round_.kind == round_.Kind.MIDYEAR else "aarsrapport"
    audience = "-beboerversion" if public else ""
    return f"{kind}-{round_.partnership.slug}-{round_.year}{audience}.{fmt}"


def render_report(round_, fmt: str, *, public: bool):
    """The report as a file (`lib.files.Rendered`): PDF (Typst) or Word."""
    from trygplan.lib.files import CONTENT_TYPES, Rendered

    from .typeset import report_pdf
    from .word import report_docx

    if fmt not in FORMATS:
        raise ValueError(f"Unknown format {fmt!r}; choose one of {', '.join(FORMATS)}")
    data = report_data(round_, public=public)
    content = report_pdf(data) if fmt == "pdf" else report_docx(data)
    return Rendered(report_filename(round_, fmt, public=public), CONTENT_TYPES[fmt], content)
