"""SAML 2.0 round trip: djangosaml2 as our service provider, pysaml2's Server as the identity
provider, signatures made and checked by Debian's xmlsec1 (skipped without it; a failure under
CI=true, where .ci/run installs it)."""

import base64
import datetime
import os
import shutil
from urllib.parse import parse_qs, urlsplit

import pytest
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import rsa
from cryptography.x509.oid import NameOID
from django.contrib.auth import get_user_model

from config.settings import optional
from trygplan.accounts.models import ExternalIdentity, GroupMapping
from trygplan.partnerships.models import Role

from .conftest import settings_and_urls

IDP_ENTITY = "https://idp.kk.test/saml/metadata"
IDP_SSO = "https://idp.kk.test/saml/sso"
BASE_URL = "http://testserver"


@pytest.fixture(scope="module")
def xmlsec1():
    found = shutil.which("xmlsec1")
    if not found:
        message = "The SAML tests need Debian's xmlsec1 (apt-get install xmlsec1)."
        if os.environ.get("CI", "").lower() == "true":
            pytest.fail(message)
        pytest.skip(message)
    return found


def key_pair(folder, name):
    key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    subject = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, name)])
    now = datetime.datetime.now(datetime.UTC)
    cert = (
        x509.CertificateBuilder()
        .subject_name(subject)
        .issuer_name(subject)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - datetime.timedelta(days=1))
        .not_valid_after(now + datetime.timedelta(days=30))
        .sign(key, hashes.SHA256())
    )
    key_file, cert_file = folder / f"{name}.key", folder / f"{name}.crt"
    key_file.write_bytes(
        key.private_bytes(
            serialization.Encoding.PEM,
            serialization.PrivateFormat.TraditionalOpenSSL,
            serialization.NoEncryption(),
        )
    )
    cert_file.write_bytes(cert.public_bytes(serialization.Encoding.PEM))
    return str(key_file), str(cert_file)


def idp_config(xmlsec1, key_file, cert_file, sp_metadata=None):
    from saml2 import BINDING_HTTP_REDIRECT
    from saml2.config import IdPConfig
    from saml2.saml import NAMEID_FORMAT_PERSISTENT

    config = {
        "entityid": IDP_ENTITY,
        "xmlsec_binary": xmlsec1,
        "key_file": key_file,
        "cert_file": cert_file,
        "service": {
            "idp": {
                "endpoints": {"single_sign_on_service": [(IDP_SSO, BINDING_HTTP_REDIRECT)]},
                "name_id_format": [NAMEID_FORMAT_PERSISTENT],
                "want_authn_requests_signed": True,
                "policy": {"default": {"lifetime": {"minutes": 5}, "sign": ["assertion"]}},
            }
        },
        "metadata": {"local": [sp_metadata]} if sp_metadata else {},
    }
    return IdPConfig().load(config)


@pytest.fixture(scope="module")
def saml_setup(xmlsec1, tmp_path_factory):
    """Key pairs and metadata both ways; returns (settings for the SP, the IdP server)."""
    from saml2.config import SPConfig
    from saml2.metadata import create_metadata_string
    from saml2.server import Server

    folder = tmp_path_factory.mktemp("saml")
    idp_key, idp_cert = key_pair(folder, "idp")
    sp_key, sp_cert = key_pair(folder, "sp")
    idp_metadata = folder / "idp.xml"
    idp_metadata.write_bytes(create_metadata_string(None, idp_config(xmlsec1, idp_key, idp_cert)))
    values = optional.saml(
        {
            "TRYGPLAN_SAML_IDP_METADATA_FILE": str(idp_metadata),
            "TRYGPLAN_SAML_BASE_URL": BASE_URL,
            "TRYGPLAN_SAML_KEY_FILE": sp_key,
            "TRYGPLAN_SAML_CERT_FILE": sp_cert,
        }
    )
    values["SAML_CONFIG"]["xmlsec_binary"] = xmlsec1
    sp_metadata = folder / "sp.xml"
    sp_metadata.write_bytes(create_metadata_string(None, SPConfig().load(values["SAML_CONFIG"])))
    server = Server(config=idp_config(xmlsec1, idp_key, idp_cert, str(sp_metadata)))
    return values, server


@pytest.fixture
def saml_on(saml_setup):
    values, server = saml_setup
    backends = [
        "axes.backends.AxesStandaloneBackend",
        "django.contrib.auth.backends.ModelBackend",
        *optional.sso_backends({}, values),
    ]
    with settings_and_urls(**values, AUTHENTICATION_BACKENDS=backends):
        yield server


