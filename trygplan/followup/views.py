"""Follow-up pages: indicators, the status board, money to results, submissions, events."""

from datetime import date

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import Prefetch
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from trygplan.core.links import site_url
from trygplan.core.paging import page_of
from trygplan.lib.files import CONTENT_TYPES, Rendered, csv_bytes, download_response, xlsx_bytes
from trygplan.lib.numbers import format_number
from trygplan.lib.years import chosen_year
from trygplan.plans import access as plan_access
from trygplan.plans.models import Effect, Plan

from . import access, importers, reports, services
from .exports import bulk_header, bulk_rows, calendar_events, ics_calendar, indicator_value_rows
from .forms import (
    ConfirmImportForm,
    DeleteForm,
    EventForm,
    ProgressEditForm,
    ProgressForm,
    ReasonForm,
    SubmissionCreateForm,
    SubmissionValuesForm,
    UploadForm,
)
from .models import Event, EventPhoto, Indicator, Submission
from .workflow import SUBMISSION


def _context(request, partnership, **extra) -> dict:
    plan = plan_access.visible_plans(request.user, partnership).order_by("-year").first()
    return {
        "partnership": partnership,
        "plan": plan,
        "can_read_private": access.can_read_private(request.user, partnership),
        "can_approve": access.can_approve(request.user, partnership),
        "can_record": access.can_record(request.user, partnership),
        **extra,
    }


def _indicators(partnership):
    return Indicator.objects.filter(partnership=partnership).select_related(
        "result", "effect", "reported_by", "partnership", "statistic_series__partnership"
    )


def _typed_indicators(submission):
    """The submission's indicators that are typed in (not read from the statistics)."""
    return _indicators(submission.partnership).filter(
        reported_by=submission.organisation, statistic_series__isnull=True
    )


# ---- Public pages ---------------------------------------------------------------------------


@require_GET
def index(request: HttpRequest, slug: str) -> HttpResponse:
    partnership = access.get_partnership_for_read(request.user, slug)
    private = access.can_read_private(request.user, partnership)
    indicators = list(_indicators(partnership).prefetch_related("targets"))
    latest = reports.latest_values(indicators, include_unapproved=private)
    rows = [
        (
            indicator,
            latest.get(indicator.pk),
            reports.shown_value(indicator, getattr(latest.get(indicator.pk), "value", None)),
        )
        for indicator in indicators
    ]
    effects = Effect.objects.filter(partnership=partnership)
    return render(
        request,
        "followup/index.html",
        _context(request, partnership, rows=rows, effects=effects),
    )


@require_GET
def indicator_detail(request: HttpRequest, slug: str, key: str) -> HttpResponse:
    partnership = access.get_partnership_for_read(request.user, slug)
    indicator = get_object_or_404(_indicators(partnership), key=key)
    private = access.can_read_private(request.user, partnership)
    years = reports.indicator_years(indicator, include_unapproved=private)
    svg, table = reports.indicator_chart(indicator, years)
    return render(
        request,
        "followup/indicator.html",
        _context(
            request,
            partnership,
            indicator=indicator,
            years=years,
            svg=svg,
            table=table,
            baseline_shown=reports.shown_value(indicator, indicator.baseline_value),
        ),
    )


@require_GET
def indicator_csv(request: HttpRequest, slug: str, key: str) -> HttpResponse:
    partnership = access.get_partnership_for_read(request.user, slug)
    indicator = get_object_or_404(_indicators(partnership), key=key)
    private = access.can_read_private(request.user, partnership)
    header = [_("Nøgle"), _("Område"), _("Kilde"), _("År"), indicator.unit, _("Ændring")]
    header += [_("Mål"), _("Status"), _("Godkendt")]
    rows = []
    source = indicator.get_source_display()
    for row in reports.indicator_years(indicator, include_unapproved=private):
        value = row.value
        rows.append(
            [
                indicator.key,
                partnership.slug,
                source,
                row.year,
                row.shown or "",
                row.change,
                format_number(row.target) if row.target is not None else "",
                value.get_quality_display() if value else "",
                (_("ja") if value.submission.is_public else _("nej")) if value else "",
            ]
        )
    return download_response(
        Rendered(f"{indicator.key}.csv", "text/csv; charset=utf-8", csv_bytes(header, rows))
    )


@require_GET
def effect_detail(request: HttpRequest, slug: str, number: int) -> HttpResponse:
    """Turn the Curve: the effect's curve, its story (results and activities), what next."""
    partnership = access.get_partnership_for_read(request.user, slug)
    effect = get_object_or_404(Effect, partnership=partnership, number=number)
    private = access.can_read_private(request.user, partnership)
    curves = _curves(_indicators(partnership).filter(effect=effect), partnership, private)
    context = _context(request, partnership, effect=effect, curves=curves)
    plan = context["plan"]
    context["contributions"] = reports.build_contribution(plan)[1] if plan else []
    context["result_indicators"] = _indicators(partnership).filter(result__isnull=False)
    return render(request, "followup/effect.html", context)


