"""Who changed what, when, and why: one row per change to plans, money and decisions."""

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.utils.translation import gettext_lazy as _


class AuditEntryQuerySet(models.QuerySet):
    def for_activity(self, plan, key: str):
        return self.filter(plan=plan, activity_key=key)

    def newest_first(self):
        return self.order_by("-created_at", "-pk")


class AuditEntry(models.Model):
    class Action(models.TextChoices):
        CREATE = "create", _("Oprettet")
        UPDATE = "update", _("Ændret")
        DELETE = "delete", _("Slettet")
        TRANSITION = "transition", _("Status ændret")

    created_at = models.DateTimeField(_("tidspunkt"), auto_now_add=True, db_index=True)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("bruger"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    partnership = models.ForeignKey(
        "partnerships.Partnership",
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="+",
    )
    plan = models.ForeignKey(
        "plans.Plan", null=True, blank=True, on_delete=models.CASCADE, related_name="+"
    )
    # The activity's stable key, so its history can be followed on its page.
    activity_key = models.CharField(max_length=80, blank=True, db_index=True)
    content_type = models.ForeignKey(ContentType, on_delete=models.PROTECT, related_name="+")
    object_id = models.PositiveBigIntegerField()
    object_repr = models.CharField(_("hvad"), max_length=300)
    action = models.CharField(_("handling"), max_length=12, choices=Action.choices)
    # {"field label": ["old", "new"], ...}, values as a person reads them.
    changes = models.JSONField(_("ændringer"), default=dict, blank=True)
    reason = models.TextField(_("begrundelse"), blank=True)

    objects = AuditEntryQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("ændring")
        verbose_name_plural = _("ændringslog")

    def __str__(self) -> str:
        return f"{self.get_action_display()}: {self.object_repr}"
