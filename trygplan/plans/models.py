"""The safety plan: theory of change, plans per year, activities, descriptions and money.

Two things in the seed are both called "aktivitet", and they are not one-to-one:
- `Activity` is a numbered row of the plan's overview table. It carries the money
  (`BudgetLine`), the focus areas, and the flags new / ended / co-financing.
- `ActivityDescription` is a described activity in the plan's text ("Aktivitet: ..."):
  purpose, target group, timeline, deliverables, results, who is responsible.
  One description may cover several rows (the pools describe rows 2-4), a row may have
  no description (row 13 ended in 2015), and a description may have sub-descriptions.
"""

from django.db import models
from django.db.models import Q, Sum
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from trygplan.partnerships.models import Organisation, Partnership


class Effect(models.Model):
    """One of the theory of change's end goals (more perceived safety, less crime)."""

    partnership = models.ForeignKey(Partnership, on_delete=models.CASCADE, related_name="effects")
    number = models.PositiveSmallIntegerField(_("nummer"))
    name = models.CharField(_("navn"), max_length=300)

    class Meta:
        ordering = ["number"]
        verbose_name = _("effekt")
        verbose_name_plural = _("effekter")
        constraints = [
            models.UniqueConstraint(fields=["partnership", "number"], name="effect_number_unique")
        ]

    def __str__(self) -> str:
        return self.name


class Result(models.Model):
    """An intermediate result (delresultat) of the theory of change."""

    partnership = models.ForeignKey(Partnership, on_delete=models.CASCADE, related_name="results")
    number = models.PositiveSmallIntegerField(_("nummer"))
    name = models.CharField(_("navn"), max_length=300)
    effects = models.ManyToManyField(Effect, related_name="results", verbose_name=_("effekter"))

    class Meta:
        ordering = ["number"]
        verbose_name = _("resultat")
        verbose_name_plural = _("resultater")
        constraints = [
            models.UniqueConstraint(fields=["partnership", "number"], name="result_number_unique")
        ]

    def __str__(self) -> str:
        return f"{self.number}. {self.name}"


class FocusArea(models.Model):
    """An indsatsområde, numbered as in the partnership agreement."""

    partnership = models.ForeignKey(
        Partnership, on_delete=models.CASCADE, related_name="focus_areas"
    )
    number = models.PositiveSmallIntegerField(_("nummer"))
    short_name = models.CharField(_("kort navn"), max_length=120)
    name = models.CharField(_("navn"), max_length=300)
    description = models.TextField(_("beskrivelse"), blank=True)

    class Meta:
        ordering = ["number"]
        verbose_name = _("indsatsområde")
        verbose_name_plural = _("indsatsområder")
        constraints = [
            models.UniqueConstraint(
                fields=["partnership", "number"], name="focus_area_number_unique"
            )
        ]

    def __str__(self) -> str:
        return f"{self.number}. {self.short_name}"


class PlanQuerySet(models.QuerySet):
    def published(self):
        return self.filter(status=Plan.Status.PUBLISHED)

    def for_partnership(self, partnership):
        return self.filter(partnership=partnership)

    def versions_of(self, year: int, amendment: int | None = None):
        """The year's versions, newest amendment first (or just the one asked for)."""
        plans = self.filter(year=year)
        if amendment is not None:
            plans = plans.filter(amendment=amendment)
        return plans.order_by("-amendment")


class PublishedPlanManager(models.Manager.from_queryset(PlanQuerySet)):
    def get_queryset(self):
        return super().get_queryset().published()


