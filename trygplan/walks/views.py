"""Pages for safety walks. Each view calls `walks.access` first and stays short."""

import json
import uuid

from django.conf import settings
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.db.models import Count, Q
from django.http import FileResponse, HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.templatetags.static import static
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from trygplan.core.links import site_url
from trygplan.core.paging import page_of
from trygplan.documents.background import document_response
from trygplan.lib.files import CONTENT_TYPES, Rendered, csv_bytes, download_response
from trygplan.lib.geo import parse_bbox
from trygplan.lib.years import chosen_year
from trygplan.partnerships import access as partnership_access
from trygplan.residents.views import new_report_form

from . import access, report, services
from .documents import protocol_is_frozen
from .forms import (
    FindingCaptureForm,
    FindingForm,
    FindingStepForm,
    MapFilterForm,
    ParticipantsForm,
    ReRatingForm,
    WalkForm,
)
from .models import Category, Finding, Participants, ReRating
from .presentation import GOOD_PLACE_COLOUR, GOOD_PLACE_LETTER, STATUS_COLOURS, STATUS_LETTERS
from .workflow import FINDING, WALK, WALK_FORWARD


def _context(request, partnership, **extra) -> dict:
    return {
        "partnership": partnership,
        "can_edit": access.can_edit_walks(request.user, partnership),
        "is_member": partnership_access.can_read_private(request.user, partnership),
        **extra,
    }


@require_GET
def walk_list(request: HttpRequest, slug: str) -> HttpResponse:
    partnership = access.get_partnership_for_read(request.user, slug)
    findings = access.visible_findings(request.user, partnership)
    years = report.walk_years(partnership)
    year = chosen_year(request.GET.get("aar"), years, timezone.localdate())
    walks = partnership.walks.annotate(
        finding_count=Count("findings", filter=Q(findings__in=findings.values("pk")))
    ).order_by("-starts_at")
    page, query = page_of(request, walks.filter(starts_at__year=year) if year else walks)
    context = _context(request, partnership, walks=page, page=page, query=query)
    return render(request, "walks/walk_list.html", {**context, "years": years, "year": year})


@require_http_methods(["GET", "POST"])
def walk_create(request: HttpRequest, slug: str) -> HttpResponse:
    partnership = access.get_partnership_for_edit(request.user, slug)
    form = WalkForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        walk = services.walk_save(form=form, user=request.user, partnership=partnership)
        messages.success(request, _("Vandringen er oprettet."))
        return redirect(walk)
    return render(request, "walks/walk_form.html", _context(request, partnership, form=form))


