"""The plan document in five formats, all from one `PlanDocument`.

The print-friendly web page is the template tree `documents/plan_document.html`; the PDF is
laid out by Typst (`typeset.py`, `typst/plan.typ`: ≥ 3× faster than LibreOffice and tagged
PDF/UA-1; WeasyPrint took 2–4 s, see docs/architecture.md); Word is built by `word.py`; Excel
and CSV hold the overview table.
"""

from __future__ import annotations

from django.utils import translation
from django.utils.translation import gettext as _
from openpyxl.utils import get_column_letter

from trygplan.lib.files import (
    CONTENT_TYPES,
    Formula,
    Rendered,
    csv_bytes,
    html_from_template,
    pdf_from_html,
    xlsx_bytes,
)
from trygplan.plans.models import Plan

from .data import PlanDocument, build_plan_document

FORMATS = ("pdf", "docx", "html", "xlsx", "csv")
TEMPLATE = "documents/plan_document.html"


def _context(doc: PlanDocument, *, for_pdf: bool) -> dict:
    return {"doc": doc, "footnote_numbers": doc.footnote_numbers, "for_pdf": for_pdf}


def render_html(doc: PlanDocument, *, request=None) -> bytes:
    return html_from_template(TEMPLATE, _context(doc, for_pdf=False), request=request).encode()


def render_pdf(doc: PlanDocument) -> bytes:
    from .typeset import render_pdf_typst

    return render_pdf_typst(doc)


def render_pdf_weasyprint(doc: PlanDocument) -> bytes:
    """The PDF from the web page's template tree, as before Typst (kept for `make bench`'s
    comparison and as a fallback)."""
    return pdf_from_html(html_from_template(TEMPLATE, _context(doc, for_pdf=True)))


def render_docx(doc: PlanDocument) -> bytes:
    from .word import plan_docx

    return plan_docx(doc)


def overview_table(doc: PlanDocument) -> tuple[list[str], list[list]]:
    """Header `Nr.`, `Indsatsområde`, `Aktivitet`, one column per year; one row per numbered
    activity with whole kroner (None where there is none); a last row `I alt`."""
    years = doc.overview.years
    header = [_("Nr."), _("Indsatsområde"), _("Aktivitet"), *[str(year) for year in years]]
    rows = [
        [
            row.activity.number,
            row.focus_area_label,
            row.activity.name,
            *[row.amounts[year] for year in years],
        ]
        for row in doc.numbered_rows
    ]
    # The totals as sums of the column above (row 1 is the header), with the same values;
    # a plan without activities has plain zeros.
    first, last = 2, len(rows) + 1
    totals = [
        Formula.sum(get_column_letter(4 + i), first, last, value=doc.overview.totals[year])
        if rows
        else doc.overview.totals[year]
        for i, year in enumerate(years)
    ]
    rows.append([_("I alt"), None, None, *totals])
    return header, rows


def render_xlsx(doc: PlanDocument) -> bytes:
    header, rows = overview_table(doc)
    notes = [[note.number, note.text] for note in doc.overview_notes]
    return xlsx_bytes(
        [(_("Oversigt"), header, rows), (_("Fodnoter"), [_("Nr."), _("Fodnote")], notes)]
    )


def render_csv(doc: PlanDocument) -> bytes:
    header, rows = overview_table(doc)
    return csv_bytes(header, rows)


RENDERERS = {
    "pdf": render_pdf,
    "docx": render_docx,
    "html": render_html,
    "xlsx": render_xlsx,
    "csv": render_csv,
}


def plan_filename(plan: Plan, fmt: str) -> str:
    amendment = f"-tillaeg-{plan.amendment}" if plan.amendment else ""
    return f"tryghedsplan-{plan.partnership.slug}-{plan.year}{amendment}.{fmt}"


def render_plan(plan: Plan, fmt: str, *, with_checks: bool = False) -> Rendered:
    """The plan as a file in `fmt` (one of FORMATS), in Danish whatever the request language
    (the plan's texts are Danish)."""
    if fmt not in RENDERERS:
        raise ValueError(f"Unknown format {fmt!r}; choose one of {', '.join(FORMATS)}")
    with translation.override("da"):
        doc = build_plan_document(plan, with_checks=with_checks)
        content = RENDERERS[fmt](doc)
    return Rendered(plan_filename(plan, fmt), CONTENT_TYPES[fmt], content)
