"""A pool of one partnership in one year, and its money (`Balance`)."""

import datetime
from dataclasses import dataclass

from django.db import models
from django.db.models import Exists, OuterRef, Q, Subquery, Sum
from django.db.models.functions import Coalesce
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from trygplan.partnerships.models import Partnership
from trygplan.plans.models import Plan

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

    def public(self):
        """Pools whose money a published plan states (`plans.history`): their year's plan is
        published, or the year has no plan of its own and a later published plan states it."""
        plans = Plan.private_objects.filter(partnership=OuterRef("partnership"))
        own = plans.filter(year=OuterRef("year"), status__in=["approved", "published"])
        later = plans.filter(
            year__gt=OuterRef("year"),
            status="published",
            activities__budget_lines__year=OuterRef("year"),
        )
        return self.filter(Exists(own.filter(status="published")) | (~Exists(own) & Exists(later)))

    def in_plan_order(self):
        """Newest year first; in a year, the pools in the plan's order (as Pool.Kind)."""
        order = models.Case(
            *[models.When(kind=kind, then=n) for n, kind in enumerate(Pool.Kind.values)]
        )
        return self.order_by("-year", order)

    def with_money(self):
        """Annotate what `balance()` needs, so a list of pools costs no query per pool for it
        (allocations: `with_allocations`)."""
        grants = self.model._meta.get_field("grants").related_model
        expenses = grants._meta.get_field("expenses").related_model

        def total(queryset, group):
            sums = queryset.order_by().values(group).annotate(total=Sum("amount")).values("total")
            return Coalesce(Subquery(sums), 0)

        open_grants = grants.private_objects.filter(pool=OuterRef("pk"), status="open")
        spent = expenses.private_objects.filter(grant__pool=OuterRef("pk"))
        return self.annotate(
            money_open_granted=total(open_grants, "pool"),
            money_spent=total(spent, "grant__pool"),
            money_spent_open=total(spent.filter(grant__status="open"), "grant__pool"),
        )


def with_allocations(pools: list) -> list:
    """Set each pool's allocation with one query per partnership and year, not per pool."""
    from trygplan.plans.history import approved_amounts

    by_partnership: dict[int, list] = {}
    for pool in pools:
        by_partnership.setdefault(pool.partnership_id, []).append(pool)
    for group in by_partnership.values():
        amounts = approved_amounts(group[0].partnership, {pool.year for pool in group})
        for pool in group:
            pool._allocation = amounts.get((pool.activity_key, pool.year), 0)
    return pools


class PublicPoolManager(models.Manager.from_queryset(PoolQuerySet)):
    def get_queryset(self):
        return super().get_queryset().public()


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

    MONEY_FIELDS = ("max_per_application", "fast_track_limit")

    private_objects = PoolQuerySet.as_manager()
    public_objects = PublicPoolManager()

    class Meta:
        ordering = ["partnership", "-year", "kind"]
        base_manager_name = "private_objects"
        default_manager_name = "private_objects"
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
        """The approved plan whose budget sets the allocation (`plans.history`): the newest
        approved version of the pool's own year's plan, never a draft and never another
        year's columns while that year has a plan. The allocation is never stored here."""
        from trygplan.plans.history import budget_source

        if not hasattr(self, "_budget_plan"):
            self._budget_plan = budget_source(self.partnership, self.year)
        return self._budget_plan

    @property
    def allocation(self) -> int:
        if not hasattr(self, "_allocation"):
            plan = self.budget_plan()
            self._allocation = plan.pool_allocation(self.activity_key, self.year) if plan else 0
        return self._allocation

    def balance(self, as_of: datetime.date | None = None) -> Balance:
        """The pool's money now or, with `as_of`, as it stood at the end of that day.

        As of a day, grants count by their decision date (`Grant.decided_on`) and expenses
        by their date; a grant closed or cancelled after that day still counted as open.
        """
        if as_of is None and hasattr(self, "money_spent"):  # PoolQuerySet.with_money()
            committed = self.money_open_granted - self.money_spent_open
            return Balance(allocation=self.allocation, committed=committed, spent=self.money_spent)
        grants = self.grants.all()
        expenses = grants.model._meta.get_field("expenses").related_model.private_objects.filter(
            grant__pool=self
        )
        if as_of is None:
            open_grants = grants.filter(status="open")
        else:
            grants = grants.filter(decided_on__lte=as_of)
            expenses = expenses.filter(date__lte=as_of)
            open_grants = grants.filter(Q(status="open") | Q(closed_at__date__gt=as_of))

        def total(queryset) -> int:
            return queryset.aggregate(total=Sum("amount"))["total"] or 0

        committed = total(open_grants) - total(expenses.filter(grant__in=open_grants))
        return Balance(allocation=self.allocation, committed=committed, spent=total(expenses))

    def default_day(self) -> datetime.date:
        """Today, or the last day of the pool's year once that year is over."""
        from django.utils import timezone

        return min(timezone.localdate(), datetime.date(self.year, 12, 31))

    @property
    def is_acute(self) -> bool:
        return self.kind == self.Kind.ACUTE
