"""The state of each scheduled job, so several job runners never run a job twice."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class JobState(models.Model):
    """One row per registered job (`operations.jobs`): when it last started and how it ended."""

    name = models.SlugField(_("job"), max_length=80, unique=True)
    started_at = models.DateTimeField(_("sidst startet"), null=True, blank=True)
    finished_at = models.DateTimeField(_("sidst afsluttet"), null=True, blank=True)
    succeeded = models.BooleanField(_("lykkedes"), null=True, blank=True)
    message = models.TextField(_("besked"), blank=True)

    class Meta:
        ordering = ["name"]
        verbose_name = _("planlagt job")
        verbose_name_plural = _("planlagte job")

    def __str__(self) -> str:
        return self.name
