"""Changes to a partnership's organisation: its bodies and their members, and who has which
role (`Membership`), including inviting a person by e-mail. Each checks that the user may make
it (`access.can_manage_organisation`), validates before writing, runs in one transaction and
records itself in the audit log."""

from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from trygplan.accounts.invitations import invitation_send
from trygplan.audit.models import AuditEntry
from trygplan.audit.services import audit_record, form_changes
from trygplan.core.concurrency import require_unchanged

from .access import can_manage_organisation, is_city_admin
from .models import Body, BodyMember, Membership, Partnership


def _require(user, partnership: Partnership) -> None:
    if not can_manage_organisation(user, partnership):
        raise PermissionDenied(
            _("Kun koordinatoren kan ændre partnerskabets organer, medlemmer og brugere.")
        )


def _audit(*, user, obj, partnership, action, changes=None, code="", reason="") -> None:
    audit_record(
        user=user,
        obj=obj,
        action=action,
        changes=changes or {},
        code=code,
        reason=reason,
        partnership=partnership,
    )


def _save_form(form, *, user, partnership):
    _require(user, partnership)
    require_unchanged(form)
    created = form.instance.pk is None
    changes = form_changes(form)
    changes.pop("version", None)
    obj = form.save(commit=False)
    obj.full_clean()
    obj.save()
    if created or changes:
        action = AuditEntry.Action.CREATE if created else AuditEntry.Action.UPDATE
        _audit(user=user, obj=obj, partnership=partnership, action=action, changes=changes)
    return obj


# ---- Bodies and their members ---------------------------------------------------------------


@transaction.atomic
def body_save(*, form, user) -> Body:
    return _save_form(form, user=user, partnership=form.instance.partnership)


@transaction.atomic
def body_delete(*, body: Body, user) -> None:
    """Remove a body and its seats."""
    _require(user, body.partnership)
    seats = body.members.count()
    _audit(
        user=user,
        obj=body,
        partnership=body.partnership,
        action=AuditEntry.Action.DELETE,
        changes={"name": [body.name, None], "members": [seats, None]},
    )
    body.delete()


@transaction.atomic
def body_member_save(*, form, user) -> BodyMember:
    return _save_form(form, user=user, partnership=form.instance.body.partnership)


@transaction.atomic
def body_member_delete(*, member: BodyMember, user) -> None:
    partnership = member.body.partnership
    _require(user, partnership)
    _audit(
        user=user,
        obj=member,
        partnership=partnership,
        action=AuditEntry.Action.DELETE,
        changes={"body": [member.body.name, None], "title": [member.title, None]},
    )
    member.delete()


# ---- Users and roles ------------------------------------------------------------------------


def membership_require_hand_given(membership: Membership, user) -> None:
    if Membership.objects.from_identity_provider().filter(pk=membership.pk).exists():
        raise ValidationError(
            _(
                "%(name)s logger ind via kommunens identitetsudbyder, og rollen følger "
                "grupperne der. Bed byens administrator om at ændre gruppen."
            )
            % {"name": membership.user}
        )
    if membership.user_id == user.pk and not is_city_admin(user):
        raise ValidationError(
            _(
                "Du kan ikke ændre din egen adgang. Bed en anden koordinator eller byens "
                "administrator."
            )
        )


def _free_username(email: str) -> str:
    User = get_user_model()
    wanted = email[:140]
    candidate, number = wanted, 1
    while User.objects.filter(username__iexact=candidate).exists():
        number += 1
        candidate = f"{wanted}-{number}"
    return candidate


def _user_for_email(*, email: str, first_name: str, last_name: str):
    """(user, created): the one account with this e-mail, or a new local account without a
    usable password (the invitation's link sets it)."""
    User = get_user_model()
    found = list(User.objects.filter(email__iexact=email)[:2])
    if len(found) > 1:
        raise ValidationError(
            _("Flere brugere har e-mailen %(email)s. Bed byens administrator om hjælp.")
            % {"email": email}
        )
    if found:
        return found[0], False
    user = User(
        username=_free_username(email), email=email, first_name=first_name, last_name=last_name
    )
    user.set_unusable_password()
    user.full_clean(exclude=["password"])
    user.save()
    return user, True


def _mail_after_commit(*, membership: Membership, user, site_url: str) -> None:
    transaction.on_commit(
        lambda: invitation_send(
            user=membership.user,
            partnership=membership.partnership,
            role=membership.get_role_display(),
            invited_by=user,
            site_url=site_url,
        )
    )


@transaction.atomic
def membership_invite(
    *,
    partnership: Partnership,
    email: str,
    role: str,
    user,
    site_url: str,
    first_name: str = "",
    last_name: str = "",
) -> tuple[Membership, bool]:
    """Give the person with this e-mail a role in the partnership; an account is made for a
    new person. The mail (set your password, or: you have access) goes after the commit.
    Returns (membership, whether an account was made)."""
    _require(user, partnership)
    person, created = _user_for_email(email=email, first_name=first_name, last_name=last_name)
    existing = Membership.objects.filter(user=person, partnership=partnership).first()
    if existing is not None:
        message = _("%(name)s har allerede rollen %(role)s i partnerskabet.") % {
            "name": person,
            "role": existing.get_role_display().lower(),
        }
        raise ValidationError({"email": message})  # beside the field
    if partnership.group_mappings.exists() and person.external_identities.exists():
        raise ValidationError(
            _(
                "%(name)s logger ind via kommunens identitetsudbyder, og partnerskabets roller "
                "følger grupperne der. Bed byens administrator om at ændre gruppen."
            )
            % {"name": person}
        )
    membership = Membership(user=person, partnership=partnership, role=role)
    membership.full_clean()
    membership.save()
    _audit(
        user=user,
        obj=membership,
        partnership=partnership,
        action=AuditEntry.Action.CREATE,
        changes={"role": [None, role]},
        code="membership.invite",
    )
    _mail_after_commit(membership=membership, user=user, site_url=site_url)
    return membership, created


@transaction.atomic
def invitation_resend(*, membership: Membership, user, site_url: str) -> None:
    """Send the invitation again (a lost mail, an expired link)."""
    _require(user, membership.partnership)
    if membership.user.has_usable_password() or not membership.user.email:
        raise ValidationError(
            _("%(name)s har allerede valgt en adgangskode.") % {"name": membership.user}
        )
    _mail_after_commit(membership=membership, user=user, site_url=site_url)


@transaction.atomic
def membership_change_role(*, membership: Membership, role: str, user) -> Membership:
    _require(user, membership.partnership)
    membership_require_hand_given(membership, user)
    membership = Membership.objects.select_for_update().get(pk=membership.pk)
    old = membership.role
    if old == role:
        return membership
    membership.role = role
    membership.full_clean()
    membership.save(update_fields=["role"])
    _audit(
        user=user,
        obj=membership,
        partnership=membership.partnership,
        action=AuditEntry.Action.UPDATE,
        changes={"role": [old, role]},
    )
    return membership


@transaction.atomic
def membership_remove(*, membership: Membership, user) -> None:
    """Take away the person's access to this partnership (their account stays: they may be a
    member of others)."""
    _require(user, membership.partnership)
    membership_require_hand_given(membership, user)
    _audit(
        user=user,
        obj=membership,
        partnership=membership.partnership,
        action=AuditEntry.Action.DELETE,
        changes={"role": [membership.role, None]},
    )
    membership.delete()
