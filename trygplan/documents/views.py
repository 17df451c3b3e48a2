"""Downloads of the plan document."""

from django.http import HttpRequest, HttpResponse
from django.views.decorators.http import require_safe

from trygplan.lib.files import download_response

from .access import get_plan_for_document
from .plan_document import render_plan


@require_safe
def export(request: HttpRequest, slug: str, year: int, fmt: str) -> HttpResponse:
    """The plan as pdf, docx, xlsx, csv (attachments) or html (a print-friendly page);
    `?checks=1` adds the checks appendix to pdf, docx and html."""
    plan = get_plan_for_document(request.user, slug, year, fmt)
    rendered = render_plan(plan, fmt, with_checks=request.GET.get("checks") == "1")
    return download_response(rendered, inline=fmt == "html")
