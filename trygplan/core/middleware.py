from django.conf import settings
from django.http import JsonResponse
from django.shortcuts import render
from django.utils import translation
from django.utils.cache import patch_vary_headers
from django.utils.translation import gettext as _

from .views import healthz


class HealthCheckMiddleware:
    """Answers GET /healthz first, before the host check, the SSL redirect and sessions: an
    orchestrator probes the container by its own address, over plain http, without cookies."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.path_info == "/healthz" and request.method in ("GET", "HEAD"):
            return healthz(request)
        return self.get_response(request)


class LanguageMiddleware:
    """Danish unless the person chose another language with the switcher (a cookie).

    Django's LocaleMiddleware would follow the browser's Accept-Language; a Danish
    municipal system speaks Danish first, whatever the browser says.
    """

    def __init__(self, get_response):
        self.get_response = get_response
        self.supported = {code for code, _ in settings.LANGUAGES}

    def __call__(self, request):
        chosen = request.COOKIES.get(settings.LANGUAGE_COOKIE_NAME)
        language = chosen if chosen in self.supported else settings.LANGUAGE_CODE
        request.LANGUAGE_CODE = language
        # override(), not activate(): the language must not outlive the request in this thread.
        with translation.override(language):
            response = self.get_response(request)
        patch_vary_headers(response, ("Cookie",))
        response.headers.setdefault("Content-Language", language)
        return response


# Pages that are private whoever asks: an applicant's own link (the token is the secret),
# the login and password pages, the admin. Everything an authenticated user gets is private
# too, and so is every answer to a POST (a form with errors shows what was typed).
PRIVATE_URL_NAMES = {"pools:applicant", "pools:applicant_withdraw"}
PRIVATE_NAMESPACES = {"accounts", "admin"}


def is_private(request, response) -> bool:
    if request.method not in ("GET", "HEAD"):
        return True
    user = getattr(request, "user", None)
    if user is not None and user.is_authenticated:
        return True
    match = getattr(request, "resolver_match", None)
    if match is None:
        return False
    return match.view_name in PRIVATE_URL_NAMES or bool(set(match.namespaces) & PRIVATE_NAMESPACES)


class PrivacyHeadersMiddleware:
    """Permissions-Policy on every response (settings.TRYGPLAN_PERMISSIONS_POLICY), and
    `Cache-Control: private, no-store` on every response that is not a public page, so no
    browser, proxy or shared computer keeps a copy of a private one."""

    def __init__(self, get_response):
        self.get_response = get_response
        policy = getattr(settings, "TRYGPLAN_PERMISSIONS_POLICY", {})
        self.permissions = ", ".join(f"{name}={value}" for name, value in policy.items())

    def __call__(self, request):
        response = self.get_response(request)
        if self.permissions:
            response.headers.setdefault("Permissions-Policy", self.permissions)
        if is_private(request, response):
            response["Cache-Control"] = "private, no-store"
            response.headers.pop("Expires", None)
        return response


class RequestSizeLimitMiddleware:
    """Refuses a request larger than settings.TRYGPLAN_MAX_REQUEST_BYTES by its
    Content-Length, before anything reads the body, with a Danish 413 page."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        limit = settings.TRYGPLAN_MAX_REQUEST_BYTES
        try:
            length = int(request.META.get("CONTENT_LENGTH") or 0)
        except ValueError:
            length = 0
        if length <= limit:
            return self.get_response(request)
        message = _(
            "Det sendte fylder for meget (%(size)s MB). Der kan højst sendes %(limit)s MB ad "
            "gangen. Intet er gemt."
        ) % {"size": round(length / 1024 / 1024), "limit": limit // (1024 * 1024)}
        if "application/json" in request.headers.get("Accept", ""):
            return JsonResponse({"errors": {"__all__": [message]}}, status=413)
        return render(request, "413.html", {"message": message}, status=413)
