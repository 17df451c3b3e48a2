"""A year of the city's safety survey: its questions, its (private) respondents and its
(published) estimates.

Respondent rows are microdata: `Respondent` and `SurveyUpload` have only `private_objects`,
no view, export or feed reads them, and they are not in the admin. Pages read `Estimate`
through `Estimate.public_objects` (published surveys only).
"""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from .geography import DistrictSet, Domain

INVENTED_HELP = _("Vises med mærkaten “Opdigtede demodata”.")


def min_n() -> int:
    """Estimates from fewer respondents are not shown (setting TRYGPLAN_SURVEY_MIN_N)."""
    return int(getattr(settings, "TRYGPLAN_SURVEY_MIN_N", 20))


def max_cv() -> float:
    """Estimates with a larger coefficient of variation are flagged as uncertain."""
    return float(getattr(settings, "TRYGPLAN_SURVEY_MAX_CV", 0.30))


class AnswerScale(models.Model):
    """An answer scale: its categories, the codes that mean "no answer", and its groupings.

    categories: [{"value": 1, "label": "Meget tryg"}, ...]
    missing:    [{"value": 8, "label": "Ved ikke"}]
    groups:     [{"key": "utryg", "label": "Utryg", "values": [4, 5]}, ...]
    """

    slug = models.SlugField(_("kort navn"), unique=True)
    name = models.CharField(_("navn"), max_length=200)
    categories = models.JSONField(_("svarkategorier"))
    missing = models.JSONField(_("koder for ubesvaret"), default=list, blank=True)
    groups = models.JSONField(_("grupperinger"), default=list, blank=True)
    has_mean = models.BooleanField(
        _("gennemsnit giver mening"), default=True, help_text=_("Fx på en skala fra 1 til 5.")
    )
    headline_group = models.CharField(
        _("gruppering på grafer og kort"),
        max_length=40,
        blank=True,
        help_text=_("Nøglen på den gruppering, multi-sitets grafer og kort viser, fx “utryg”."),
    )

    class Meta:
        ordering = ["name"]
        verbose_name = _("svarskala")
        verbose_name_plural = _("svarskalaer")

    def __str__(self) -> str:
        return self.name

    def clean(self):
        values = [row.get("value") for row in self.categories or []]
        if not values or not all(isinstance(value, int) for value in values):
            raise ValidationError(
                {"categories": _("Angiv mindst én svarkategori med en heltalskode.")}
            )
        missing = [row.get("value") for row in self.missing or []]
        if set(values) & set(missing):
            raise ValidationError({"missing": _("En kode kan ikke både være svar og ubesvaret.")})
        for group in self.groups or []:
            if not set(group.get("values", [])) <= set(values) or not group.get("key"):
                raise ValidationError(
                    {"groups": _("En gruppering må kun bestå af skalaens svarkategorier.")}
                )
        keys = [group.get("key") for group in self.groups or []]
        if self.headline_group and self.headline_group not in keys:
            raise ValidationError({"headline_group": _("Vælg en af skalaens grupperinger.")})

    @property
    def values(self) -> list[int]:
        return [row["value"] for row in self.categories]

    @property
    def missing_values(self) -> list[int]:
        return [row["value"] for row in self.missing]

    def label_of(self, statistic: str) -> str:
        for row in self.categories:
            if str(row["value"]) == statistic:
                return row["label"]
        for group in self.groups:
            if group["key"] == statistic:
                return group["label"]
        return str(_("Gennemsnit")) if statistic == "mean" else statistic

    def describe(self) -> str:
        """ "1 = Meget tryg … 5 = Meget utryg; 8 = Ved ikke (ubesvaret)"."""
        answers = ", ".join(f"{row['value']} = {row['label']}" for row in self.categories)
        missing = ", ".join(f"{row['value']} = {row['label']}" for row in self.missing)
        return f"{answers}; {missing} ({_('ubesvaret')})" if missing else answers


