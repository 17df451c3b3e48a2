"""What every pool operation shares: its audit entry's context."""

from trygplan.audit.services import audit_record

from ..models import Pool


def pool_audit(*, user, obj, pool: Pool, action, changes=None, reason="", code="") -> None:
    audit_record(
        user=user,
        obj=obj,
        action=action,
        changes=changes or {},
        reason=reason,
        code=code,
        partnership=pool.partnership,
        plan=pool.budget_plan(),
        activity_key=pool.activity_key,
    )