def idp_answers(server, redirect_url: str, identity: dict, subject: str):
    """The IdP: check the signed AuthnRequest, log the person in, answer with a signed
    assertion as an HTTP-POST form's fields."""
    from saml2 import BINDING_HTTP_REDIRECT
    from saml2.saml import NAMEID_FORMAT_PERSISTENT, NameID

    url = urlsplit(redirect_url)
    assert f"{url.scheme}://{url.netloc}{url.path}" == IDP_SSO
    query = {key: values[0] for key, values in parse_qs(url.query).items()}
    request = server.parse_authn_request(
        query["SAMLRequest"],
        BINDING_HTTP_REDIRECT,
        relay_state=query.get("RelayState"),
        sigalg=query["SigAlg"],
        signature=query["Signature"],
    )
    message = request.message
    response = server.create_authn_response(
        identity=identity,
        in_response_to=message.id,
        destination=message.assertion_consumer_service_url,
        sp_entity_id=message.issuer.text,
        name_id=NameID(format=NAMEID_FORMAT_PERSISTENT, text=subject),
        authn={"class_ref": "urn:oasis:names:tc:SAML:2.0:ac:classes:Password"},
        sign_assertion=True,
    )
    return message.assertion_consumer_service_url, {
        "SAMLResponse": base64.b64encode(str(response).encode()).decode(),
        "RelayState": query.get("RelayState", ""),
    }


def saml_login(client, server, identity, subject="kk-4711", next_url="/p/amager/"):
    start = client.get("/saml2/login/", {"next": next_url})
    assert start.status_code == 302
    acs_url, form = idp_answers(server, start["Location"], identity, subject)
    assert acs_url == f"{BASE_URL}/saml2/acs/"
    return client.post("/saml2/acs/", form)


IDENTITY = {
    "uid": ["mette.kk"],
    "mail": ["mette@kk.dk"],
    "givenName": ["Mette"],
    "sn": ["Jensen"],
    "groups": ["SG_Trygplan_Amager_Koordinator"],
}


def test_a_saml_round_trip_logs_in_with_the_role_from_the_groups(client, saml_on, amager):
    GroupMapping.objects.create(
        group="SG_Trygplan_Amager_Koordinator", partnership=amager, role=Role.COORDINATOR
    )
    response = saml_login(client, saml_on, IDENTITY)
    assert response.status_code == 302 and response["Location"] == "/p/amager/"
    user = get_user_model().objects.get(pk=client.session["_auth_user_id"])
    assert (user.username, user.email, user.get_full_name()) == (
        "mette.kk",
        "mette@kk.dk",
        "Mette Jensen",
    )
    assert ExternalIdentity.objects.get(user=user).issuer == IDP_ENTITY
    assert list(user.memberships.values_list("partnership", "role")) == [
        (amager.pk, Role.COORDINATOR)
    ]
    assert client.get("/p/amager/").status_code == 200


def test_a_tampered_assertion_does_not_log_in(client, saml_on, amager):
    start = client.get("/saml2/login/", {"next": "/p/amager/"})
    _, form = idp_answers(saml_on, start["Location"], IDENTITY, "kk-4711")
    xml = base64.b64decode(form["SAMLResponse"]).decode()
    form["SAMLResponse"] = base64.b64encode(xml.replace("mette.kk", "admin").encode()).decode()
    response = client.post("/saml2/acs/", form)
    assert response.status_code in (400, 403)
    assert "_auth_user_id" not in client.session
    assert not get_user_model().objects.filter(username__in=["mette.kk", "admin-2"]).exists()


def test_the_login_page_offers_the_saml_login_when_configured(client, saml_on, db):
    html = client.get("/accounts/login/").content.decode()
    assert "Log ind med Københavns Kommune" in html and 'href="/saml2/login/' in html


def test_the_metadata_for_the_identity_provider_is_published(client, saml_on, db):
    response = client.get("/saml2/metadata/")
    assert response.status_code == 200
    assert b"AssertionConsumerService" in response.content
    assert f"{BASE_URL}/saml2/acs/".encode() in response.content


def test_saml_settings_need_the_site_address_and_a_key_pair():
    from django.core.exceptions import ImproperlyConfigured

    assert optional.saml({}) == {}
    with pytest.raises(ImproperlyConfigured, match="TRYGPLAN_SAML_BASE_URL"):
        optional.saml({"TRYGPLAN_SAML_IDP_METADATA_URL": "https://idp.example/metadata"})
