from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class OperationsConfig(AppConfig):
    """Running Trygplan: backup and restore, the scheduled jobs."""

    name = "trygplan.operations"
    verbose_name = _("Drift")
