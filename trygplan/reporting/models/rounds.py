"""A report round and the partners' parts of it.

- `ReportRound`: the mid-year status (as of 30 June) or the annual report (the whole year,
  presented in May of the next year) of one plan. Open while the partners write their parts;
  sent to the steering group (frozen: `snapshot` holds the report as sent); closed once the
  steering group has decided on every recommendation.
- `ReportPart`: what one responsible partner reports for one described activity of the plan
  (a short status, deliverable figures, money spent so far, obstacles, proposals). The
  organisation's reporters (`followup.Reporter`) fill it in and submit it; the coordinator
  sends it back with a comment or accepts it. Accepting books its figures (`PartFigure`) as
  deliverable progress and its money (`PartSpending`) as `Spending`, so the status board and
  the budget are the one source of what was delivered and spent.
"""

import datetime

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from trygplan.partnerships.models import Organisation, Partnership
from trygplan.plans.models import Activity, ActivityDescription, BudgetLine, Deliverable, Plan

INVENTED_HELP = _("Vises med mærkaten “Opdigtede demodata”.")


class RoundQuerySet(models.QuerySet):
    def sent(self):
        return self.filter(status__in=[ReportRound.Status.SENT, ReportRound.Status.CLOSED])

    def for_partnership(self, partnership):
        return self.filter(partnership=partnership)


class SentRoundManager(models.Manager.from_queryset(RoundQuerySet)):
    def get_queryset(self):
        return super().get_queryset().sent()


