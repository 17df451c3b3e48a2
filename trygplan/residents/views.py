"""Residents' reports: the public "Meld et sted" form, the reporter's status page and the
working group's moderation queue. Each view calls `residents.access` first."""

import uuid

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from trygplan.walks import access as walk_access

from . import access, services
from .forms import AcceptForm, MergeForm, RejectForm, ReportForm
from .models import Report
from .workflow import REPORT


def new_report_form(data=None, files=None) -> ReportForm:
    return ReportForm(data, files, initial={"submission_key": uuid.uuid4()})


@require_http_methods(["GET", "POST"])
def report_create(request: HttpRequest, slug: str) -> HttpResponse:
    partnership = access.get_partnership_for_reporting(slug)
    form = new_report_form(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        try:
            report, _created = services.report_submit(
                partnership=partnership,
                data=form.model_data(),
                photo=form.cleaned_data.get("photo"),
                submission_key=form.cleaned_data["submission_key"],
                source=Report.Source.WEB,
            )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, _("Tak! Vi har modtaget din melding."))
            return redirect(report.get_reporter_url())
    context = {"partnership": partnership, "form": form}
    return render(
        request, "residents/report_form.html", context, status=400 if form.errors else 200
    )


@require_GET
def report_status(request: HttpRequest, slug: str, token: str) -> HttpResponse:
    """The reporter's page, reached only through the private link: the decision and why."""
    report = access.get_report_for_reporter(slug, token)
    finding = report.finding
    context = {
        "partnership": report.partnership,
        "report": report,
        "public_finding": finding if finding and finding.visibility == "public" else None,
        "steps": REPORT.steps(report),
    }
    response = render(request, "residents/status.html", context)
    response["X-Robots-Tag"] = "noindex"
    response["Referrer-Policy"] = "no-referrer"
    return response


@require_GET
def moderation_list(request: HttpRequest, slug: str) -> HttpResponse:
    partnership = access.get_partnership_for_moderation(request.user, slug)
    reports = Report.private_objects.for_partnership(partnership).select_related("finding")
    context = {
        "partnership": partnership,
        "waiting": reports.waiting().order_by("created_at"),
        "decided": reports.exclude(status=Report.Status.RECEIVED)[:50],
    }
    return render(request, "residents/moderation_list.html", context)


def _detail_context(request, report, **forms) -> dict:
    partnership = report.partnership
    findings = walk_access.visible_findings(request.user, partnership)
    police = walk_access.is_police(request.user, partnership)
    return {
        "partnership": partnership,
        "report": report,
        "steps": REPORT.steps(report),
        "accept_form": forms.get("accept") or AcceptForm(report=report, police=police),
        "merge_form": forms.get("merge") or MergeForm(findings=findings.open()),
        "reject_form": forms.get("reject") or RejectForm(),
    }


@require_GET
def report_detail(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    report = access.get_report_for_moderation(request.user, slug, pk)
    return render(request, "residents/report_detail.html", _detail_context(request, report))


def _decided(request, report, form, key: str, decide) -> HttpResponse:
    """Run `decide()` for a valid form; the page again with the errors (400) otherwise."""
    if form.is_valid():
        try:
            message = decide(form.cleaned_data)
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, message)
            return redirect("residents:moderation", report.partnership.slug)
    context = _detail_context(request, report, **{key: form})
    return render(request, "residents/report_detail.html", context, status=400)


@require_POST
def report_accept(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    report = access.get_report_for_moderation(request.user, slug, pk)
    police = walk_access.is_police(request.user, report.partnership)
    form = AcceptForm(request.POST, report=report, police=police)

    def decide(data):
        finding = services.report_accept(report=report, user=request.user, **data)
        return _("Meldingen er oprettet som fund %(finding)s.") % {"finding": finding}

    return _decided(request, report, form, "accept", decide)


@require_POST
def report_merge(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    report = access.get_report_for_moderation(request.user, slug, pk)
    findings = walk_access.visible_findings(request.user, report.partnership)
    form = MergeForm(request.POST, findings=findings)

    def decide(data):
        services.report_merge(report=report, finding=data["finding"], user=request.user)
        return _("Meldingen er lagt sammen med fund %(finding)s.") % {"finding": data["finding"]}

    return _decided(request, report, form, "merge", decide)


@require_POST
def report_reject(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    report = access.get_report_for_moderation(request.user, slug, pk)
    form = RejectForm(request.POST)

    def decide(data):
        services.report_reject(report=report, reason=data["reason"], user=request.user)
        return _("Meldingen er afvist.")

    return _decided(request, report, form, "reject", decide)


@require_GET
def report_photo(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    """The resident's photo, for the moderators only (it may show people)."""
    report = access.get_report_for_moderation(request.user, slug, pk)
    if not report.photo:
        raise Http404
    response = FileResponse(report.photo.open("rb"), content_type="image/jpeg")
    response["Cache-Control"] = "private, max-age=3600"
    return response
