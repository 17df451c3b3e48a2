from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ReportingConfig(AppConfig):
    name = "trygplan.reporting"
    verbose_name = _("Afrapportering")

    def ready(self):
        from trygplan.plans import related

        from .links import decision_links

        # The amendment a steering-group decision opened links back to the decision.
        if decision_links not in related.PLAN_LINKS:
            related.PLAN_LINKS.append(decision_links)
