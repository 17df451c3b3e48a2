"""Grants, their expenses, and the working group's recommendations on a pool."""

import datetime

from django.conf import settings
from django.db import models
from django.db.models import Q, Sum
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from trygplan.core.uploads import private_storage
from trygplan.plans.models import Result

from .application import Application, private_file_path
from .pool import INVENTED_HELP, Pool


class GrantQuerySet(models.QuerySet):
    def open(self):
        return self.filter(status=Grant.Status.OPEN)

    def for_pool(self, pool):
        return self.filter(pool=pool)

    def public(self):
        """Grants in pools whose plan is published, not cancelled: the funded projects."""
        return self.filter(pool__in=Pool.public_objects.all()).exclude(status="cancelled")

    def with_spent(self, as_of: datetime.date | None = None):
        """Annotate what each grant has spent (up to the end of `as_of`, if given)."""
        only = Q(expenses__date__lte=as_of) if as_of else None
        return self.annotate(spent_total=Sum("expenses__amount", filter=only))

    def decided_by(self, as_of: datetime.date):
        return self.filter(decided_on__lte=as_of)


class PublicGrantManager(models.Manager.from_queryset(GrantQuerySet)):
    def get_queryset(self):
        return super().get_queryset().public()


class Grant(models.Model):
    """Money granted to an application. Made only by `services.grant_create`.

    The safety-walk module links a finding to the grant that fixes it
    (`walks.Finding.grant`), so no link to walks is kept here.
    """

    class Status(models.TextChoices):
        OPEN = "open", _("Åben")
        CLOSED = "closed", _("Afsluttet")
        CANCELLED = "cancelled", _("Annulleret")

    pool = models.ForeignKey(Pool, on_delete=models.CASCADE, related_name="grants")
    application = models.OneToOneField(Application, on_delete=models.CASCADE, related_name="grant")
    amount = models.PositiveIntegerField(_("bevilget beløb (kr.)"))
    reason = models.TextField(_("begrundelse"), blank=True)
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.OPEN
    )
    granted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    granted_at = models.DateTimeField(_("registreret"), auto_now_add=True)
    decided_on = models.DateField(
        _("beslutningsdato"),
        default=timezone.localdate,
        help_text=_(
            "Dagen, bevillingen blev besluttet. Afgør, i hvilken afrapportering den indgår."
        ),
    )
    is_fast_track = models.BooleanField(_("hastebevilling"), default=False)
    ratified_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    ratified_at = models.DateTimeField(_("godkendt af arbejdsgruppen"), null=True, blank=True)
    closed_at = models.DateTimeField(_("lukket"), null=True, blank=True)
    results = models.ManyToManyField(
        Result, blank=True, related_name="grants", verbose_name=_("bidrager til resultater")
    )
    is_invented = models.BooleanField(
        _("opdigtede demodata"), default=False, help_text=INVENTED_HELP
    )

    MONEY_FIELDS = ("amount",)

    private_objects = GrantQuerySet.as_manager()
    public_objects = PublicGrantManager()

    class Meta:
        ordering = ["decided_on", "granted_at", "pk"]
        base_manager_name = "private_objects"
        default_manager_name = "private_objects"
        verbose_name = _("bevilling")
        verbose_name_plural = _("bevillinger")
        constraints = [
            models.CheckConstraint(condition=Q(amount__gt=0), name="grant_amount_positive"),
            models.CheckConstraint(
                condition=Q(ratified_at__isnull=True) | Q(is_fast_track=True),
                name="grant_only_fast_track_is_ratified",
            ),
            models.CheckConstraint(
                condition=Q(status="open") | Q(closed_at__isnull=False),
                name="grant_closed_has_date",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.application.title}: {self.amount} kr."

    @property
    def awaits_ratification(self) -> bool:
        return self.is_fast_track and self.ratified_at is None

    @property
    def is_open(self) -> bool:
        return self.status == self.Status.OPEN

    def spent(self) -> int:
        if hasattr(self, "spent_total"):
            return self.spent_total or 0
        return self.expenses.aggregate(total=Sum("amount"))["total"] or 0

    def remaining(self) -> int:
        return self.amount - self.spent()


class Expense(models.Model):
    """Money spent from a grant. A refund is a negative expense."""

    grant = models.ForeignKey(Grant, on_delete=models.CASCADE, related_name="expenses")
    date = models.DateField(_("dato"))
    amount = models.IntegerField(_("beløb (kr.)"), help_text=_("Negativt ved tilbagebetaling."))
    supplier = models.CharField(_("leverandør"), max_length=200)
    note = models.TextField(_("note"), blank=True)
    receipt = models.FileField(
        _("kvittering"), upload_to=private_file_path, storage=private_storage, blank=True
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    is_invented = models.BooleanField(
        _("opdigtede demodata"), default=False, help_text=INVENTED_HELP
    )

    MONEY_FIELDS = ("amount",)

    private_objects = models.Manager()

    class Meta:
        ordering = ["date", "pk"]
        base_manager_name = "private_objects"
        default_manager_name = "private_objects"
        verbose_name = _("udgift")
        verbose_name_plural = _("udgifter")
        constraints = [
            models.CheckConstraint(condition=~Q(amount=0), name="expense_not_zero"),
        ]

    def __str__(self) -> str:
        return f"{self.supplier}: {self.amount} kr."


class Recommendation(models.Model):
    """The working group's written recommendation to the steering group on one pool.

    Made at mid-year and at year-end. The figures are computed from the pool as of the
    period's cut-off (`cut_off`: 30 June or 31 December of the pool's year, or today if that
    day has not come yet), so a report rendered later shows what the steering group was
    shown; only the working group's proposal for the rest is stored.
    """

    class Period(models.TextChoices):
        MID_YEAR = "mid_year", _("Halvårsafrapportering")
        YEAR_END = "year_end", _("Årsafrapportering")

    pool = models.ForeignKey(Pool, on_delete=models.CASCADE, related_name="recommendations")
    period = models.CharField(_("afrapportering"), max_length=10, choices=Period.choices)
    proposal = models.TextField(_("arbejdsgruppens forslag til resten af puljen"), blank=True)
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("indstilling")
        verbose_name_plural = _("indstillinger")
        constraints = [
            models.UniqueConstraint(fields=["pool", "period"], name="recommendation_one_per_period")
        ]

    def __str__(self) -> str:
        return f"{self.pool}: {self.get_period_display()}"

    @classmethod
    def cut_off(cls, year: int, period: str) -> datetime.date:
        """The last day whose grants and expenses a period's figures include."""
        if period == cls.Period.MID_YEAR:
            return datetime.date(year, 6, 30)
        return datetime.date(year, 12, 31)
