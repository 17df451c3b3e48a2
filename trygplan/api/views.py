"""The API's pages: its documentation (read from the OpenAPI schema, in the visitor's
language, nothing loaded from elsewhere) and each user's page for their API tokens."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from trygplan.core.links import site_url
from trygplan.partnerships.models import Partnership

from . import services
from .forms import TokenForm
from .main import api
from .models import ApiToken

METHODS = ("get", "post", "put", "patch", "delete")


def _operations(schema: dict) -> list[dict]:
    """The operations grouped by tag, in the order the routers declare them."""
    groups: dict[str, list] = {}
    for path, item in schema["paths"].items():
        for method in METHODS:
            operation = item.get(method)
            if operation is None:
                continue
            parameters = operation.get("parameters", [])
            groups.setdefault(operation.get("tags", [""])[0], []).append(
                {
                    "method": method.upper(),
                    "path": path,
                    "summary": operation.get("summary", ""),
                    "description": operation.get("description", ""),
                    "parameters": parameters,
                    "token_required": _requires_token(operation),
                    "linkable": method == "get" and "{" not in path,
                    "body": "requestBody" in operation,
                }
            )
    return [{"tag": tag, "operations": operations} for tag, operations in groups.items()]


def _requires_token(operation: dict) -> bool:
    return any("TokenAuth" in requirement for requirement in operation.get("security", []))


@require_GET
def docs(request: HttpRequest) -> HttpResponse:
    schema = api.get_openapi_schema()
    context = {
        "schema": schema,
        "groups": _operations(schema),
        "partnership": Partnership.objects.order_by("pk").first(),
        "base": site_url(request),
    }
    return render(request, "api/docs.html", context)


@login_required
@require_http_methods(["GET", "POST"])
def tokens(request: HttpRequest) -> HttpResponse:
    """The user's own keys: make one (shown once), see when each was used, revoke."""
    form = TokenForm(request.POST or None)
    new_key = None
    if request.method == "POST" and form.is_valid():
        _token, new_key = services.token_create(user=request.user, name=form.cleaned_data["name"])
        form = TokenForm()
    context = {
        "form": form,
        "new_key": new_key,
        "tokens": ApiToken.private_objects.for_user(request.user),
    }
    response = render(request, "api/tokens.html", context)
    response["Cache-Control"] = "no-store"
    return response


@login_required
@require_POST
def token_revoke(request: HttpRequest, pk: int) -> HttpResponse:
    token = get_object_or_404(ApiToken.private_objects.for_user(request.user), pk=pk)
    services.token_revoke(token=token, user=request.user)
    messages.success(request, _("Nøglen %(token)s er tilbagekaldt.") % {"token": token})
    return redirect("api_pages:tokens")
