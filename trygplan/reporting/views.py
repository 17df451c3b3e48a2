"""Report pages: the rounds, a partner's part, the report (internal and for residents), its
files, the steering group's decisions and the money spent per activity."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from trygplan.documents.background import document_response
from trygplan.partnerships import access as partnership_access
from trygplan.plans.history import budget_sources

from . import access, services
from .documents import report_params
from .forms import (
    DecisionForm,
    PartForm,
    ReasonForm,
    RecommendationForm,
    RoundOpenForm,
    RoundTextsForm,
)
from .models import ReportRecommendation, ReportRound
from .pages import pool_keys, round_context, spending_context
from .report import FORMATS, report_data
from .workflow import PART, RECOMMENDATION, ROUND


def _errors(request, error: ValidationError) -> None:
    messages.error(request, " ".join(error.messages))


def _open_years(partnership) -> list[int]:
    years = range(partnership.period_start, partnership.period_end + 2)
    return sorted(budget_sources(partnership, years), reverse=True)


@require_GET
def index(request: HttpRequest, slug: str) -> HttpResponse:
    partnership = partnership_access.get_partnership(slug)
    readers = access.can_read_reports(request.user, partnership)
    reporter = access.reporter_organisation(request.user, partnership)
    manager = ReportRound.private_objects if readers or reporter else ReportRound.public_objects
    rounds = manager.for_partnership(partnership).select_related("partnership")
    form = None
    if access.can_manage(request.user, partnership):
        form = RoundOpenForm(years=_open_years(partnership), initial={"deadline": ""})
    context = {"partnership": partnership, "rounds": rounds, "form": form, "readers": readers}
    return render(request, "reporting/index.html", {**context, "reporter": reporter})


@login_required
@require_POST
def round_open(request: HttpRequest, slug: str) -> HttpResponse:
    partnership = access.get_partnership_for_members(request.user, slug)
    if not access.can_manage(request.user, partnership):
        raise PermissionDenied(_("Kun koordinatoren kan åbne en afrapportering."))
    form = RoundOpenForm(request.POST, years=_open_years(partnership))
    if form.is_valid():
        try:
            round_ = services.round_open(
                partnership=partnership, user=request.user, **form.cleaned_data
            )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, _("%(round)s er åbnet for partnerne.") % {"round": round_})
            return redirect(round_)
    rounds = ReportRound.private_objects.for_partnership(partnership)
    context = {"partnership": partnership, "rounds": rounds, "form": form, "readers": True}
    return render(request, "reporting/index.html", context, status=400)


@login_required
@require_GET
def round_detail(request: HttpRequest, slug: str, year: int, kind: str) -> HttpResponse:
    round_ = access.get_round_for_members(request.user, slug, year, kind)
    return render(request, "reporting/round.html", round_context(request, round_))


@login_required
@require_http_methods(["GET", "POST"])
def round_texts(request: HttpRequest, slug: str, year: int, kind: str) -> HttpResponse:
    round_ = access.get_round_for_reading(request.user, slug, year, kind)
    if not access.can_compile(request.user, round_.partnership) or not round_.is_open:
        raise PermissionDenied(_("Rapporten kan ikke ændres nu."))
    form = RoundTextsForm(request.POST or None, instance=round_)
    if request.method == "POST" and form.is_valid():
        services.round_texts_save(form=form, user=request.user)
        messages.success(request, _("Rapportens tekster er gemt."))
        return redirect(round_)
    context = {"partnership": round_.partnership, "round": round_, "form": form}
    return render(request, "reporting/round_texts.html", context)


@login_required
@require_POST
def round_step(request: HttpRequest, slug: str, year: int, kind: str, action: str) -> HttpResponse:
    if action not in ROUND:
        raise Http404
    round_ = access.get_round_for_reading(request.user, slug, year, kind)
    if not ROUND.may(request.user, round_, action):
        raise PermissionDenied(str(ROUND.transition(action).refusal))
    form = ReasonForm(request.POST)
    form.is_valid()
    try:
        round_ = services.round_transition(
            round_=round_,
            action=action,
            user=request.user,
            comment=form.cleaned_data.get("reason", ""),
        )
    except ValidationError as error:
        _errors(request, error)
    else:
        messages.success(
            request,
            _("Rapporten er nu: %(status)s.") % {"status": round_.get_status_display().lower()},
        )
    return redirect(round_)


# ---- the report -----------------------------------------------------------------------------


def _report_page(request, round_, *, public: bool) -> HttpResponse:
    context = {
        "partnership": round_.partnership,
        "plan": round_.plan,
        "round": round_,
        "data": report_data(round_, public=public),
        "formats": FORMATS,
        "public": public,
        "readers": access.can_read_reports(request.user, round_.partnership),
    }
    return render(request, "reporting/report.html", context)


def _report_file(request, round_, fmt: str, *, public: bool) -> HttpResponse:
    if fmt not in FORMATS:
        raise Http404
    params = report_params(round_, fmt, public=public)
    return document_response(
        request, kind="steering_report", params=params, frozen=round_.is_sent, language="da"
    )


@login_required
@require_GET
def report(request: HttpRequest, slug: str, year: int, kind: str) -> HttpResponse:
    round_ = access.get_round_for_reading(request.user, slug, year, kind)
    return _report_page(request, round_, public=False)


@login_required
@require_GET
def report_file(request: HttpRequest, slug: str, year: int, kind: str, fmt: str) -> HttpResponse:
    round_ = access.get_round_for_reading(request.user, slug, year, kind)
    return _report_file(request, round_, fmt, public=False)


@require_GET
def public(request: HttpRequest, slug: str, year: int, kind: str) -> HttpResponse:
    round_ = access.get_round_for_public(request.user, slug, year, kind)
    return _report_page(request, round_, public=True)


@require_GET
def public_file(request: HttpRequest, slug: str, year: int, kind: str, fmt: str) -> HttpResponse:
    round_ = access.get_round_for_public(request.user, slug, year, kind)
    return _report_file(request, round_, fmt, public=True)


# ---- parts ----------------------------------------------------------------------------------


@login_required
@require_http_methods(["GET", "POST"])
def part_detail(request: HttpRequest, slug: str, year: int, kind: str, pk: int) -> HttpResponse:
    round_ = access.get_round_for_members(request.user, slug, year, kind)
    part = access.get_part_for_read(request.user, round_, pk)
    can_fill = access.can_fill_part(request.user, part)
    if request.method == "POST" and not can_fill:
        access.get_part_for_edit(request.user, round_, pk)  # raises with the reason
    form = (
        PartForm(request.POST or None, part=part, pool_keys=pool_keys(round_)) if can_fill else None
    )
    if form is not None and request.method == "POST" and form.is_valid():
        services.part_save(part=part, form=form, user=request.user)
        messages.success(request, _("Delrapporten er gemt."))
        return redirect(part)
    context = {
        "partnership": round_.partnership,
        "round": round_,
        "part": part,
        "form": form,
        "actions": PART.available(request.user, part),
        "steps": PART.steps(part),
        "figures": part.figures.select_related("deliverable"),
        "spending": part.spending.select_related("activity"),
        "reason_form": ReasonForm(),
    }
    return render(request, "reporting/part.html", context)


@login_required
@require_POST
def part_step(
    request: HttpRequest, slug: str, year: int, kind: str, pk: int, action: str
) -> HttpResponse:
    if action not in PART:
        raise Http404
    round_ = access.get_round_for_members(request.user, slug, year, kind)
    part = access.get_part_for_read(request.user, round_, pk)
    if not PART.may(request.user, part, action):
        raise PermissionDenied(str(PART.transition(action).refusal))
    form = ReasonForm(request.POST)
    form.is_valid()
    try:
        part = services.part_transition(
            part=part, action=action, user=request.user, comment=form.cleaned_data.get("reason", "")
        )
    except ValidationError as error:
        _errors(request, error)
    else:
        messages.success(
            request,
            _("Delrapporten er nu: %(status)s.") % {"status": part.get_status_display().lower()},
        )
    return redirect(part)


# ---- recommendations and decisions ----------------------------------------------------------


def _recommendation(round_, pk: int) -> ReportRecommendation:
    return get_object_or_404(
        ReportRecommendation.private_objects.select_related("round"), round=round_, pk=pk
    )


def _compiling(request, slug, year, kind) -> ReportRound:
    round_ = access.get_round_for_reading(request.user, slug, year, kind)
    if not access.can_compile(request.user, round_.partnership) or not round_.is_open:
        raise PermissionDenied(_("Indstillingerne kan ikke ændres nu."))
    return round_


@login_required
@require_http_methods(["GET", "POST"])
def recommendation_edit(
    request: HttpRequest, slug: str, year: int, kind: str, pk: int | None = None
) -> HttpResponse:
    round_ = _compiling(request, slug, year, kind)
    instance = (
        _recommendation(round_, pk)
        if pk
        else ReportRecommendation(round=round_, order=round_.recommendations.count() + 1)
    )
    form = RecommendationForm(request.POST or None, instance=instance)
    if request.method == "POST" and form.is_valid():
        try:
            services.recommendation_save(form=form, user=request.user)
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, _("Indstillingen er gemt."))
            return redirect(f"{round_.get_absolute_url()}#recommendations")
    context = {
        "partnership": round_.partnership,
        "round": round_,
        "form": form,
        "recommendation": instance,
    }
    return render(request, "reporting/recommendation_form.html", context)


@login_required
@require_POST
def recommendation_delete(
    request: HttpRequest, slug: str, year: int, kind: str, pk: int
) -> HttpResponse:
    round_ = _compiling(request, slug, year, kind)
    form = ReasonForm(request.POST)
    form.is_valid()
    services.recommendation_delete(
        recommendation=_recommendation(round_, pk),
        user=request.user,
        reason=form.cleaned_data.get("reason", ""),
    )
    messages.success(request, _("Indstillingen er slettet."))
    return redirect(f"{round_.get_absolute_url()}#recommendations")


@login_required
@require_http_methods(["GET", "POST"])
def recommendation_decide(
    request: HttpRequest, slug: str, year: int, kind: str, pk: int
) -> HttpResponse:
    round_ = access.get_round_for_reading(request.user, slug, year, kind)
    recommendation = _recommendation(round_, pk)
    if not RECOMMENDATION.may(request.user, recommendation, "approve"):
        raise PermissionDenied(str(RECOMMENDATION.transition("approve").refusal))
    if recommendation.is_decided:
        raise PermissionDenied(_("Indstillingen er allerede besluttet."))
    form = DecisionForm(request.POST or None, moves_money=recommendation.moves_money)
    if request.method == "POST" and form.is_valid():
        try:
            decided = services.recommendation_decide(
                recommendation=recommendation, user=request.user, **form.cleaned_data
            )
        except ValidationError as error:
            form.add_error(
                "amount" if "amount" in getattr(error, "error_dict", {}) else None, error
            )
        else:
            messages.success(
                request,
                _("Beslutningen er registreret: %(status)s.")
                % {"status": decided.get_status_display().lower()},
            )
            return redirect(f"{round_.get_absolute_url()}#recommendation-{decided.pk}")
    context = {
        "partnership": round_.partnership,
        "round": round_,
        "recommendation": recommendation,
        "form": form,
    }
    return render(request, "reporting/decide.html", context)


# ---- money spent ----------------------------------------------------------------------------


@login_required
@require_http_methods(["GET", "POST"])
def spending(request: HttpRequest, slug: str, year: int) -> HttpResponse:
    partnership = access.get_partnership_for_members(request.user, slug)
    if not access.can_read_reports(request.user, partnership):
        raise PermissionDenied(_("Forbruget er for koordinator, arbejdsgruppe og styregruppe."))
    context = spending_context(request, partnership, year)
    form = context["form"]
    if form is not None and request.method == "POST":
        if form.is_valid():
            services.spending_book(form=form, user=request.user)
            messages.success(request, _("Forbruget er bogført."))
            return redirect("reporting:spending", slug, year)
    elif request.method == "POST":
        raise PermissionDenied(_("Kun koordinatoren kan bogføre forbrug."))
    return render(request, "reporting/spending.html", context)


@login_required
@require_POST
def spending_delete(request: HttpRequest, slug: str, year: int, pk: int) -> HttpResponse:
    from .models import Spending

    partnership = access.get_partnership_for_members(request.user, slug)
    row = get_object_or_404(Spending.objects, partnership=partnership, year=year, pk=pk)
    form = ReasonForm(request.POST)
    form.is_valid()
    try:
        services.spending_delete(
            spending=row, user=request.user, reason=form.cleaned_data.get("reason", "")
        )
    except ValidationError as error:
        _errors(request, error)
    else:
        messages.success(request, _("Bogføringen er slettet."))
    return redirect("reporting:spending", slug, year)
