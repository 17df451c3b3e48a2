"""Who may see a partnership's police-only findings."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from trygplan.partnerships.models import Partnership


class PoliceAccess(models.Model):
    """A user who may see the partnership's police-only findings (granted by a city admin)."""

    partnership = models.ForeignKey(
        Partnership, on_delete=models.CASCADE, related_name="police_access"
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="police_access"
    )

    class Meta:
        verbose_name = _("adgang til politiets fund")
        verbose_name_plural = _("adgange til politiets fund")
        constraints = [
            models.UniqueConstraint(fields=["partnership", "user"], name="police_access_unique")
        ]

    def __str__(self) -> str:
        return f"{self.user} ({self.partnership})"
