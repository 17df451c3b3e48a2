"""Settings that switch on when their environment variables are given. Not a settings module:
`base.py` calls these with `os.environ`; tests call them with a dict.

- OpenID Connect (mozilla-django-oidc): TRYGPLAN_OIDC_CLIENT_ID, TRYGPLAN_OIDC_CLIENT_SECRET and
  either TRYGPLAN_OIDC_DISCOVERY_URL (the provider's /.well-known/openid-configuration, read
  once per process at the first login) or the four TRYGPLAN_OIDC_*_ENDPOINT variables.
- SAML 2.0 (djangosaml2, pysaml2, Debian's xmlsec1): TRYGPLAN_SAML_IDP_METADATA_URL or
  TRYGPLAN_SAML_IDP_METADATA_FILE, TRYGPLAN_SAML_BASE_URL (this site's public https address),
  TRYGPLAN_SAML_KEY_FILE and TRYGPLAN_SAML_CERT_FILE (this site's signing key pair).
- Uploads on S3-compatible object storage (django-storages): TRYGPLAN_S3_BUCKET and friends.

Which identity-provider groups give which partnership role is not a setting: the city
administrator keeps that in the admin (`accounts.GroupMapping`).
"""

from __future__ import annotations

import shutil
from collections.abc import Mapping

from django.core.exceptions import ImproperlyConfigured

DEFAULT_IDP_NAME = "Københavns Kommune"

OIDC_ENDPOINTS = {
    # mozilla-django-oidc setting: (our environment variable, discovery document key)
    "OIDC_OP_AUTHORIZATION_ENDPOINT": (
        "TRYGPLAN_OIDC_AUTHORIZATION_ENDPOINT",
        "authorization_endpoint",
    ),
    "OIDC_OP_TOKEN_ENDPOINT": ("TRYGPLAN_OIDC_TOKEN_ENDPOINT", "token_endpoint"),
    "OIDC_OP_USER_ENDPOINT": ("TRYGPLAN_OIDC_USERINFO_ENDPOINT", "userinfo_endpoint"),
    "OIDC_OP_JWKS_ENDPOINT": ("TRYGPLAN_OIDC_JWKS_ENDPOINT", "jwks_uri"),
}


def _get(environ: Mapping[str, str], name: str, default: str = "") -> str:
    return environ.get(name, default).strip()


def _required(environ: Mapping[str, str], name: str, because: str) -> str:
    value = _get(environ, name)
    if not value:
        raise ImproperlyConfigured(f"{name} must be set when {because} is set.")
    return value


def oidc(environ: Mapping[str, str]) -> dict:
    """mozilla-django-oidc's settings, or {} when TRYGPLAN_OIDC_CLIENT_ID is not set."""
    client_id = _get(environ, "TRYGPLAN_OIDC_CLIENT_ID")
    if not client_id:
        return {}
    discovery_url = _get(environ, "TRYGPLAN_OIDC_DISCOVERY_URL")
    endpoints = {key: _get(environ, env) or None for key, (env, _) in OIDC_ENDPOINTS.items()}
    if not discovery_url and not all(endpoints.values()):
        raise ImproperlyConfigured(
            "OIDC needs TRYGPLAN_OIDC_DISCOVERY_URL or all of "
            + ", ".join(env for env, _ in OIDC_ENDPOINTS.values())
        )
    return {
        "TRYGPLAN_OIDC_ENABLED": True,
        "TRYGPLAN_OIDC_NAME": _get(environ, "TRYGPLAN_OIDC_NAME", DEFAULT_IDP_NAME),
        "TRYGPLAN_OIDC_DISCOVERY_URL": discovery_url,
        # The ID token's `iss` must be this (default: the discovery document's issuer).
        "TRYGPLAN_OIDC_ISSUER": _get(environ, "TRYGPLAN_OIDC_ISSUER"),
        "TRYGPLAN_OIDC_GROUPS_CLAIM": _get(environ, "TRYGPLAN_OIDC_GROUPS_CLAIM", "groups"),
        "TRYGPLAN_OIDC_USERNAME_CLAIM": _get(
            environ, "TRYGPLAN_OIDC_USERNAME_CLAIM", "preferred_username"
        ),
        "OIDC_RP_CLIENT_ID": client_id,
        "OIDC_RP_CLIENT_SECRET": _required(
            environ, "TRYGPLAN_OIDC_CLIENT_SECRET", "TRYGPLAN_OIDC_CLIENT_ID"
        ),
        "OIDC_RP_SIGN_ALGO": _get(environ, "TRYGPLAN_OIDC_SIGN_ALGO", "RS256"),
        "OIDC_RP_SCOPES": _get(environ, "TRYGPLAN_OIDC_SCOPES", "openid email profile"),
        **endpoints,
        "OIDC_USE_PKCE": True,
        "OIDC_TIMEOUT": 10,
        "OIDC_CREATE_USER": True,
    }


