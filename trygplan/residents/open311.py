"""Open311 GeoReport v2 at /open311/v2/, in JSON and XML, with the spec's field names.

- `services`: the finding categories (`walks.models.Category`); no extra attributes.
- `requests`: the partnerships' PUBLIC findings (walk findings and accepted residents'
  reports alike) with their status (open/closed), newest first, at most 1000 (the spec's
  default limit; `page` and `page_size` as the common pagination extension).
- POST `requests`: a resident's report into the moderation queue. The answer is a `token`
  (the spec's way when a request is not at once a public service request); the reporter's
  status page link is in `service_notice`. `tokens/<token>` gives the finding's id once the
  report is accepted or merged into a public finding.
- `servicerequestupdates`: the status history of public findings (the FixMyStreet-style
  extension): one update per workflow step.

`jurisdiction_id` is a partnership's slug; it is required to post when several
partnerships take reports. No API key is asked: anyone may report, as on the map.
"""

import json
import xml.etree.ElementTree as ET

from django.core.exceptions import ValidationError
from django.db.models import Q
from django.http import Http404, HttpRequest, HttpResponse
from django.urls import reverse
from django.utils import timezone
from django.utils.dateparse import parse_datetime
from django.utils.translation import gettext as _
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_GET, require_http_methods

from trygplan.core.links import site_url
from trygplan.lib.files import clean_text
from trygplan.partnerships.models import Partnership
from trygplan.walks.models import CLOSED_STATUSES, Category, Finding, Walk
from trygplan.walks.workflow import FINDING
from trygplan.workflows.models import Step

from . import access, services
from .forms import Open311RequestForm
from .models import Report

LIMIT = 1000
FORMATS = {"json": "application/json; charset=utf-8", "xml": "text/xml; charset=utf-8"}


class Open311Error(Exception):
    def __init__(self, code: int, description: str):
        super().__init__(description)
        self.code, self.description = code, description


# ---- writing --------------------------------------------------------------------------------


def _xml(root: str, item: str, rows: list[dict]) -> bytes:
    top = ET.Element(root)
    for row in rows:
        element = ET.SubElement(top, item)
        for key, value in row.items():
            child = ET.SubElement(element, key)
            if isinstance(value, list):  # services' keywords
                child.text = ",".join(str(v) for v in value)
            elif isinstance(value, bool):
                child.text = "true" if value else "false"
            elif value is not None:
                child.text = clean_text(str(value))
    return ET.tostring(top, encoding="utf-8", xml_declaration=True)


def _respond(fmt: str, root: str, item: str, rows: list[dict], status: int = 200):
    if fmt == "xml":
        content = _xml(root, item, rows)
    else:
        content = json.dumps(rows, ensure_ascii=False).encode("utf-8")
    response = HttpResponse(content, content_type=FORMATS[fmt], status=status)
    response["Access-Control-Allow-Origin"] = "*"
    return response


def _error(fmt: str, code: int, description: str) -> HttpResponse:
    return _respond(fmt, "errors", "error", [{"code": code, "description": description}], code)


def _handled(view):
    """Open311's error format for bad input and unknown ids, in the asked format."""

    def wrapper(request, *args, fmt: str, **kwargs):
        try:
            return view(request, *args, fmt=fmt, **kwargs)
        except Open311Error as error:
            return _error(fmt, error.code, error.description)
        except Http404:
            return _error(fmt, 404, _("Findes ikke."))

    wrapper.__name__ = view.__name__
    wrapper.__doc__ = view.__doc__
    return wrapper


def _when(moment) -> str | None:
    return timezone.localtime(moment).isoformat(timespec="seconds") if moment else None


# ---- reading --------------------------------------------------------------------------------


def _jurisdictions(request) -> list[Partnership]:
    slug = request.GET.get("jurisdiction_id") or request.POST.get("jurisdiction_id")
    if slug:
        found = list(Partnership.objects.filter(slug=slug))
        if not found:
            raise Open311Error(404, _("Ukendt jurisdiction_id: %(slug)s") % {"slug": slug[:60]})
        return found
    return list(Partnership.objects.all())


def _service(code: str, label: str) -> dict:
    return {
        "service_code": code,
        "service_name": str(label),
        "description": str(label),
        "metadata": False,
        "type": "realtime",
        "keywords": [],
        "group": str(_("Tryghed")),
    }


@require_GET
@_handled
def services_list(request: HttpRequest, fmt: str) -> HttpResponse:
    _jurisdictions(request)
    rows = [_service(code, label) for code, label in Category.choices]
    return _respond(fmt, "services", "service", rows)


