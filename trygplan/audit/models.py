"""Who changed what, when, and why: one row per change to plans, money and decisions.

An entry stores an action code (`plans.budget_line.update`, `pool.application.grant`) and the
raw values (`{"amount": [150000, 175000]}`); its text is rendered when read, in the reader's
language, with money as money (`audit.display`). Entries outlive what they describe: their
links to the partnership and plan are SET_NULL, and the object's id and name are kept.

Who may read an entry (`AuditEntryQuerySet.visible_to`):
- a city administrator: every entry;
- members of the entry's partnership: its entries of any scope;
- everybody else: only entries about plan content (`scope=plan`) of plan versions that are
  published, and never the names of the people who made them.
"""

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _


class AuditEntryQuerySet(models.QuerySet):
    def newest_first(self):
        return self.order_by("-created_at", "-pk")

    def public(self):
        """Plan content of published versions: what anybody may read."""
        return self.filter(scope=AuditEntry.Scope.PLAN, plan__status="published")

    def visible_to(self, user):
        from trygplan.partnerships.access import is_city_admin

        if is_city_admin(user):
            return self
        if not user.is_authenticated:
            return self.public()
        member_of = user.memberships.values("partnership")
        return self.filter(
            Q(partnership__in=member_of) | Q(scope=AuditEntry.Scope.PLAN, plan__status="published")
        )


class AuditEntry(models.Model):
    class Action(models.TextChoices):
        CREATE = "create", _("Oprettet")
        UPDATE = "update", _("Ændret")
        DELETE = "delete", _("Slettet")
        TRANSITION = "transition", _("Status ændret")

    class Scope(models.TextChoices):
        PLAN = "plan", _("Planens indhold")
        CASE = "case", _("Sagsbehandling")

    class Source(models.TextChoices):
        WEB = "web", _("Siderne")
        ADMIN = "admin", _("Django-admin")
        API = "api", _("API")
        COMMAND = "command", _("Kommando")

    created_at = models.DateTimeField(_("tidspunkt"), auto_now_add=True, db_index=True)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("bruger"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    # The person's name as it was, so the entry still says who after the account is gone.
    user_name = models.CharField(_("brugerens navn"), max_length=300, blank=True)
    partnership = models.ForeignKey(
        "partnerships.Partnership",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    plan = models.ForeignKey(
        "plans.Plan", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    # The activity's stable key, so its history can be followed on its page.
    activity_key = models.CharField(max_length=80, blank=True, db_index=True)
    content_type = models.ForeignKey(ContentType, on_delete=models.PROTECT, related_name="+")
    object_id = models.PositiveBigIntegerField()
    object_repr = models.CharField(_("hvad"), max_length=300)
    action = models.CharField(_("handling"), max_length=12, choices=Action.choices)
    # What happened, as a code: "<model or workflow>.<verb>", e.g. "plan.recommend".
    code = models.CharField(_("kode"), max_length=80, blank=True, db_index=True)
    # {"field name": [old, new], ...}: raw values (kroner as integers, dates as ISO text,
    # objects as {"id": .., "repr": ..}); `audit.display` renders them for the reader.
    changes = models.JSONField(_("ændringer"), default=dict, blank=True)
    reason = models.TextField(_("begrundelse"), blank=True)
    scope = models.CharField(
        _("omfang"), max_length=8, choices=Scope.choices, default=Scope.CASE, db_index=True
    )
    source = models.CharField(
        _("hvorfra"), max_length=8, choices=Source.choices, default=Source.WEB
    )

    objects = AuditEntryQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("ændring")
        verbose_name_plural = _("ændringslog")
        indexes = [
            models.Index(fields=["content_type", "object_id"], name="audit_subject_idx"),
        ]

    def __str__(self) -> str:
        return f"{self.get_action_display()}: {self.object_repr}"

    def readable_changes(self):
        from .display import readable_changes

        return readable_changes(self)

    @property
    def who(self) -> str:
        if self.user_id and self.user:
            return self.user.get_full_name() or self.user.username
        return self.user_name
