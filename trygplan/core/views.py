from django.db import DatabaseError, connection
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import render

from trygplan.partnerships.models import Partnership


def home(request: HttpRequest) -> HttpResponse:
    return render(request, "core/home.html", {"partnerships": Partnership.objects.all()})


def healthz(request: HttpRequest) -> JsonResponse:
    """For the orchestrator and the load balancer: 200 when the app can reach its database,
    503 when not. Unauthenticated, answers plain http, touches no session; one `SELECT 1`."""
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
    except DatabaseError:
        return JsonResponse({"status": "error", "database": "unreachable"}, status=503)
    return JsonResponse({"status": "ok", "database": "ok"})
