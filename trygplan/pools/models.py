"""The partnership's pools: applications, decisions, grants, expenses and balances.

Money, defined once (`Pool.balance()`):
- allocation: read from the plan's budget, never typed twice (see `Pool.budget_plan`);
- committed: what open grants may still spend (their amounts minus their expenses);
- spent: the sum of all expenses of all grants (a refund is a negative expense);
- available = allocation - committed - spent.
Closing or cancelling a grant stops it committing money: its unspent rest is released.
Grants are made only through `services.grant_create`, which locks the pool row so two
people granting at the same moment cannot together take the pool below zero.

Contact details of applicants are erased a set time after the case closes
(`trygplan erase-expired-contacts`, settings.TRYGPLAN_POOLS_CONTACT_RETENTION_DAYS).
"""

import secrets
import uuid
from dataclasses import dataclass
from pathlib import PurePath

from django.conf import settings
from django.db import models
from django.db.models import OuterRef, Q, Subquery, Sum
from django.db.models.functions import Coalesce
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from trygplan.partnerships.models import Partnership
from trygplan.plans.models import BudgetLine, Plan, Result

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

    def balance(self) -> Balance:
        if hasattr(self, "money_spent"):  # PoolQuerySet.with_money()
            committed = self.money_open_granted - self.money_spent_open
            return Balance(allocation=self.allocation, committed=committed, spent=self.money_spent)
        grants = Grant.objects.filter(pool=self)
        open_amounts = grants.filter(status=Grant.Status.OPEN).aggregate(total=Sum("amount"))
        expenses = Expense.objects.filter(grant__pool=self)
        spent = expenses.aggregate(total=Sum("amount"))["total"] or 0
        spent_open = (
            expenses.filter(grant__status=Grant.Status.OPEN).aggregate(total=Sum("amount"))["total"]
            or 0
        )
        committed = (open_amounts["total"] or 0) - spent_open
        return Balance(allocation=self.allocation, committed=committed, spent=spent)

    @property
    def is_acute(self) -> bool:
        return self.kind == self.Kind.ACUTE


def _new_token() -> str:
    return secrets.token_urlsafe(32)


def private_file_path(instance, filename: str) -> str:
    """Attachments and receipts are stored under random names (never the uploader's name),
    and served only through views that check access."""
    suffix = PurePath(filename).suffix.lower()
    suffix = suffix if suffix in {".pdf", ".png", ".jpg", ".jpeg"} else ""
    return f"pools/private/{uuid.uuid4().hex}{suffix}"


class ApplicationQuerySet(models.QuerySet):
    def for_pool(self, pool):
        return self.filter(pool=pool)

    def with_totals(self):
        return self.annotate(requested=Sum("lines__amount"))

    def contacts_expired(self, before):
        """Closed cases whose contact details are still stored and were closed before `before`."""
        return self.filter(closed_at__lt=before, contacts_erased_at__isnull=True)


