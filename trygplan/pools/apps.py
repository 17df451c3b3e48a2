from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PoolsConfig(AppConfig):
    name = "trygplan.pools"
    verbose_name = _("Puljer")

    def ready(self):
        from trygplan.plans.models import Plan
        from trygplan.plans.workflow import PLAN

        from .services import pools_open_for_plan

        # Publishing a year's plan opens that year's pools.
        PLAN.on_enter(Plan.Status.PUBLISHED, pools_open_for_plan)
