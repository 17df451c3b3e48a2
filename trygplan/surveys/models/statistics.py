"""Police and SSP figures: aggregates per period, never about a named person.

- `StatisticSeries`: one measure for one area (charges against under-18s, reported burglaries,
  SSP cases at level 2 ...), per quarter or per year, with where the figures are about
  (`geography`) and, where the police district is not the city's, what it covers
  (`geography_note`).
- `StatisticValue`: a figure for a period. Figures come provisional and become final; a
  change is a new row with the next `revision`, so every earlier figure is kept.
- `PopulationFigure`: residents on a date, for rates per 1.000 residents; a rate uses the
  newest figure dated on or before the period's first day (the population at its start).
"""

from datetime import date

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from trygplan.lib.small_numbers import is_small, small_label
from trygplan.partnerships.models import Partnership

INVENTED_HELP = _("Vises med mærkaten “Opdigtede demodata”.")


class PopulationFigure(models.Model):
    partnership = models.ForeignKey(Partnership, on_delete=models.CASCADE, related_name="+")
    group = models.CharField(
        _("befolkningsgruppe"),
        max_length=60,
        blank=True,
        help_text=_("Tom for alle indbyggere, ellers fx “under 18 år”."),
    )
    on = models.DateField(_("opgjort pr."))
    value = models.PositiveIntegerField(_("indbyggere"))
    source = models.CharField(_("kilde"), max_length=300, blank=True)
    is_invented = models.BooleanField(
        _("opdigtede demodata"), default=False, help_text=INVENTED_HELP
    )

    class Meta:
        ordering = ["partnership", "group", "on"]
        verbose_name = _("befolkningstal")
        verbose_name_plural = _("befolkningstal")
        constraints = [
            models.UniqueConstraint(
                fields=["partnership", "group", "on"], name="population_once_per_date"
            ),
            models.CheckConstraint(condition=Q(value__gt=0), name="population_positive"),
        ]

    def __str__(self) -> str:
        return f"{self.value} ({self.on:%d.%m.%Y})"


class StatisticSeries(models.Model):
    class Source(models.TextChoices):
        POLICE = "police", _("Københavns Politi")
        SSP = "ssp", _("SSP København")

    class Measure(models.TextChoices):
        CHARGES = "charges", _("Sigtelser")
        REPORTED = "reported", _("Anmeldte forbrydelser")
        SSP_CASES = "ssp_cases", _("SSP-enkeltsager")

    class Breakdown(models.TextChoices):
        AGE_BAND = "age_band", _("Aldersgruppe")
        CRIME_TYPE = "crime_type", _("Forbrydelsestype")
        SSP_LEVEL = "ssp_level", _("SSP-niveau")
        TOTAL = "total", _("I alt")

    class Period(models.TextChoices):
        QUARTER = "quarter", _("Kvartal")
        YEAR = "year", _("År")

    partnership = models.ForeignKey(
        Partnership, on_delete=models.CASCADE, related_name="statistic_series"
    )
    key = models.SlugField(_("nøgle"), max_length=80)
    name = models.CharField(_("navn"), max_length=200)
    source = models.CharField(_("kilde"), max_length=12, choices=Source.choices)
    measure = models.CharField(_("måling"), max_length=12, choices=Measure.choices)
    breakdown = models.CharField(_("opdeling"), max_length=12, choices=Breakdown.choices)
    category = models.CharField(
        _("kategori"), max_length=100, help_text=_("Fx “under 18 år”, “indbrud”, “niveau 2”.")
    )
    period = models.CharField(_("periode"), max_length=8, choices=Period.choices)
    geography = models.CharField(
        _("område"),
        max_length=300,
        help_text=_("Hvilket område tallene gælder, fx “Urbanplanen og Hørgården”."),
    )
    geography_note = models.CharField(
        _("note om politikredsen"),
        max_length=400,
        blank=True,
        help_text=_("Hvor politikredsens område ikke er kommunens, fx Tårnby og Dragør."),
    )
    population_group = models.CharField(
        _("rate pr. 1.000 af"),
        max_length=60,
        blank=True,
        help_text=_("Befolkningsgruppe for raten (tom: alle indbyggere)."),
    )
    counts_people = models.BooleanField(
        _("tæller personer"),
        default=True,
        help_text=_("Tal fra 1 til 4 vises som “<5” (sigtelser og SSP-sager)."),
    )
    order = models.PositiveSmallIntegerField(default=0)
    is_invented = models.BooleanField(
        _("opdigtede demodata"), default=False, help_text=INVENTED_HELP
    )

    class Meta:
        ordering = ["partnership", "order", "name"]
        verbose_name = _("statistikserie")
        verbose_name_plural = _("statistikserier")
        constraints = [
            models.UniqueConstraint(fields=["partnership", "key"], name="series_key_unique")
        ]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("surveys:series", args=[self.partnership.slug, self.key])


class StatisticValueQuerySet(models.QuerySet):
    def current(self):
        """The newest revision of each period's figure."""
        newer = StatisticValue.objects.filter(
            series=models.OuterRef("series"),
            year=models.OuterRef("year"),
            quarter=models.OuterRef("quarter"),
            revision__gt=models.OuterRef("revision"),
        )
        return self.filter(~models.Exists(newer))


class StatisticValue(models.Model):
    class Status(models.TextChoices):
        PROVISIONAL = "provisional", _("Foreløbig")
        FINAL = "final", _("Endelig")

    series = models.ForeignKey(StatisticSeries, on_delete=models.CASCADE, related_name="values")
    year = models.PositiveSmallIntegerField(_("år"))
    quarter = models.PositiveSmallIntegerField(
        _("kvartal"), default=0, help_text=_("1-4; 0 for et helt år.")
    )
    value = models.PositiveIntegerField(_("antal"))
    status = models.CharField(
        _("status"), max_length=12, choices=Status.choices, default=Status.PROVISIONAL
    )
    revision = models.PositiveSmallIntegerField(_("revision"), default=1)
    note = models.CharField(_("note"), max_length=300, blank=True)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    recorded_at = models.DateTimeField(_("registreret"), auto_now_add=True)
    is_invented = models.BooleanField(
        _("opdigtede demodata"), default=False, help_text=INVENTED_HELP
    )

    objects = StatisticValueQuerySet.as_manager()

    class Meta:
        ordering = ["series", "year", "quarter", "revision"]
        verbose_name = _("tal")
        verbose_name_plural = _("tal")
        constraints = [
            models.UniqueConstraint(
                fields=["series", "year", "quarter", "revision"], name="value_revision_unique"
            ),
            models.CheckConstraint(
                condition=Q(quarter__gte=0, quarter__lte=4), name="value_quarter_0_to_4"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.series}: {self.period_label} = {self.value}"

    @property
    def period_label(self) -> str:
        return f"{self.year}" if not self.quarter else f"{self.year} K{self.quarter}"

    @property
    def period_start(self) -> date:
        return date(self.year, 1 + 3 * (self.quarter - 1) if self.quarter else 1, 1)

    @property
    def is_final(self) -> bool:
        return self.status == self.Status.FINAL

    @property
    def shown(self) -> str:
        """The figure as it may be shown: "<5" for a small count of people."""
        if self.series.counts_people and is_small(self.value):
            return small_label()
        return str(self.value)
