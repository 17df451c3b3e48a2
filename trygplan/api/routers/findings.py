"""Findings from safety walks (and accepted residents' reports), through
`walks.access.visible_findings`: public ones for everybody, the partnership's own for its
members, police-only ones for those with police access. Walk capture creates findings."""

from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext_lazy as _
from ninja import Query, Router
from ninja import Status as Answer

from trygplan.partnerships import access as partnership_access
from trygplan.walks import access as walk_access
from trygplan.walks.forms import FindingCaptureForm
from trygplan.walks.models import Category, Finding, Status, Walk  # Status: a finding's
from trygplan.walks.services import finding_create
from trygplan.walks.workflow import FINDING

from ..auth import TokenAuth
from ..common import ERRORS, READ_ERRORS, absolute, page_of, partnerships_for, union, user_of
from ..schemas import FindingDetailOut, FindingIn, FindingPage, WalkPage

router = Router(tags=["Tryghedsvandringer og fund"])


def _findings(user, area):
    return union(
        (walk_access.visible_findings(user, p) for p in partnerships_for(area)),
        Finding.public_objects,
    ).select_related("walk__partnership", "owner_organisation")


def finding_out(request, finding: Finding) -> dict:
    partnership = finding.walk.partnership
    member = partnership_access.can_read_private(user_of(request), partnership)
    return {
        "id": finding.pk,
        "partnership": partnership.slug,
        "number": finding.number,
        "category": finding.category,
        "category_label": finding.get_category_display(),
        "status": finding.status,
        "status_label": finding.get_status_display(),
        "is_closed": finding.is_closed,
        "good_place": finding.is_good_place,
        "place": finding.place,
        "lat": finding.lat,
        "lon": finding.lon,
        "found_on": finding.found_on,
        "description": finding.description,
        "proposed_measure": finding.proposed_measure,
        "owner": finding.owner_label,
        "public_reason": finding.public_reason,
        "forwarded_to": finding.forwarded_to,
        "duplicate_of": finding.duplicate_of_id,
        "visibility": finding.visibility if member else None,
        "deadline": finding.deadline if member else None,
        "walk": finding.walk_id if member else None,
        "url": absolute(request, finding.get_absolute_url()),
    }


@router.get(
    "/findings",
    response={200: FindingPage, **READ_ERRORS},
    summary=_("Fund"),
    description=_(
        "Offentlige fund med status; med en nøgle også partnerskabets egne, som på siderne. "
        "`year` er vandringens år."
    ),
)
def api_findings(
    request,
    area: str | None = None,
    year: int | None = Query(None, ge=1900, le=2200),
    category: Category | None = None,
    status: Status | None = None,
    page: int = Query(1, ge=1, le=10_000),
    page_size: int = Query(50, ge=1, le=200),
):
    findings = _findings(user_of(request), area).filtered(
        category=category or "", status=status or "", year=year
    )
    findings = findings.order_by("walk__partnership__slug", "walk__starts_at", "number")
    return page_of(
        request,
        findings,
        page=page,
        page_size=page_size,
        serialise=lambda f: finding_out(request, f),
    )


@router.get(
    "/findings/{finding_id}",
    response={200: FindingDetailOut, **READ_ERRORS},
    summary=_("Et fund med dets forløb"),
    description=_("Statusforløbet (hvornår det blev tildelt, planlagt, udbedret …) og fotos."),
)
def api_finding(request, finding_id: int):
    finding = get_object_or_404(_findings(user_of(request), None), pk=finding_id)
    member = partnership_access.can_read_private(user_of(request), finding.walk.partnership)
    return {
        **finding_out(request, finding),
        "history": [
            {
                "status": step.to_state,
                "status_label": step.to_label,
                "at": step.at,
                "comment": step.comment if member else None,
            }
            for step in FINDING.steps(finding).order_by("at", "pk")
        ],
        "photos": [absolute(request, photo.get_absolute_url()) for photo in finding.photos.all()],
    }


@router.get(
    "/walks",
    auth=TokenAuth(),
    response={200: WalkPage, **READ_ERRORS},
    summary=_("Tryghedsvandringer (medlemmer)"),
    description=_("Partnerskabets vandringer; kræver en nøgle fra et medlem."),
)
def api_walks(
    request,
    area: str | None = None,
    year: int | None = Query(None, ge=1900, le=2200),
    page: int = Query(1, ge=1, le=10_000),
    page_size: int = Query(50, ge=1, le=200),
):
    user = user_of(request)
    readable = [p for p in partnerships_for(area) if partnership_access.can_read_private(user, p)]
    walks = Walk.private_objects.filter(partnership__in=readable).select_related("partnership")
    if year:
        walks = walks.filter(starts_at__year=year)
    walks = walks.order_by("partnership__slug", "starts_at", "pk")

    def walk_out(walk):
        return {
            "id": walk.pk,
            "partnership": walk.partnership.slug,
            "title": walk.title,
            "kind": walk.kind,
            "starts_at": walk.starts_at,
            "status": walk.status,
            "url": absolute(request, walk.get_absolute_url()),
        }

    return page_of(request, walks, page=page, page_size=page_size, serialise=walk_out)


@router.post(
    "/walks/{walk_id}/findings",
    auth=TokenAuth(),
    response={200: FindingDetailOut, 201: FindingDetailOut, **ERRORS},
    summary=_("Registrér et fund på en vandring"),
    description=_(
        "Som telefonsiden på vandringen: 201 for et nyt fund, 200 når samme `client_uuid` "
        "allerede er gemt. Kun arbejdsgruppen."
    ),
)
def api_finding_create(request, walk_id: int, data: FindingIn):
    user = user_of(request)
    walk = get_object_or_404(Walk.private_objects.select_related("partnership"), pk=walk_id)
    walk = walk_access.get_walk_for_edit(user, walk.partnership.slug, walk.pk)
    form = FindingCaptureForm(data.dict(), instance=Finding(walk=walk))
    if not form.is_valid():
        raise ValidationError(form.errors)
    finding, created = finding_create(walk=walk, form=form, user=user)
    return Answer(201 if created else 200, api_finding(request, finding.pk))
