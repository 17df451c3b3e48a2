"""OpenID Connect login against a real provider on a live port (tests/oidc_provider.py)."""

from urllib.parse import parse_qs, urlsplit
from urllib.request import HTTPRedirectHandler, build_opener

import pytest
from django.contrib.auth import get_user_model

from config.settings import optional
from trygplan.accounts.models import ExternalIdentity, GroupMapping
from trygplan.audit.models import AuditEntry
from trygplan.partnerships.models import Membership, Role

from .conftest import settings_and_urls
from .oidc_provider import Provider

CLIENT_ID, CLIENT_SECRET = "trygplan", "s3cret-for-tests"
AMAGER_WG = "/trygplan/amager/arbejdsgruppe"


class _NoRedirects(HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


def at_provider(url: str) -> str:
    """The browser at the provider's authorize URL: where the provider sends it back."""
    try:
        build_opener(_NoRedirects).open(url, timeout=5)
    except Exception as redirect:  # urllib raises HTTPError for the 302 it did not follow
        assert redirect.code == 302, redirect
        return redirect.headers["Location"]
    raise AssertionError("the provider did not redirect")


@pytest.fixture
def provider():
    with Provider(client_id=CLIENT_ID, client_secret=CLIENT_SECRET) as running:
        yield running


@pytest.fixture
def oidc_on(provider):
    env = {
        "TRYGPLAN_OIDC_CLIENT_ID": CLIENT_ID,
        "TRYGPLAN_OIDC_CLIENT_SECRET": CLIENT_SECRET,
        "TRYGPLAN_OIDC_DISCOVERY_URL": provider.discovery_url,
    }
    values = optional.oidc(env)
    backends = [
        "axes.backends.AxesStandaloneBackend",
        "django.contrib.auth.backends.ModelBackend",
        *optional.sso_backends(values, {}),
    ]
    with settings_and_urls(**values, AUTHENTICATION_BACKENDS=backends):
        yield provider


def oidc_login(client, provider, person: dict, next_url: str = "/p/amager/"):
    provider.person = person
    start = client.get("/oidc/authenticate/", {"next": next_url})
    assert start.status_code == 302 and start["Location"].startswith(f"{provider.issuer}/authorize")
    back = urlsplit(at_provider(start["Location"]))
    assert back.path == "/oidc/callback/"
    return client.get(back.path, {k: v[0] for k, v in parse_qs(back.query).items()})


def person(sub="kk-4711", groups=(AMAGER_WG,), **extra):
    return {
        "sub": sub,
        "preferred_username": "jens.kk",
        "email": "jens@kk.dk",
        "given_name": "Jens",
        "family_name": "Hansen",
        "groups": list(groups),
        **extra,
    }


@pytest.fixture
def amager_groups(amager, tingbjerg):
    GroupMapping.objects.create(group=AMAGER_WG, partnership=amager, role=Role.WORKING_GROUP)
    GroupMapping.objects.create(
        group="/trygplan/tingbjerg/styregruppe", partnership=tingbjerg, role=Role.STEERING_GROUP
    )
    GroupMapping.objects.create(group="/trygplan/byadmin", is_city_admin=True)


def test_the_group_claim_gives_a_working_group_role_in_the_right_partnership(
    client, oidc_on, amager_groups, amager, tingbjerg, draft2017
):
    response = oidc_login(client, oidc_on, person())
    assert response.status_code == 302 and response["Location"] == "/p/amager/"
    user = get_user_model().objects.get(username="jens.kk")
    assert int(client.session["_auth_user_id"]) == user.pk
    assert (user.email, user.get_full_name(), user.has_usable_password()) == (
        "jens@kk.dk",
        "Jens Hansen",
        False,
    )
    memberships = list(Membership.objects.filter(user=user).values_list("partnership", "role"))
    assert memberships == [(amager.pk, Role.WORKING_GROUP)]
    assert not user.is_city_admin
    # The role works: the working group edits the draft plan.
    activity = draft2017.activities.get(key="ung-i-job")
    edit = client.get(f"/p/amager/plans/2017/activities/{activity.key}/edit/")
    assert edit.status_code == 200
    assert AuditEntry.objects.filter(
        partnership=amager, reason__contains="identitetsudbyder"
    ).exists()
    # The provider was really asked: discovery, authorize, token (with PKCE), JWKS, userinfo.
    assert {
        "/.well-known/openid-configuration",
        "/authorize",
        "/token",
        "/jwks",
        "/userinfo",
    } <= set(oidc_on.requests)


def test_the_next_login_follows_the_groups_and_finds_the_same_user(
    client, oidc_on, amager_groups, amager, tingbjerg
):
    oidc_login(client, oidc_on, person())
    client.logout()
    groups = ["/trygplan/tingbjerg/styregruppe", "/trygplan/byadmin"]
    oidc_login(client, oidc_on, person(groups=groups, email="jens.hansen@kk.dk"))
    user = ExternalIdentity.objects.get(subject="kk-4711").user
    assert get_user_model().objects.filter(username__startswith="jens.kk").count() == 1
    assert user.email == "jens.hansen@kk.dk" and user.is_city_admin
    assert list(user.memberships.values_list("partnership", "role")) == [
        (tingbjerg.pk, Role.STEERING_GROUP)
    ]


def test_partnerships_without_mappings_keep_their_hand_given_members(
    client, oidc_on, amager_groups, tingbjerg, koordinator, amager
):
    GroupMapping.objects.filter(partnership=amager).delete()
    oidc_login(client, oidc_on, person(groups=[]))
    user = ExternalIdentity.objects.get(subject="kk-4711").user
    Membership.objects.create(user=user, partnership=amager, role=Role.PARTNER)
    client.logout()
    oidc_login(client, oidc_on, person(groups=[]))
    assert list(user.memberships.values_list("role", flat=True)) == [Role.PARTNER]


def test_a_provider_user_with_a_local_users_name_does_not_take_over_that_account(
    client, oidc_on, amager_groups, koordinator
):
    oidc_login(client, oidc_on, person(sub="other-1", preferred_username="koordinator"))
    logged_in = get_user_model().objects.get(pk=client.session["_auth_user_id"])
    assert logged_in != koordinator and logged_in.username == "koordinator-2"


def test_a_token_from_another_issuer_or_a_wrong_secret_does_not_log_in(
    client, oidc_on, amager_groups, settings
):
    settings.OIDC_RP_CLIENT_SECRET = "wrong"
    response = oidc_login(client, oidc_on, person())
    assert "_auth_user_id" not in client.session
    assert response.status_code == 302 and response["Location"] == "/accounts/login/"
    page = client.get("/accounts/login/")
    assert "Login med Københavns Kommune lykkedes ikke" in page.content.decode()
    settings.OIDC_RP_CLIENT_SECRET = CLIENT_SECRET
    settings.TRYGPLAN_OIDC_ISSUER = "https://someone-else.example"
    oidc_login(client, oidc_on, person())
    assert "_auth_user_id" not in client.session


def test_the_login_page_offers_the_city_login_only_when_it_is_configured(client, db, provider):
    assert "Log ind med" not in client.get("/accounts/login/").content.decode()
    values = optional.oidc(
        {
            "TRYGPLAN_OIDC_CLIENT_ID": CLIENT_ID,
            "TRYGPLAN_OIDC_CLIENT_SECRET": CLIENT_SECRET,
            "TRYGPLAN_OIDC_DISCOVERY_URL": provider.discovery_url,
        }
    )
    with settings_and_urls(**values):
        html = client.get("/accounts/login/", {"next": "/p/amager/"}).content.decode()
    assert "Log ind med Københavns Kommune" in html
    assert 'href="/oidc/authenticate/?next=/p/amager/"' in html


def test_oidc_settings_need_a_secret_and_endpoints():
    from django.core.exceptions import ImproperlyConfigured

    assert optional.oidc({}) == {}
    with pytest.raises(ImproperlyConfigured, match="TRYGPLAN_OIDC_DISCOVERY_URL"):
        optional.oidc({"TRYGPLAN_OIDC_CLIENT_ID": "x", "TRYGPLAN_OIDC_CLIENT_SECRET": "y"})
    with pytest.raises(ImproperlyConfigured, match="TRYGPLAN_OIDC_CLIENT_SECRET"):
        optional.oidc({"TRYGPLAN_OIDC_CLIENT_ID": "x", "TRYGPLAN_OIDC_DISCOVERY_URL": "http://x"})