class Plan(models.Model):
    """A partnership's safety plan for one year (tryghedsplan).

    There is no `objects` manager: every query says whether it may see drafts
    (`private_objects`, for partnership members through `partnerships.access`)
    or only published plans (`public_objects`).
    """

    class Status(models.TextChoices):
        DRAFT = "draft", _("Kladde")
        RECOMMENDED = "recommended", _("Indstillet af arbejdsgruppen")
        DECIDED = "decided", _("Besluttet af styregruppen")
        APPROVED = "approved", _("Godkendt af Økonomiudvalget")
        PUBLISHED = "published", _("Offentliggjort")

    partnership = models.ForeignKey(Partnership, on_delete=models.CASCADE, related_name="plans")
    year = models.PositiveSmallIntegerField(_("år"))
    amendment = models.PositiveSmallIntegerField(
        _("tillæg nr."), default=0, help_text=_("0 er den oprindelige plan.")
    )
    title = models.CharField(_("titel"), max_length=300)
    status = models.CharField(
        _("status"), max_length=20, choices=Status.choices, default=Status.DRAFT
    )
    frame = models.BigIntegerField(
        _("ramme (kr.)"),
        null=True,
        blank=True,
        help_text=_("Partnerskabets egne midler i planens år."),
    )
    co_financing_required = models.BigIntegerField(
        _("krævet medfinansiering af helhedsplanen (kr.)"), default=0
    )
    introduction = models.TextField(_("indledning"), blank=True)
    theory_of_change_intro = models.TextField(_("indledning til forandringsteorien"), blank=True)
    overview_intro = models.TextField(_("tekst over oversigtstabellen"), blank=True)
    finance_committee_date = models.DateField(
        _("godkendt af Økonomiudvalget"), null=True, blank=True
    )
    finance_committee_ref = models.CharField(_("sagsnummer"), max_length=100, blank=True)
    is_invented = models.BooleanField(
        _("opdigtede demodata"),
        default=False,
        help_text=_("Demoens udkast: vises med mærkaten “Opdigtede demodata”."),
    )
    based_on = models.ForeignKey(
        "self",
        verbose_name=_("bygger på"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    # Shown as kroner in the history (`audit.display`).
    MONEY_FIELDS = ("frame", "co_financing_required")

    private_objects = PlanQuerySet.as_manager()
    public_objects = PublishedPlanManager()

    class Meta:
        ordering = ["partnership", "-year", "-amendment"]
        verbose_name = _("tryghedsplan")
        verbose_name_plural = _("tryghedsplaner")
        base_manager_name = "private_objects"
        default_manager_name = "private_objects"
        constraints = [
            models.UniqueConstraint(
                fields=["partnership", "year", "amendment"], name="plan_year_amendment_unique"
            ),
            models.CheckConstraint(condition=Q(frame__gte=0), name="plan_frame_not_negative"),
            models.CheckConstraint(
                condition=Q(co_financing_required__gte=0),
                name="plan_co_financing_not_negative",
            ),
        ]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("plans:overview", args=[self.partnership.slug, self.year])

    @property
    def is_draft(self) -> bool:
        return self.status == self.Status.DRAFT

    @property
    def is_public(self) -> bool:
        return self.status == self.Status.PUBLISHED

    @property
    def is_frozen(self) -> bool:
        """Approved or published: changes need an amendment (tillæg)."""
        return self.status in (self.Status.APPROVED, self.Status.PUBLISHED)

    @property
    def version_code(self) -> str:
        """ "2016" for the original plan, "2016-1" for amendment 1 (used in the diff's URL)."""
        return f"{self.year}-{self.amendment}" if self.amendment else str(self.year)

    def version_label(self) -> str:
        if self.amendment:
            return _("%(year)s, tillæg nr. %(n)s") % {"year": self.year, "n": self.amendment}
        return str(self.year)

    def get_version_url(self) -> str:
        """This exact version; the plain URL shows the newest version one may see."""
        return f"{self.get_absolute_url()}?tillaeg={self.amendment}"

    def pool_allocation(self, activity_key: str, year: int | None = None) -> int:
        """The partnership's own money this plan gives the activity in `year` (default: the
        plan's year)."""
        total = BudgetLine.private_objects.filter(
            activity__plan=self,
            activity__key=activity_key,
            year=year or self.year,
            source=BudgetLine.Source.PARTNERSHIP,
        ).aggregate(total=Sum("amount"))["total"]
        return total or 0

    def partnership_funds(self, year: int | None = None) -> int:
        """The partnership's own funds budgeted for `year` (default: the plan's year)."""
        total = BudgetLine.private_objects.filter(
            activity__plan=self,
            year=year or self.year,
            source=BudgetLine.Source.PARTNERSHIP,
        ).aggregate(total=Sum("amount"))["total"]
        return total or 0


class ActivityDescription(models.Model):
    """A described activity of the plan's text; see the module docstring."""

    # The free texts, which may hold "- " bullets and [^key] footnote references.
    TEXT_FIELDS = (
        "description",
        "target_group",
        "timeline",
        "measurements",
        "effect_text",
        "economy_text",
        "responsible_text",
    )

    plan = models.ForeignKey(Plan, on_delete=models.CASCADE, related_name="descriptions")
    key = models.SlugField(
        _("nøgle"), help_text=_("Følger aktiviteten fra år til år."), max_length=80
    )
    title = models.CharField(_("titel"), max_length=300)
    focus_area = models.ForeignKey(
        FocusArea,
        verbose_name=_("indsatsområde"),
        null=True,
        blank=True,
        # RESTRICT, not PROTECT: a focus area in use cannot be deleted, but deleting the
        # whole partnership (which cascades to both) can.
        on_delete=models.RESTRICT,
        related_name="descriptions",
    )
    parent = models.ForeignKey(
        "self",
        verbose_name=_("del af"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="children",
    )
    order = models.PositiveSmallIntegerField(_("rækkefølge"), default=0)
    description = models.TextField(_("beskrivelse"), blank=True)
    target_group = models.TextField(_("målgruppe"), blank=True)
    timeline = models.TextField(_("tidsplan"), blank=True)
    measurements = models.TextField(_("målinger"), blank=True)
    effect_text = models.TextField(_("effekt"), blank=True)
    economy_text = models.TextField(_("økonomi (tekst)"), blank=True)
    responsible_text = models.TextField(_("ansvarlig for implementering"), blank=True)
    results = models.ManyToManyField(
        Result, blank=True, related_name="descriptions", verbose_name=_("bidrager til resultater")
    )
    responsible_organisations = models.ManyToManyField(
        Organisation,
        blank=True,
        related_name="responsible_for",
        verbose_name=_("ansvarlige organisationer"),
    )

    class Meta:
        ordering = ["order"]
        verbose_name = _("aktivitetsbeskrivelse")
        verbose_name_plural = _("aktivitetsbeskrivelser")
        constraints = [
            models.UniqueConstraint(fields=["plan", "key"], name="description_key_unique")
        ]

    def __str__(self) -> str:
        return self.title


class Activity(models.Model):
    """A numbered row of the plan's overview table; see the module docstring."""

    plan = models.ForeignKey(Plan, on_delete=models.CASCADE, related_name="activities")
    key = models.SlugField(
        _("nøgle"), help_text=_("Følger aktiviteten fra år til år."), max_length=80
    )
    number = models.PositiveSmallIntegerField(_("nr."), null=True, blank=True)
    name = models.CharField(_("navn"), max_length=300)
    focus_areas = models.ManyToManyField(
        FocusArea, blank=True, related_name="activities", verbose_name=_("indsatsområder")
    )
    description = models.ForeignKey(
        ActivityDescription,
        verbose_name=_("beskrivelse"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="activities",
    )
    is_new = models.BooleanField(_("ny i planens år"), default=False)
    has_ended = models.BooleanField(_("afsluttet"), default=False)
    co_finances_housing_plan = models.BooleanField(_("medfinansierer helhedsplanen"), default=False)

    class Meta:
        ordering = ["number", "name"]
        verbose_name = _("aktivitet")
        verbose_name_plural = _("aktiviteter")
        constraints = [
            models.UniqueConstraint(fields=["plan", "key"], name="activity_key_unique"),
            models.UniqueConstraint(
                fields=["plan", "number"],
                condition=Q(number__isnull=False),
                name="activity_number_unique",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.number}. {self.name}" if self.number else self.name

    def get_absolute_url(self) -> str:
        return reverse(
            "plans:activity", args=[self.plan.partnership.slug, self.plan.year, self.key]
        )


class Deliverable(models.Model):
    """A leverance; optionally typed (quantity, unit, comparator, period) for follow-up.

    As the seed writes them: "Minimum 40 unge årligt" (at least 40 a year), "8 unge årligt"
    (exactly 8; more is met, and the extra shown), "1-2 årlige tryghedsvandringer" (between
    1 and 2: `quantity` is the least, `quantity_max` the most). What counts toward it is typed
    as progress entries, or counted from what is recorded elsewhere (`counts_from`): safety
    walks held, events of a kind held, or issues of the residents' magazine published, in the
    plan's year.
    """

    class Comparator(models.TextChoices):
        AT_LEAST = "at_least", _("mindst")
        EXACTLY = "exactly", _("præcis")
        AT_MOST = "at_most", _("højst")
        BETWEEN = "between", _("mellem")

    class CountsFrom(models.TextChoices):
        PROGRESS = "", _("Registreres på statustavlen")
        SAFETY_WALKS = "safety_walks", _("Gennemførte tryghedsvandringer")
        EVENTS = "events", _("Afholdte arrangementer")
        MAGAZINE = "magazine", _("Udgivne beboerblade")

    class Period(models.TextChoices):
        YEAR = "year", _("om året")
        HALF_YEAR = "half_year", _("pr. halvår")
        QUARTER = "quarter", _("pr. kvartal")
        MONTH = "month", _("om måneden")
        PLAN_PERIOD = "plan_period", _("i planperioden")

    description = models.ForeignKey(
        ActivityDescription, on_delete=models.CASCADE, related_name="deliverables"
    )
    order = models.PositiveSmallIntegerField(default=0)
    text = models.TextField(_("leverance"))
    quantity = models.PositiveIntegerField(_("antal"), null=True, blank=True)
    unit = models.CharField(_("enhed"), max_length=100, blank=True)
    quantity_max = models.PositiveIntegerField(_("højst (ved “mellem”)"), null=True, blank=True)
    comparator = models.CharField(_("krav"), max_length=10, choices=Comparator.choices, blank=True)
    period = models.CharField(_("periode"), max_length=12, choices=Period.choices, blank=True)
    counts_people = models.BooleanField(
        _("tæller personer"),
        default=False,
        help_text=_("Fx unge eller børn: tal fra 1 til 4 vises som “<5”."),
    )
    counts_from = models.CharField(
        _("tælles fra"), max_length=20, choices=CountsFrom.choices, blank=True, default=""
    )
    counts_event_kind = models.CharField(
        _("slags arrangement"),
        max_length=20,
        blank=True,
        help_text=_("Ved afholdte arrangementer: hvilken slags, fx Lysfest (tom: alle)."),
    )

    class Meta:
        ordering = ["order"]
        verbose_name = _("leverance")
        verbose_name_plural = _("leverancer")
        constraints = [
            models.CheckConstraint(
                condition=~Q(comparator="between")
                | Q(quantity_max__isnull=False, quantity__isnull=False),
                name="deliverable_between_has_both_ends",
            ),
            models.CheckConstraint(
                condition=Q(quantity_max__isnull=True) | Q(quantity_max__gte=models.F("quantity")),
                name="deliverable_range_in_order",
            ),
        ]

    def __str__(self) -> str:
        return self.text

    @property
    def is_typed(self) -> bool:
        return self.quantity is not None

    def target_text(self) -> str:
        """ "mindst 40 unge om året", "mellem 1 og 2 tryghedsvandringer om året"."""
        if not self.is_typed:
            return ""
        if self.comparator == self.Comparator.BETWEEN:
            amount = _("mellem %(low)s og %(high)s") % {
                "low": self.quantity,
                "high": self.quantity_max,
            }
        else:
            amount = f"{self.get_comparator_display()} {self.quantity}"
        return " ".join(part for part in [amount, self.unit, self.get_period_display()] if part)


class BudgetLineQuerySet(models.QuerySet):
    def public(self):
        return self.filter(activity__plan__status=Plan.Status.PUBLISHED)


class PublicBudgetLineManager(models.Manager.from_queryset(BudgetLineQuerySet)):
    def get_queryset(self):
        return super().get_queryset().public()


class BudgetLine(models.Model):
    """Money for one activity in one year from one source, in whole Danish kroner.

    No `objects` manager: a query says whether drafts' money may show (`private_objects`, for
    members through `plans.access`) or only published plans' (`public_objects`).
    """

    class Source(models.TextChoices):
        PARTNERSHIP = "partnership", _("Partnerskabsmidler")
        CO_FINANCING = "co_financing", _("Medfinansiering")
        EXTERNAL = "external", _("Ekstern finansiering")

    activity = models.ForeignKey(Activity, on_delete=models.CASCADE, related_name="budget_lines")
    year = models.PositiveSmallIntegerField(_("år"))
    amount = models.BigIntegerField(_("beløb (kr.)"))
    source = models.CharField(
        _("finansiering"), max_length=20, choices=Source.choices, default=Source.PARTNERSHIP
    )
    funder = models.ForeignKey(
        Organisation,
        verbose_name=_("finansieret af"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    label = models.CharField(_("tekst"), max_length=300)
    note = models.TextField(_("note"), blank=True)
    order = models.PositiveSmallIntegerField(default=0)

    MONEY_FIELDS = ("amount",)

    private_objects = BudgetLineQuerySet.as_manager()
    public_objects = PublicBudgetLineManager()

    class Meta:
        ordering = ["order", "year", "pk"]
        base_manager_name = "private_objects"
        default_manager_name = "private_objects"
        verbose_name = _("budgetlinje")
        verbose_name_plural = _("budgetlinjer")
        constraints = [
            models.CheckConstraint(condition=Q(amount__gte=0), name="budget_amount_not_negative"),
            models.CheckConstraint(
                condition=~Q(source="co_financing") | Q(funder__isnull=False),
                name="budget_co_financing_has_funder",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.label} {self.year}: {self.amount} kr."


class Footnote(models.Model):
    """A footnote written by hand. Two kinds:
    - on the overview table: `activity` (and `year` for an amount cell) is set;
    - in a text: `key` is set and texts refer to it as [^key].
    "Aktiviteten er ny i <år>" is never stored: the document adds it for new activities.
    """

    plan = models.ForeignKey(Plan, on_delete=models.CASCADE, related_name="footnotes")
    key = models.SlugField(_("nøgle"), max_length=80, blank=True)
    activity = models.ForeignKey(
        Activity, null=True, blank=True, on_delete=models.CASCADE, related_name="footnotes"
    )
    year = models.PositiveSmallIntegerField(_("år"), null=True, blank=True)
    text = models.TextField(_("tekst"))

    class Meta:
        ordering = ["pk"]
        verbose_name = _("fodnote")
        verbose_name_plural = _("fodnoter")
        constraints = [
            models.UniqueConstraint(
                fields=["plan", "key"], condition=~Q(key=""), name="footnote_key_unique"
            )
        ]

    def __str__(self) -> str:
        return self.text[:60]
