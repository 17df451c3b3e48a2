from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class DocumentsConfig(AppConfig):
    name = "trygplan.documents"
    verbose_name = _("Dokumenter")

    def ready(self):
        from trygplan.plans.models import Plan
        from trygplan.plans.workflow import PLAN

        from .documents import plan_prepare_frozen

        # An approved plan version never changes: render its files once, right away.
        PLAN.on_enter(Plan.Status.APPROVED, plan_prepare_frozen)
