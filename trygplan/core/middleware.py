from django.conf import settings
from django.utils import translation
from django.utils.cache import patch_vary_headers

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