def _curves(indicators, partnership, private: bool) -> list[dict]:
    """Each indicator's curve: its values in one query, the chart notes read once."""
    indicators = list(indicators.prefetch_related("targets"))
    values = reports.values_by_indicator_and_year(indicators, include_unapproved=private)
    notes = reports.chart_notes(partnership)
    curves = []
    for indicator in indicators:
        years = reports.indicator_years(
            indicator, include_unapproved=private, by_year=values[indicator.pk]
        )
        forecast = reports.curve_forecast(indicator, years)
        svg, table = reports.indicator_chart(indicator, years, forecast=forecast, annotations=notes)
        curves.append({"indicator": indicator, "years": years, "svg": svg, "table": table})
    return curves


def _on_date(request, plan: Plan) -> date:
    """?on=2016-06-30 shows the board as it was that day; default today, or the plan year's end."""
    try:
        return date.fromisoformat(request.GET.get("on", ""))
    except ValueError:
        return min(timezone.localdate(), date(plan.year, 12, 31))


@require_GET
def status_board(request: HttpRequest, slug: str, year: int) -> HttpResponse:
    plan = plan_access.get_plan_for_read(request.user, slug, year)
    on = _on_date(request, plan)
    rows = reports.build_status_board(plan, on)
    total = sum(row.amount for row in rows)
    context = _context(request, plan.partnership, rows=rows, on=on, total=total)
    context["plan"] = plan
    return render(request, "followup/status_board.html", context)


@require_GET
def contribution(request: HttpRequest, slug: str, year: int) -> HttpResponse:
    plan = plan_access.get_plan_for_read(request.user, slug, year)
    years, items = reports.build_contribution(plan)
    svg = reports.contribution_chart(plan, plan.year, items)
    context = _context(request, plan.partnership, years=years, items=items, svg=svg)
    context["plan"] = plan
    return render(request, "followup/contribution.html", context)


# ---- Submissions (members only) -------------------------------------------------------------


@login_required
@require_http_methods(["GET", "POST"])
def submission_list(request: HttpRequest, slug: str) -> HttpResponse:
    partnership = access.get_partnership_for_members(request.user, slug)
    organisation = access.reporter_organisation(request.user, partnership)
    years = list(range(partnership.period_start, partnership.period_end + 2))
    initial = {"year": min(timezone.localdate().year, years[-1])}
    form = SubmissionCreateForm(request.POST or None, years=years, initial=initial)
    if request.method == "POST":
        if organisation is None:
            raise PermissionDenied(_("Du indberetter ikke for en organisation i partnerskabet."))
        if form.is_valid():
            submission = Submission.private_objects.filter(
                partnership=partnership, organisation=organisation, year=form.cleaned_data["year"]
            ).first() or services.submission_create(
                partnership=partnership,
                organisation=organisation,
                year=form.cleaned_data["year"],
                user=request.user,
            )
            return redirect(submission)
    submissions = Submission.private_objects.filter(partnership=partnership).select_related(
        "organisation", "partnership"
    )
    return render(
        request,
        "followup/submission_list.html",
        _context(
            request, partnership, submissions=submissions, form=form, organisation=organisation
        ),
    )