@require_http_methods(["GET", "POST"])
def walk_edit(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    walk = access.get_walk_for_edit(request.user, slug, pk)
    form = WalkForm(request.POST or None, instance=walk)
    if request.method == "POST" and form.is_valid():
        services.walk_save(form=form, user=request.user)
        messages.success(request, _("Vandringen er gemt."))
        return redirect(walk)
    return render(
        request, "walks/walk_form.html", _context(request, walk.partnership, form=form, walk=walk)
    )


@require_GET
def walk_detail(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    walk = access.get_walk_for_read(request.user, slug, pk)
    findings = access.visible_findings(request.user, walk.partnership)
    context = _context(
        request,
        walk.partnership,
        walk=walk,
        findings=findings.filter(walk=walk).select_related(
            "walk__partnership", "owner_organisation"
        ),
        participants=walk.participants.select_related("organisation"),
        participants_form=ParticipantsForm(),
        recheck=report.recheck_candidates(
            walk, findings, with_closed=request.GET.get("udbedrede") == "1"
        ),
        with_closed=request.GET.get("udbedrede") == "1",
        rerating_form=ReRatingForm(),
        summary=report.rerating_summary(ReRating.objects.filter(walk=walk, finding__in=findings)),
        next_step=WALK.transition(WALK_FORWARD[walk.status])
        if walk.status in WALK_FORWARD and not walk.is_resident_reports
        else None,
    )
    return render(request, "walks/walk_detail.html", context)


@require_POST
def walk_advance(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    walk = services.walk_advance(
        walk=access.get_walk_for_edit(request.user, slug, pk), user=request.user
    )
    messages.success(request, _("Status: %(status)s.") % {"status": walk.get_status_display()})
    return redirect(walk)


@require_POST
def participants_add(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    walk = access.get_walk_for_edit(request.user, slug, pk)
    form = ParticipantsForm(request.POST)
    if form.is_valid():
        services.participants_add(form=form, walk=walk, user=request.user)
    else:
        for errors in form.errors.values():
            messages.error(request, " ".join(errors))
    return redirect(walk.get_absolute_url() + "#participants")


@require_POST
def participants_remove(request: HttpRequest, slug: str, pk: int, row: int) -> HttpResponse:
    walk = access.get_walk_for_edit(request.user, slug, pk)
    services.participants_remove(
        row=get_object_or_404(Participants, walk=walk, pk=row), user=request.user
    )
    return redirect(walk.get_absolute_url() + "#participants")


@require_GET
def walk_capture(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    """The phone page used on the walk: add a finding in under a minute, also offline."""
    walk = access.get_walk_for_edit(request.user, slug, pk)
    form = FindingCaptureForm(instance=Finding(walk=walk), initial={"client_uuid": uuid.uuid4()})
    findings = access.visible_findings(request.user, walk.partnership).filter(walk=walk)
    context = _context(
        request,
        walk.partnership,
        walk=walk,
        form=form,
        categories=Category.choices,
        findings=findings,
    )
    return render(request, "walks/capture.html", context)


# What the capture page needs offline (besides itself): its styles, scripts and the area.
CAPTURE_ASSETS = [
    "vendor/dkfds/css/dkfds.min.css",
    "css/trygplan.css",
    "css/walks.css",
    "vendor/leaflet/leaflet.css",
    "vendor/dkfds/js/dkfds.min.js",
    "js/page.js",
    "vendor/htmx/htmx.min.js",
    "vendor/leaflet/leaflet.js",
    "js/walks/capture.js",
    "vendor/dkfds/img/all-svg-icons.svg",
    *[
        f"vendor/dkfds/fonts/IBMPlexSans/complete/woff2/IBMPlexSans-{weight}.woff2"
        for weight in ("Regular", "Medium", "SemiBold", "Bold")
    ],
]


@require_GET
def capture_worker(request: HttpRequest, slug: str) -> HttpResponse:
    """The service worker that keeps the capture page usable offline: the list of what to
    keep, then the worker's code (static/js/walks/capture-worker.js)."""
    partnership = partnership_access.get_partnership(slug)
    assets = [static(name) for name in CAPTURE_ASSETS]
    assets.append(reverse("partnerships:area", args=[partnership.slug]))
    script = (
        f"self.CAPTURE_STATIC = {json.dumps(static(''))};\n"
        f"self.CAPTURE_ASSETS = {json.dumps(assets)};\n"
        f"importScripts({json.dumps(static('js/walks/capture-worker.js'))});\n"
    )
    response = HttpResponse(script, content_type="text/javascript; charset=utf-8")
    response["Cache-Control"] = "no-cache"
    return response


@require_POST
def finding_create(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    """JSON for the phone page (201 new, 200 already saved, 400 errors); a redirect without JS."""
    walk = access.get_walk_for_edit(request.user, slug, pk)
    form = FindingCaptureForm(request.POST, request.FILES, instance=Finding(walk=walk))
    if form.is_valid():
        try:
            finding, created = services.finding_create(walk=walk, form=form, user=request.user)
        except ValidationError as error:
            form.add_error(None, error)
    if not form.is_valid():
        errors = {name: [str(e) for e in errs] for name, errs in form.errors.items()}
        if _wants_json(request):
            return JsonResponse({"errors": errors}, status=400)
        for field_errors in errors.values():
            messages.error(request, " ".join(field_errors))
        return redirect("walks:capture", slug, walk.pk)
    warning = (
        ""
        if finding.is_inside(walk.partnership)
        else _("Bemærk: punktet ligger uden for partnerskabsområdet.")
    )
    if _wants_json(request):
        return JsonResponse(
            {
                "id": finding.pk,
                "number": finding.number,
                "created": created,
                "url": finding.get_absolute_url(),
                "warning": warning,
            },
            status=201 if created else 200,
        )
    messages.success(request, _("Fund %(number)s er gemt.") % {"number": finding.number})
    if warning:
        messages.warning(request, warning)
    return redirect("walks:capture", slug, walk.pk)


def _wants_json(request) -> bool:
    return "application/json" in request.headers.get("Accept", "")


@require_POST
def rerating_save(request: HttpRequest, slug: str, pk: int, finding: int) -> HttpResponse:
    walk = access.get_walk_for_edit(request.user, slug, pk)
    earlier = access.visible_findings(request.user, walk.partnership).filter(
        walk__starts_at__lt=walk.starts_at
    )
    finding = get_object_or_404(earlier, pk=finding)
    form = ReRatingForm(request.POST)
    if form.is_valid():
        services.rerating_save(form=form, finding=finding, walk=walk, user=request.user)
        messages.success(request, _("Genvurderingen af fund %(n)s er gemt.") % {"n": finding})
    else:
        for errors in form.errors.values():
            messages.error(request, " ".join(errors))
    return redirect(walk.get_absolute_url() + "#recheck")


@require_GET
def walk_protocol(request: HttpRequest, slug: str, pk: int, fmt: str) -> HttpResponse:
    walk = access.get_walk_for_read(request.user, slug, pk)
    params = {
        "walk": walk.pk,
        "fmt": fmt,
        "police": access.is_police(request.user, walk.partnership),
    }
    frozen = protocol_is_frozen(walk)
    return document_response(request, kind="walk_protocol", params=params, frozen=frozen)


@require_GET
def finding_detail(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    finding = access.get_finding_for_read(request.user, slug, pk)
    partnership = finding.walk.partnership
    context = _context(request, partnership, finding=finding)
    if context["is_member"]:
        context["steps"] = FINDING.steps(finding)
        context["reratings"] = finding.reratings.select_related("walk")
        if context["can_edit"]:
            context["step_form"] = FindingStepForm(
                finding=finding, findings=access.visible_findings(request.user, partnership)
            )
    else:
        context["steps"] = FINDING.steps(finding)
        context["public_grant"] = finding.public_grant()
    context["photos"] = finding.photos.all()
    return render(request, "walks/finding_detail.html", context)


@require_http_methods(["GET", "POST"])
def finding_edit(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    finding = access.get_finding_for_edit(request.user, slug, pk)
    police = access.is_police(request.user, finding.walk.partnership)
    form = FindingForm(request.POST or None, instance=finding, police=police)
    if request.method == "POST" and form.is_valid():
        services.finding_update(form=form, user=request.user)
        messages.success(request, _("Fundet er gemt."))
        return redirect(finding)
    context = _context(request, finding.walk.partnership, finding=finding, form=form)
    return render(request, "walks/finding_form.html", context)


@require_POST
def finding_step(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    finding = access.get_finding_for_edit(request.user, slug, pk)
    partnership = finding.walk.partnership
    form = FindingStepForm(
        request.POST,
        request.FILES,
        finding=finding,
        findings=access.visible_findings(request.user, partnership),
    )
    if _step_taken(request, finding, form):
        messages.success(
            request, _("Status: %(status)s.") % {"status": finding.get_status_display()}
        )
        return redirect(finding)
    context = _context(
        request,
        partnership,
        finding=finding,
        step_form=form,
        photos=finding.photos.all(),
        steps=FINDING.steps(finding),
        reratings=finding.reratings.select_related("walk"),
    )
    return render(request, "walks/finding_detail.html", context, status=400)


def _step_taken(request, finding, form) -> bool:
    """Take the step; a refusal by the workflow (a date, a state) goes beside the field."""
    if not form.is_valid():
        return False
    try:
        services.finding_step(finding=finding, form=form, user=request.user)
    except ValidationError as error:
        if hasattr(error, "error_dict"):
            for field, errors in error.message_dict.items():
                form.add_error(field if field in form.fields else None, errors)
        else:
            form.add_error("done_on" if error.code == "at" else None, error.messages)
        return False
    finding.refresh_from_db()
    return True


@require_GET
def photo(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    """Photos are served through here, so a non-public finding's photo stays private."""
    photo = access.get_photo_for_read(request.user, slug, pk)
    response = FileResponse(photo.image.open("rb"), content_type="image/jpeg")
    response["Cache-Control"] = "private, max-age=3600"
    return response


def _map_filters(request, partnership):
    is_member = partnership_access.can_read_private(request.user, partnership)
    form = MapFilterForm(request.GET or None, partnership=partnership, show_walks=is_member)
    public_only = request.GET.get("public") == "1"
    findings = access.visible_findings(request.user, partnership, public_only=public_only)
    return form, findings.filtered(**form.filters()), is_member and not public_only


@require_GET
def findings_map(request: HttpRequest, slug: str) -> HttpResponse:
    """The map of findings: residents and the public see public findings and their status."""
    partnership = partnership_access.get_partnership(slug)
    form, findings, detailed = _map_filters(request, partnership)
    legend = [
        {
            "value": s.value,
            "label": s.label,
            "letter": STATUS_LETTERS[s],
            "colour": STATUS_COLOURS[s],
        }
        for s in Finding.Status
    ] + [
        {
            "value": "good",
            "label": _("Godt sted"),
            "letter": GOOD_PLACE_LETTER,
            "colour": GOOD_PLACE_COLOUR,
            "good": True,
        }
    ]
    context = _context(
        request,
        partnership,
        form=form,
        legend=legend,
        tile_url=getattr(settings, "TRYGPLAN_TILE_URL", ""),
        query=request.GET.urlencode(),
        report_form=new_report_form() if partnership.area else None,
    )
    context["findings"], context["page_query"] = page_of(
        request,
        findings.select_related("walk__partnership", "owner_organisation").order_by(
            "-walk__starts_at", "number"
        ),
    )
    return render(request, "walks/map.html", context)


@require_GET
def findings_geojson(request: HttpRequest, slug: str) -> JsonResponse:
    partnership = partnership_access.get_partnership(slug)
    _form, findings, detailed = _map_filters(request, partnership)
    box = parse_bbox(request.GET.get("bbox"))
    if box:
        findings = findings.in_bbox(box)
    zoom = request.GET.get("zoom", "")
    base_url = site_url(request)
    data = (
        report.clustered_geojson(findings, zoom=int(zoom), detailed=detailed, base_url=base_url)
        if zoom.isdigit() and int(zoom) < report.CLUSTER_BELOW_ZOOM
        else report.findings_geojson(findings, detailed=detailed, base_url=base_url)
    )
    response = JsonResponse(data)
    response["Content-Type"] = "application/geo+json"
    return response


@require_GET
def findings_csv(request: HttpRequest, slug: str) -> HttpResponse:
    partnership = partnership_access.get_partnership(slug)
    _form, findings, detailed = _map_filters(request, partnership)
    name = _("Fund fra tryghedsvandringer %(name)s") % {"name": partnership.name}
    rendered = Rendered(
        f"{name}.csv",
        CONTENT_TYPES["csv"],
        csv_bytes(report.CSV_HEADER, report.findings_csv_rows(findings)),
    )
    return download_response(rendered)


@require_GET
def followup_report(request: HttpRequest, slug: str) -> HttpResponse:
    partnership = access.get_partnership_for_read(request.user, slug)
    years = report.walk_years(partnership)
    year = chosen_year(request.GET.get("aar"), years, timezone.localdate())
    findings, recent, reratings = report.year_window(
        access.visible_findings(request.user, partnership), year
    )
    overdue, query = page_of(
        request,
        findings.overdue()
        .select_related("walk__partnership", "owner_organisation")
        .order_by("deadline", "pk"),
    )
    context = _context(
        request,
        partnership,
        report=report.followup_report(findings, recurring_in=recent),
        overdue=overdue,
        query=query,
        years=years,
        year=year,
        summary=report.rerating_summary(reratings),
    )
    return render(request, "walks/report.html", context)
