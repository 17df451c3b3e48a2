"""Making and revoking API tokens (audited: who made which key, and when it was revoked)."""

import secrets

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from trygplan.audit.models import AuditEntry
from trygplan.audit.services import audit_record

from .models import PREFIX_LENGTH, ApiToken, key_hash


@transaction.atomic
def token_create(*, user, name: str) -> tuple[ApiToken, str]:
    """A new token for the user; returns (token, key). The key is never stored, only its
    hash: the caller shows it once."""
    if not user.is_authenticated:
        raise PermissionDenied(_("Log ind for at oprette en API-nøgle."))
    key = "tp_" + secrets.token_urlsafe(32)
    token = ApiToken(user=user, name=name, prefix=key[:PREFIX_LENGTH], key_hash=key_hash(key))
    token.full_clean()
    token.save()
    audit_record(
        user=user, obj=token, action=AuditEntry.Action.CREATE, changes={"name": [None, name]}
    )
    return token, key


@transaction.atomic
def token_revoke(*, token: ApiToken, user) -> ApiToken:
    if token.user_id != user.pk:
        raise PermissionDenied(_("Du kan kun tilbagekalde dine egne nøgler."))
    token = ApiToken.private_objects.select_for_update().get(pk=token.pk)
    if token.revoked_at is None:
        token.revoked_at = timezone.now()
        token.save(update_fields=["revoked_at"])
        audit_record(
            user=user,
            obj=token,
            action=AuditEntry.Action.UPDATE,
            changes={"revoked_at": [None, token.revoked_at]},
        )
    return token
