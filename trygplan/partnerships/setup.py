"""Setting up a partnership in the interface (a city administrator's work): the partnership
with its parties, bodies and area, its theory of change copied from another partnership or
started empty, and people invited per role.

An invited person gets a local account with an unusable password and an e-mail with a
set-your-password link made by Django's password reset tokens (the same link the "forgot
your password" page sends), so the invitation needs no token table of its own and expires
like a reset link (`PASSWORD_RESET_TIMEOUT`).
"""

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.tokens import default_token_generator
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.mail import send_mail
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode
from django.utils.text import slugify
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from trygplan.audit.models import AuditEntry
from trygplan.audit.services import audit_record

from . import access
from .models import Body, Membership, Organisation, Partnership, Party

__all__ = [
    "BODY_NAMES",
    "membership_invite",
    "partnership_create",
    "theory_of_change_copy",
]

BODY_NAMES = {
    Body.Kind.STEERING_GROUP: gettext_lazy("Styregruppen"),
    Body.Kind.WORKING_GROUP: gettext_lazy("Arbejdsgruppen"),
    Body.Kind.SUB_WORKING_GROUP: gettext_lazy("Underarbejdsgruppen"),
    Body.Kind.REFERENCE_GROUP: gettext_lazy("Referencegruppen"),
}


def _require_city_admin(user) -> None:
    if not access.is_city_admin(user):
        raise PermissionDenied(_("Kun byens administrator kan oprette partnerskaber."))


def _organisation_for(name: str) -> Organisation:
    """An organisation typed by name: the existing one of that name, or a new one."""
    existing = Organisation.objects.filter(name__iexact=name).first()
    if existing:
        return existing
    base = slugify(name)[:40] or "organisation"
    key, n = base, 2
    while Organisation.objects.filter(key=key).exists():
        key, n = f"{base}-{n}", n + 1
    organisation = Organisation(key=key, name=name, short_name=name[:60])
    organisation.full_clean()
    organisation.save()
    return organisation


@transaction.atomic
def partnership_create(
    *,
    user,
    fields: dict,
    parties: list[Organisation] = (),
    new_parties: list[str] = (),
    bodies: list[str] = (),
    copy_from: Partnership | None = None,
) -> Partnership:
    """A new partnership from `fields` (slug, name, area_name, period_start, period_end,
    description, area, area_source); parties in the order given (new names become
    organisations); one body of each kind in `bodies`; the theory of change of `copy_from`."""
    _require_city_admin(user)
    partnership = Partnership(**fields)
    partnership.full_clean()
    partnership.save()
    organisations = list(parties) + [_organisation_for(name) for name in new_parties]
    for order, organisation in enumerate(dict.fromkeys(organisations)):
        Party.objects.create(partnership=partnership, organisation=organisation, order=order)
    for order, kind in enumerate(bodies):
        body = Body(partnership=partnership, kind=kind, name=str(BODY_NAMES[kind]), order=order)
        body.full_clean()
        body.save()
    if copy_from is not None:
        theory_of_change_copy(source=copy_from, target=partnership)
    reason = _("Oprettet af byens administrator.")
    if copy_from is not None:
        reason += " " + _("Forandringsteori kopieret fra %(name)s.") % {"name": copy_from}
    audit_record(
        user=user,
        obj=partnership,
        action=AuditEntry.Action.CREATE,
        changes={"name": [None, partnership.name], "period": [None, partnership.period]},
        reason=reason,
        partnership=partnership,
    )
    return partnership


def theory_of_change_copy(*, source: Partnership, target: Partnership) -> None:
    """Effects, results (with their links to effects) and focus areas of `source`, copied
    to `target`, which must have none yet. Numbers and texts are kept; indicators are not
    copied (they are measured per partnership)."""
    from trygplan.plans.models import Effect, FocusArea, Result

    if target.effects.exists() or target.results.exists() or target.focus_areas.exists():
        raise ValidationError(_("Partnerskabet har allerede en forandringsteori."))
    effects = {
        effect.pk: Effect.objects.create(partnership=target, number=effect.number, name=effect.name)
        for effect in source.effects.all()
    }
    links = Result.effects.through
    new_links = []
    for result in source.results.prefetch_related("effects"):
        copy = Result.objects.create(partnership=target, number=result.number, name=result.name)
        new_links += [
            links(result_id=copy.pk, effect_id=effects[e.pk].pk) for e in result.effects.all()
        ]
    links.objects.bulk_create(new_links)
    FocusArea.objects.bulk_create(
        FocusArea(
            partnership=target,
            number=area.number,
            short_name=area.short_name,
            name=area.name,
            description=area.description,
        )
        for area in source.focus_areas.all()
    )


def _can_invite(user, partnership: Partnership) -> bool:
    return access.is_city_admin(user) or access.role_of(user, partnership) == "coordinator"


def _username_for(email: str) -> str:
    User = get_user_model()
    base = email.split("@")[0][:140] or "bruger"
    name, n = base, 2
    while User.objects.filter(username=name).exists():
        name, n = f"{base}-{n}", n + 1
    return name


def _invitation_link(user) -> str:
    path = reverse(
        "accounts:password_reset_confirm",
        args=[
            urlsafe_base64_encode(force_bytes(user.pk)),
            default_token_generator.make_token(user),
        ],
    )
    return settings.TRYGPLAN_BASE_URL + path


def _send_invitation(*, invited, partnership: Partnership, role_label: str, by) -> None:
    context = {
        "invited": invited,
        "partnership": partnership,
        "role": role_label,
        "by": by.get_full_name() or by.username,
        "link": _invitation_link(invited) if not invited.has_usable_password() else "",
        "login": settings.TRYGPLAN_BASE_URL + reverse("accounts:login"),
        "username": invited.username,
    }
    send_mail(
        _("Invitation til %(name)s i Trygplan") % {"name": partnership.name},
        render_to_string("partnerships/mail/invitation.txt", context),
        None,
        [invited.email],
    )


@transaction.atomic
def membership_invite(
    *, partnership: Partnership, email: str, first_name: str, last_name: str, role: str, user
) -> Membership:
    """Give the person with this e-mail a role in the partnership and mail them. A person
    already known by the e-mail keeps their account (and may belong to several
    partnerships, one membership each); a new person gets an account without a password
    and a link to set one. A person who already has a role here is refused."""
    if not _can_invite(user, partnership):
        raise PermissionDenied(_("Kun byens administrator og koordinatoren kan invitere."))
    User = get_user_model()
    email = User.objects.normalize_email(email).strip()
    invited = User.objects.filter(email__iexact=email).order_by("pk").first()
    if invited is None:
        invited = User(
            username=_username_for(email), email=email, first_name=first_name, last_name=last_name
        )
        invited.set_unusable_password()
        invited.full_clean()
        invited.save()
    if Membership.objects.filter(user=invited, partnership=partnership).exists():
        raise ValidationError(
            {"email": _("%(email)s har allerede en rolle i partnerskabet.") % {"email": email}}
        )
    membership = Membership(user=invited, partnership=partnership, role=role)
    membership.full_clean()
    membership.save()
    audit_record(
        user=user,
        obj=membership,
        action=AuditEntry.Action.CREATE,
        changes={"role": [None, role]},
        reason=_("Inviteret."),
        partnership=partnership,
    )
    role_label = str(membership.get_role_display())
    transaction.on_commit(
        lambda: _send_invitation(
            invited=invited, partnership=partnership, role_label=role_label, by=user
        )
    )
    return membership