@require_GET
@_handled
def service_definition(request: HttpRequest, code: str, fmt: str) -> HttpResponse:
    """A category asks nothing beyond the standard fields: no attributes."""
    if code not in Category.values:
        raise Http404
    if fmt == "xml":
        top = ET.Element("service_definition")
        ET.SubElement(top, "service_code").text = code
        ET.SubElement(top, "attributes")
        content = ET.tostring(top, encoding="utf-8", xml_declaration=True)
        return HttpResponse(content, content_type=FORMATS["xml"])
    row = {"service_code": code, "attributes": []}
    return HttpResponse(json.dumps(row), content_type=FORMATS["json"])


def _public_findings(partnerships):
    return (
        Finding.public_objects.filter(walk__partnership__in=partnerships)
        .select_related("walk__partnership", "owner_organisation")
        .prefetch_related("photos")
    )


def _request_row(finding: Finding, base: str, updated) -> dict:
    walk = finding.walk
    requested = finding.created_at if walk.is_resident_reports else walk.starts_at
    photo = next(iter(finding.photos.all()), None)
    return {
        "service_request_id": str(finding.pk),
        "status": "closed" if finding.is_closed else "open",
        "status_notes": finding.public_reason or finding.get_status_display(),
        "service_name": finding.get_category_display(),
        "service_code": finding.category,
        "description": finding.description,
        "agency_responsible": finding.owner_label,
        "service_notice": "",
        "requested_datetime": _when(requested),
        "updated_datetime": _when(updated or requested),
        "expected_datetime": None,
        "address": finding.place,
        "address_id": "",
        "zipcode": "",
        "lat": finding.lat,
        "long": finding.lon,
        "media_url": base + photo.get_absolute_url() if photo else "",
        "jurisdiction_id": walk.partnership.slug,
        "url": base + finding.get_absolute_url(),
    }


def _date_param(request, name: str):
    value = request.GET.get(name)
    if not value:
        return None
    try:
        moment = parse_datetime(value)
    except ValueError:
        moment = None
    if moment is None:
        raise Open311Error(
            400, _("%(name)s skal være en dato og et tidspunkt (ISO 8601).") % {"name": name}
        )
    return moment if timezone.is_aware(moment) else timezone.make_aware(moment)


def _int_param(request, name: str, default: int, maximum: int) -> int:
    try:
        value = int(request.GET.get(name) or default)
    except ValueError:
        raise Open311Error(400, _("%(name)s skal være et tal.") % {"name": name}) from None
    return max(1, min(value, maximum))


def _filtered_findings(request, partnerships):
    findings = _public_findings(partnerships)
    ids = [part for part in request.GET.get("service_request_id", "").split(",") if part]
    if ids:
        if not all(part.isdigit() for part in ids):
            raise Open311Error(400, _("service_request_id skal være tal."))
        return findings.filter(pk__in=ids)
    if request.GET.get("service_code"):
        findings = findings.filter(category__in=request.GET["service_code"].split(","))
    status = request.GET.get("status")
    if status == "open":
        findings = findings.open()
    elif status == "closed":
        findings = findings.filter(status__in=CLOSED_STATUSES)
    start, end = _date_param(request, "start_date"), _date_param(request, "end_date")
    if start:
        findings = findings.filter(_requested(gte=start))
    if end:
        findings = findings.filter(_requested(lte=end))
    return findings.order_by("-walk__starts_at", "-number")


def _requested(**bound) -> Q:
    """When a finding was requested: its walk's time, or (residents' reports) its own."""
    ((op, moment),) = bound.items()
    return Q(walk__kind=Walk.Kind.WALK, **{f"walk__starts_at__{op}": moment}) | Q(
        walk__kind=Walk.Kind.RESIDENT_REPORTS, **{f"created_at__{op}": moment}
    )


def _last_updates(findings) -> dict:
    steps = Step.objects.for_workflow(FINDING.name).filter(
        content_type__model="finding", object_id__in=[f.pk for f in findings]
    )
    last = {}
    for step in steps.order_by("at"):
        last[step.object_id] = step.at
    return last


@require_http_methods(["GET", "POST"])
@csrf_exempt
@_handled
def requests_list(request: HttpRequest, fmt: str) -> HttpResponse:
    if request.method == "POST":
        return _request_create(request, fmt)
    partnerships = _jurisdictions(request)
    findings = _filtered_findings(request, partnerships)
    page = _int_param(request, "page", 1, 10_000)
    size = _int_param(request, "page_size", LIMIT, LIMIT)
    findings = list(findings[(page - 1) * size : page * size])
    updated = _last_updates(findings)
    base = site_url(request)
    rows = [_request_row(finding, base, updated.get(finding.pk)) for finding in findings]
    return _respond(fmt, "service_requests", "request", rows)


