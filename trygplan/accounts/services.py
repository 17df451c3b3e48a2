"""Single sign-on: the user an identity provider vouches for, and their roles from its groups.

Both the OIDC and the SAML backend end in `sso_user_sync`. The rules:

- A user is found by (issuer, subject) in `ExternalIdentity`, never by user name or e-mail.
  A new one gets a user name from the provider (with a number added if it is taken) and no
  usable password (so no password reset either: the provider is where they log in).
- Name and e-mail follow the provider at every login.
- Roles: every partnership that has a `GroupMapping` takes its members from the provider. The
  user's role there is the strongest one their groups map to (coordinator, then working
  group, steering group, partner), or none. Partnerships without mappings are left as they are.
  Likewise `is_city_admin` follows the provider once any mapping gives city administration.
- Each change of role is in the audit log and the `trygplan.accounts` log.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field

from django.contrib.auth import get_user_model
from django.db import transaction
from django.utils import timezone

from trygplan.audit.models import AuditEntry
from trygplan.audit.services import audit_record
from trygplan.partnerships.models import Membership, Role

from .models import ExternalIdentity, GroupMapping

logger = logging.getLogger("trygplan.accounts")

# Strongest first: one role per partnership (Membership is unique per user and partnership).
ROLE_PRECEDENCE = [Role.COORDINATOR, Role.WORKING_GROUP, Role.STEERING_GROUP, Role.PARTNER]
REASON = "Fra identitetsudbyderens grupper ved login"


@dataclass(frozen=True)
class SsoIdentity:
    """What a provider told us about a person, in the same shape for OIDC and SAML."""

    issuer: str
    subject: str
    username: str
    email: str = ""
    first_name: str = ""
    last_name: str = ""
    groups: frozenset[str] = field(default_factory=frozenset)


def _free_username(wanted: str) -> str:
    User = get_user_model()
    wanted = (wanted or "bruger")[:140]
    candidate, number = wanted, 1
    while User.objects.filter(username=candidate).exists():
        number += 1
        candidate = f"{wanted}-{number}"
    return candidate


def _user_for(identity: SsoIdentity):
    link = (
        ExternalIdentity.objects.select_related("user")
        .filter(issuer=identity.issuer, subject=identity.subject)
        .first()
    )
    if link is None:
        user = get_user_model()(username=_free_username(identity.username))
        user.set_unusable_password()
        user.full_clean(exclude=["password"])
        user.save()
        link = ExternalIdentity(user=user, issuer=identity.issuer, subject=identity.subject)
        logger.info("sso_user_created", extra={"user_id": user.pk, "issuer": identity.issuer})
    link.last_login_at = timezone.now()
    link.full_clean(exclude=["user"])
    link.save()
    return link.user


def _wanted_roles(groups: frozenset[str]) -> tuple[dict[int, str], set[int], bool | None]:
    """({partnership id: strongest role}, managed partnership ids, city admin or None)."""
    managed = set(
        GroupMapping.objects.filter(partnership__isnull=False).values_list(
            "partnership_id", flat=True
        )
    )
    wanted: dict[int, str] = {}
    for mapping in GroupMapping.objects.for_groups(groups).filter(partnership__isnull=False):
        current = wanted.get(mapping.partnership_id)
        if current is None or ROLE_PRECEDENCE.index(mapping.role) < ROLE_PRECEDENCE.index(current):
            wanted[mapping.partnership_id] = mapping.role
    admin_groups = GroupMapping.objects.filter(is_city_admin=True)
    city_admin = admin_groups.for_groups(groups).exists() if admin_groups.exists() else None
    return wanted, managed, city_admin


def _audit_role(user, membership: Membership, old: str, new: str) -> None:
    action = (
        AuditEntry.Action.CREATE
        if not old
        else AuditEntry.Action.DELETE
        if not new
        else AuditEntry.Action.UPDATE
    )
    audit_record(
        user=user,
        obj=membership,
        action=action,
        code=f"membership.sso_{action}",
        changes={"role": [old or None, new or None]},
        reason=REASON,
        partnership=membership.partnership,
    )
    logger.info(
        "role_changed",
        extra={
            "user_id": user.pk,
            "partnership_id": membership.partnership_id,
            "old": old or None,
            "new": new or None,
            "source": "sso",
        },
    )


def _memberships_apply(user, wanted: dict[int, str], managed: set[int]) -> None:
    existing = {m.partnership_id: m for m in user.memberships.filter(partnership_id__in=managed)}
    for partnership_id in managed:
        membership, role = existing.get(partnership_id), wanted.get(partnership_id, "")
        if membership is None and role:
            membership = Membership(user=user, partnership_id=partnership_id, role=role)
            membership.full_clean()
            membership.save()
            _audit_role(user, membership, "", role)
        elif membership is not None and not role:
            _audit_role(user, membership, membership.role, "")
            membership.delete()
        elif membership is not None and membership.role != role:
            old, membership.role = membership.role, role
            membership.full_clean()
            membership.save()
            _audit_role(user, membership, old, role)


@transaction.atomic
def sso_user_sync(*, identity: SsoIdentity):
    """The user for `identity`, created or updated, with roles from their groups."""
    user = _user_for(identity)
    for name in ("email", "first_name", "last_name"):
        value = getattr(identity, name)
        if value:
            setattr(user, name, value[:150] if name != "email" else value)
    wanted, managed, city_admin = _wanted_roles(identity.groups)
    if city_admin is not None and user.is_city_admin != city_admin:
        user.is_city_admin = city_admin
        logger.info("city_admin_changed", extra={"user_id": user.pk, "is_city_admin": city_admin})
    user.full_clean(exclude=["password"])
    user.save()
    _memberships_apply(user, wanted, managed)
    return user
