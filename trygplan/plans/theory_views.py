"""The theory of change's editor: effects, results and focus areas of a partnership, their
numbers and the links result → effects. Read-only with the reason once a plan is approved
(`theory_access`)."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.db.models import Count
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from trygplan.audit.models import AuditEntry
from trygplan.partnerships.access import can_edit_plans

from . import theory_access, theory_services
from .access import visible_plans
from .models import Effect, FocusArea, Result
from .theory_forms import KINDS, LinksForm, RenumberForm, TheoryKind

form_methods = require_http_methods(["GET", "HEAD", "POST"])


def _kind(slug: str) -> TheoryKind:
    if slug not in KINDS:
        raise Http404
    return KINDS[slug]


def _context(request, partnership, **extra) -> dict:
    plan = visible_plans(request.user, partnership).order_by("-year", "-amendment").first()
    back_url = reverse("plans:theory_edit", args=[partnership.slug])
    return {"partnership": partnership, "plan": plan, "back_url": back_url, **extra}


def _saved(form, request) -> bool:
    try:
        theory_services.theory_item_save(form=form, user=request.user)
    except ValidationError as error:
        form.add_error(None, error)
        return False
    return True


def _history(partnership):
    types = ContentType.objects.get_for_models(Effect, Result, FocusArea).values()
    entries = AuditEntry.objects.filter(partnership=partnership, content_type__in=types)
    return entries.select_related("user", "content_type", "plan").newest_first()[:20]


@login_required
@require_GET
def theory_edit(request: HttpRequest, slug: str) -> HttpResponse:
    partnership = theory_access.get_partnership_for_theory(request.user, slug)
    frozen = theory_access.frozen_by(partnership.pk)
    items = {"partnership": partnership}
    context = _context(
        request,
        partnership,
        frozen_reason=theory_access.frozen_reason(frozen) if frozen else "",
        editable=frozen is None and can_edit_plans(request.user, partnership),
        effects=Effect.objects.filter(**items).annotate(
            n_results=Count("results", distinct=True),
            n_indicators=Count("indicators", distinct=True),
        ),
        results=Result.objects.filter(**items)
        .prefetch_related("effects")
        .annotate(
            n_descriptions=Count("descriptions", distinct=True),
            n_indicators=Count("indicators", distinct=True),
        ),
        focus_areas=FocusArea.objects.filter(**items).annotate(
            n_activities=Count("activities", distinct=True)
        ),
        history=_history(partnership),
    )
    return render(request, "plans/theory_edit.html", context)


@login_required
@form_methods
def theory_item_create(request: HttpRequest, slug: str, kind: str) -> HttpResponse:
    partnership = theory_access.get_partnership_for_theory_edit(request.user, slug)
    kind = _kind(kind)
    form = kind.form(request.POST or None, instance=kind.model(partnership=partnership))
    if request.method == "POST" and form.is_valid() and _saved(form, request):
        messages.success(request, _("“%(name)s” er tilføjet.") % {"name": form.instance.name})
        return redirect("plans:theory_edit", slug)
    context = _context(request, partnership, form=form, title=kind.new_title)
    return render(request, "core/edit_page.html", context)


@login_required
@form_methods
def theory_item_edit(request: HttpRequest, slug: str, kind: str, pk: int) -> HttpResponse:
    partnership = theory_access.get_partnership_for_theory_edit(request.user, slug)
    kind = _kind(kind)
    item = get_object_or_404(kind.model, partnership=partnership, pk=pk)
    form = kind.form(request.POST or None, instance=item)
    if request.method == "POST" and form.is_valid() and _saved(form, request):
        messages.success(request, _("“%(name)s” er gemt.") % {"name": item.name})
        return redirect("plans:theory_edit", slug)
    url = reverse("plans:theory_item_delete", args=[slug, kind.slug, pk])
    context = _context(request, partnership, form=form, title=kind.edit_title)
    return render(request, "core/edit_page.html", context | _delete_context(item, url))


def _delete_context(item, url: str) -> dict:
    """A delete button for an unused item, or why it cannot go."""
    uses = theory_services.item_uses(item)
    if uses:
        reason = _("Bruges af %(uses)s og kan derfor ikke slettes.") % {"uses": ", ".join(uses)}
        return {"cannot_delete": reason}
    return {"delete_url": url, "delete_label": _("Slet “%(name)s”") % {"name": item.name}}


@login_required
@require_POST
def theory_item_delete(request: HttpRequest, slug: str, kind: str, pk: int) -> HttpResponse:
    partnership = theory_access.get_partnership_for_theory_edit(request.user, slug)
    item = get_object_or_404(_kind(kind).model, partnership=partnership, pk=pk)
    try:
        theory_services.theory_item_delete(item=item, user=request.user)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, _("“%(name)s” er slettet.") % {"name": item.name})
    return redirect("plans:theory_edit", slug)


@login_required
@form_methods
def theory_renumber(request: HttpRequest, slug: str, kind: str) -> HttpResponse:
    partnership = theory_access.get_partnership_for_theory_edit(request.user, slug)
    kind = _kind(kind)
    items = kind.model.objects.filter(partnership=partnership)
    form = RenumberForm(request.POST or None, items=items)
    if request.method == "POST" and form.is_valid():
        try:
            theory_services.theory_renumber(
                partnership=partnership, model=kind.model, numbers=form.numbers(), user=request.user
            )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, _("Numrene er gemt."))
            return redirect("plans:theory_edit", slug)
    context = _context(request, partnership, form=form, title=kind.numbers_title)
    return render(request, "core/edit_page.html", context)


@login_required
@form_methods
def theory_links(request: HttpRequest, slug: str) -> HttpResponse:
    partnership = theory_access.get_partnership_for_theory_edit(request.user, slug)
    results = Result.objects.filter(partnership=partnership).prefetch_related("effects")
    effects = Effect.objects.filter(partnership=partnership)
    form = LinksForm(request.POST or None, results=results, effects=effects)
    if request.method == "POST" and form.is_valid():
        theory_services.theory_links_save(
            partnership=partnership, links=form.links(), user=request.user
        )
        messages.success(request, _("Sammenhængene mellem resultater og effekter er gemt."))
        return redirect("plans:theory_edit", slug)
    context = _context(request, partnership, form=form, title=_("Resultater → effekter"))
    return render(request, "core/edit_page.html", context)
