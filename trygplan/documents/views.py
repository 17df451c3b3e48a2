"""Downloads of the plan document.

PDF and Word go through `documents.background`: a frozen (approved or published) version is
rendered once and then served from storage; a draft is rendered in the background on each
request, with a page that waits for it. HTML, Excel and CSV are fast and made on request.
"""

from django.http import HttpRequest, HttpResponse
from django.views.decorators.http import require_safe

from trygplan.lib.files import download_response

from .access import get_plan_for_document
from .background import document_response
from .documents import STORED_FORMATS
from .plan_document import render_plan


@require_safe
def export(request: HttpRequest, slug: str, year: int, fmt: str) -> HttpResponse:
    """The plan as pdf, docx, xlsx, csv (attachments) or html (a print-friendly page);
    `?checks=1` adds the checks appendix to pdf, docx and html."""
    plan = get_plan_for_document(request.user, slug, year, fmt)
    with_checks = request.GET.get("checks") == "1"
    if fmt not in STORED_FORMATS:
        rendered = render_plan(plan, fmt, with_checks=with_checks)
        return download_response(rendered, inline=fmt == "html")
    params = {"plan": plan.pk, "fmt": fmt, "checks": with_checks}
    # The checks appendix is worked out anew (the rules may change): never frozen.
    frozen = plan.is_frozen and not with_checks
    # The plan's texts are Danish in every interface language: one stored file for both.
    return document_response(request, kind="plan", params=params, frozen=frozen, language="da")
