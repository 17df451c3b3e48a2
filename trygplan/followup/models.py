"""Follow-up: is the plan carried out (deliverables, events), and is anyone better off (indicators)?

- `DeliverableProgress`: what an activity delivered on a date, counted against the plan's
  typed `plans.Deliverable` (the rules are in `status.py`).
- `Event`: a citizen-facing event with participants counted by rough group, never by name.
- `Indicator`: a population indicator or a performance measure for a result or an effect,
  with a baseline, `IndicatorTarget`s per year and `IndicatorValue`s per year.
- `Submission`: one partner organisation's figures for one year; values are only public
  once the coordinator has approved the submission (draft -> submitted -> approved -> locked).
- `Reporter`: which organisation a user reports for in a partnership (one per user and
  partnership: the simplest honest rule; the coordinator sets it up on the setup page).

Counts about young people are stored as aggregates only (no names, CPR numbers or free
text about persons) and shown through `trygplan.lib.small_numbers`.
"""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from trygplan.core.fields import PeopleCountField
from trygplan.core.uploads import RandomName, private_storage
from trygplan.lib.small_numbers import suppress_row
from trygplan.partnerships.models import Organisation, Partnership
from trygplan.plans.models import Deliverable, Effect, Result

INVENTED_HELP = _("Vises med mærkaten “Opdigtede demodata”.")


