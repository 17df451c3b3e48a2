"""OpenID Connect login (mozilla-django-oidc), on when TRYGPLAN_OIDC_CLIENT_ID is set.

Flow: the login page's button → `OidcLoginView` (state, nonce, PKCE) → the provider →
`OidcCallbackView` → `OidcBackend` exchanges the code, checks the ID token's signature (the
provider's JWKS), issuer, audience and nonce, reads the user info, and hands the person to
`accounts.services.sso_user_sync`.

Endpoints come from the settings or, when TRYGPLAN_OIDC_DISCOVERY_URL is given, from the
provider's discovery document, fetched once per process at the first login.
"""

from __future__ import annotations

import functools
import logging

import requests
from django.conf import settings
from django.contrib import messages
from django.core.exceptions import SuspiciousOperation
from django.shortcuts import redirect
from django.utils.translation import gettext as _
from mozilla_django_oidc.auth import OIDCAuthenticationBackend
from mozilla_django_oidc.utils import import_from_settings
from mozilla_django_oidc.views import OIDCAuthenticationCallbackView, OIDCAuthenticationRequestView

from config.settings.optional import OIDC_ENDPOINTS

from .services import SsoIdentity, sso_user_sync

logger = logging.getLogger("trygplan.accounts")


@functools.cache
def discovery_document(url: str) -> dict:
    response = requests.get(url, timeout=10)
    response.raise_for_status()
    return response.json()


def oidc_setting(attr: str, *default):
    """mozilla-django-oidc's settings, with endpoints and the issuer from discovery if unset."""
    value = getattr(settings, attr, None)
    discovery_url = getattr(settings, "TRYGPLAN_OIDC_DISCOVERY_URL", "")
    if not value and discovery_url and attr in OIDC_ENDPOINTS:
        value = discovery_document(discovery_url).get(OIDC_ENDPOINTS[attr][1])
    if not value and discovery_url and attr == "TRYGPLAN_OIDC_ISSUER":
        value = discovery_document(discovery_url).get("issuer")
    if value is None:
        if default:
            return default[0]
        return import_from_settings(attr)  # raises ImproperlyConfigured with the name
    return value


class OidcLoginView(OIDCAuthenticationRequestView):
    get_settings = staticmethod(oidc_setting)


class OidcCallbackView(OIDCAuthenticationCallbackView):
    get_settings = staticmethod(oidc_setting)

    def login_failure(self):
        messages.error(
            self.request,
            _("Login med %(name)s lykkedes ikke. Prøv igen, eller kontakt din administrator.")
            % {"name": settings.TRYGPLAN_OIDC_NAME},
        )
        logger.warning("login_failed", extra={"method": "oidc"})
        return redirect("accounts:login")

    def login_success(self):
        logger.info("login", extra={"user_id": self.user.pk, "method": "oidc"})
        return super().login_success()


class OidcBackend(OIDCAuthenticationBackend):
    get_settings = staticmethod(oidc_setting)

    def authenticate(self, request, **kwargs):
        """None (the login page with a message) rather than an error page when the provider
        refuses the code or the token does not check out."""
        try:
            return super().authenticate(request, **kwargs)
        except (requests.RequestException, SuspiciousOperation, ValueError) as error:
            logger.warning(
                "oidc_refused", extra={"reason": f"{type(error).__name__}: {error}"[:300]}
            )
            return None

    def verify_token(self, token, **kwargs):
        payload = super().verify_token(token, **kwargs)
        issuer = oidc_setting("TRYGPLAN_OIDC_ISSUER", "")
        audience = payload.get("aud")
        audiences = audience if isinstance(audience, list) else [audience]
        if issuer and payload.get("iss") != issuer:
            raise SuspiciousOperation("The ID token comes from another issuer.")
        if self.OIDC_RP_CLIENT_ID not in audiences:
            raise SuspiciousOperation("The ID token is meant for another client.")
        return payload

    def get_or_create_user(self, access_token, id_token, payload):
        claims = {**payload, **self.get_userinfo(access_token, id_token, payload)}
        if claims.get("sub") != payload.get("sub"):
            raise SuspiciousOperation("The user info is about someone else.")
        groups = claims.get(settings.TRYGPLAN_OIDC_GROUPS_CLAIM) or []
        if isinstance(groups, str):
            groups = [groups]
        identity = SsoIdentity(
            issuer=payload.get("iss") or "oidc",
            subject=str(payload["sub"]),
            username=str(
                claims.get(settings.TRYGPLAN_OIDC_USERNAME_CLAIM) or claims.get("email") or ""
            ),
            email=claims.get("email") or "",
            first_name=claims.get("given_name") or "",
            last_name=claims.get("family_name") or "",
            groups=frozenset(str(group) for group in groups),
        )
        return sso_user_sync(identity=identity)