def saml(environ: Mapping[str, str]) -> dict:
    """djangosaml2's settings, or {} when no identity provider metadata is given."""
    metadata_url = _get(environ, "TRYGPLAN_SAML_IDP_METADATA_URL")
    metadata_file = _get(environ, "TRYGPLAN_SAML_IDP_METADATA_FILE")
    if not (metadata_url or metadata_file):
        return {}
    from saml2 import BINDING_HTTP_POST, BINDING_HTTP_REDIRECT
    from saml2.saml import NAMEID_FORMAT_PERSISTENT

    because = "TRYGPLAN_SAML_IDP_METADATA_URL or _FILE"
    base_url = _required(environ, "TRYGPLAN_SAML_BASE_URL", because).rstrip("/")
    key_file = _required(environ, "TRYGPLAN_SAML_KEY_FILE", because)
    cert_file = _required(environ, "TRYGPLAN_SAML_CERT_FILE", because)
    metadata = {"remote": [{"url": metadata_url}]} if metadata_url else {"local": [metadata_file]}
    config = {
        "xmlsec_binary": shutil.which("xmlsec1") or "/usr/bin/xmlsec1",
        "entityid": _get(environ, "TRYGPLAN_SAML_ENTITY_ID", f"{base_url}/saml2/metadata/"),
        "allow_unknown_attributes": True,
        "service": {
            "sp": {
                "name": "Trygplan",
                "name_id_format": _get(
                    environ, "TRYGPLAN_SAML_NAMEID_FORMAT", NAMEID_FORMAT_PERSISTENT
                ),
                "endpoints": {
                    "assertion_consumer_service": [(f"{base_url}/saml2/acs/", BINDING_HTTP_POST)],
                    "single_logout_service": [(f"{base_url}/saml2/ls/", BINDING_HTTP_REDIRECT)],
                },
                "authn_requests_signed": True,
                "want_assertions_signed": True,
                "want_response_signed": False,
                "allow_unsolicited": False,
                "signing_algorithm": "http://www.w3.org/2001/04/xmldsig-more#rsa-sha256",
                "digest_algorithm": "http://www.w3.org/2001/04/xmlenc#sha256",
            }
        },
        "metadata": metadata,
        "key_file": key_file,
        "cert_file": cert_file,
        "encryption_keypairs": [{"key_file": key_file, "cert_file": cert_file}],
    }
    attributes = {
        "username": _get(environ, "TRYGPLAN_SAML_USERNAME_ATTRIBUTE", "uid"),
        "email": _get(environ, "TRYGPLAN_SAML_EMAIL_ATTRIBUTE", "mail"),
        "first_name": _get(environ, "TRYGPLAN_SAML_FIRST_NAME_ATTRIBUTE", "givenName"),
        "last_name": _get(environ, "TRYGPLAN_SAML_LAST_NAME_ATTRIBUTE", "sn"),
        "groups": _get(environ, "TRYGPLAN_SAML_GROUPS_ATTRIBUTE", "groups"),
    }
    return {
        "TRYGPLAN_SAML_ENABLED": True,
        "TRYGPLAN_SAML_NAME": _get(environ, "TRYGPLAN_SAML_NAME", DEFAULT_IDP_NAME),
        "TRYGPLAN_SAML_ATTRIBUTES": attributes,
        "SAML_CONFIG": config,
        # A redirect, not an auto-posting form: no inline script on our side.
        "SAML_DEFAULT_BINDING": BINDING_HTTP_REDIRECT,
        "SAML_CSP_HANDLER": "",
        "SAML_SESSION_COOKIE_NAME": "trygplan_saml",
        "SAML_CREATE_UNKNOWN_USER": True,
        "SAML_ATTRIBUTE_MAPPING": {},
        "SAML_IGNORE_LOGOUT_ERRORS": True,
    }


def sso_backends(oidc_settings: dict, saml_settings: dict) -> list[str]:
    backends = []
    if oidc_settings:
        backends.append("trygplan.accounts.oidc.OidcBackend")
    if saml_settings:
        backends.append("trygplan.accounts.saml.SamlBackend")
    return backends


def media_storage(environ: Mapping[str, str]) -> dict:
    """Uploads on local disk (MEDIA_ROOT), or in an S3-compatible bucket when
    TRYGPLAN_S3_BUCKET is set. Files are private: the app serves them through views that check
    access, and URLs of the bucket are signed and short-lived."""
    bucket = _get(environ, "TRYGPLAN_S3_BUCKET")
    if not bucket:
        return {"BACKEND": "django.core.files.storage.FileSystemStorage"}
    options = {
        "bucket_name": bucket,
        "endpoint_url": _get(environ, "TRYGPLAN_S3_ENDPOINT_URL"),
        "region_name": _get(environ, "TRYGPLAN_S3_REGION"),
        "access_key": _get(environ, "TRYGPLAN_S3_ACCESS_KEY_ID"),
        "secret_key": _get(environ, "TRYGPLAN_S3_SECRET_ACCESS_KEY"),
        "location": _get(environ, "TRYGPLAN_S3_PREFIX"),
        "addressing_style": _get(environ, "TRYGPLAN_S3_ADDRESSING_STYLE"),
    }
    options = {key: value for key, value in options.items() if value}
    options.update(
        {
            "default_acl": None,
            "querystring_auth": True,
            "querystring_expire": 300,
            "file_overwrite": False,
            "signature_version": "s3v4",
        }
    )
    return {"BACKEND": "storages.backends.s3.S3Storage", "OPTIONS": options}
