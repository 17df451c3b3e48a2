"""django-axes hooks: the client's address behind proxies, and the Danish lock-out page."""

from __future__ import annotations

import logging

from django.conf import settings
from django.shortcuts import render
from django.utils.translation import gettext as _

from .forms import LoginForm

logger = logging.getLogger("trygplan.accounts")


def client_ip(request) -> str:
    """The peer's address, or with TRYGPLAN_TRUSTED_PROXY_COUNT = N the address the N-th proxy
    from us saw (the N-th entry from the right of X-Forwarded-For): only proxies we run may
    add to that header, so a client cannot pick its own address to dodge the lock-out."""
    count = settings.TRYGPLAN_TRUSTED_PROXY_COUNT
    forwarded = [part.strip() for part in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")]
    forwarded = [part for part in forwarded if part]
    if count > 0 and len(forwarded) >= count:
        return forwarded[-count]
    return request.META.get("REMOTE_ADDR", "")


def lockout_response(request, original_response=None, credentials=None):
    """The login page again, with the reason, answered 429 (the admin's login too)."""
    minutes = int(settings.AXES_COOLOFF_TIME.total_seconds() // 60)
    username = (credentials or {}).get("username") or request.POST.get("username", "")
    logger.warning("login_locked_out", extra={"username": username[:150], "ip": client_ip(request)})
    form = LoginForm(request)
    form.fields["username"].initial = username
    message = _(
        "For mange forkerte forsøg. Af sikkerhedshensyn er login for denne bruger spærret i "
        "%(minutes)s minutter. Prøv igen senere, eller nulstil din adgangskode."
    ) % {"minutes": minutes}
    context = {"form": form, "locked_out_message": message, "next": request.GET.get("next", "")}
    return render(request, "accounts/login.html", context, status=429)
