"""Who is calling: `Authorization: Bearer <key>` names a user (through their token); no
header means an anonymous visitor. The API never reads the session cookie, so a browser's
login does not reach it (and needs no CSRF protection); a bad or revoked key is a 401.

Every endpoint then asks the modules' own access helpers with this user, so a token sees and
may do exactly what its user may on the pages.
"""

from django.contrib.auth.models import AnonymousUser
from ninja.errors import AuthenticationError
from ninja.security import HttpBearer

from .models import ApiToken, key_hash


def _user_for(key: str):
    token = (
        ApiToken.private_objects.active()
        .select_related("user")
        .filter(key_hash=key_hash(key))
        .first()
    )
    if token is None or not token.user.is_active:
        return None
    token.touch()
    return token.user


class TokenAuth(HttpBearer):
    """A token is required (writes and members' endpoints)."""

    def authenticate(self, request, token):
        return _user_for(token)


class OptionalTokenAuth(TokenAuth):
    """Public reads: anonymous without a header, the token's user with a good one."""

    def __call__(self, request):
        if not request.headers.get(self.header):
            return AnonymousUser()
        user = super().__call__(request)
        if user is None:
            raise AuthenticationError()
        return user


def user_of(request):
    """The caller (a User or AnonymousUser), as the auth classes left it."""
    return getattr(request, "auth", None) or AnonymousUser()
