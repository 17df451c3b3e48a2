"""For the machine interfaces (/api/v1/ and /open311/): changes are audited as coming from
the API, and every successful GET carries an ETag of its body, so a client asking again with
If-None-Match gets 304 Not Modified (and nothing to download)."""

import hashlib

from django.utils.cache import get_conditional_response, patch_vary_headers

from trygplan.audit.models import AuditEntry
from trygplan.audit.services import audit_source

PREFIXES = ("/api/v1/", "/open311/")


class MachineInterfaceMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not request.path_info.startswith(PREFIXES):
            return self.get_response(request)
        with audit_source(AuditEntry.Source.API):
            response = self.get_response(request)
        patch_vary_headers(response, ("Authorization",))
        if request.method not in ("GET", "HEAD") or response.status_code != 200:
            return response
        if response.streaming or response.has_header("ETag"):
            return response
        response["ETag"] = '"' + hashlib.sha256(response.content).hexdigest()[:32] + '"'
        response.setdefault(
            "Cache-Control",
            "private, no-cache" if "Authorization" in request.headers else "no-cache",
        )
        return get_conditional_response(request, etag=response["ETag"], response=response)
