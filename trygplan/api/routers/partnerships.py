"""Partnerships and their areas (public), plans with activities, money and results (as
`plans.access.visible_plans` lets through) and pools with their published grants."""

from django.shortcuts import get_object_or_404
from django.utils.translation import gettext_lazy as _
from ninja import Query, Router

from trygplan.partnerships import access as partnership_access
from trygplan.partnerships.models import Partnership
from trygplan.plans.access import visible_plans
from trygplan.plans.models import Effect, Plan, Result
from trygplan.plans.overview import plan_activities
from trygplan.pools.access import visible_pools
from trygplan.pools.models import Grant, Pool

from ..common import READ_ERRORS, absolute, page_of, partnerships_for, union, user_of
from ..schemas import (
    PartnershipDetailOut,
    PartnershipOut,
    PlanDetailOut,
    PlanPage,
    PoolDetailOut,
    PoolPage,
)

router = Router(tags=["Partnerskaber og planer"])


def partnership_out(request, partnership: Partnership) -> dict:
    return {
        "slug": partnership.slug,
        "name": partnership.name,
        "also_known_as": partnership.also_known_as,
        "area_name": partnership.area_name,
        "period_start": partnership.period_start,
        "period_end": partnership.period_end,
        "url": absolute(request, partnership.get_absolute_url()),
    }


@router.get(
    "/partnerships",
    response={200: list[PartnershipOut], **READ_ERRORS},
    summary=_("Partnerskaber"),
    description=_("Alle partnerskaber. `slug` er filteret `area` i de andre kald."),
)
def api_partnerships(request):
    return [partnership_out(request, p) for p in Partnership.objects.all()]


@router.get(
    "/partnerships/{slug}",
    response={200: PartnershipDetailOut, **READ_ERRORS},
    summary=_("Et partnerskab med dets område"),
    description=_("Området som GeoJSON (WGS 84) og partnerskabets parter."),
)
def api_partnership(request, slug: str):
    partnership = partnership_access.get_partnership(slug)
    return {
        **partnership_out(request, partnership),
        "description": partnership.description,
        "area": partnership.area,
        "area_source": partnership.area_source,
        "parties": [
            party.organisation for party in partnership.parties.select_related("organisation")
        ],
    }


def _plans(user, area):
    return union(
        (visible_plans(user, p) for p in partnerships_for(area)), Plan.public_objects
    ).select_related("partnership")


def plan_out(request, plan: Plan) -> dict:
    return {
        "id": plan.pk,
        "partnership": plan.partnership.slug,
        "year": plan.year,
        "amendment": plan.amendment,
        "title": plan.title,
        "status": plan.status,
        "status_label": plan.get_status_display(),
        "url": absolute(request, plan.get_version_url()),
    }


@router.get(
    "/plans",
    response={200: PlanPage, **READ_ERRORS},
    summary=_("Tryghedsplaner"),
    description=_(
        "Offentliggjorte planer; med en nøgle også partnerskabets kladder, som på siderne."
    ),
)
def api_plans(
    request,
    area: str | None = None,
    year: int | None = Query(None, ge=1900, le=2200),
    page: int = Query(1, ge=1, le=10_000),
    page_size: int = Query(50, ge=1, le=200),
):
    plans = _plans(user_of(request), area).order_by("partnership__slug", "year", "amendment")
    if year:
        plans = plans.filter(year=year)
    return page_of(
        request, plans, page=page, page_size=page_size, serialise=lambda p: plan_out(request, p)
    )


def _activity_out(activity) -> dict:
    description = activity.description
    return {
        "key": activity.key,
        "number": activity.number,
        "name": activity.name,
        "is_new": activity.is_new,
        "has_ended": activity.has_ended,
        "focus_areas": [area.number for area in activity.focus_areas.all()],
        "results": [r.number for r in description.results.all()] if description else [],
        "deliverables": [
            {
                "id": d.pk,
                "text": d.text,
                "quantity": d.quantity,
                "unit": d.unit,
                "comparator": d.comparator,
                "period": d.period,
            }
            for d in (description.deliverables.all() if description else [])
        ],
        "budget_lines": [
            {
                "year": line.year,
                "amount": line.amount,
                "source": line.source,
                "source_label": line.get_source_display(),
                "funder": line.funder.short_name if line.funder else None,
                "label": line.label,
            }
            for line in activity.budget_lines.all()
        ],
    }


@router.get(
    "/plans/{plan_id}",
    response={200: PlanDetailOut, **READ_ERRORS},
    summary=_("En tryghedsplan med aktiviteter, penge og resultater"),
)
def api_plan(request, plan_id: int):
    plan = get_object_or_404(_plans(user_of(request), None), pk=plan_id)
    activities = plan_activities(plan).prefetch_related(
        "description__results", "description__deliverables"
    )
    results = Result.objects.filter(partnership=plan.partnership).prefetch_related("effects")
    return {
        **plan_out(request, plan),
        "frame": plan.frame,
        "activities": [_activity_out(activity) for activity in activities],
        "results": [
            {"number": r.number, "name": r.name, "effects": [e.number for e in r.effects.all()]}
            for r in results
        ],
        "effects": Effect.objects.filter(partnership=plan.partnership).values("number", "name"),
    }


def _pools(user, area):
    return union((visible_pools(user, p) for p in partnerships_for(area)), Pool.public_objects)


def pool_out(request, pool: Pool) -> dict:
    balance = pool.balance()
    return {
        "id": pool.pk,
        "partnership": pool.partnership.slug,
        "year": pool.year,
        "kind": pool.kind,
        "name": str(pool),
        "purpose": pool.purpose,
        "who_may_apply": pool.who_may_apply,
        "max_per_application": pool.max_per_application,
        "accepts_applications": pool.accepts_applications,
        "allocation": balance.allocation,
        "committed": balance.committed,
        "spent": balance.spent,
        "available": balance.available,
        "url": absolute(request, pool.get_absolute_url()),
    }


@router.get(
    "/pools",
    response={200: PoolPage, **READ_ERRORS},
    summary=_("Puljer"),
    description=_("Puljerne med bevilling, disponeret, brugt og rest i hele kroner."),
)
def api_pools(
    request,
    area: str | None = None,
    year: int | None = Query(None, ge=1900, le=2200),
    page: int = Query(1, ge=1, le=10_000),
    page_size: int = Query(50, ge=1, le=200),
):
    pools = _pools(user_of(request), area).select_related("partnership")
    if year:
        pools = pools.filter(year=year)
    pools = pools.order_by("partnership__slug", "year", "kind")
    return page_of(
        request, pools, page=page, page_size=page_size, serialise=lambda p: pool_out(request, p)
    )


@router.get(
    "/pools/{pool_id}",
    response={200: PoolDetailOut, **READ_ERRORS},
    summary=_("En pulje med dens offentlige bevillinger"),
    description=_("Bevillinger uden personoplysninger: projektets titel, dato og beløb."),
)
def api_pool(request, pool_id: int):
    pool = get_object_or_404(
        _pools(user_of(request), None).select_related("partnership"), pk=pool_id
    )
    grants = Grant.public_objects.filter(pool=pool).select_related("application")
    return {
        **pool_out(request, pool),
        "grants": [
            {
                "title": grant.application.title,
                "decided_on": grant.decided_on,
                "amount": grant.amount,
                "status": grant.status,
            }
            for grant in grants.order_by("decided_on", "pk")
        ],
    }
