"""Money: grants commit it, expenses spend it, closing or cancelling a grant releases the rest.

Grants are made only here (`grant_create`), which locks the pool row, so two people granting
at the same moment cannot together take the pool below zero. Dates belong to the pool's year.
"""

import datetime

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import formats, timezone
from django.utils.translation import gettext as _

from trygplan.audit.models import AuditEntry
from trygplan.lib.money import format_kroner

from .. import access
from ..models import Application, Expense, Grant, Pool
from ..workflow import APPLICATION, FAST_TRACK_FROM, GRANT
from ._common import pool_audit

S = Application.Status


def require_in_year(day: datetime.date, *, pool: Pool, what: str) -> None:
    """A grant or an expense is booked in its pool's year, and not in the future."""
    if day > timezone.localdate():
        raise ValidationError(_("%(what)s kan ikke ligge i fremtiden.") % {"what": what})
    if day.year != pool.year:
        raise ValidationError(
            _("%(what)s skal ligge i %(year)s, puljens år (%(day)s er uden for).")
            % {"what": what, "year": pool.year, "day": formats.date_format(day, "j. F Y")}
        )


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


def _require_grantable(*, user, pool: Pool, application: Application, fast_track: bool) -> None:
    if fast_track:
        if not (pool.is_acute and access.can_fast_track(user, pool.partnership)):
            raise PermissionDenied(_("Kun koordinatoren kan bevilge straks fra akutpuljen."))
        allowed = FAST_TRACK_FROM
    else:
        access.require_manage(user, pool.partnership)
        allowed = {S.RECOMMENDED}
    if application.status not in allowed:
        raise ValidationError(
            _("En ansøgning med status “%(status)s” kan ikke bevilges.")
            % {"status": application.get_status_display()}
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
    pool = Pool.private_objects.select_for_update().get(pk=application.pool_id)
    application = Application.private_objects.select_for_update().get(pk=application.pk)
    _require_grantable(user=user, pool=pool, application=application, fast_track=fast_track)
    reason = reason.strip()
    requested = application.requested_total
    if amount != requested and not reason:
        raise ValidationError(
            _("Skriv en begrundelse, når beløbet er forskelligt fra det ansøgte (%(requested)s).")
            % {"requested": format_kroner(requested)}
        )
    decided_on = decided_on or pool.default_day()
    require_in_year(decided_on, pool=pool, what=_("Beslutningsdatoen"))
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
    pool_audit(
        user=user,
        obj=grant,
        pool=pool,
        action=AuditEntry.Action.CREATE,
        changes={
            "requested": [None, requested],
            "amount": [None, amount],
            "decided_on": [None, decided_on],
        },
        reason=reason,
        code="pool_grant.create",
    )
    comment = _("Bevilget: %(amount)s") % {"amount": format_kroner(amount)}
    if reason:
        comment = f"{comment} – {reason}"
    action = "fast_track" if fast_track else "grant"
    APPLICATION.apply(application, action, user=user, comment=comment)
    return grant


@transaction.atomic
def grant_ratify(*, grant: Grant, user) -> None:
    """The working group approves the coordinator's fast-track grant."""
    access.require_manage(user, grant.pool.partnership)
    grant = Grant.private_objects.select_for_update().get(pk=grant.pk)
    if not grant.awaits_ratification:
        raise ValidationError(_("Bevillingen venter ikke på godkendelse."))
    grant.ratified_by = user
    grant.ratified_at = timezone.now()
    grant.full_clean()
    grant.save()
    pool_audit(
        user=user,
        obj=grant,
        pool=grant.pool,
        action=AuditEntry.Action.UPDATE,
        changes={"ratified_at": [None, grant.ratified_at]},
        code="pool_grant.ratify",
    )


def grant_finish(*, grant: Grant, action: str, user, reason: str = "") -> Grant:
    """Close or cancel a grant (call inside atomic): it stops committing money, and the history
    says how much went back to the pool."""
    released = max(grant.remaining(), 0)
    grant = GRANT.apply(grant, action, user=user, comment=reason)
    pool_audit(
        user=user,
        obj=grant,
        pool=grant.pool,
        action=AuditEntry.Action.UPDATE,
        changes={"released": [None, released]},
        reason=reason,
        code=f"pool_grant.{action}.released",
    )
    return grant


@transaction.atomic
def grant_cancel(*, grant: Grant, user, reason: str) -> None:
    """Cancel an open grant: its unspent rest goes back to the pool; the case is closed."""
    access.require_manage(user, grant.pool.partnership)
    grant = Grant.private_objects.select_related("application").get(pk=grant.pk)
    grant = grant_finish(grant=grant, action="cancel", user=user, reason=reason)
    APPLICATION.apply(grant.application, "cancel", user=user, comment=reason)


def _check_expense(grant: Grant, amount: int) -> None:
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


@transaction.atomic
def expense_add(
    *, grant: Grant, user, date: datetime.date, amount: int, supplier: str, note="", receipt=None
) -> Expense:
    """Record money spent from an open grant (negative: a refund). Never more than granted."""
    access.require_manage(user, grant.pool.partnership)
    grant = Grant.private_objects.select_for_update().get(pk=grant.pk)
    _check_expense(grant, amount)
    require_in_year(date, pool=grant.pool, what=_("Udgiftens dato"))
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
    pool_audit(
        user=user,
        obj=expense,
        pool=grant.pool,
        action=AuditEntry.Action.CREATE,
        changes={"amount": [None, amount], "date": [None, date]},
        reason=note,
        code="pool_expense.create",
    )
    return expense
