"""A draft plan's footnotes, written on pages (not in the Django admin): the list, a form for
a new or changed footnote, and its removal. An approved plan's footnotes change only in an
amendment (`amend_if_frozen`)."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from trygplan.partnerships import access

from . import access as plan_access
from . import services
from .cycle_views import amend_if_frozen, saved_or_explained
from .forms import FootnoteForm
from .models import Footnote


def _context(request, plan, **extra) -> dict:
    return {
        "plan": plan,
        "partnership": plan.partnership,
        "can_edit": plan.is_draft and access.can_edit_plans(request.user, plan.partnership),
        **extra,
    }


@login_required
@require_GET
def footnotes(request: HttpRequest, slug: str, year: int) -> HttpResponse:
    plan = plan_access.get_plan_for_read(request.user, slug, year)
    if not access.can_read_private(request.user, plan.partnership):
        return redirect(plan)
    notes = plan.footnotes.select_related("activity").order_by("activity__number", "year", "key")
    return render(request, "plans/footnotes.html", _context(request, plan, footnotes=notes))


@login_required
@amend_if_frozen
def footnote_edit(request: HttpRequest, slug: str, year: int, pk: int | None = None):
    plan = plan_access.get_plan_for_edit(request.user, slug, year)
    note = Footnote(plan=plan) if pk is None else get_object_or_404(Footnote, plan=plan, pk=pk)
    form = FootnoteForm(request.POST or None, instance=note)
    if request.method == "POST" and form.is_valid() and saved_or_explained(form, request):
        messages.success(request, _("Fodnoten er gemt."))
        return redirect("plans:footnotes", slug, year)
    title = _("Ny fodnote") if pk is None else _("Ret fodnote")
    return render(
        request, "plans/footnote_form.html", _context(request, plan, form=form, title=title)
    )


@login_required
@require_POST
@amend_if_frozen
def footnote_delete(request: HttpRequest, slug: str, year: int, pk: int) -> HttpResponse:
    plan = plan_access.get_plan_for_edit(request.user, slug, year)
    note = get_object_or_404(Footnote, plan=plan, pk=pk)
    services.footnote_delete(
        footnote=note, user=request.user, reason=request.POST.get("reason", "")
    )
    messages.success(request, _("Fodnoten er slettet."))
    return redirect("plans:footnotes", slug, year)
