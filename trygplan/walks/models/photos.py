"""Photos of findings, and later walks' re-ratings of earlier findings."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from trygplan.core.uploads import RandomName, private_storage

from .finding import Finding
from .walk import Walk


class FindingPhoto(models.Model):
    """A photo, resized and stripped of EXIF (including GPS) before it is stored."""

    class Kind(models.TextChoices):
        FINDING = "finding", _("Fra vandringen")
        BEFORE = "before", _("Før")
        AFTER = "after", _("Efter")

    finding = models.ForeignKey(Finding, on_delete=models.CASCADE, related_name="photos")
    # The follow-up step the photo documents (None: taken on the walk itself).
    step = models.ForeignKey(
        "workflows.Step", null=True, blank=True, on_delete=models.CASCADE, related_name="+"
    )
    kind = models.CharField(_("type"), max_length=10, choices=Kind.choices, default=Kind.FINDING)
    image = models.ImageField(
        _("foto"),
        upload_to=RandomName("walks"),
        storage=private_storage,
        width_field="width",
        height_field="height",
    )
    width = models.PositiveIntegerField(null=True, blank=True)
    height = models.PositiveIntegerField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    # A photo is as public as its finding: views reach it through `walks.access`.
    private_objects = models.Manager()

    class Meta:
        ordering = ["created_at", "pk"]
        base_manager_name = "private_objects"
        default_manager_name = "private_objects"
        verbose_name = _("foto")
        verbose_name_plural = _("fotos")

    def __str__(self) -> str:
        return f"{self.get_kind_display()}: {self.finding}"

    def get_absolute_url(self) -> str:
        return reverse("walks:photo", args=[self.finding.walk.partnership.slug, self.pk])


class ReRating(models.Model):
    """A later walk looks again at an earlier finding: fixed? does it feel safer (0–3)?"""

    class Fixed(models.TextChoices):
        YES = "yes", _("Ja")
        PARTLY = "partly", _("Delvist")
        NO = "no", _("Nej")

    finding = models.ForeignKey(Finding, on_delete=models.CASCADE, related_name="reratings")
    walk = models.ForeignKey(Walk, on_delete=models.CASCADE, related_name="reratings")
    fixed = models.CharField(_("udbedret?"), max_length=10, choices=Fixed.choices)
    feeling = models.PositiveSmallIntegerField(_("føles trygt (0–3)"))
    comment = models.CharField(_("kommentar"), max_length=300, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    is_invented = models.BooleanField(_("opdigtede demodata"), default=False)

    class Meta:
        ordering = ["walk__starts_at", "pk"]
        verbose_name = _("genvurdering")
        verbose_name_plural = _("genvurderinger")
        constraints = [
            models.UniqueConstraint(fields=["finding", "walk"], name="rerating_once_per_walk"),
            models.CheckConstraint(condition=Q(feeling__lte=3), name="rerating_feeling_0_3"),
        ]

    def __str__(self) -> str:
        return f"{self.finding}: {self.feeling}"

    @property
    def change(self) -> int | None:
        """Feeling now minus feeling when it was found (None if it was not scored then)."""
        if self.finding.score_feeling is None:
            return None
        return self.feeling - self.finding.score_feeling