@require_GET
@_handled
def request_detail(request: HttpRequest, pk: str, fmt: str) -> HttpResponse:
    if not pk.isdigit():
        raise Http404
    finding = _public_findings(Partnership.objects.all()).filter(pk=pk).first()
    if finding is None:
        raise Http404
    updated = _last_updates([finding])
    base = site_url(request)
    rows = [_request_row(finding, base, updated.get(finding.pk))]
    return _respond(fmt, "service_requests", "request", rows)


def _partnership_to_report(request) -> Partnership:
    takes = [p for p in _jurisdictions(request) if p.area]
    if len(takes) != 1:
        raise Open311Error(
            400,
            _("Angiv jurisdiction_id: et af %(slugs)s.")
            % {"slugs": ", ".join(p.slug for p in Partnership.objects.exclude(area=None))},
        )
    return takes[0]


def _request_create(request, fmt: str) -> HttpResponse:
    partnership = _partnership_to_report(request)
    form = Open311RequestForm(request.POST, request.FILES)
    if not form.is_valid():
        name, errors = next(iter(form.errors.items()))
        raise Open311Error(400, f"{name}: {' '.join(errors)}")
    try:
        report, _created = services.report_submit(
            partnership=partnership,
            data=form.model_data(),
            photo=form.cleaned_data.get("media"),
            source=Report.Source.OPEN311,
        )
    except ValidationError as error:
        raise Open311Error(400, " ".join(error.messages)) from None
    link = request.build_absolute_uri(report.get_reporter_url())
    notice = _("Tak for meldingen. Arbejdsgruppen ser på den. Følg den her: %(link)s") % {
        "link": link
    }
    rows = [{"token": report.token, "service_notice": notice, "account_id": None}]
    return _respond(fmt, "service_requests", "request", rows, status=201)


@require_GET
@_handled
def token_detail(request: HttpRequest, token: str, fmt: str) -> HttpResponse:
    """Which public service request a posted report became (none while it waits, when it
    was rejected, or when its finding is not public)."""
    report = access.get_report_by_token(token)
    finding = report.finding
    public = finding is not None and finding.visibility == Finding.Visibility.PUBLIC
    row = {
        "service_request_id": str(finding.pk) if public else None,
        "token": report.token,
        "status": report.status,
        "status_notes": report.reason or report.get_status_display(),
    }
    return _respond(fmt, "service_requests", "request", [row])


@require_GET
@_handled
def request_updates(request: HttpRequest, fmt: str) -> HttpResponse:
    """The servicerequestupdates extension: each step of a public finding's follow-up."""
    findings = _public_findings(_jurisdictions(request))
    ids = [part for part in request.GET.get("service_request_id", "").split(",") if part]
    if ids:
        if not all(part.isdigit() for part in ids):
            raise Open311Error(400, _("service_request_id skal være tal."))
        findings = findings.filter(pk__in=ids)
    steps = Step.objects.for_workflow(FINDING.name).filter(
        content_type__model="finding", object_id__in=findings.values("pk")
    )
    start, end = _date_param(request, "start_date"), _date_param(request, "end_date")
    if start:
        steps = steps.filter(at__gte=start)
    if end:
        steps = steps.filter(at__lte=end)
    rows = [
        {
            "update_id": str(step.pk),
            "service_request_id": str(step.object_id),
            "status": "closed" if step.to_state in CLOSED_STATUSES else "open",
            "updated_datetime": _when(step.at),
            "description": step.to_label,
            "media_url": "",
        }
        for step in steps.order_by("at", "pk")[:LIMIT]
    ]
    return _respond(fmt, "service_request_updates", "request_update", rows)


@require_GET
def discovery(request: HttpRequest, fmt: str) -> HttpResponse:
    base = request.build_absolute_uri(reverse("open311:services", args=["json"]))
    row = {
        "changeset": "2016-01-01T00:00:00Z",
        "contact": str(_("Kontakt partnerskabets koordinator.")),
        "key_service": "",
        "endpoints": [
            {
                "specification": "http://wiki.open311.org/GeoReport_v2",
                "url": base.rsplit("/", 1)[0],
                "changeset": "2016-01-01T00:00:00Z",
                "type": "production",
                "formats": ["text/xml", "application/json"],
            }
        ],
    }
    if fmt == "xml":
        top = ET.Element("discovery")
        for key in ("changeset", "contact", "key_service"):
            ET.SubElement(top, key).text = row[key]
        endpoints = ET.SubElement(top, "endpoints")
        endpoint = ET.SubElement(endpoints, "endpoint")
        for key, value in row["endpoints"][0].items():
            if key == "formats":
                formats = ET.SubElement(endpoint, "formats")
                for item in value:
                    ET.SubElement(formats, "format").text = item
            else:
                ET.SubElement(endpoint, key).text = value
        content = ET.tostring(top, encoding="utf-8", xml_declaration=True)
        return HttpResponse(content, content_type=FORMATS["xml"])
    return HttpResponse(json.dumps(row), content_type=FORMATS["json"])
