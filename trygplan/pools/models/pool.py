"""A pool of one partnership in one year, and its money (`Balance`)."""

import datetime
from dataclasses import dataclass

from django.db import models
from django.db.models import OuterRef, Q, Subquery, Sum
from django.db.models.functions import Coalesce
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from trygplan.partnerships.models import Partnership
from trygplan.plans.models import BudgetLine, Plan

INVENTED_HELP = _("Vises med en mærkat.")


@dataclass(frozen=True)
class Balance:
    allocation: int
    committed: int
    spent: int

    @property
    def available(self) -> int:
        return self.allocation - self.committed - self.spent


class PoolQuerySet(models.QuerySet):
    def for_partnership(self, partnership):
        return self.filter(partnership=partnership)

    def in_plan_order(self):
        """Newest year first; in a year, the pools in the plan's order (as Pool.Kind)."""
        order = models.Case(
            *[models.When(kind=kind, then=n) for n, kind in enumerate(Pool.Kind.values)]
        )
        return self.order_by("-year", order)

    def with_money(self):
        """Annotate what `balance()` needs, so a list of pools costs no query per pool for it."""
        from .grant import Expense, Grant  # grant.py imports this module

        def total(queryset, group):
            sums = queryset.order_by().values(group).annotate(total=Sum("amount")).values("total")
            return Coalesce(Subquery(sums), 0)

        grants = Grant.objects.filter(pool=OuterRef("pk"), status=Grant.Status.OPEN)
        expenses = Expense.objects.filter(grant__pool=OuterRef("pk"))
        return self.annotate(
            money_open_granted=total(grants, "pool"),
            money_spent=total(expenses, "grant__pool"),
            money_spent_open=total(expenses.filter(grant__status=Grant.Status.OPEN), "grant__pool"),
        )

    def open_for_applications(self):
        return self.filter(accepts_applications=True)


class Pool(models.Model):
    """One pool of one partnership in one year, funded by one activity of the plan."""

    class Kind(models.TextChoices):
        URBAN_SPACE = "urban_space", _("Byrumspulje")
        ACUTE = "acute", _("Akutpulje")
        SAFETY_ACTIVITIES = "safety_activities", _("Pulje til tryghedsaktiviteter")

    partnership = models.ForeignKey(Partnership, on_delete=models.CASCADE, related_name="pools")
    year = models.PositiveSmallIntegerField(_("år"))
    kind = models.CharField(_("pulje"), max_length=20, choices=Kind.choices)
    activity_key = models.SlugField(
        _("aktivitet i planen"),
        max_length=80,
        help_text=_("Nøglen på den aktivitet i tryghedsplanen, hvis budget finansierer puljen."),
    )
    purpose = models.TextField(_("formål"))
    who_may_apply = models.TextField(_("hvem kan søge"))
    max_per_application = models.PositiveIntegerField(
        _("højst pr. ansøgning (kr.)"), null=True, blank=True
    )
    fast_track_limit = models.PositiveIntegerField(
        _("koordinatoren kan bevilge straks op til (kr.)"),
        null=True,
        blank=True,
        help_text=_("Kun akutpuljen. Bevillingen skal derefter godkendes af arbejdsgruppen."),
    )
    accepts_applications = models.BooleanField(_("modtager ansøgninger"), default=True)

    objects = PoolQuerySet.as_manager()

    class Meta:
        ordering = ["partnership", "-year", "kind"]
        verbose_name = _("pulje")
        verbose_name_plural = _("puljer")
        constraints = [
            models.UniqueConstraint(
                fields=["partnership", "year", "kind"], name="pool_one_per_kind_and_year"
            ),
            models.CheckConstraint(
                condition=Q(fast_track_limit__isnull=True) | Q(kind="acute"),
                name="pool_fast_track_only_acute",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} {self.year}"

    def get_absolute_url(self) -> str:
        return reverse("pools:pool", args=[self.partnership.slug, self.year, self.kind])

    def get_manage_url(self) -> str:
        return reverse("pools:manage", args=[self.partnership.slug, self.year, self.kind])

    def budget_plan(self) -> Plan | None:
        """The plan whose budget sets the allocation.

        The newest (year, amendment) approved or published plan with a budget line for the
        pool's year on the activity `activity_key`; if no such plan is approved yet, the
        newest plan of any status with such a line. Change that budget line and the pool
        follows: the allocation is never stored here.
        """
        plans = (
            Plan.private_objects.filter(
                partnership_id=self.partnership_id,
                activities__key=self.activity_key,
                activities__budget_lines__year=self.year,
            )
            .distinct()
            .order_by("-year", "-amendment")
        )
        final = plans.filter(status__in=[Plan.Status.APPROVED, Plan.Status.PUBLISHED]).first()
        return final or plans.first()

    @property
    def allocation(self) -> int:
        if not hasattr(self, "_allocation"):
            plan = self.budget_plan()
            total = None
            if plan is not None:
                total = BudgetLine.objects.filter(
                    activity__plan=plan,
                    activity__key=self.activity_key,
                    year=self.year,
                    source=BudgetLine.Source.PARTNERSHIP,
                ).aggregate(total=Sum("amount"))["total"]
            self._allocation = total or 0
        return self._allocation

    def balance(self, as_of: datetime.date | None = None) -> Balance:
        """The pool's money now or, with `as_of`, as it stood at the end of that day.

        As of a day, grants count by their decision date (`Grant.decided_on`) and expenses
        by their date; a grant closed or cancelled after that day still counted as open.
        """
        from .grant import Expense, Grant  # grant.py imports this module

        if as_of is None and hasattr(self, "money_spent"):  # PoolQuerySet.with_money()
            committed = self.money_open_granted - self.money_spent_open
            return Balance(allocation=self.allocation, committed=committed, spent=self.money_spent)
        grants = Grant.objects.filter(pool=self)
        expenses = Expense.objects.filter(grant__pool=self)
        if as_of is None:
            open_grants = grants.filter(status=Grant.Status.OPEN)
        else:
            grants = grants.filter(decided_on__lte=as_of)
            expenses = expenses.filter(date__lte=as_of)
            open_grants = grants.filter(Q(status=Grant.Status.OPEN) | Q(closed_at__date__gt=as_of))

        def total(queryset) -> int:
            return queryset.aggregate(total=Sum("amount"))["total"] or 0

        committed = total(open_grants) - total(expenses.filter(grant__in=open_grants))
        return Balance(allocation=self.allocation, committed=committed, spent=total(expenses))

    @property
    def is_acute(self) -> bool:
        return self.kind == self.Kind.ACUTE
