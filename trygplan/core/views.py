from django.contrib.auth.decorators import login_required
from django.db import DatabaseError, connection
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import render
from django.utils import timezone
from django.views.decorators.http import require_GET

from trygplan.partnerships.models import Partnership

from .start import desks_for


def home(request: HttpRequest) -> HttpResponse:
    """The entry: the city overview first; a member's own partnerships (one membership each,
    so a person in two partnerships switches here); then every partnership."""
    memberships = (
        request.user.memberships.select_related("partnership").order_by("partnership__name")
        if request.user.is_authenticated
        else []
    )
    partnerships = Partnership.objects.only(
        "slug", "name", "area_name", "period_start", "period_end", "is_invented"
    )
    context = {"partnerships": partnerships, "memberships": memberships}
    return render(request, "core/home.html", context)


def healthz(request: HttpRequest) -> JsonResponse:
    """For the orchestrator and the load balancer: 200 when the app can reach its database,
    503 when not. Unauthenticated, answers plain http, touches no session; one `SELECT 1`."""
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
    except DatabaseError:
        return JsonResponse({"status": "error", "database": "unreachable"}, status=503)
    return JsonResponse({"status": "ok", "database": "ok"})


@require_GET
@login_required
def start(request: HttpRequest) -> HttpResponse:
    """A person's own start page after login: what waits for them in each partnership."""
    desks = desks_for(request.user, today=timezone.localdate())
    return render(request, "core/start.html", {"desks": desks})
