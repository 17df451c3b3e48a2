"""The working group's recommendation to the steering group (PDF, Word) and the exports.

Renderers follow `trygplan.lib.files`: each returns a `Rendered`.
"""

from django.utils import formats, timezone
from django.utils.translation import gettext as _

from trygplan.lib.files import (
    CONTENT_TYPES,
    Rendered,
    csv_bytes,
    docx_add_table,
    docx_bytes,
    docx_document,
    docx_heading,
    docx_paragraph,
    pdf_from_template,
    xlsx_bytes,
)

from .models import Application, Expense, Grant, Pool, Recommendation


def recommendation_data(*, partnership, year: int, period: str) -> dict:
    """Per pool of the year: allocation, grants (purpose, amount), expenses, what is left and
    the working group's proposal for the rest.

    The figures are as of the period's cut-off (`Recommendation.cut_off`): grants by their
    decision date, expenses by their date. Before the cut-off has come, as of today.
    """
    cut_off = Recommendation.cut_off(year, period)
    as_of = min(cut_off, timezone.localdate())
    pools = list(Pool.private_objects.filter(partnership=partnership, year=year).in_plan_order())
    proposals = {r.pool_id: r for r in Recommendation.objects.filter(pool__in=pools, period=period)}
    sections = []
    for pool in pools:
        grants = (
            Grant.private_objects.filter(pool=pool)
            .decided_by(as_of)
            .select_related("application")
            .with_spent(as_of=as_of)
            .order_by("decided_on", "pk")
        )
        expenses = Expense.private_objects.filter(grant__pool=pool, date__lte=as_of).select_related(
            "grant__application"
        )
        sections.append(
            {
                "pool": pool,
                "balance": pool.balance(as_of=as_of),
                "grants": grants,
                "expenses": expenses,
                "recommendation": proposals.get(pool.pk),
            }
        )
    data = {
        "partnership": partnership,
        "year": year,
        "period": period,
        "period_label": Recommendation.Period(period).label,
        "sections": sections,
        "cut_off": cut_off,
        "as_of": as_of,
        "is_preliminary": as_of < cut_off,
        "generated_at": timezone.now(),
    }
    return {**data, "figures_note": figures_note(data)}


def figures_note(data: dict) -> str:
    """The sentence that says which day the figures are from (page, PDF and Word)."""
    if data["is_preliminary"]:
        return _("Foreløbige tal opgjort %(as_of)s. Afrapporteringen opgøres pr. %(cut_off)s.") % {
            "as_of": formats.date_format(data["as_of"], "j. F Y"),
            "cut_off": formats.date_format(data["cut_off"], "j. F Y"),
        }
    return _(
        "Tallene er opgjort pr. %(cut_off)s: bevillinger efter beslutningsdato, udgifter efter"
        " dato."
    ) % {"cut_off": formats.date_format(data["cut_off"], "j. F Y")}


def _title(data: dict) -> str:
    return _("Indstilling til styregruppen om puljerne %(year)s – %(period)s") % {
        "year": data["year"],
        "period": data["period_label"].lower(),
    }


def recommendation_pdf(data: dict) -> Rendered:
    content = pdf_from_template("pools/recommendation_pdf.html", {**data, "title": _title(data)})
    return Rendered(
        filename=f"{_('Indstilling puljer')} {data['year']} {data['period']}.pdf",
        content_type=CONTENT_TYPES["pdf"],
        content=content,
    )


