"""A pool's settings, and opening a pool by hand. The working group does both (see
`pools.access`); each change is validated, atomic and audited."""

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from trygplan.audit.models import AuditEntry
from trygplan.audit.services import form_changes
from trygplan.core.concurrency import require_unchanged

from .. import access
from ..models import Pool
from ._common import pool_audit


def _require(user, partnership) -> None:
    if not access.can_manage(user, partnership):
        raise PermissionDenied(_("Kun arbejdsgruppen kan ændre puljerne."))


@transaction.atomic
def pool_settings_save(*, form, user) -> Pool:
    """Save a valid PoolSettingsForm: purpose, who may apply, limits, open or closed."""
    _require(user, form.instance.partnership)
    require_unchanged(form)
    changes = form_changes(form)
    changes.pop("version", None)
    pool = form.save(commit=False)
    pool.full_clean()
    pool.save()
    if changes:
        pool_audit(user=user, obj=pool, pool=pool, action=AuditEntry.Action.UPDATE, changes=changes)
    return pool


@transaction.atomic
def pool_create(*, form, plan, user) -> Pool:
    """Open a pool for an activity of `plan` (a valid PoolCreateForm), when the year has
    none of its kind."""
    pool = form.instance
    _require(user, pool.partnership)
    if not plan.activities.filter(key=form.cleaned_data["activity_key"]).exists():
        raise ValidationError(_("Aktiviteten findes ikke i årets plan."))
    pools = Pool.private_objects.select_for_update().filter(partnership=pool.partnership)
    if pools.filter(year=pool.year, kind=form.cleaned_data["kind"]).exists():
        raise ValidationError(
            _("Der er allerede en %(kind)s i %(year)s.")
            % {"kind": Pool.Kind(form.cleaned_data["kind"]).label.lower(), "year": pool.year}
        )
    pool = form.save(commit=False)
    pool.full_clean()
    pool.save()
    pool_audit(
        user=user,
        obj=pool,
        pool=pool,
        action=AuditEntry.Action.CREATE,
        changes=form_changes(form),
        code="pool.open",
    )
    return pool