class Application(models.Model):
    """An application to a pool: from a resident through the public form, or typed by staff."""

    class Status(models.TextChoices):
        RECEIVED = "received", _("Modtaget")
        SCREENING = "screening", _("Under screening")
        MORE_INFO_REQUESTED = "more_info_requested", _("Flere oplysninger ønsket")
        ASSESSED = "assessed", _("Vurderet")
        RECOMMENDED = "recommended", _("Indstillet")
        GRANTED = "granted", _("Bevilget")
        REJECTED = "rejected", _("Afslået")
        WITHDRAWN = "withdrawn", _("Trukket tilbage")
        IN_PROGRESS = "in_progress", _("I gang")
        REPORTED = "reported", _("Afrapporteret")
        CLOSED = "closed", _("Afsluttet")

    # Statuses in which a case is over (contact details are erased some time after).
    FINAL = {Status.REJECTED, Status.WITHDRAWN, Status.CLOSED}
    # Statuses in which no decision on money has been made yet.
    UNDECIDED = {
        Status.RECEIVED,
        Status.SCREENING,
        Status.MORE_INFO_REQUESTED,
        Status.ASSESSED,
        Status.RECOMMENDED,
    }

    pool = models.ForeignKey(Pool, on_delete=models.CASCADE, related_name="applications")
    status = models.CharField(
        _("status"), max_length=20, choices=Status.choices, default=Status.RECEIVED
    )
    title = models.CharField(_("titel"), max_length=200)
    purpose = models.TextField(_("hvad vil I gøre?"))
    addresses = models.TextField(_("hvilken utryghed løser det?"))
    place = models.CharField(_("sted"), max_length=200, blank=True)
    latitude = models.FloatField(_("breddegrad"), null=True, blank=True)
    longitude = models.FloatField(_("længdegrad"), null=True, blank=True)
    start_date = models.DateField(_("startdato"), null=True, blank=True)
    end_date = models.DateField(_("slutdato"), null=True, blank=True)
    from_reference_group = models.BooleanField(_("søges via referencegruppen"), default=False)
    applicant_name = models.CharField(_("navn"), max_length=120, blank=True)
    applicant_email = models.EmailField(_("e-mail"), blank=True)
    applicant_phone = models.CharField(_("telefon"), max_length=30, blank=True)
    consent_at = models.DateTimeField(_("samtykke givet"), null=True, blank=True)
    token = models.CharField(max_length=64, unique=True, default=_new_token, editable=False)
    submission_key = models.UUIDField(unique=True, default=uuid.uuid4, editable=False)
    info_request = models.TextField(_("ønskede oplysninger"), blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("oprettet af"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    created_at = models.DateTimeField(_("modtaget"), auto_now_add=True)
    closed_at = models.DateTimeField(_("afsluttet"), null=True, blank=True)
    contacts_erased_at = models.DateTimeField(
        _("kontaktoplysninger slettet"), null=True, blank=True
    )
    is_invented = models.BooleanField(
        _("opdigtede demodata"), default=False, help_text=INVENTED_HELP
    )

    objects = ApplicationQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("ansøgning")
        verbose_name_plural = _("ansøgninger")
        constraints = [
            models.CheckConstraint(
                condition=Q(latitude__isnull=True, longitude__isnull=True)
                | Q(latitude__isnull=False, longitude__isnull=False),
                name="application_pin_has_both_coordinates",
            ),
            models.CheckConstraint(
                condition=Q(end_date__isnull=True)
                | Q(start_date__isnull=True)
                | Q(end_date__gte=models.F("start_date")),
                name="application_ends_after_start",
            ),
        ]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("pools:application", args=[self.pool.partnership.slug, self.pk])

    def get_applicant_url(self) -> str:
        return reverse("pools:applicant", args=[self.pool.partnership.slug, self.token])

    @property
    def requested_total(self) -> int:
        if hasattr(self, "requested"):
            return self.requested or 0
        return sum(line.amount for line in self.lines.all())

    @property
    def is_final(self) -> bool:
        return self.status in self.FINAL

    @property
    def awaits_applicant(self) -> bool:
        return self.status == self.Status.MORE_INFO_REQUESTED

    @property
    def has_contacts(self) -> bool:
        return self.contacts_erased_at is None


class ApplicationLine(models.Model):
    """One line of an application's budget: an item and its price in whole kroner."""

    application = models.ForeignKey(Application, on_delete=models.CASCADE, related_name="lines")
    order = models.PositiveSmallIntegerField(default=0)
    item = models.CharField(_("udgift"), max_length=200)
    amount = models.PositiveIntegerField(_("beløb (kr.)"))

    class Meta:
        ordering = ["order", "pk"]
        verbose_name = _("budgetlinje")
        verbose_name_plural = _("budgetlinjer")
        constraints = [
            models.CheckConstraint(condition=Q(amount__gt=0), name="application_line_positive")
        ]

    def __str__(self) -> str:
        return f"{self.item}: {self.amount} kr."


class Attachment(models.Model):
    """A PDF, JPEG or PNG sent with an application (type checked by content in the form)."""

    application = models.ForeignKey(
        Application, on_delete=models.CASCADE, related_name="attachments"
    )
    file = models.FileField(upload_to=private_file_path)
    original_name = models.CharField(_("filnavn"), max_length=200)
    content_type = models.CharField(max_length=40)
    size = models.PositiveIntegerField()
    uploaded_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["pk"]
        verbose_name = _("bilag")
        verbose_name_plural = _("bilag")

    def __str__(self) -> str:
        return self.original_name


class Transition(models.Model):
    """One step of an application's case: who, when, from what to what, and why."""

    application = models.ForeignKey(
        Application, on_delete=models.CASCADE, related_name="transitions"
    )
    from_status = models.CharField(max_length=20, choices=Application.Status.choices, blank=True)
    to_status = models.CharField(max_length=20, choices=Application.Status.choices)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("af"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Tom: ansøgeren selv."),
    )
    comment = models.TextField(_("kommentar"), blank=True)
    created_at = models.DateTimeField(_("tidspunkt"), auto_now_add=True)

    class Meta:
        ordering = ["created_at", "pk"]
        verbose_name = _("sagsskridt")
        verbose_name_plural = _("sagsskridt")

    def __str__(self) -> str:
        return f"{self.get_from_status_display()} → {self.get_to_status_display()}"


class GrantQuerySet(models.QuerySet):
    def open(self):
        return self.filter(status=Grant.Status.OPEN)

    def for_pool(self, pool):
        return self.filter(pool=pool)

    def awaiting_ratification(self):
        return self.filter(is_fast_track=True, ratified_at__isnull=True)

    def with_spent(self):
        return self.annotate(spent_total=Sum("expenses__amount"))


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
    granted_at = models.DateTimeField(_("bevilget"), auto_now_add=True)
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

    objects = GrantQuerySet.as_manager()

    class Meta:
        ordering = ["granted_at", "pk"]
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
    receipt = models.FileField(_("kvittering"), upload_to=private_file_path, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    is_invented = models.BooleanField(
        _("opdigtede demodata"), default=False, help_text=INVENTED_HELP
    )

    class Meta:
        ordering = ["date", "pk"]
        verbose_name = _("udgift")
        verbose_name_plural = _("udgifter")
        constraints = [
            models.CheckConstraint(condition=~Q(amount=0), name="expense_not_zero"),
        ]

    def __str__(self) -> str:
        return f"{self.supplier}: {self.amount} kr."

    @property
    def is_refund(self) -> bool:
        return self.amount < 0


class Recommendation(models.Model):
    """The working group's written recommendation to the steering group on one pool.

    Made at mid-year and at year-end; the figures come from the pool when the document is
    rendered, only the working group's proposal for the rest is stored.
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