def recommendation_docx(data: dict) -> Rendered:
    title = _title(data)
    document = docx_document(title)
    docx_heading(document, title, level=1)
    docx_paragraph(document, str(data["partnership"]))
    docx_paragraph(document, data["figures_note"])
    for section in data["sections"]:
        pool, balance = section["pool"], section["balance"]
        docx_heading(document, str(pool), level=2)
        docx_add_table(
            document,
            [_("Bevilling"), _("Afsat"), _("Bevilget"), _("Brugt"), _("Tilbage")],
            [
                [
                    _("I alt"),
                    balance.allocation,
                    balance.committed + balance.spent,
                    balance.spent,
                    balance.available,
                ]
            ],
            money_columns=(1, 2, 3, 4),
        )
        docx_heading(document, _("Bevillinger"), level=3)
        rows = [
            [
                grant.application.title,
                grant.application.purpose,
                formats.date_format(grant.decided_on, "j. F Y"),
                grant.amount,
            ]
            for grant in section["grants"]
        ]
        if rows:
            docx_add_table(
                document,
                [_("Projekt"), _("Formål"), _("Dato"), _("Beløb")],
                rows,
                money_columns=(3,),
            )
        else:
            docx_paragraph(document, _("Ingen bevillinger endnu."))
        docx_heading(document, _("Udgifter"), level=3)
        rows = [
            [
                formats.date_format(expense.date, "j. F Y"),
                expense.grant.application.title,
                expense.supplier,
                expense.amount,
            ]
            for expense in section["expenses"]
        ]
        if rows:
            docx_add_table(
                document,
                [_("Dato"), _("Projekt"), _("Leverandør"), _("Beløb")],
                rows,
                money_columns=(3,),
            )
        else:
            docx_paragraph(document, _("Ingen udgifter endnu."))
        docx_heading(document, _("Arbejdsgruppens forslag til resten af puljen"), level=3)
        recommendation = section["recommendation"]
        docx_paragraph(
            document,
            (recommendation.proposal if recommendation else "") or _("Intet forslag skrevet."),
        )
    return Rendered(
        filename=f"{_('Indstilling puljer')} {data['year']} {data['period']}.docx",
        content_type=CONTENT_TYPES["docx"],
        content=docx_bytes(document),
    )


def export_rows(*, partnership, year: int, with_contacts: bool) -> tuple[list[str], list[list]]:
    """One row per application of the year's pools, with its grant, if any.

    Contact details only when `with_contacts` (the working group); never for others.
    """
    header = [
        _("Pulje"),
        _("Modtaget"),
        _("Titel"),
        _("Status"),
        _("Ansøgt (kr.)"),
        _("Bevilget (kr.)"),
        _("Brugt (kr.)"),
        _("Bevillingsstatus"),
        _("Opdigtede demodata"),
    ]
    if with_contacts:
        header += [_("Navn"), _("E-mail"), _("Telefon")]
    applications = (
        Application.private_objects.filter(pool__partnership=partnership, pool__year=year)
        .select_related("pool", "grant")
        .with_totals()
        .order_by("pool__kind", "created_at", "pk")
    )
    spent = dict(
        Grant.private_objects.filter(pool__partnership=partnership, pool__year=year)
        .with_spent()
        .values_list("pk", "spent_total")
    )
    rows = []
    for application in applications:
        grant = getattr(application, "grant", None)
        row = [
            str(application.pool),
            formats.date_format(timezone.localtime(application.created_at), "Y-m-d"),
            application.title,
            application.get_status_display(),
            application.requested_total,
            grant.amount if grant else None,
            (spent.get(grant.pk) or 0) if grant else None,
            grant.get_status_display() if grant else "",
            _("ja") if application.is_invented else "",
        ]
        if with_contacts:
            row += [
                application.applicant_name,
                application.applicant_email,
                application.applicant_phone,
            ]
        rows.append(row)
    return header, rows


def export(*, partnership, year: int, with_contacts: bool, kind: str) -> Rendered:
    header, rows = export_rows(partnership=partnership, year=year, with_contacts=with_contacts)
    name = f"{_('Puljeansøgninger')} {partnership.slug} {year}.{kind}"
    if kind == "csv":
        content = csv_bytes(header, rows)
    else:
        content = xlsx_bytes([(_("Ansøgninger %(year)s") % {"year": year}, header, rows)])
    return Rendered(filename=name, content_type=CONTENT_TYPES[kind], content=content)