class Reporter(models.Model):
    """A user who reports figures for one organisation in one partnership."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="followup_reporters"
    )
    partnership = models.ForeignKey(Partnership, on_delete=models.CASCADE, related_name="+")
    organisation = models.ForeignKey(Organisation, on_delete=models.PROTECT, related_name="+")

    class Meta:
        verbose_name = _("indberetter")
        verbose_name_plural = _("indberettere")
        constraints = [
            models.UniqueConstraint(
                fields=["user", "partnership"], name="reporter_one_organisation_per_partnership"
            )
        ]

    def __str__(self) -> str:
        return f"{self.user} – {self.organisation.short_name}"


class DeliverableProgressQuerySet(models.QuerySet):
    def for_plan(self, plan):
        return self.filter(deliverable__description__plan=plan)


class DeliverableProgress(models.Model):
    """What was delivered on a date (an increment, not a running total)."""

    deliverable = models.ForeignKey(
        Deliverable, on_delete=models.CASCADE, related_name="progress_entries"
    )
    date = models.DateField(_("dato"))
    count = models.PositiveIntegerField(_("antal"))
    note = models.CharField(
        _("note"),
        max_length=300,
        blank=True,
        help_text=_("Ingen navne eller oplysninger om enkeltpersoner."),
    )
    evidence = models.FileField(
        _("dokumentation"),
        upload_to=RandomName("followup/evidence"),
        storage=private_storage,
        blank=True,
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    is_invented = models.BooleanField(
        _("opdigtede demodata"), default=False, help_text=INVENTED_HELP
    )

    objects = DeliverableProgressQuerySet.as_manager()

    class Meta:
        ordering = ["date", "pk"]
        verbose_name = _("fremdrift")
        verbose_name_plural = _("fremdrift")

    def __str__(self) -> str:
        return f"{self.deliverable.unit or self.deliverable.text[:40]}: {self.count} ({self.date})"


class EventQuerySet(models.QuerySet):
    def public(self):
        return self.filter(is_public=True)

    def coming(self, now):
        return self.filter(starts_at__gte=now).order_by("starts_at")


class PublicEventManager(models.Manager.from_queryset(EventQuerySet)):
    def get_queryset(self):
        return super().get_queryset().public()


class Event(models.Model):
    class Kind(models.TextChoices):
        URBANFESTIVAL = "urbanfestival", _("Urbanfestival")
        LYSFEST = "lysfest", _("Lysfest")
        SAFETY_WALK = "safety_walk", _("Tryghedsvandring")
        DIALOGUE = "dialogue", _("Dialogmøde")
        DEBATE = "debate", _("Debatmøde")
        OTHER = "other", _("Andet arrangement")

    partnership = models.ForeignKey(Partnership, on_delete=models.CASCADE, related_name="+")
    activity_key = models.SlugField(
        _("aktivitet (nøgle)"),
        max_length=80,
        blank=True,
        help_text=_("Tryghedsplanens aktivitet, fx dialog-og-kommunikation."),
    )
    kind = models.CharField(_("type"), max_length=20, choices=Kind.choices)
    title = models.CharField(_("titel"), max_length=200)
    starts_at = models.DateTimeField(_("starter"))
    ends_at = models.DateTimeField(_("slutter"), null=True, blank=True)
    place = models.CharField(_("sted"), max_length=200)
    organiser = models.ForeignKey(
        Organisation,
        verbose_name=_("arrangør"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    is_public = models.BooleanField(
        _("offentligt"), default=True, help_text=_("Vises i kalenderen for alle.")
    )
    story = models.TextField(
        _("kort historie til beboerbladet"),
        blank=True,
        help_text=_("Fortæl om arrangementet uden at nævne personer ved navn."),
    )
    is_invented = models.BooleanField(
        _("opdigtede demodata"), default=False, help_text=INVENTED_HELP
    )

    # Internal events (a working-group meeting) are members only.
    private_objects = EventQuerySet.as_manager()
    public_objects = PublicEventManager()

    class Meta:
        ordering = ["starts_at"]
        base_manager_name = "private_objects"
        default_manager_name = "private_objects"
        verbose_name = _("arrangement")
        verbose_name_plural = _("arrangementer")
        constraints = [
            models.CheckConstraint(
                condition=Q(ends_at__isnull=True) | Q(ends_at__gte=models.F("starts_at")),
                name="event_ends_after_start",
            )
        ]

    def __str__(self) -> str:
        return self.title

    @property
    def participants(self) -> int:
        """The exact total, for computing: pages show `attendance_shown()`."""
        return sum(int(row.count) for row in self.attendance.all())

    def attendance_shown(self) -> tuple[list[tuple[str, object]], object]:
        """([(group, count as it may be shown)], total as it may be shown): small counts
        hidden, and whatever would let a reader work them out from the total."""
        rows = list(self.attendance.all())
        safe = suppress_row([int(row.count) for row in rows])
        return [
            (row.get_group_display(), cell) for row, cell in zip(rows, safe.cells, strict=True)
        ], safe.total


class EventAttendance(models.Model):
    """Participants counted by rough group: never names."""

    class Group(models.TextChoices):
        CHILDREN = "children", _("Børn (0-12 år)")
        YOUNG = "young", _("Unge (13-17 år)")
        ADULTS = "adults", _("Voksne")
        SENIORS = "seniors", _("Ældre")
        STAFF = "staff", _("Medarbejdere og frivillige")

    event = models.ForeignKey(Event, on_delete=models.CASCADE, related_name="attendance")
    group = models.CharField(_("gruppe"), max_length=12, choices=Group.choices)
    count = PeopleCountField(_("antal"))

    class Meta:
        ordering = ["pk"]
        verbose_name = _("deltagere")
        verbose_name_plural = _("deltagere")
        constraints = [
            models.UniqueConstraint(fields=["event", "group"], name="attendance_group_once")
        ]

    def __str__(self) -> str:
        return f"{self.get_group_display()}: {self.count}"


class EventPhoto(models.Model):
    event = models.ForeignKey(Event, on_delete=models.CASCADE, related_name="photos")
    image = models.ImageField(
        _("billede"), upload_to=RandomName("followup/events"), storage=private_storage
    )
    caption = models.CharField(_("billedtekst"), max_length=200, blank=True)
    consent = models.BooleanField(
        _("de genkendelige på billedet har givet samtykke"), default=False
    )

    class Meta:
        verbose_name = _("billede")
        verbose_name_plural = _("billeder")

    def __str__(self) -> str:
        return self.caption or self.image.name


class Indicator(models.Model):
    class Kind(models.TextChoices):
        POPULATION = "population", _("Befolkningsindikator")
        PERFORMANCE = "performance", _("Præstationsmål")

    class Measure(models.TextChoices):
        HOW_MUCH = "how_much", _("Hvor meget gjorde vi?")
        HOW_WELL = "how_well", _("Hvor godt gjorde vi det?")
        BETTER_OFF = "better_off", _("Har nogen det bedre?")

    class Source(models.TextChoices):
        POLICE = "police", _("Politiet")
        SSP = "ssp", _("SSP")
        RESIDENT_SURVEY = "resident_survey", _("3B's beboerundersøgelse")
        SAFETY_SURVEY = "safety_survey", _("Københavns Kommunes tryghedsundersøgelse")
        PARTNERSHIP = "partnership", _("Partnerskabet selv")

    partnership = models.ForeignKey(Partnership, on_delete=models.CASCADE, related_name="+")
    key = models.SlugField(_("nøgle"), max_length=80)
    name = models.CharField(_("navn"), max_length=200)
    result = models.ForeignKey(
        Result,
        verbose_name=_("resultat"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="indicators",
    )
    effect = models.ForeignKey(
        Effect,
        verbose_name=_("effekt"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="indicators",
    )
    kind = models.CharField(_("type"), max_length=12, choices=Kind.choices)
    measure = models.CharField(_("spørgsmål"), max_length=12, choices=Measure.choices, blank=True)
    definition = models.TextField(_("definition"))
    source = models.CharField(_("kilde"), max_length=20, choices=Source.choices)
    reported_by = models.ForeignKey(
        Organisation,
        verbose_name=_("indberettes af"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    unit = models.CharField(_("enhed"), max_length=60)
    higher_is_better = models.BooleanField(_("højere er bedre"))
    counts_young_people = models.BooleanField(
        _("tæller unge"), default=False, help_text=_("Tal fra 1 til 4 vises som “<5”.")
    )
    baseline_value = models.DecimalField(
        _("basislinje"), max_digits=12, decimal_places=2, null=True, blank=True
    )
    baseline_label = models.CharField(_("basislinjens periode"), max_length=60, blank=True)
    baseline_source = models.CharField(
        _("kilde til basislinjen"),
        max_length=300,
        blank=True,
        help_text=_("Fx “Tryghedsplan 2016, s. 5: 3B's beboerundersøgelse 2010”."),
    )
    baseline_is_invented = models.BooleanField(_("basislinjen er opdigtet"), default=False)
    order = models.PositiveSmallIntegerField(default=0)
    is_invented = models.BooleanField(
        _("opdigtede demodata"), default=False, help_text=INVENTED_HELP
    )
    # Police and SSP figures are not typed in: a linked indicator reads its yearly values
    # from the statistics (trygplan.surveys.figures), as counts or as rates per 1.000.
    statistic_series = models.ForeignKey(
        "surveys.StatisticSeries",
        verbose_name=_("læses fra statistikserien"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="indicators",
        help_text=_("Værdierne hentes fra politiets eller SSP's tal og tastes ikke ind."),
    )
    statistic_per_1000 = models.BooleanField(_("som rate pr. 1.000 indbyggere"), default=False)

    class Meta:
        ordering = ["order", "name"]
        verbose_name = _("indikator")
        verbose_name_plural = _("indikatorer")
        constraints = [
            models.UniqueConstraint(fields=["partnership", "key"], name="indicator_key_unique"),
            models.CheckConstraint(
                condition=Q(result__isnull=True, effect__isnull=False)
                | Q(result__isnull=False, effect__isnull=True),
                name="indicator_result_or_effect",
            ),
            models.CheckConstraint(
                condition=Q(kind="population", measure="") | Q(kind="performance"),
                name="indicator_population_has_no_measure",
            ),
        ]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("followup:indicator", args=[self.partnership.slug, self.key])

    @property
    def type_label(self) -> str:
        """The members' words (Results-Based Accountability): "Præstationsmål: Hvor meget
        gjorde vi?"."""
        label = self.get_kind_display()
        return f"{label}: {self.get_measure_display()}" if self.measure else label

    @property
    def plain_type_label(self) -> str:
        """The same in plain Danish for the public pages."""
        if self.kind == self.Kind.POPULATION:
            return _("Udviklingen i området")
        plain = {
            self.Measure.HOW_MUCH: _("Partnerskabets indsats: hvor meget blev der gjort"),
            self.Measure.HOW_WELL: _("Partnerskabets indsats: hvor godt blev det gjort"),
            self.Measure.BETTER_OFF: _("Partnerskabets indsats: fik deltagerne det bedre"),
        }
        return plain.get(self.measure, _("Partnerskabets indsats"))

    @property
    def parent(self):
        return self.result or self.effect


