"""Money spent per activity and period, beside the plan's budget per activity and year.

A `Spending` row says that `amount` kroner of one source were spent on one overview row
(`activity_key`, as activities are followed across plan versions) between `date_from` and
`date_to`, both inside the year. A report as of a day counts the rows that end by that day.
Rows come from an accepted report part (the partner's "spent so far", booked as what is new
since the last booking) or are booked by the coordinator. The pools' own activities are not
booked here: their spending is their expenses (`pools.Expense`).
"""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q, Sum
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from trygplan.partnerships.models import Partnership
from trygplan.plans.models import BudgetLine

from .rounds import INVENTED_HELP, ReportPart, ReportRound


class SpendingQuerySet(models.QuerySet):
    def for_year(self, partnership, year: int):
        return self.filter(partnership=partnership, year=year)

    def up_to(self, day):
        """The rows whose period has ended by `day` (inclusive)."""
        return self.filter(date_to__lte=day)

    def totals(self) -> dict[tuple[str, str], int]:
        """{(activity key, source): kroner}."""
        rows = self.order_by().values("activity_key", "source").annotate(total=Sum("amount"))
        return {(row["activity_key"], row["source"]): row["total"] for row in rows}


class Spending(models.Model):
    partnership = models.ForeignKey(Partnership, on_delete=models.CASCADE, related_name="+")
    year = models.PositiveSmallIntegerField(gettext_lazy("år"))
    activity_key = models.SlugField(gettext_lazy("aktivitet (nøgle)"), max_length=80)
    source = models.CharField(
        gettext_lazy("finansiering"),
        max_length=20,
        choices=BudgetLine.Source.choices,
        default=BudgetLine.Source.PARTNERSHIP,
    )
    date_from = models.DateField(gettext_lazy("fra"))
    date_to = models.DateField(gettext_lazy("til og med"))
    amount = models.BigIntegerField(gettext_lazy("beløb (kr.)"))
    note = models.CharField(gettext_lazy("note"), max_length=300, blank=True)
    part = models.ForeignKey(
        ReportPart,
        verbose_name=gettext_lazy("fra delrapport"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="bookings",
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    is_invented = models.BooleanField(
        gettext_lazy("opdigtede demodata"), default=False, help_text=INVENTED_HELP
    )

    MONEY_FIELDS = ("amount",)
    objects = SpendingQuerySet.as_manager()

    class Meta:
        ordering = ["year", "activity_key", "date_from", "pk"]
        verbose_name = gettext_lazy("forbrug")
        verbose_name_plural = gettext_lazy("forbrug")
        constraints = [
            models.CheckConstraint(condition=Q(amount__gte=0), name="spending_not_negative"),
            models.CheckConstraint(
                condition=Q(date_to__gte=models.F("date_from")), name="spending_period_in_order"
            ),
        ]
        indexes = [models.Index(fields=["partnership", "year", "activity_key"])]

    def __str__(self) -> str:
        return f"{self.activity_key} {self.date_from}–{self.date_to}: {self.amount} kr."

    def sent_report(self) -> ReportRound | None:
        """A report sent to the steering group whose figures include this row (it ends by
        that report's day): the row is then part of what was sent and stays as it is."""
        for round_ in ReportRound.public_objects.filter(
            partnership_id=self.partnership_id, year=self.year
        ):
            if self.date_to <= round_.as_of:
                return round_
        return None

    def clean(self):
        errors = {}
        for name in ("date_from", "date_to"):
            day = getattr(self, name)
            if day is not None and self.year and day.year != self.year:
                errors[name] = _("Datoen skal ligge i %(year)s, planens år.") % {"year": self.year}
        if self.date_from and self.date_to and self.date_to < self.date_from and not errors:
            errors["date_to"] = _("Perioden kan ikke slutte, før den begynder.")
        if errors:
            raise ValidationError(errors)
