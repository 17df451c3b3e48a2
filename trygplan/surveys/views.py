"""The public multi-site (city, districts, særmåling areas; page, PDF, CSV), the analyst's
import with its mapping step, and the police/SSP figures."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from trygplan.lib.files import (
    Rendered,
    csv_bytes,
    download_response,
    pdf_from_template,
)
from trygplan.partnerships import access as partnership_access

from . import access, figures, importer, reports, services
from .forms import MappingForm, StatisticValueForm, UploadForm
from .models import Domain, Estimate, StatisticValue, Survey

# ---- Public multi-site -----------------------------------------------------------------------


def _latest_district_set():
    survey = reports.published_surveys().last()
    if survey is None:
        raise Http404(_("Der er ingen offentliggjorte tryghedsundersøgelser endnu."))
    return survey.district_set


def _domain(slug: str | None) -> Domain:
    district_set = _latest_district_set()
    if slug is None:
        return reports.city_of(district_set)
    domain = get_object_or_404(
        Domain.objects.reported().select_related("parent", "partnership", "district_set"),
        district_set=district_set,
        slug=slug,
    )
    return domain


def _year(request) -> int | None:
    value = request.GET.get("aar", "")
    return int(value) if value.isdigit() else None


@require_GET
def multisite(request: HttpRequest, slug: str | None = None) -> HttpResponse:
    domain = _domain(slug)
    context = reports.multisite(domain, _year(request))
    context["can_manage"] = access.can_manage_surveys(request.user)
    return render(request, "surveys/multisite.html", context)


@require_GET
def multisite_pdf(request: HttpRequest, slug: str) -> HttpResponse:
    domain = _domain(slug)
    context = reports.multisite(domain, _year(request)) | {"for_pdf": True}
    year = context.get("survey").year if context.get("survey") else ""
    content = pdf_from_template("surveys/multisite_pdf.html", context)
    return download_response(
        Rendered(f"Tryghed {domain.name} {year}.pdf", "application/pdf", content)
    )


@require_GET
def estimates_csv(request: HttpRequest) -> HttpResponse:
    """Every published estimate of a year (the newest by default), small n suppressed."""
    surveys = reports.published_surveys()
    year = _year(request)
    survey = surveys.filter(year=year).first() if year else surveys.last()
    if survey is None:
        raise Http404
    rows = reports.estimate_rows(survey)
    content = csv_bytes(reports.ESTIMATE_HEADER, rows)
    return download_response(
        Rendered(f"tryghed-{survey.year}.csv", "text/csv; charset=utf-8", content)
    )


@require_GET
def partnership_survey(request: HttpRequest, slug: str) -> HttpResponse:
    partnership = partnership_access.get_partnership(slug)
    area = Domain.objects.areas().filter(partnership=partnership).order_by("-pk").first()
    if area is None:
        raise Http404(_("Partnerskabet har ingen særmåling i tryghedsundersøgelsen."))
    return redirect("surveys:domain", slug=area.slug)


# ---- The analyst: import with a mapping step, check, publish -------------------------------


@login_required
@require_http_methods(["GET", "POST"])
def import_upload(request: HttpRequest) -> HttpResponse:
    access.require_survey_manager(request.user)
    form = UploadForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        upload = request.FILES["file"]
        try:
            saved = services.survey_upload_create(
                user=request.user, filename=upload.name, content=upload.read()
            )
        except ValidationError as error:
            form.add_error("file", error)
        else:
            return redirect("surveys:import_mapping", pk=saved.pk)
    surveys = Survey.private_objects.order_by("-year")
    return render(request, "surveys/import_upload.html", {"form": form, "surveys": surveys})


def _mapping_context(upload, form, errors=()):
    return {"upload": upload, "form": form, "import_errors": list(errors)}


@login_required
@require_http_methods(["GET", "POST"])
def import_mapping(request: HttpRequest, pk: int) -> HttpResponse:
    upload = access.get_upload_for_mapping(request.user, pk)
    table = importer.read_table(upload.filename, bytes(upload.content))
    form = MappingForm(
        request.POST or None, columns=table.columns, summaries=importer.column_summaries(table)
    )
    if request.method == "POST" and form.is_valid():
        try:
            survey = services.survey_import(
                user=request.user,
                table=table,
                mapping=form.cleaned_data["mapping"],
                year=form.cleaned_data["year"],
                district_set=form.cleaned_data["district_set"],
                filename=upload.filename,
                fieldwork=form.cleaned_data["fieldwork"],
                replace=form.cleaned_data["replace"],
            )
        except services.SurveyImportError as error:
            return render(
                request,
                "surveys/import_mapping.html",
                _mapping_context(upload, form, error.messages),
            )
        upload.delete()
        messages.success(
            request, _("Undersøgelsen er indlæst. Tjek estimaterne, før du offentliggør.")
        )
        return redirect("surveys:survey", year=survey.year)
    return render(request, "surveys/import_mapping.html", _mapping_context(upload, form))


@login_required
@require_GET
def survey_detail(request: HttpRequest, year: int) -> HttpResponse:
    survey = access.get_survey_for_manage(request.user, year)
    estimates = (
        Estimate.private_objects.filter(survey=survey)
        .select_related("domain", "question__scale")
        .order_by("question__order", "domain__order", "pk")
    )
    rows = [(e, e.question.scale.label_of(e.statistic), reports.Shown(e)) for e in estimates]
    return render(request, "surveys/survey_detail.html", {"survey": survey, "rows": rows})


@login_required
@require_POST
def survey_publish(request: HttpRequest, year: int) -> HttpResponse:
    survey = access.get_survey_for_manage(request.user, year)
    try:
        services.survey_publish(survey=survey, user=request.user)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, _("Undersøgelsen er offentliggjort på multi-sitet."))
    return redirect("surveys:survey", year=survey.year)


# ---- Police and SSP figures --------------------------------------------------------------------


@require_GET
def series_list(request: HttpRequest, slug: str) -> HttpResponse:
    partnership = partnership_access.get_partnership(slug)
    rows = reports.police_figures(partnership)
    context = {"partnership": partnership, "rows": rows}
    context["can_record"] = access.can_record_statistics(request.user, partnership)
    return render(request, "surveys/series_list.html", context)


@require_http_methods(["GET", "POST"])
def series_detail(request: HttpRequest, slug: str, key: str) -> HttpResponse:
    series = access.get_series_for_read(slug, key)
    can_record = access.can_record_statistics(request.user, series.partnership)
    form = StatisticValueForm(request.POST or None, series=series)
    if request.method == "POST":
        series = access.get_series_for_record(request.user, slug, key)
        if form.is_valid():
            try:
                services.statistic_value_record(
                    series=series, user=request.user, **form.cleaned_data
                )
            except ValidationError as error:
                _add_errors(form, error)
            else:
                messages.success(request, _("Tallet er registreret."))
                return redirect(series.get_absolute_url())
    context = {
        "partnership": series.partnership,
        "series": series,
        "figures": figures.period_figures([series]).get(series.pk, []),
        "revisions": StatisticValue.objects.filter(series=series).select_related("recorded_by"),
        "form": form if can_record else None,
    }
    return render(request, "surveys/series_detail.html", context)


def _add_errors(form, error: ValidationError) -> None:
    if hasattr(error, "error_dict"):
        for field, errors in error.message_dict.items():
            form.add_error(field if field in form.fields else None, errors)
    else:
        form.add_error(None, error.messages)