class ReportRound(models.Model):
    class Kind(models.TextChoices):
        MIDYEAR = "midyear", _("Halvårsstatus")
        ANNUAL = "annual", _("Årsrapport")

    class Status(models.TextChoices):
        OPEN = "open", _("Åben for delrapporter")
        SENT = "sent", _("Sendt til styregruppen")
        CLOSED = "closed", _("Behandlet af styregruppen")

    partnership = models.ForeignKey(Partnership, on_delete=models.CASCADE, related_name="+")
    plan = models.ForeignKey(
        Plan,
        verbose_name=_("tryghedsplan"),
        on_delete=models.CASCADE,
        related_name="report_rounds",
        help_text=_("Den godkendte version af årets plan, som afrapporteringen følger."),
    )
    year = models.PositiveSmallIntegerField(_("år"))
    kind = models.CharField(_("afrapportering"), max_length=10, choices=Kind.choices)
    status = models.CharField(_("status"), max_length=10, choices=Status.choices, default="open")
    deadline = models.DateField(_("frist for delrapporterne"))
    meeting_on = models.DateField(_("styregruppemøde"), null=True, blank=True)
    summary = models.TextField(
        _("sammenfatning til styregruppen"),
        blank=True,
        help_text=_("Står først i rapporten og i beboerversionen."),
    )
    internal_note = models.TextField(
        _("interne noter"),
        blank=True,
        help_text=_("Kun for partnerskabet: kommer aldrig med i beboerversionen."),
    )
    # The report as it was sent ({"internal": ..., "public": ...}): every later page and file
    # of a sent report reads this, never the live data.
    snapshot = models.JSONField(null=True, blank=True, editable=False)
    sent_at = models.DateTimeField(_("sendt"), null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    is_invented = models.BooleanField(
        _("opdigtede demodata"), default=False, help_text=INVENTED_HELP
    )

    # An open round (its parts, notes, draft figures) is for the partnership only.
    private_objects = RoundQuerySet.as_manager()
    public_objects = SentRoundManager()

    class Meta:
        ordering = ["-year", "-kind"]
        base_manager_name = "private_objects"
        default_manager_name = "private_objects"
        verbose_name = _("afrapportering")
        verbose_name_plural = _("afrapporteringer")
        constraints = [
            models.UniqueConstraint(
                fields=["partnership", "year", "kind"], name="report_round_once_per_kind"
            )
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} {self.year}"

    def get_absolute_url(self) -> str:
        return reverse("reporting:round", args=[self.partnership.slug, self.year, self.kind])

    def get_public_url(self) -> str:
        return reverse("reporting:public", args=[self.partnership.slug, self.year, self.kind])

    @property
    def is_open(self) -> bool:
        return self.status == self.Status.OPEN

    @property
    def is_sent(self) -> bool:
        """Sent to the steering group (or closed): frozen, read-only everywhere."""
        return self.status in (self.Status.SENT, self.Status.CLOSED)

    @property
    def period_start(self) -> datetime.date:
        return datetime.date(self.year, 1, 1)

    @property
    def as_of(self) -> datetime.date:
        """The day the figures are made up to: 30 June, or 31 December for the annual."""
        if self.kind == self.Kind.MIDYEAR:
            return datetime.date(self.year, 6, 30)
        return datetime.date(self.year, 12, 31)

    def figures_day(self) -> datetime.date:
        """The as-of day, or today while that day has not come (preliminary figures)."""
        return min(self.as_of, timezone.localdate())

    @property
    def pool_period(self) -> str:
        """The pools' recommendation period with the same cut-off (`pools.Recommendation`)."""
        return "mid_year" if self.kind == self.Kind.MIDYEAR else "year_end"


class ReportPart(models.Model):
    """One responsible partner's part for one described activity (with its sub-activities)."""

    class Status(models.TextChoices):
        DRAFT = "draft", _("Afventer partneren")
        SUBMITTED = "submitted", _("Indsendt")
        ACCEPTED = "accepted", _("Godkendt")

    round = models.ForeignKey(ReportRound, on_delete=models.CASCADE, related_name="parts")
    description = models.ForeignKey(
        ActivityDescription,
        verbose_name=_("aktivitet"),
        on_delete=models.CASCADE,
        related_name="+",
    )
    organisation = models.ForeignKey(
        Organisation,
        verbose_name=_("afrapporteres af"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        help_text=_("Uden organisation skriver koordinatoren delrapporten."),
    )
    status = models.CharField(_("status"), max_length=10, choices=Status.choices, default="draft")
    status_text = models.TextField(
        _("kort status"),
        blank=True,
        help_text=_("Hvordan går aktiviteten? Står også i beboerversionen af rapporten."),
    )
    obstacles = models.TextField(_("udfordringer"), blank=True)
    proposals = models.TextField(_("forslag til styregruppen"), blank=True)
    comment = models.TextField(
        _("bemærkning til koordinatoren"),
        blank=True,
        help_text=_("Kun for partnerskabet; kommer ikke med i beboerversionen."),
    )
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    updated_at = models.DateTimeField(auto_now=True)
    is_invented = models.BooleanField(
        _("opdigtede demodata"), default=False, help_text=INVENTED_HELP
    )

    # Parts are never public: the report carries what may be shown.
    private_objects = models.Manager()

    TEXT_FIELDS = ("status_text", "obstacles", "proposals", "comment")

    class Meta:
        ordering = ["description__order", "pk"]
        base_manager_name = "private_objects"
        default_manager_name = "private_objects"
        verbose_name = _("delrapport")
        verbose_name_plural = _("delrapporter")
        constraints = [
            models.UniqueConstraint(fields=["round", "description"], name="report_part_once")
        ]

    def __str__(self) -> str:
        return f"{self.round}: {self.description.title}"

    def get_absolute_url(self) -> str:
        round_ = self.round
        return reverse(
            "reporting:part", args=[round_.partnership.slug, round_.year, round_.kind, self.pk]
        )

    @property
    def is_draft(self) -> bool:
        return self.status == self.Status.DRAFT

    @property
    def is_accepted(self) -> bool:
        return self.status == self.Status.ACCEPTED

    def activities(self):
        """The overview rows this part reports the money of (the description's rows)."""
        return Activity.objects.filter(plan=self.round.plan, description=self.description)

    def deliverables(self):
        """The typed deliverables the partner reports figures for: the description's and its
        sub-activities', except those counted from walks or events held."""
        return (
            Deliverable.objects.filter(
                Q(description=self.description) | Q(description__parent=self.description),
                quantity__isnull=False,
                counts_from="",
            )
            .select_related("description")
            .order_by("description__order", "order")
        )


class PartFigure(models.Model):
    """A partner's figure for one deliverable: what was delivered so far in the year."""

    part = models.ForeignKey(ReportPart, on_delete=models.CASCADE, related_name="figures")
    deliverable = models.ForeignKey(Deliverable, on_delete=models.CASCADE, related_name="+")
    count = models.PositiveIntegerField(_("leveret i alt indtil nu"))

    private_objects = models.Manager()

    class Meta:
        base_manager_name = "private_objects"
        default_manager_name = "private_objects"
        verbose_name = _("leverancetal")
        verbose_name_plural = _("leverancetal")
        constraints = [
            models.UniqueConstraint(fields=["part", "deliverable"], name="part_figure_once")
        ]

    def __str__(self) -> str:
        return f"{self.deliverable}: {self.count}"


class PartSpending(models.Model):
    """A partner's figure for one overview row: money spent so far in the year."""

    part = models.ForeignKey(ReportPart, on_delete=models.CASCADE, related_name="spending")
    activity = models.ForeignKey(Activity, on_delete=models.CASCADE, related_name="+")
    source = models.CharField(
        _("finansiering"),
        max_length=20,
        choices=BudgetLine.Source.choices,
        default=BudgetLine.Source.PARTNERSHIP,
    )
    amount = models.BigIntegerField(_("brugt i alt indtil nu (kr.)"))

    MONEY_FIELDS = ("amount",)
    private_objects = models.Manager()

    class Meta:
        base_manager_name = "private_objects"
        default_manager_name = "private_objects"
        verbose_name = _("forbrug i delrapport")
        verbose_name_plural = _("forbrug i delrapporter")
        constraints = [
            models.UniqueConstraint(
                fields=["part", "activity", "source"], name="part_spending_once"
            ),
            models.CheckConstraint(condition=Q(amount__gte=0), name="part_spending_not_negative"),
        ]

    def __str__(self) -> str:
        return f"{self.activity}: {self.amount} kr."
