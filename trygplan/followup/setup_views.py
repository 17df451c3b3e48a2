"""Setting up follow-up: the coordinator's pages for indicators (of a result or an effect),
their yearly targets, who reports for which organisation, and the notes on the charts.
Linked from the follow-up index."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from trygplan.plans.access import visible_plans

from . import access, setup_services
from .models import ChartNote, Indicator, Reporter
from .setup_forms import ChartNoteForm, IndicatorForm, ReporterForm, TargetFormSet

form_methods = require_http_methods(["GET", "HEAD", "POST"])


def _context(request, partnership, **extra) -> dict:
    """What the follow-up pages' frame needs (its sub-navigation names the newest plan)."""
    return {
        "partnership": partnership,
        "plan": visible_plans(request.user, partnership).order_by("-year").first(),
        "can_read_private": True,
        "back_url": reverse("followup:setup", args=[partnership.slug]),
        **extra,
    }


@login_required
@require_GET
def setup(request: HttpRequest, slug: str) -> HttpResponse:
    partnership = access.get_partnership_for_setup(request.user, slug)
    indicators = (
        Indicator.objects.filter(partnership=partnership)
        .select_related("result", "effect", "reported_by", "statistic_series")
        .prefetch_related("targets")
    )
    reporters = (
        Reporter.objects.filter(partnership=partnership)
        .select_related("user", "organisation")
        .order_by("organisation__name", "user__first_name")
    )
    notes = ChartNote.objects.filter(partnership=partnership)
    context = _context(
        request, partnership, indicators=indicators, reporters=reporters, notes=notes
    )
    return render(request, "followup/setup.html", context)


def _indicator_page(request, partnership, indicator, title: str) -> HttpResponse:
    data = request.POST if request.method == "POST" else None
    form = IndicatorForm(data, instance=indicator)
    targets = TargetFormSet(data, instance=indicator, prefix="targets")
    if data is not None and all([form.is_valid(), targets.is_valid()]):  # both show errors
        try:
            saved = setup_services.indicator_save(form=form, targets=targets, user=request.user)
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, _("“%(name)s” er gemt.") % {"name": saved.name})
            return redirect("followup:setup", partnership.slug)
    context = _context(request, partnership, form=form, targets=targets, title=title)
    if indicator.pk and not indicator.values.exists():
        context.update(
            delete_url=reverse("followup:indicator_delete", args=[partnership.slug, indicator.key]),
            delete_label=_("Slet indikatoren"),
        )
    return render(request, "followup/indicator_form.html", context)


@login_required
@form_methods
def indicator_create(request: HttpRequest, slug: str) -> HttpResponse:
    partnership = access.get_partnership_for_setup(request.user, slug)
    indicator = Indicator(partnership=partnership)
    return _indicator_page(request, partnership, indicator, _("Ny indikator"))


@login_required
@form_methods
def indicator_edit(request: HttpRequest, slug: str, key: str) -> HttpResponse:
    partnership = access.get_partnership_for_setup(request.user, slug)
    indicator = get_object_or_404(Indicator, partnership=partnership, key=key)
    return _indicator_page(request, partnership, indicator, _("Ret indikator"))


@login_required
@require_POST
def indicator_delete(request: HttpRequest, slug: str, key: str) -> HttpResponse:
    partnership = access.get_partnership_for_setup(request.user, slug)
    indicator = get_object_or_404(Indicator, partnership=partnership, key=key)
    try:
        setup_services.indicator_delete(indicator=indicator, user=request.user)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, _("“%(name)s” er slettet.") % {"name": indicator.name})
    return redirect("followup:setup", slug)


def _row_page(request, partnership, form, *, title, save, done, delete) -> HttpResponse:
    """One setup row's page (a reporter, a chart note): the form, saved by `save`, then back
    to the setup page with `done(saved)`; a saved row offers `delete` = (URL name, label)."""
    if request.method == "POST" and form.is_valid():
        saved = save(form=form, user=request.user)
        messages.success(request, done(saved))
        return redirect("followup:setup", partnership.slug)
    context = _context(request, partnership, form=form, title=title)
    if form.instance.pk:
        name, label = delete
        context.update(
            delete_url=reverse(name, args=[partnership.slug, form.instance.pk]),
            delete_label=label,
        )
    return render(request, "core/edit_page.html", context)


def _reporter_page(request, partnership, reporter, title: str) -> HttpResponse:
    return _row_page(
        request,
        partnership,
        ReporterForm(request.POST or None, instance=reporter),
        title=title,
        save=setup_services.reporter_save,
        done=lambda saved: (
            _("%(user)s indberetter for %(org)s.")
            % {"user": saved.user, "org": saved.organisation.name}
        ),
        delete=("followup:reporter_delete", _("Fjern indberetteren")),
    )


@login_required
@form_methods
def reporter_create(request: HttpRequest, slug: str) -> HttpResponse:
    partnership = access.get_partnership_for_setup(request.user, slug)
    reporter = Reporter(partnership=partnership)
    return _reporter_page(request, partnership, reporter, _("Ny indberetter"))


@login_required
@form_methods
def reporter_edit(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    partnership = access.get_partnership_for_setup(request.user, slug)
    reporter = get_object_or_404(Reporter, partnership=partnership, pk=pk)
    return _reporter_page(request, partnership, reporter, _("Ret indberetter"))


@login_required
@require_POST
def reporter_delete(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    partnership = access.get_partnership_for_setup(request.user, slug)
    reporter = get_object_or_404(Reporter, partnership=partnership, pk=pk)
    setup_services.reporter_delete(reporter=reporter, user=request.user)
    messages.success(request, _("%(user)s indberetter ikke længere.") % {"user": reporter.user})
    return redirect("followup:setup", slug)


def _note_page(request, partnership, note, title: str) -> HttpResponse:
    return _row_page(
        request,
        partnership,
        ChartNoteForm(request.POST or None, instance=note),
        title=title,
        save=setup_services.chart_note_save,
        done=lambda saved: _("Noten for %(year)s er gemt.") % {"year": saved.year},
        delete=("followup:chart_note_delete", _("Slet noten")),
    )


@login_required
@form_methods
def chart_note_create(request: HttpRequest, slug: str) -> HttpResponse:
    partnership = access.get_partnership_for_setup(request.user, slug)
    return _note_page(request, partnership, ChartNote(partnership=partnership), _("Ny note"))


@login_required
@form_methods
def chart_note_edit(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    partnership = access.get_partnership_for_setup(request.user, slug)
    note = get_object_or_404(ChartNote, partnership=partnership, pk=pk)
    return _note_page(request, partnership, note, _("Ret note"))


@login_required
@require_POST
def chart_note_delete(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    partnership = access.get_partnership_for_setup(request.user, slug)
    note = get_object_or_404(ChartNote, partnership=partnership, pk=pk)
    setup_services.chart_note_delete(note=note, user=request.user)
    messages.success(request, _("Noten for %(year)s er slettet.") % {"year": note.year})
    return redirect("followup:setup", slug)
