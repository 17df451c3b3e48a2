"""Operations on the pools. Each runs in one transaction and records itself in the audit log."""

import datetime

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.utils import formats, timezone
from django.utils.translation import gettext as _

from trygplan.audit.models import AuditEntry
from trygplan.audit.services import audit_record
from trygplan.lib.money import format_kroner

from . import access
from .models import Application, ApplicationLine, Attachment, Expense, Grant, Pool, Recommendation

S = Application.Status

# (from, to) -> does the change need a comment? Grants go through grant_create.
TRANSITIONS: dict[tuple[str, str], bool] = {
    (S.RECEIVED, S.SCREENING): False,
    (S.SCREENING, S.MORE_INFO_REQUESTED): True,
    (S.SCREENING, S.ASSESSED): False,
    (S.ASSESSED, S.RECOMMENDED): False,
    (S.GRANTED, S.IN_PROGRESS): False,
    (S.IN_PROGRESS, S.REPORTED): False,
    (S.REPORTED, S.CLOSED): False,
    **{(status, S.REJECTED): True for status in Application.UNDECIDED},
    **{(status, S.WITHDRAWN): False for status in Application.UNDECIDED},
}


# A coordinator's fast-track grant (acute pool) may come before the usual steps.
FAST_TRACK_FROM = Application.UNDECIDED - {S.MORE_INFO_REQUESTED}


def allowed_transitions(application: Application) -> list[str]:
    return [to for (src, to) in TRANSITIONS if src == application.status]


def _audit(*, user, obj, pool: Pool, action, changes=None, reason=""):
    audit_record(
        user=user,
        obj=obj,
        action=action,
        changes=changes or {},
        reason=reason,
        partnership=pool.partnership,
        plan=pool.budget_plan(),
        activity_key=pool.activity_key,
    )


def _move(*, application: Application, to: str, user, comment: str = "") -> None:
    label = str(Application._meta.get_field("status").verbose_name)
    old = application.get_status_display()
    from_status = application.status
    application.status = to
    if to in Application.FINAL:
        application.closed_at = timezone.now()
    application.full_clean()
    application.save()
    application.transitions.create(
        from_status=from_status, to_status=to, user=user, comment=comment
    )
    _audit(
        user=user,
        obj=application,
        pool=application.pool,
        action=AuditEntry.Action.TRANSITION,
        changes={label: [old, application.get_status_display()]},
        reason=comment,
    )


@transaction.atomic
def application_submit(
    *, pool: Pool, data: dict, lines: list[tuple[str, int]], files: list, submission_key, user=None
) -> tuple[Application, bool]:
    """Save a new application with its budget lines and attachments, all or nothing.

    `data` holds the model fields; `submission_key` is the form's one-time token, so the same
    form posted twice makes one application. Returns (application, created).
    """
    existing = Application.objects.filter(submission_key=submission_key).first()
    if existing is not None:
        return existing, False
    application = Application(
        pool=pool,
        submission_key=submission_key,
        consent_at=timezone.now(),
        created_by=user if getattr(user, "is_authenticated", False) else None,
        **data,
    )
    application.full_clean()
    try:
        with transaction.atomic():
            application.save()
    except IntegrityError:  # the same form, posted twice at the same moment
        return Application.objects.get(submission_key=submission_key), False
    for order, (item, amount) in enumerate(lines):
        line = ApplicationLine(application=application, order=order, item=item, amount=amount)
        line.full_clean()
        line.save()
    for upload, content_type in files:
        Attachment.objects.create(
            application=application,
            file=upload,
            original_name=upload.name[:200],
            content_type=content_type,
            size=upload.size,
        )
    application.transitions.create(to_status=S.RECEIVED, user=application.created_by)
    _audit(
        user=user,
        obj=application,
        pool=pool,
        action=AuditEntry.Action.CREATE,
        changes={_("Ansøgt beløb"): ["–", format_kroner(sum(a for _i, a in lines))]},
    )
    return application, True


