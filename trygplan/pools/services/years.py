"""A year's pools follow its plan: publishing the plan opens the pools of its pool activities,
carrying purpose, eligibility and limits over from the year before."""

from django.db import transaction

from trygplan.audit.models import AuditEntry
from trygplan.audit.services import audit_record

from ..models import Pool

# What a year's pool takes over from the same pool the year before.
CARRIED_OVER = (
    "activity_key",
    "purpose",
    "who_may_apply",
    "max_per_application",
    "fast_track_limit",
)


@transaction.atomic
def pools_create_year(
    *, partnership, year: int, templates: dict | None = None, keys=None, user=None
) -> list[Pool]:
    """The year's pools, made from the pools of the latest earlier year (or, for a first year,
    from `templates` {kind: {field: value}}); with `keys`, only pools of those activities.
    Existing pools are left as they are. Returns the year's pools."""
    earlier = Pool.private_objects.filter(partnership=partnership, year__lt=year)
    latest = earlier.order_by("-year").values_list("year", flat=True).first()
    if latest is not None:
        templates = {
            pool.kind: {name: getattr(pool, name) for name in CARRIED_OVER}
            for pool in earlier.filter(year=latest)
        }
    templates = {
        kind: values
        for kind, values in (templates or {}).items()
        if keys is None or values["activity_key"] in keys
    }
    for kind, values in templates.items():
        pool, created = Pool.private_objects.get_or_create(
            partnership=partnership, year=year, kind=kind, defaults=values
        )
        if created:
            pool.full_clean()
            audit_record(
                user=user,
                obj=pool,
                action=AuditEntry.Action.CREATE,
                partnership=partnership,
                activity_key=pool.activity_key,
                code="pool.open",
            )
    return list(Pool.private_objects.filter(partnership=partnership, year=year).in_plan_order())


def pools_open_for_plan(plan, *, user, step=None) -> None:
    """When a year's plan is published, its pools open (registered on `plans.workflow.PLAN`).
    Only pools whose activity the plan funds that year are opened."""
    funded = {
        activity.key for activity in plan.activities.all() if plan.pool_allocation(activity.key) > 0
    }
    pools_create_year(partnership=plan.partnership, year=plan.year, keys=funded, user=user)
