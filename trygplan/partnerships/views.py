"""A partnership's own pages: its home and its organisation."""

from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import render

from trygplan.plans import access as plan_access

from . import access
from .models import Body


def home(request: HttpRequest, slug: str) -> HttpResponse:
    partnership = access.get_partnership(slug)
    plans = plan_access.visible_plans(request.user, partnership).order_by("-year", "-amendment")
    return render(
        request,
        "partnerships/home.html",
        {
            "partnership": partnership,
            "plans": plans,
            "parties": partnership.parties.select_related("organisation"),
            "role": access.role_of(request.user, partnership),
            "can_read_private": access.can_read_private(request.user, partnership),
            "can_edit_plans": access.can_edit_plans(request.user, partnership),
            "can_invite": access.is_city_admin(request.user)
            or access.role_of(request.user, partnership) == "coordinator",
        },
    )


def organisation(request: HttpRequest, slug: str) -> HttpResponse:
    """Parties and bodies are public; members' names only for the partnership's own users."""
    partnership = access.get_partnership(slug)
    can_read_private = access.can_read_private(request.user, partnership)
    bodies = Body.objects.filter(partnership=partnership)
    if can_read_private:
        bodies = bodies.prefetch_related("members__organisation")
    return render(
        request,
        "partnerships/organisation.html",
        {
            "partnership": partnership,
            "parties": partnership.parties.select_related("organisation__parent"),
            "bodies": bodies,
            "can_read_private": can_read_private,
            "can_manage": access.can_manage_organisation(request.user, partnership),
        },
    )


def area(request: HttpRequest, slug: str):
    """The partnership area as GeoJSON, for the maps."""
    partnership = access.get_partnership(slug)
    feature = {
        "type": "Feature",
        "properties": {"name": partnership.area_name, "source": partnership.area_source},
        "geometry": partnership.area,
    }
    return JsonResponse(
        {"type": "FeatureCollection", "features": [feature] if partnership.area else []}
    )
