"""A safety walk and who came (counted by group, never named)."""

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from trygplan.core.fields import PeopleCountField
from trygplan.lib.geo import in_denmark
from trygplan.lib.small_numbers import suppress
from trygplan.partnerships.models import Organisation, Partnership


class WalkQuerySet(models.QuerySet):
    def for_partnership(self, partnership):
        return self.filter(partnership=partnership)

    def newest_first(self):
        return self.order_by("-starts_at", "-pk")


class Walk(models.Model):
    class Light(models.TextChoices):
        DAYLIGHT = "daylight", _("Dagslys")
        DUSK = "dusk", _("Tusmørke")
        DARK = "dark", _("Mørke")

    class Season(models.TextChoices):
        SPRING = "spring", _("Forår")
        SUMMER = "summer", _("Sommer")
        AUTUMN = "autumn", _("Efterår")
        WINTER = "winter", _("Vinter")

    class Status(models.TextChoices):
        PLANNED = "planned", _("Planlagt")
        WALKED = "walked", _("Gennemført")
        PROTOCOL_SENT = "protocol_sent", _("Referat sendt")
        FOLLOW_UP_HELD = "follow_up_held", _("Opfølgningsmøde holdt")
        CANCELLED = "cancelled", _("Aflyst")

    class Kind(models.TextChoices):
        WALK = "walk", _("Tryghedsvandring")
        # One per partnership and year: where accepted residents' reports become findings
        # (trygplan.residents), so every finding still belongs to a walk.
        RESIDENT_REPORTS = "resident_reports", _("Beboernes meldinger")

    partnership = models.ForeignKey(Partnership, on_delete=models.CASCADE, related_name="walks")
    title = models.CharField(_("titel"), max_length=200)
    kind = models.CharField(_("slags"), max_length=20, choices=Kind.choices, default=Kind.WALK)
    starts_at = models.DateTimeField(_("dato og tidspunkt"))
    light = models.CharField(_("lys"), max_length=10, choices=Light.choices)
    season = models.CharField(_("årstid"), max_length=10, choices=Season.choices)
    theme = models.CharField(
        _("tema"), max_length=200, blank=True, help_text=_("Fx kvinder, ældre eller unge.")
    )
    meeting_point = models.CharField(_("mødested"), max_length=200, blank=True)
    # GeoJSON LineString geometry (longitude first), or empty when no route was drawn.
    route = models.JSONField(_("rute"), null=True, blank=True)
    pre_meeting_notes = models.TextField(_("noter fra formødet"), blank=True)
    closing_meeting_notes = models.TextField(_("noter fra det afsluttende møde"), blank=True)
    status = models.CharField(
        _("status"), max_length=20, choices=Status.choices, default=Status.PLANNED
    )
    is_invented = models.BooleanField(_("opdigtede demodata"), default=False)
    created_at = models.DateTimeField(auto_now_add=True)

    # Walks are the partnership's own (members only); the public sees public findings.
    private_objects = WalkQuerySet.as_manager()

    class Meta:
        ordering = ["-starts_at", "-pk"]
        base_manager_name = "private_objects"
        default_manager_name = "private_objects"
        verbose_name = _("tryghedsvandring")
        verbose_name_plural = _("tryghedsvandringer")
        constraints = [
            models.CheckConstraint(
                condition=Q(
                    status__in=["planned", "walked", "protocol_sent", "follow_up_held", "cancelled"]
                ),
                name="walk_status_valid",
            ),
            models.CheckConstraint(
                condition=Q(light__in=["daylight", "dusk", "dark"]), name="walk_light_valid"
            ),
            models.UniqueConstraint(
                fields=["partnership", "starts_at"],
                condition=Q(kind="resident_reports"),
                name="walk_one_resident_reports_per_year",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.title} ({timezone.localtime(self.starts_at):%d.%m.%Y})"

    def get_absolute_url(self) -> str:
        return reverse("walks:walk_detail", args=[self.partnership.slug, self.pk])

    def clean(self):
        if self.route:
            points = self.route.get("coordinates") or []
            if self.route.get("type") != "LineString" or len(points) < 2:
                raise ValidationError({"route": _("En rute skal have mindst to punkter.")})
            if not all(in_denmark(lon, lat) for lon, lat in points):
                raise ValidationError({"route": _("Ruten skal ligge i Danmark.")})

    @property
    def date(self):
        return timezone.localdate(self.starts_at)

    @property
    def is_resident_reports(self) -> bool:
        return self.kind == self.Kind.RESIDENT_REPORTS

    @property
    def route_points(self) -> list:
        return (self.route or {}).get("coordinates") or []

    def participant_total(self):
        """All who came, as it may be shown (a small total is "<5")."""
        return suppress(sum(int(p.count) for p in self.participants.all()))


class Participants(models.Model):
    """How many came from an organisation or group. Counts only: no names of residents."""

    class Group(models.TextChoices):
        RESIDENTS = "residents", _("Beboere")
        HOUSING_STAFF = "housing_staff", _("Boligorganisationens personale")
        MUNICIPAL_STAFF = "municipal_staff", _("Kommunale medarbejdere")
        POLICE = "police", _("Politi")
        SSP = "ssp", _("SSP")
        VOLUNTEERS = "volunteers", _("Frivillige")
        OTHER = "other", _("Andre")

    walk = models.ForeignKey(Walk, on_delete=models.CASCADE, related_name="participants")
    group = models.CharField(_("gruppe"), max_length=20, choices=Group.choices)
    organisation = models.ForeignKey(
        Organisation,
        verbose_name=_("organisation"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    count = PeopleCountField(_("antal"))

    class Meta:
        ordering = ["group", "pk"]
        verbose_name = _("deltagere")
        verbose_name_plural = _("deltagere")
        constraints = [
            models.CheckConstraint(condition=Q(count__gte=1), name="participants_count_positive"),
            models.UniqueConstraint(
                fields=["walk", "group", "organisation"],
                condition=Q(organisation__isnull=False),
                name="participants_unique_per_organisation",
            ),
            models.UniqueConstraint(
                fields=["walk", "group"],
                condition=Q(organisation__isnull=True),
                name="participants_unique_per_group",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.label}: {self.count}"

    @property
    def label(self) -> str:
        if self.organisation_id:
            return f"{self.get_group_display()} – {self.organisation.short_name}"
        return self.get_group_display()
