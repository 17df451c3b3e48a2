"""One record per step of any workflow: who moved what from which state to which, when and why.

Plans, pool applications and grants, findings, walks and follow-up submissions all move through
states declared in a `workflows.engine.Workflow`; the engine writes one `Step` (and one audit
entry) per transition. The step points at its subject through a generic relation, so every
workflow's timeline is read the same way (`Step.objects.for_object(obj)`).
"""

from django.conf import settings
from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class StepQuerySet(models.QuerySet):
    def for_object(self, obj):
        return self.filter(
            content_type=ContentType.objects.get_for_model(type(obj)), object_id=obj.pk
        )

    def for_workflow(self, name: str):
        return self.filter(workflow=name)


class Step(models.Model):
    content_type = models.ForeignKey(ContentType, on_delete=models.PROTECT, related_name="+")
    object_id = models.PositiveBigIntegerField()
    subject = GenericForeignKey("content_type", "object_id")
    workflow = models.CharField(_("sagsgang"), max_length=40)
    action = models.CharField(_("handling"), max_length=40)
    from_state = models.CharField(_("fra"), max_length=30, blank=True)
    to_state = models.CharField(_("til"), max_length=30)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("af"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    # When it happened: now, or the day the work was done when a person says so.
    at = models.DateTimeField(_("tidspunkt"), default=timezone.now, db_index=True)
    recorded_at = models.DateTimeField(_("registreret"), auto_now_add=True)
    comment = models.TextField(_("kommentar"), blank=True)
    is_invented = models.BooleanField(_("opdigtede demodata"), default=False)

    objects = StepQuerySet.as_manager()

    class Meta:
        ordering = ["at", "pk"]
        verbose_name = _("sagsskridt")
        verbose_name_plural = _("sagsskridt")
        indexes = [models.Index(fields=["content_type", "object_id"], name="step_subject_idx")]
        constraints = [
            models.CheckConstraint(
                condition=~models.Q(from_state=models.F("to_state")),
                name="step_changes_state",
            )
        ]

    def __str__(self) -> str:
        return f"{self.workflow}.{self.action}: {self.from_state or '–'} → {self.to_state}"

    @property
    def definition(self):
        from .engine import registry

        return registry.get(self.workflow)

    @property
    def from_label(self) -> str:
        return self.definition.state_label(self.from_state) if self.from_state else ""

    @property
    def to_label(self) -> str:
        return self.definition.state_label(self.to_state)

    @property
    def action_label(self) -> str:
        return self.definition.action_label(self.action)

    @property
    def is_start(self) -> bool:
        return not self.from_state