class SurveyQuerySet(models.QuerySet):
    def published(self):
        return self.filter(status=Survey.Status.PUBLISHED)


class PublicSurveyManager(models.Manager.from_queryset(SurveyQuerySet)):
    def get_queryset(self):
        return super().get_queryset().published()


class Survey(models.Model):
    class Status(models.TextChoices):
        DRAFT = "draft", _("Kladde")
        PUBLISHED = "published", _("Offentliggjort")

    year = models.PositiveSmallIntegerField(_("år"), unique=True)
    title = models.CharField(_("titel"), max_length=200)
    district_set = models.ForeignKey(
        DistrictSet, verbose_name=_("bydelsinddeling"), on_delete=models.PROTECT, related_name="+"
    )
    status = models.CharField(
        _("status"), max_length=12, choices=Status.choices, default=Status.DRAFT
    )
    collected_by = models.CharField(
        _("dataindsamling"), max_length=200, blank=True, default="Danmarks Statistik"
    )
    fieldwork = models.CharField(_("indsamlingsperiode"), max_length=100, blank=True)
    filename = models.CharField(_("datafil"), max_length=255, blank=True)
    weight_column = models.CharField(_("vægtkolonne"), max_length=100)
    stratum_column = models.CharField(_("stratumkolonne (bydel)"), max_length=100)
    area_column = models.CharField(_("særmålingskolonne"), max_length=100, blank=True)
    respondent_count = models.PositiveIntegerField(_("respondenter"), default=0)
    imported_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    imported_at = models.DateTimeField(_("indlæst"), auto_now_add=True)
    published_at = models.DateTimeField(_("offentliggjort"), null=True, blank=True)
    is_invented = models.BooleanField(
        _("opdigtede demodata"), default=False, help_text=INVENTED_HELP
    )

    public_objects = PublicSurveyManager()
    private_objects = SurveyQuerySet.as_manager()

    class Meta:
        ordering = ["year"]
        base_manager_name = "private_objects"
        default_manager_name = "private_objects"
        verbose_name = _("tryghedsundersøgelse")
        verbose_name_plural = _("tryghedsundersøgelser")

    def __str__(self) -> str:
        return self.title

    @property
    def is_published(self) -> bool:
        return self.status == self.Status.PUBLISHED


class Question(models.Model):
    survey = models.ForeignKey(Survey, on_delete=models.CASCADE, related_name="questions")
    key = models.SlugField(
        _("nøgle"),
        max_length=80,
        help_text=_("Den samme fra år til år, så udviklingen kan følges."),
    )
    column = models.CharField(_("kolonne i datafilen"), max_length=100)
    text = models.CharField(_("spørgsmål"), max_length=300)
    scale = models.ForeignKey(
        AnswerScale, verbose_name=_("svarskala"), on_delete=models.PROTECT, related_name="+"
    )
    headline = models.BooleanField(
        _("hovedtal"), default=False, help_text=_("Vises øverst på multi-sitet.")
    )
    order = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ["survey", "order", "pk"]
        verbose_name = _("spørgsmål")
        verbose_name_plural = _("spørgsmål")
        constraints = [
            models.UniqueConstraint(fields=["survey", "key"], name="question_key_unique"),
            models.UniqueConstraint(fields=["survey", "column"], name="question_column_unique"),
        ]

    def __str__(self) -> str:
        return self.text


class RespondentQuerySet(models.QuerySet):
    def for_survey(self, survey):
        return self.filter(survey=survey)


