"""The REST API, /api/v1/: django-ninja, OpenAPI 3.1 at /api/v1/openapi.json, our own
documentation page at /api/v1/docs/ (ninja's Swagger page would load from a CDN).

Reads are anonymous by default and see what an anonymous visitor sees on the pages; with a
token (`Authorization: Bearer …`) they see what its user sees. Writes need a token and go
through the modules' services. Errors answer {"detail": …, "errors": {field: [messages]}}.
"""

from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from ninja import NinjaAPI
from ninja.errors import AuthenticationError
from ninja.errors import ValidationError as NinjaValidationError

from .auth import OptionalTokenAuth
from .routers import account, findings, followup, partnerships, surveys


class TrygplanAPI(NinjaAPI):
    def get_openapi_schema(self, **kwargs):
        """One security scheme ("TokenAuth"); public reads say that a token is optional."""
        schema = super().get_openapi_schema(**kwargs)
        schemes = schema.get("components", {}).get("securitySchemes", {})
        if "OptionalTokenAuth" in schemes:
            schemes.setdefault("TokenAuth", schemes.pop("OptionalTokenAuth"))
        for item in schema["paths"].values():
            for operation in item.values():
                if {"OptionalTokenAuth": []} in operation.get("security", []):
                    operation["security"] = [{}, {"TokenAuth": []}]
        return schema


api = TrygplanAPI(
    title="Trygplan API",
    version="1",
    description=gettext_lazy(
        "Tryghedspartnerskabernes data: partnerskaber og områder, tryghedsplaner med "
        "aktiviteter, penge og resultater, puljer og bevillinger, fund fra "
        "tryghedsvandringer, arrangementer, indikatorer og tryghedsundersøgelsen. Alt "
        "offentligt kan læses uden nøgle; med en API-nøgle ser og gør man det samme som "
        "nøglens bruger på siderne. Tal om personer fra 1 til 4 vises som “<5”."
    ),
    urls_namespace="api",
    docs_url=None,
    auth=OptionalTokenAuth(),
)


def _error(request, status: int, detail, errors=None):
    return api.create_response(request, {"detail": detail, "errors": errors or {}}, status=status)


@api.exception_handler(Http404)
def not_found(request, exc):
    return _error(request, 404, _("Findes ikke."))


@api.exception_handler(PermissionDenied)
def forbidden(request, exc):
    return _error(request, 403, str(exc) or _("Det har du ikke adgang til."))


@api.exception_handler(AuthenticationError)
def unauthorised(request, exc):
    response = _error(request, 401, _("Ugyldig eller manglende API-nøgle."))
    response["WWW-Authenticate"] = 'Bearer realm="trygplan"'
    return response


@api.exception_handler(ValidationError)
def invalid(request, exc):
    errors = exc.message_dict if hasattr(exc, "error_dict") else {"": exc.messages}
    return _error(request, 400, " ".join(exc.messages), errors)


@api.exception_handler(NinjaValidationError)
def malformed(request, exc):
    errors = {}
    for error in exc.errors:
        field = ".".join(str(part) for part in error.get("loc", ()))
        errors.setdefault(field, []).append(str(error.get("msg", "")))
    return _error(request, 422, _("Forespørgslen har ugyldige felter."), errors)


for module in (partnerships, findings, followup, surveys, account):
    api.add_router("/", module.router)
