"""The residents' magazine (beboerbladet): stories and the numbered issues that collect them.

- `Story`: a short text written from one source (an event, a safety walk or a fixed finding),
  with photos chosen from that source's photos that may be shown (`StoryPhoto`).
- `Issue`: "Beboerblad nr. 3, 2016": stories in order (`IssueStory`) and the partnership's
  news. A published issue counts toward the plan's deliverables that count the magazine
  (`plans.Deliverable.CountsFrom.MAGAZINE`), on its issue date.

Drafts are the working group's own: the public sees published issues (and their stories) only.
"""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from trygplan.partnerships.models import Partnership

INVENTED_HELP = _("Vises med mærkaten “Opdigtede demodata”.")


class Status(models.TextChoices):
    DRAFT = "draft", _("Kladde")
    PUBLISHED = "published", _("Udgivet")


class StoryQuerySet(models.QuerySet):
    def published(self):
        return self.filter(status=Status.PUBLISHED)


class PublishedStoryManager(models.Manager.from_queryset(StoryQuerySet)):
    def get_queryset(self):
        return super().get_queryset().published()


class Story(models.Model):
    class Source(models.TextChoices):
        EVENT = "event", _("Arrangement")
        WALK = "walk", _("Tryghedsvandring")
        FINDING = "finding", _("Udbedret fund")

    partnership = models.ForeignKey(Partnership, on_delete=models.CASCADE, related_name="+")
    event = models.ForeignKey(
        "followup.Event",
        verbose_name=_("arrangement"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="stories",
    )
    walk = models.ForeignKey(
        "walks.Walk",
        verbose_name=_("tryghedsvandring"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="stories",
    )
    finding = models.ForeignKey(
        "walks.Finding",
        verbose_name=_("fund"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="stories",
    )
    title = models.CharField(_("overskrift"), max_length=200)
    text = models.TextField(
        _("historie"), help_text=_("Fortæl uden at nævne beboere, børn eller unge ved navn.")
    )
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.DRAFT
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    is_invented = models.BooleanField(
        _("opdigtede demodata"), default=False, help_text=INVENTED_HELP
    )

    private_objects = StoryQuerySet.as_manager()
    public_objects = PublishedStoryManager()

    class Meta:
        ordering = ["-created_at", "-pk"]
        base_manager_name = "private_objects"
        default_manager_name = "private_objects"
        verbose_name = _("historie")
        verbose_name_plural = _("historier")
        constraints = [
            models.CheckConstraint(
                condition=(
                    Q(event__isnull=False, walk__isnull=True, finding__isnull=True)
                    | Q(event__isnull=True, walk__isnull=False, finding__isnull=True)
                    | Q(event__isnull=True, walk__isnull=True, finding__isnull=False)
                ),
                name="story_has_one_source",
            ),
            models.CheckConstraint(
                condition=Q(status__in=["draft", "published"]), name="story_status_valid"
            ),
        ]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("magazine:story_edit", args=[self.partnership.slug, self.pk])

    @property
    def is_published(self) -> bool:
        return self.status == Status.PUBLISHED

    @property
    def source_kind(self) -> str:
        if self.event_id:
            return self.Source.EVENT
        return self.Source.WALK if self.walk_id else self.Source.FINDING

    @property
    def source(self):
        return self.event or self.walk or self.finding

    def source_label(self) -> str:
        return f"{self.Source(self.source_kind).label}: {self.source}"


class StoryPhoto(models.Model):
    """A photo of the story's source that may be shown: an event photo the people on it
    consented to, or a photo of a public finding (a place; walkers photograph places)."""

    story = models.ForeignKey(Story, on_delete=models.CASCADE, related_name="photos")
    event_photo = models.ForeignKey(
        "followup.EventPhoto", null=True, blank=True, on_delete=models.CASCADE, related_name="+"
    )
    finding_photo = models.ForeignKey(
        "walks.FindingPhoto", null=True, blank=True, on_delete=models.CASCADE, related_name="+"
    )
    order = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ["order", "pk"]
        verbose_name = _("billede i historien")
        verbose_name_plural = _("billeder i historien")
        constraints = [
            models.CheckConstraint(
                condition=Q(event_photo__isnull=False, finding_photo__isnull=True)
                | Q(event_photo__isnull=True, finding_photo__isnull=False),
                name="story_photo_has_one_photo",
            )
        ]

    def __str__(self) -> str:
        return self.caption or str(self.pk)

    @property
    def photo(self):
        return self.event_photo or self.finding_photo

    @property
    def caption(self) -> str:
        if self.event_photo_id:
            return self.event_photo.caption
        return self.finding_photo.finding.place or str(self.finding_photo.finding)

    @property
    def may_be_shown(self) -> bool:
        """Checked again when shown: consent can be withdrawn, a finding made internal."""
        if self.event_photo_id:
            return self.event_photo.consent
        return self.finding_photo.finding.visibility == "public"


class IssueQuerySet(models.QuerySet):
    def published(self):
        return self.filter(status=Status.PUBLISHED)


class PublishedIssueManager(models.Manager.from_queryset(IssueQuerySet)):
    def get_queryset(self):
        return super().get_queryset().published()


class Issue(models.Model):
    partnership = models.ForeignKey(Partnership, on_delete=models.CASCADE, related_name="+")
    year = models.PositiveSmallIntegerField(_("år"))
    number = models.PositiveSmallIntegerField(_("nummer"))
    issue_date = models.DateField(
        _("udgivelsesdato"), help_text=_("Dagen bladet udkommer; den tæller på statustavlen.")
    )
    news = models.TextField(
        _("nyt fra partnerskabet"),
        blank=True,
        help_text=_("Kort nyt fra Amager Partnerskab: møder, puljer, kommende arrangementer."),
    )
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.DRAFT
    )
    stories = models.ManyToManyField(Story, through="IssueStory", related_name="issues")
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    is_invented = models.BooleanField(
        _("opdigtede demodata"), default=False, help_text=INVENTED_HELP
    )

    private_objects = IssueQuerySet.as_manager()
    public_objects = PublishedIssueManager()

    class Meta:
        ordering = ["-year", "-number"]
        base_manager_name = "private_objects"
        default_manager_name = "private_objects"
        verbose_name = _("beboerblad")
        verbose_name_plural = _("beboerblade")
        constraints = [
            models.UniqueConstraint(
                fields=["partnership", "year", "number"], name="issue_number_once_a_year"
            ),
            models.CheckConstraint(
                condition=Q(status__in=["draft", "published"]), name="issue_status_valid"
            ),
        ]

    def __str__(self) -> str:
        return str(
            _("Beboerblad nr. %(number)s, %(year)s") % {"number": self.number, "year": self.year}
        )

    def get_absolute_url(self) -> str:
        return reverse("magazine:issue", args=[self.partnership.slug, self.year, self.number])

    @property
    def is_published(self) -> bool:
        return self.status == Status.PUBLISHED

    def clean(self):
        from django.core.exceptions import ValidationError

        if self.issue_date and self.year and self.issue_date.year != self.year:
            raise ValidationError(
                {
                    "issue_date": _("Udgivelsesdatoen skal ligge i bladets år (%(year)s).")
                    % {"year": self.year}
                }
            )

    def ordered_stories(self) -> list[Story]:
        return [row.story for row in self.rows.all()]


class IssueStory(models.Model):
    issue = models.ForeignKey(Issue, on_delete=models.CASCADE, related_name="rows")
    story = models.ForeignKey(Story, on_delete=models.PROTECT, related_name="+")
    order = models.PositiveSmallIntegerField(_("placering"))

    class Meta:
        ordering = ["order", "pk"]
        verbose_name = _("historie i bladet")
        verbose_name_plural = _("historier i bladet")
        constraints = [models.UniqueConstraint(fields=["issue", "story"], name="issue_story_once")]

    def __str__(self) -> str:
        return f"{self.order}. {self.story}"