@transaction.atomic
def application_transition(*, application: Application, to: str, user, comment: str = "") -> None:
    """Move a case one step (not to granted: see grant_create). Only the working group."""
    application = Application.objects.select_for_update().get(pk=application.pk)
    access.require_manage(user, application.pool.partnership)
    key = (application.status, to)
    if key not in TRANSITIONS:
        raise ValidationError(
            _("En ansøgning med status “%(status)s” kan ikke flyttes til “%(to)s”.")
            % {"status": application.get_status_display(), "to": S(to).label}
        )
    comment = comment.strip()
    if TRANSITIONS[key] and not comment:
        raise ValidationError(_("Skriv en begrundelse eller hvilke oplysninger der mangler."))
    if to == S.MORE_INFO_REQUESTED:
        application.info_request = comment
    _move(application=application, to=to, user=user, comment=comment)
    if to == S.CLOSED:
        _grant_finish(grant=application.grant, status=Grant.Status.CLOSED, user=user)


@transaction.atomic
def application_amend(*, application: Application, form) -> None:
    """The applicant adds what was asked for; the case goes back to screening."""
    application = Application.objects.select_for_update().get(pk=application.pk)
    if not application.awaits_applicant:
        raise ValidationError(_("Ansøgningen kan ikke ændres nu."))
    changes = {}
    for name in [name for name in form.changed_data if name in form.Meta.fields]:
        changes[str(form.fields[name].label)] = [
            str(getattr(application, name) or "–"),
            str(form.cleaned_data[name] or "–"),
        ]
        setattr(application, name, form.cleaned_data[name])
    note = form.cleaned_data.get("answer", "")
    application.info_request = ""
    if changes:
        _audit(
            user=None,
            obj=application,
            pool=application.pool,
            action=AuditEntry.Action.UPDATE,
            changes=changes,
            reason=_("Ændret af ansøgeren"),
        )
    _move(application=application, to=S.SCREENING, user=None, comment=note)


@transaction.atomic
def application_withdraw_by_applicant(*, application: Application, comment: str = "") -> None:
    application = Application.objects.select_for_update().get(pk=application.pk)
    if application.status not in Application.UNDECIDED:
        raise ValidationError(_("Ansøgningen kan ikke trækkes tilbage nu."))
    _move(application=application, to=S.WITHDRAWN, user=None, comment=comment)


def _check_amount(*, pool: Pool, amount: int, fast_track: bool) -> None:
    if amount <= 0:
        raise ValidationError(_("Beløbet skal være større end 0."))
    if pool.max_per_application and amount > pool.max_per_application:
        raise ValidationError(
            _("Puljen giver højst %(max)s pr. ansøgning.")
            % {"max": format_kroner(pool.max_per_application)}
        )
    if fast_track and amount > (pool.fast_track_limit or 0):
        raise ValidationError(
            _(
                "Koordinatoren kan højst bevilge %(limit)s straks. "
                "Større beløb bevilges af arbejdsgruppen."
            )
            % {"limit": format_kroner(pool.fast_track_limit or 0)}
        )
    available = pool.balance().available
    if amount > available:
        raise ValidationError(
            _("Puljen har kun %(available)s tilbage, så %(amount)s kan ikke bevilges.")
            % {"available": format_kroner(available), "amount": format_kroner(amount)}
        )


@transaction.atomic
def grant_create(
    *,
    application: Application,
    amount: int,
    reason: str,
    user,
    results=(),
    fast_track=False,
    decided_on: datetime.date | None = None,
) -> Grant:
    """Grant money to an application, decided on `decided_on` (default today).

    The pool row is locked first, so a second grant in the same pool waits until this one
    is saved and then sees the lower balance: two grants cannot together overdraw the pool.
    """
    pool = Pool.objects.select_for_update().get(pk=application.pool_id)
    application = Application.objects.select_for_update().get(pk=application.pk)
    partnership = pool.partnership
    reason = reason.strip()
    if fast_track:
        if not (pool.is_acute and access.can_fast_track(user, partnership)):
            raise PermissionDenied(_("Kun koordinatoren kan bevilge straks fra akutpuljen."))
        allowed = FAST_TRACK_FROM
    else:
        access.require_manage(user, partnership)
        allowed = {S.RECOMMENDED}
    if application.status not in allowed:
        raise ValidationError(
            _("En ansøgning med status “%(status)s” kan ikke bevilges.")
            % {"status": application.get_status_display()}
        )
    requested = application.requested_total
    if amount != requested and not reason:
        raise ValidationError(
            _("Skriv en begrundelse, når beløbet er forskelligt fra det ansøgte (%(requested)s).")
            % {"requested": format_kroner(requested)}
        )
    decided_on = decided_on or timezone.localdate()
    if decided_on > timezone.localdate():
        raise ValidationError(_("Beslutningsdatoen kan ikke ligge i fremtiden."))
    _check_amount(pool=pool, amount=amount, fast_track=fast_track)
    grant = Grant(
        decided_on=decided_on,
        pool=pool,
        application=application,
        amount=amount,
        reason=reason,
        granted_by=user,
        is_fast_track=fast_track,
    )
    grant.full_clean()
    grant.save()
    grant.results.set(results)
    _audit(
        user=user,
        obj=grant,
        pool=pool,
        action=AuditEntry.Action.CREATE,
        changes={
            _("Ansøgt"): ["–", format_kroner(requested)],
            _("Bevilget"): ["–", format_kroner(amount)],
            _("Beslutningsdato"): ["–", formats.date_format(decided_on, "j. F Y")],
        },
        reason=reason,
    )
    comment = _("Bevilget: %(amount)s") % {"amount": format_kroner(amount)}
    if reason:
        comment = f"{comment} – {reason}"
    _move(application=application, to=S.GRANTED, user=user, comment=comment)
    return grant


