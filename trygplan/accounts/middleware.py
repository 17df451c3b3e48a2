"""Sessions end after a time without requests, and at the latest some hours after login."""

from __future__ import annotations

import logging
import time

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import logout
from django.utils.translation import gettext as _

logger = logging.getLogger("trygplan.accounts")

STARTED = "trygplan_session_started"
LAST_SEEN = "trygplan_last_seen"
# The last-seen time is written at most this often, so not every request writes the session.
RESOLUTION_SECONDS = 60


class SessionTimeoutMiddleware:
    """TRYGPLAN_SESSION_IDLE_MINUTES without a request, or TRYGPLAN_SESSION_HOURS after login,
    logs the user out; the page then tells them why. The session's own expiry
    (SESSION_COOKIE_AGE) is the same absolute limit, for the case no request comes at all."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.user.is_authenticated:
            self._check(request)
        return self.get_response(request)

    def _check(self, request) -> None:
        # Until the session has its own times, the login's (every login path sets
        # `last_login`) stands in, so the first request after a login writes nothing.
        session, now = request.session, time.time()
        last_login = request.user.last_login
        login_at = last_login.timestamp() if last_login else now
        started = session.get(STARTED, login_at)
        last_seen = session.get(LAST_SEEN, login_at)
        idle = now - last_seen > settings.TRYGPLAN_SESSION_IDLE_MINUTES * 60
        too_old = now - started > settings.TRYGPLAN_SESSION_HOURS * 3600
        if idle or too_old:
            user_id = request.user.pk
            logout(request)
            logger.info(
                "session_expired",
                extra={"user_id": user_id, "reason": "idle" if idle else "lifetime"},
            )
            messages.info(
                request,
                _("Du er blevet logget af, fordi du ikke har været aktiv i %(minutes)s minutter.")
                % {"minutes": settings.TRYGPLAN_SESSION_IDLE_MINUTES}
                if idle
                else _("Du er blevet logget af. Log ind igen for at fortsætte."),
            )
        elif now - last_seen >= RESOLUTION_SECONDS:
            session[LAST_SEEN] = now
