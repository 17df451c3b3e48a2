"""SAML 2.0 login (djangosaml2 on pysaml2; signatures by Debian's xmlsec1), on when the
identity provider's metadata is given (TRYGPLAN_SAML_IDP_METADATA_URL or _FILE).

djangosaml2 sends a signed AuthnRequest (HTTP-Redirect) and checks the signed assertion at
/saml2/acs/; `SamlBackend` turns it into a person for `accounts.services.sso_user_sync`. The
subject is the NameID (ask the provider for a persistent one); the attribute names are
settings (TRYGPLAN_SAML_*_ATTRIBUTE) because every provider names them differently.
"""

from __future__ import annotations

import logging

from django.conf import settings
from djangosaml2.backends import Saml2Backend

from .services import SsoIdentity, sso_user_sync

logger = logging.getLogger("trygplan.accounts")


def _first(attributes: dict, name: str) -> str:
    values = attributes.get(name) or []
    return str(values[0]) if values else ""


class SamlBackend(Saml2Backend):
    def authenticate(self, request, session_info=None, attribute_mapping=None, **kwargs):
        if not session_info or "ava" not in session_info or not session_info.get("name_id"):
            return None
        names = settings.TRYGPLAN_SAML_ATTRIBUTES
        attributes = session_info["ava"]
        subject = session_info["name_id"].text
        identity = SsoIdentity(
            issuer=session_info["issuer"],
            subject=subject,
            username=_first(attributes, names["username"])
            or _first(attributes, names["email"])
            or subject,
            email=_first(attributes, names["email"]),
            first_name=_first(attributes, names["first_name"]),
            last_name=_first(attributes, names["last_name"]),
            groups=frozenset(str(group) for group in attributes.get(names["groups"]) or []),
        )
        user = sso_user_sync(identity=identity)
        if not self.user_can_authenticate(user):
            return None
        logger.info("login", extra={"user_id": user.pk, "method": "saml"})
        return user