@transaction.atomic
def grant_ratify(*, grant: Grant, user) -> None:
    """The working group approves the coordinator's fast-track grant."""
    access.require_manage(user, grant.pool.partnership)
    grant = Grant.objects.select_for_update().get(pk=grant.pk)
    if not grant.awaits_ratification:
        raise ValidationError(_("Bevillingen venter ikke på godkendelse."))
    grant.ratified_by = user
    grant.ratified_at = timezone.now()
    grant.full_clean()
    grant.save()
    _audit(
        user=user,
        obj=grant,
        pool=grant.pool,
        action=AuditEntry.Action.UPDATE,
        changes={_("Godkendt af arbejdsgruppen"): [_("nej"), _("ja")]},
    )


def _grant_finish(*, grant: Grant, status: str, user, reason: str = "") -> None:
    released = max(grant.remaining(), 0)
    old = grant.get_status_display()
    grant.status = status
    grant.closed_at = timezone.now()
    grant.full_clean()
    grant.save()
    _audit(
        user=user,
        obj=grant,
        pool=grant.pool,
        action=AuditEntry.Action.UPDATE,
        changes={
            str(Grant._meta.get_field("status").verbose_name): [old, grant.get_status_display()],
            _("Frigivet til puljen"): ["–", format_kroner(released)],
        },
        reason=reason,
    )


@transaction.atomic
def grant_cancel(*, grant: Grant, user, reason: str) -> None:
    """Cancel an open grant: its unspent rest goes back to the pool; the case is closed."""
    access.require_manage(user, grant.pool.partnership)
    grant = Grant.objects.select_for_update().select_related("application").get(pk=grant.pk)
    if not grant.is_open:
        raise ValidationError(_("Bevillingen er allerede lukket."))
    if not reason.strip():
        raise ValidationError(_("Skriv hvorfor bevillingen annulleres."))
    _grant_finish(grant=grant, status=Grant.Status.CANCELLED, user=user, reason=reason)
    _move(application=grant.application, to=S.CLOSED, user=user, comment=reason)


@transaction.atomic
def expense_add(
    *, grant: Grant, user, date: datetime.date, amount: int, supplier: str, note="", receipt=None
) -> Expense:
    """Record money spent from an open grant (negative: a refund). Never more than granted."""
    access.require_manage(user, grant.pool.partnership)
    grant = Grant.objects.select_for_update().get(pk=grant.pk)
    if not grant.is_open:
        raise ValidationError(_("Bevillingen er lukket; der kan ikke registreres udgifter."))
    spent = grant.spent()
    if amount > 0 and spent + amount > grant.amount:
        raise ValidationError(
            _("Udgiften er større end det, der er tilbage af bevillingen (%(left)s).")
            % {"left": format_kroner(grant.amount - spent)}
        )
    if amount < 0 and spent + amount < 0:
        raise ValidationError(
            _("Tilbagebetalingen er større end det, der er brugt af bevillingen (%(spent)s).")
            % {"spent": format_kroner(spent)}
        )
    expense = Expense(
        grant=grant,
        date=date,
        amount=amount,
        supplier=supplier,
        note=note,
        receipt=receipt or "",
        created_by=user,
    )
    expense.full_clean()
    expense.save()
    _audit(
        user=user,
        obj=expense,
        pool=grant.pool,
        action=AuditEntry.Action.CREATE,
        changes={_("Udgift"): ["–", format_kroner(amount)]},
        reason=note,
    )
    return expense


