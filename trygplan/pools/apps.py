from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PoolsConfig(AppConfig):
    name = "trygplan.pools"
    verbose_name = _("Puljer")

    def ready(self):
        from trygplan.plans import checks, services
        from trygplan.plans.models import Plan
        from trygplan.plans.workflow import PLAN

        from .plan_guard import check_pools_covered, refuse_below_commitments
        from .services import pools_open_for_plan

        # Publishing a year's plan opens that year's pools.
        PLAN.on_enter(Plan.Status.PUBLISHED, pools_open_for_plan)
        # No plan change leaves a pool with less than it has granted.
        if refuse_below_commitments not in services.BUDGET_GUARDS:
            services.BUDGET_GUARDS.append(refuse_below_commitments)
        if check_pools_covered not in checks.EXTRA_RULES:
            checks.EXTRA_RULES.append(check_pools_covered)