class Respondent(models.Model):
    """One respondent's answers: microdata. Never shown, exported or served; only the
    estimator reads them (`services.survey_estimate`). No public manager exists."""

    survey = models.ForeignKey(Survey, on_delete=models.CASCADE, related_name="+")
    row = models.PositiveIntegerField(_("række i datafilen"))
    weight = models.FloatField(_("vægt"))
    district = models.ForeignKey(Domain, on_delete=models.PROTECT, related_name="+")
    area = models.ForeignKey(
        Domain, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    answers = models.JSONField(_("svar"))  # {question key: answer code or None}

    private_objects = RespondentQuerySet.as_manager()

    class Meta:
        ordering = ["survey", "row"]
        base_manager_name = "private_objects"
        default_manager_name = "private_objects"
        verbose_name = _("respondent")
        verbose_name_plural = _("respondenter")
        constraints = [
            models.UniqueConstraint(fields=["survey", "row"], name="respondent_row_unique"),
            models.CheckConstraint(condition=Q(weight__gt=0), name="respondent_weight_positive"),
        ]

    def __str__(self) -> str:
        return f"{self.survey.year}: {_('respondent')} {self.row}"


class SurveyUpload(models.Model):
    """An uploaded data file between upload and mapping step (deleted once imported)."""

    content = models.BinaryField()
    filename = models.CharField(max_length=255)
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+"
    )
    uploaded_at = models.DateTimeField(auto_now_add=True)

    private_objects = models.Manager()

    class Meta:
        base_manager_name = "private_objects"
        default_manager_name = "private_objects"
        verbose_name = _("uploadet datafil")
        verbose_name_plural = _("uploadede datafiler")

    def __str__(self) -> str:
        return self.filename


class EstimateQuerySet(models.QuerySet):
    def for_domain(self, domain):
        return self.filter(domain=domain)

    def headline(self):
        return self.filter(question__headline=True)


class PublicEstimateManager(models.Manager.from_queryset(EstimateQuerySet)):
    def get_queryset(self):
        return super().get_queryset().filter(survey__status=Survey.Status.PUBLISHED)


class Estimate(models.Model):
    """A weighted share (of an answer category or a grouping) or mean, with its precision.

    `statistic` is the category's code ("1".."5"), a grouping's key ("tryg", "utryg") or
    "mean". Suppression (n below TRYGPLAN_SURVEY_MIN_N) and the uncertainty flag (CV above
    TRYGPLAN_SURVEY_MAX_CV) are read from the settings when shown, not stored.
    """

    survey = models.ForeignKey(Survey, on_delete=models.CASCADE, related_name="estimates")
    domain = models.ForeignKey(Domain, on_delete=models.PROTECT, related_name="+")
    question = models.ForeignKey(Question, on_delete=models.CASCADE, related_name="estimates")
    statistic = models.CharField(_("kategori"), max_length=40)
    is_mean = models.BooleanField(default=False)
    estimate = models.FloatField(_("estimat"), null=True)
    se = models.FloatField(_("standardfejl"), null=True)
    ci_low = models.FloatField(_("konfidensinterval, nedre"), null=True)
    ci_high = models.FloatField(_("konfidensinterval, øvre"), null=True)
    cv = models.FloatField(_("variationskoefficient"), null=True)
    n = models.PositiveIntegerField(_("antal svar (uvægtet)"))
    df = models.IntegerField(_("frihedsgrader"))
    single_strata = models.PositiveSmallIntegerField(
        _("strata med én respondent"),
        default=0,
        help_text=_("Bidrager ikke til variansen; standardfejlen kan være undervurderet."),
    )

    public_objects = PublicEstimateManager()
    private_objects = EstimateQuerySet.as_manager()

    class Meta:
        ordering = ["survey", "question", "domain", "pk"]
        base_manager_name = "private_objects"
        default_manager_name = "private_objects"
        verbose_name = _("estimat")
        verbose_name_plural = _("estimater")
        constraints = [
            models.UniqueConstraint(
                fields=["survey", "domain", "question", "statistic"], name="estimate_unique"
            )
        ]

    def __str__(self) -> str:
        return f"{self.survey.year} {self.domain} {self.question.key} {self.statistic}"

    @property
    def is_suppressed(self) -> bool:
        return self.n < min_n() or self.estimate is None

    @property
    def is_uncertain(self) -> bool:
        return not self.is_suppressed and self.cv is not None and self.cv > max_cv()
