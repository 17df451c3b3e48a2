"""What the report asks the steering group to decide, and what it decided.

A `ReportRecommendation` is written by the coordinator or the working group while the round is
open (often from a partner's proposal or a pool's proposal for its rest). It may move money
between two overview rows (`move_amount` kroner from `move_from_key` to `move_to_key`, e.g. the
rest of the Akutpulje to the Byrumspulje). Once the report is sent, the steering group records
one decision on each: approved, rejected or changed (with a text, and for a changed money
move the amount it decided). A decision that moves money opens the matching amendment draft of
the year's plan (`amendment`), which links back to the decision (`reporting.links`).
"""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from trygplan.plans.models import Plan

from .rounds import INVENTED_HELP, ReportPart, ReportRound


class ReportRecommendation(models.Model):
    class Status(models.TextChoices):
        PROPOSED = "proposed", _("Til beslutning")
        APPROVED = "approved", _("Godkendt")
        REJECTED = "rejected", _("Afvist")
        CHANGED = "changed", _("Godkendt med ændringer")

    round = models.ForeignKey(ReportRound, on_delete=models.CASCADE, related_name="recommendations")
    order = models.PositiveSmallIntegerField(_("rækkefølge"), default=0)
    title = models.CharField(_("overskrift"), max_length=200)
    text = models.TextField(_("indstilling"))
    part = models.ForeignKey(
        ReportPart,
        verbose_name=_("bygger på delrapport"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    move_amount = models.BigIntegerField(_("flyt beløb (kr.)"), null=True, blank=True)
    move_from_key = models.SlugField(_("fra aktivitet"), max_length=80, blank=True)
    move_to_key = models.SlugField(_("til aktivitet"), max_length=80, blank=True)
    status = models.CharField(
        _("beslutning"), max_length=10, choices=Status.choices, default=Status.PROPOSED
    )
    decision_text = models.TextField(_("styregruppens beslutning"), blank=True)
    decided_amount = models.BigIntegerField(_("besluttet beløb (kr.)"), null=True, blank=True)
    decided_at = models.DateTimeField(_("besluttet"), null=True, blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    amendment = models.ForeignKey(
        Plan,
        verbose_name=_("tillæg"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Tillægget til årets plan, som beslutningen åbnede."),
    )
    created_at = models.DateTimeField(auto_now_add=True)
    is_invented = models.BooleanField(
        _("opdigtede demodata"), default=False, help_text=INVENTED_HELP
    )

    MONEY_FIELDS = ("move_amount", "decided_amount")
    # Private while the round is open; shown through the sent report.
    private_objects = models.Manager()

    class Meta:
        ordering = ["order", "pk"]
        base_manager_name = "private_objects"
        default_manager_name = "private_objects"
        verbose_name = _("indstilling til styregruppen")
        verbose_name_plural = _("indstillinger til styregruppen")
        constraints = [
            models.CheckConstraint(
                condition=Q(move_amount__isnull=True, move_from_key="", move_to_key="")
                | (
                    Q(move_amount__gt=0)
                    & ~Q(move_from_key="")
                    & ~Q(move_to_key="")
                    & ~Q(move_from_key=models.F("move_to_key"))
                ),
                name="recommendation_move_complete",
            ),
            models.CheckConstraint(
                condition=Q(decided_amount__isnull=True) | Q(decided_amount__gt=0),
                name="recommendation_decided_amount_positive",
            ),
        ]

    def __str__(self) -> str:
        return self.title

    @property
    def moves_money(self) -> bool:
        return self.move_amount is not None

    @property
    def is_decided(self) -> bool:
        return self.status != self.Status.PROPOSED

    def amount_to_move(self) -> int | None:
        """What the decision moves: the decided amount of a changed move, else the proposed."""
        if not self.moves_money or self.status == self.Status.REJECTED:
            return None
        return self.decided_amount or self.move_amount