@transaction.atomic
def recommendation_save(*, pool: Pool, period: str, proposal: str, user) -> Recommendation:
    access.require_manage(user, pool.partnership)
    recommendation, _created = Recommendation.objects.select_for_update().get_or_create(
        pool=pool, period=period
    )
    old = recommendation.proposal
    if old == proposal:
        return recommendation
    recommendation.proposal = proposal
    recommendation.updated_by = user
    recommendation.full_clean()
    recommendation.save()
    _audit(
        user=user,
        obj=recommendation,
        pool=pool,
        action=AuditEntry.Action.UPDATE,
        changes={str(Recommendation._meta.get_field("proposal").verbose_name): [old, proposal]},
    )
    return recommendation


def retention_days() -> int:
    return int(getattr(settings, "TRYGPLAN_POOLS_CONTACT_RETENTION_DAYS", 365))


@transaction.atomic
def contacts_erase_expired(*, now=None) -> list[Application]:
    """Erase applicants' contact details a set time after their case closed. Idempotent."""
    now = now or timezone.now()
    before = now - datetime.timedelta(days=retention_days())
    expired = list(Application.objects.contacts_expired(before).select_related("pool"))
    for application in expired:
        application.applicant_name = ""
        application.applicant_email = ""
        application.applicant_phone = ""
        application.contacts_erased_at = now
        application.save(
            update_fields=[
                "applicant_name",
                "applicant_email",
                "applicant_phone",
                "contacts_erased_at",
            ]
        )
        _audit(
            user=None,
            obj=application,
            pool=application.pool,
            action=AuditEntry.Action.UPDATE,
            changes={_("Kontaktoplysninger"): [_("gemt"), _("slettet")]},
            reason=_("Slettet automatisk %(days)s dage efter sagens afslutning.")
            % {"days": retention_days()},
        )
    return expired


# The seed's three pools (focus area 2), with their purposes in the plan's own words.
STANDARD_POOLS = {
    Pool.Kind.URBAN_SPACE: {
        "activity_key": "byrumspulje",
        "purpose": (
            "Byrumspuljen skal bruges til at udbedre de steder, der udpeges på "
            "tryghedsvandringerne. Puljen kan fx bruges på mindre fysiske projekter som maling, "
            "beskæring eller lys, der ikke dækkes af den almindelige drift i området."
        ),
        "who_may_apply": (
            "Beboere, afdelingsbestyrelser og partnerskabets parter kan foreslå steder og "
            "projekter, fx efter en tryghedsvandring."
        ),
        "max_per_application": 50_000,
    },
    Pool.Kind.ACUTE: {
        "activity_key": "akutpulje",
        "purpose": (
            "Akutpuljen gør det muligt at reagere på akutte tryghedsproblemer i "
            "partnerskabsområdet og vise handlekraft ved hurtigt at sætte midlertidige "
            "forbedringer og aktiviteter i gang. Det er en succes, hvis der trækkes mindre på "
            "puljen end det afsatte beløb."
        ),
        "who_may_apply": (
            "Beboere og partnerskabets parter kan gøre opmærksom på en akut utryg situation. "
            "Koordinatoren kan bevilge mindre beløb straks."
        ),
        "max_per_application": 25_000,
        "fast_track_limit": 10_000,
    },
    Pool.Kind.SAFETY_ACTIVITIES: {
        "activity_key": "pulje-til-tryghedsaktiviteter",
        "purpose": (
            "Puljen støtter lokalt planlagte dialog- og tryghedsskabende arrangementer, "
            "materialer og indkøb til fx Urbanfestival, Lysfest og tryghedsvandringer samt "
            "aktiviteter forankret i partnerskabets referencegruppe."
        ),
        "who_may_apply": (
            "Beboere og naboer i Urbanplanen, også gennem Referencegruppen af beboere og naboer."
        ),
        "max_per_application": 10_000,
    },
}


@transaction.atomic
def pools_create_year(*, partnership, year: int) -> list[Pool]:
    """The three standard pools for a year (existing ones are left as they are)."""
    pools = []
    for kind, values in STANDARD_POOLS.items():
        pool, _created = Pool.objects.get_or_create(
            partnership=partnership, year=year, kind=kind, defaults=values
        )
        pools.append(pool)
    return pools