@login_required
@require_GET
def submission_detail(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    submission = access.get_submission_for_read(request.user, slug, pk)
    return render(request, "followup/submission.html", _submission_context(request, submission))


def _submission_context(request, submission, **extra) -> dict:
    indicators = _typed_indicators(submission)
    values = {value.indicator_id: value for value in submission.values.select_related("indicator")}
    rows = [
        (
            indicator,
            values.get(indicator.pk),
            reports.shown_value(indicator, getattr(values.get(indicator.pk), "value", None)),
        )
        for indicator in indicators
    ]
    return _context(
        request,
        submission.partnership,
        submission=submission,
        rows=rows,
        can_edit=access.can_edit_submission(request.user, submission),
        upload_form=extra.pop("upload_form", UploadForm()),
        reason_form=ReasonForm(),
        **extra,
    )


@login_required
@require_http_methods(["GET", "POST"])
def submission_values(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    """The partner's form for the submission: one row per indicator; all rows saved or none."""
    submission = access.get_submission_for_edit(request.user, slug, pk)
    indicators = _typed_indicators(submission)
    values = {value.indicator_id: value for value in submission.values.all()}
    form = SubmissionValuesForm(request.POST or None, indicators=indicators, values=values)
    if request.method == "POST" and form.is_valid():
        try:
            saved = services.submission_values_save(
                submission=submission,
                rows=form.rows(),
                user=request.user,
                reason=form.cleaned_data["reason"],
            )
        except ValidationError as error:
            form.add_error("reason", error)
        else:
            messages.success(request, _("%(count)s værdier er gemt.") % {"count": len(saved)})
            return redirect(submission)
    context = _context(request, submission.partnership, submission=submission, form=form)
    return render(request, "followup/submission_values.html", context)


@login_required
@require_POST
def submission_import(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    """Step 1 (a file): preview with errors per row. Step 2 (signed rows): save all or none."""
    submission = access.get_submission_for_edit(request.user, slug, pk)
    if "rows" in request.POST:
        return _import_confirm(request, submission)
    form = UploadForm(request.POST, request.FILES)
    preview = None
    if form.is_valid():
        upload = form.cleaned_data["file"]
        indicators = _typed_indicators(submission)
        preview = importers.parse_values(upload.name, upload.read(), indicators=indicators)
    confirm = None
    if preview is not None and preview.is_valid:
        confirm = ConfirmImportForm(
            initial={"rows": ConfirmImportForm.sign(preview.as_data(), submission.pk)}
        )
    context = _submission_context(
        request, submission, upload_form=form, preview=preview, confirm_form=confirm
    )
    return render(request, "followup/submission.html", context)


def _import_confirm(request, submission) -> HttpResponse:
    form = ConfirmImportForm(request.POST)
    if form.is_valid():
        try:
            rows = form.rows_for(submission.pk)
            services.submission_values_save(
                submission=submission,
                rows=rows,
                user=request.user,
                reason=form.cleaned_data["reason"],
            )
        except ValidationError as error:  # may name model fields the form does not have
            form.add_error(None, error.messages)
        else:
            messages.success(request, _("%(count)s værdier er gemt.") % {"count": len(rows)})
            return redirect(submission)
    return render(
        request,
        "followup/submission.html",
        _submission_context(request, submission, confirm_form=form),
    )


@login_required
@require_POST
def submission_transition(request: HttpRequest, slug: str, pk: int, action: str) -> HttpResponse:
    if action not in SUBMISSION:
        raise Http404
    submission = access.get_submission_for_read(request.user, slug, pk)
    if not SUBMISSION.may(request.user, submission, action):
        raise PermissionDenied(str(SUBMISSION.transition(action).refusal))
    form = ReasonForm(request.POST)
    form.is_valid()
    try:
        submission = services.submission_transition(
            submission=submission,
            action=action,
            user=request.user,
            reason=form.cleaned_data.get("reason", ""),
        )
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(
            request,
            _("Indberetningen er nu: %(status)s.")
            % {"status": submission.get_status_display().lower()},
        )
    return redirect(submission)


# ---- Recording deliverable progress and events ----------------------------------------------


@login_required
@require_http_methods(["GET", "POST"])
def progress_create(request: HttpRequest, slug: str, year: int) -> HttpResponse:
    partnership = access.get_partnership_for_recording(request.user, slug)
    plan = plan_access.get_plan_for_read(request.user, slug, year)
    form = ProgressForm(request.POST or None, request.FILES or None, plan=plan)
    if request.method == "POST" and form.is_valid():
        services.progress_add(form=form, user=request.user)
        messages.success(request, _("Fremdriften er registreret."))
        return redirect("followup:status_board", slug, year)
    context = _context(request, partnership, form=form, title=_("Registrér fremdrift"))
    context["plan"] = plan
    return render(request, "followup/form.html", context)


@login_required
@require_http_methods(["GET", "POST"])
def progress_edit(request: HttpRequest, slug: str, year: int, pk: int) -> HttpResponse:
    plan, entry = access.get_progress_for_edit(request.user, slug, year, pk)
    form = ProgressEditForm(request.POST or None, request.FILES or None, instance=entry, plan=plan)
    if request.method == "POST" and form.is_valid():
        services.progress_update(form=form, user=request.user, reason=form.cleaned_data["reason"])
        messages.success(request, _("Registreringen er rettet."))
        return redirect("followup:status_board", slug, year)
    context = _context(request, plan.partnership, form=form, title=_("Ret registrering"))
    context.update(plan=plan, entry=entry)
    return render(request, "followup/form.html", context)


@login_required
@require_http_methods(["GET", "POST"])
def progress_delete(request: HttpRequest, slug: str, year: int, pk: int) -> HttpResponse:
    plan, entry = access.get_progress_for_edit(request.user, slug, year, pk)
    form = DeleteForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        services.progress_delete(entry=entry, user=request.user, reason=form.cleaned_data["reason"])
        messages.success(request, _("Registreringen er slettet."))
        return redirect("followup:status_board", slug, year)
    context = _context(request, plan.partnership, form=form, entry=entry)
    context["plan"] = plan
    return render(request, "followup/progress_delete.html", context)


@require_GET
def event_list(request: HttpRequest, slug: str) -> HttpResponse:
    partnership = access.get_partnership_for_read(request.user, slug)
    manager = (
        Event.private_objects
        if access.can_read_private(request.user, partnership)
        else Event.public_objects
    )
    events = manager.filter(partnership=partnership).select_related("organiser")
    years = sorted({d.year for d in events.dates("starts_at", "year")}, reverse=True)
    year = chosen_year(request.GET.get("aar"), years, timezone.localdate())
    photos = Prefetch("photos", queryset=EventPhoto.objects.filter(consent=True))
    events = events.prefetch_related("attendance", photos).order_by("-starts_at")
    page, query = page_of(request, events.filter(starts_at__year=year) if year else events)
    feed = reverse("followup:event_calendar", args=[slug])
    webcal = "webcal://" + request.get_host() + feed
    context = _context(
        request, partnership, events=page, query=query, years=years, year=year, webcal=webcal
    )
    context["planned_walks"] = _planned_walks(request.user, partnership, year)
    return render(request, "followup/events.html", context)


def _planned_walks(user, partnership, year):
    """Planned safety walks, shown as event-like entries to members (walks are members-only
    data, `walks.access`); they are not Event rows, so nothing is counted twice."""
    from trygplan.walks.models import Walk

    if not access.can_read_private(user, partnership):
        return []
    walks = Walk.private_objects.filter(
        partnership=partnership, kind=Walk.Kind.WALK, status=Walk.Status.PLANNED
    )
    return list(walks.filter(starts_at__year=year) if year else walks.order_by("starts_at"))


@login_required
@require_http_methods(["GET", "POST"])
def event_create(request: HttpRequest, slug: str) -> HttpResponse:
    partnership = access.get_partnership_for_recording(request.user, slug)
    form = EventForm(
        request.POST or None, request.FILES or None, instance=Event(partnership=partnership)
    )
    if request.method == "POST" and form.is_valid():
        services.event_save(form=form, user=request.user)
        messages.success(request, _("Arrangementet er gemt."))
        return redirect("followup:events", slug)
    context = _context(request, partnership, form=form, title=_("Nyt arrangement"))
    return render(request, "followup/form.html", context)


@login_required
@require_http_methods(["GET", "POST"])
def event_edit(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    event = access.get_event_for_edit(request.user, slug, pk)
    form = EventForm(request.POST or None, request.FILES or None, instance=event)
    if request.method == "POST" and form.is_valid():
        services.event_save(form=form, user=request.user)
        messages.success(request, _("Arrangementet er gemt."))
        return redirect(f"{reverse('followup:events', args=[slug])}#event-{event.pk}")
    context = _context(request, event.partnership, form=form, title=_("Ret arrangement"))
    return render(request, "followup/form.html", context)


@require_GET
def event_photo(request: HttpRequest, slug: str, pk: int) -> FileResponse:
    """Event photos are stored privately and served here, after the access check."""
    photo = access.get_event_photo_for_read(request.user, slug, pk)
    response = FileResponse(photo.image.open("rb"), content_type="image/jpeg")
    response["Cache-Control"] = "private, max-age=3600"
    return response


@require_GET
def event_calendar(request: HttpRequest, slug: str) -> HttpResponse:
    """This year's public events (past ones too) as an iCalendar feed to subscribe to."""
    partnership = access.get_partnership_for_read(request.user, slug)
    now = timezone.now()
    content = ics_calendar(
        calendar_events(partnership, now),
        name=partnership.name,
        now=now,
        base_url=site_url(request),
    )
    response = HttpResponse(content, content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = f'inline; filename="{slug}.ics"'
    return response


# ---- All published indicator values (every partnership, or ?area=) -------------------------


@require_GET
def indicator_values_export(request: HttpRequest, fmt: str) -> HttpResponse:
    """One CSV or Excel file of every approved indicator value the visitor may read."""
    partnerships = access.partnerships_for_export(request.user, request.GET.get("area"))
    year = request.GET.get("aar") or request.GET.get("year")
    rows = indicator_value_rows(partnerships, year=int(year) if year and year.isdigit() else None)
    name = _("Indikatorværdier")
    if fmt == "xlsx":
        content = xlsx_bytes([(name, bulk_header(), bulk_rows(rows, spreadsheet=True))])
    else:
        content = csv_bytes(bulk_header(), bulk_rows(rows, spreadsheet=False))
    return download_response(Rendered(f"{name}.{fmt}", CONTENT_TYPES[fmt], content))
