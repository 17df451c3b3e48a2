"""The working group's written proposal for the rest of a pool, at mid-year and year-end."""

from django.db import transaction

from trygplan.audit.models import AuditEntry

from .. import access
from ..models import Pool, Recommendation
from ._common import pool_audit


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
    pool_audit(
        user=user,
        obj=recommendation,
        pool=pool,
        action=AuditEntry.Action.UPDATE,
        changes={"proposal": [old, proposal]},
    )
    return recommendation