class IndicatorTarget(models.Model):
    indicator = models.ForeignKey(Indicator, on_delete=models.CASCADE, related_name="targets")
    year = models.PositiveSmallIntegerField(_("år"))
    value = models.DecimalField(_("mål"), max_digits=12, decimal_places=2)

    class Meta:
        ordering = ["year"]
        verbose_name = _("mål")
        verbose_name_plural = _("mål")
        constraints = [
            models.UniqueConstraint(fields=["indicator", "year"], name="target_year_unique")
        ]

    def __str__(self) -> str:
        return f"{self.indicator}: {self.year}"


class SubmissionQuerySet(models.QuerySet):
    def approved(self):
        return self.filter(status__in=[Submission.Status.APPROVED, Submission.Status.LOCKED])


class ApprovedSubmissionManager(models.Manager.from_queryset(SubmissionQuerySet)):
    def get_queryset(self):
        return super().get_queryset().approved()


class Submission(models.Model):
    """One organisation's figures for one year (a DHIS2 data set for a period)."""

    class Status(models.TextChoices):
        DRAFT = "draft", _("Kladde")
        SUBMITTED = "submitted", _("Indsendt")
        APPROVED = "approved", _("Godkendt")
        LOCKED = "locked", _("Låst")

    partnership = models.ForeignKey(Partnership, on_delete=models.CASCADE, related_name="+")
    organisation = models.ForeignKey(
        Organisation, verbose_name=_("organisation"), on_delete=models.PROTECT, related_name="+"
    )
    year = models.PositiveSmallIntegerField(_("år"))
    status = models.CharField(
        _("status"), max_length=12, choices=Status.choices, default=Status.DRAFT
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    is_invented = models.BooleanField(
        _("opdigtede demodata"), default=False, help_text=INVENTED_HELP
    )

    # Figures are public only once the coordinator has approved them.
    private_objects = SubmissionQuerySet.as_manager()
    public_objects = ApprovedSubmissionManager()

    class Meta:
        ordering = ["-year", "organisation__name"]
        base_manager_name = "private_objects"
        default_manager_name = "private_objects"
        verbose_name = _("indberetning")
        verbose_name_plural = _("indberetninger")
        constraints = [
            models.UniqueConstraint(
                fields=["partnership", "organisation", "year"], name="submission_once_per_year"
            )
        ]

    def __str__(self) -> str:
        return f"{self.organisation.short_name} {self.year}"

    def get_absolute_url(self) -> str:
        return reverse("followup:submission", args=[self.partnership.slug, self.pk])

    @property
    def is_draft(self) -> bool:
        return self.status == self.Status.DRAFT

    @property
    def is_public(self) -> bool:
        return self.status in (self.Status.APPROVED, self.Status.LOCKED)


class IndicatorValueQuerySet(models.QuerySet):
    def approved(self):
        return self.filter(submission__status__in=["approved", "locked"])


class ApprovedValueManager(models.Manager.from_queryset(IndicatorValueQuerySet)):
    def get_queryset(self):
        return super().get_queryset().approved()


class IndicatorValue(models.Model):
    class Quality(models.TextChoices):
        PROVISIONAL = "provisional", _("Foreløbig")
        FINAL = "final", _("Endelig")

    submission = models.ForeignKey(Submission, on_delete=models.CASCADE, related_name="values")
    indicator = models.ForeignKey(Indicator, on_delete=models.CASCADE, related_name="values")
    value = models.DecimalField(_("værdi"), max_digits=12, decimal_places=2)
    quality = models.CharField(
        _("status"), max_length=12, choices=Quality.choices, default=Quality.PROVISIONAL
    )
    note = models.CharField(_("note"), max_length=300, blank=True)
    is_real = models.BooleanField(
        _("rigtigt tal fra kilden"), default=False, help_text=_("Fx fra tryghedsplanen.")
    )
    is_invented = models.BooleanField(
        _("opdigtede demodata"), default=False, help_text=INVENTED_HELP
    )

    private_objects = IndicatorValueQuerySet.as_manager()
    public_objects = ApprovedValueManager()

    class Meta:
        ordering = ["submission__year"]
        base_manager_name = "private_objects"
        default_manager_name = "private_objects"
        verbose_name = _("værdi")
        verbose_name_plural = _("værdier")
        constraints = [
            models.UniqueConstraint(
                fields=["submission", "indicator"], name="value_once_per_submission"
            ),
            models.CheckConstraint(condition=Q(value__gte=0), name="value_not_negative"),
            models.CheckConstraint(
                condition=~Q(is_real=True, is_invented=True), name="value_real_or_invented"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.indicator}: {self.value}"

    @property
    def is_final(self) -> bool:
        return self.quality == self.Quality.FINAL


class ChartNote(models.Model):
    """Something that happened in the area and explains a curve, written on every chart."""

    partnership = models.ForeignKey(Partnership, on_delete=models.CASCADE, related_name="+")
    year = models.PositiveSmallIntegerField(_("år"))
    text = models.CharField(_("tekst"), max_length=80)
    source = models.CharField(_("kilde"), max_length=300, blank=True)
    is_invented = models.BooleanField(
        _("opdigtede demodata"), default=False, help_text=INVENTED_HELP
    )

    class Meta:
        ordering = ["year", "pk"]
        verbose_name = _("note på grafer")
        verbose_name_plural = _("noter på grafer")

    def __str__(self) -> str:
        return f"{self.year}: {self.text}"
