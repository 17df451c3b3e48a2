"""Districts are data, not code: which districts a survey reports on, and how they are drawn.

The city's survey reports on 13 survey districts (Christianshavn, Kongens Enghave, Indre and
Ydre Nørrebro on their own), the map file `kk_bydele.geojson` has the 10 administrative
districts. Each survey district names the polygon it is drawn as (`map_name`); where several
districts share one polygon, a `MAP_REGION` domain (their union) is estimated like any other
domain and colours that polygon, so the map never shows one district's figure for another's
ground.
"""

from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from trygplan.partnerships.models import Partnership


class DistrictSet(models.Model):
    slug = models.SlugField(_("kort navn"), unique=True)
    name = models.CharField(_("navn"), max_length=200)
    description = models.TextField(_("beskrivelse"), blank=True)
    map_file = models.CharField(
        _("kortfil"),
        max_length=200,
        default="kk_bydele.geojson",
        help_text=_("GeoJSON-fil i trygplan/geodata med kortets polygoner."),
    )
    map_property = models.CharField(_("polygonernes navnefelt"), max_length=60, default="navn")

    class Meta:
        ordering = ["name"]
        verbose_name = _("bydelsinddeling")
        verbose_name_plural = _("bydelsinddelinger")

    def __str__(self) -> str:
        return self.name


class DomainQuerySet(models.QuerySet):
    def districts(self):
        return self.filter(kind=Domain.Kind.DISTRICT)

    def areas(self):
        return self.filter(kind=Domain.Kind.AREA)

    def reported(self):
        """What the multi-site has pages for (map regions only colour the map)."""
        return self.exclude(kind=Domain.Kind.MAP_REGION)


class Domain(models.Model):
    """A part of the city that estimates are made for."""

    class Kind(models.TextChoices):
        CITY = "city", _("Hele byen")
        DISTRICT = "district", _("Bydel")
        AREA = "area", _("Særmålingsområde")
        MAP_REGION = "map_region", _("Kortområde")

    district_set = models.ForeignKey(DistrictSet, on_delete=models.CASCADE, related_name="domains")
    kind = models.CharField(_("type"), max_length=12, choices=Kind.choices)
    slug = models.SlugField(_("kort navn"))
    name = models.CharField(_("navn"), max_length=200)
    aliases = models.JSONField(
        _("andre stavemåder"),
        default=list,
        blank=True,
        help_text=_("Værdier i datafilens stratumkolonne, der betyder denne bydel, fx “101”."),
    )
    parent = models.ForeignKey(
        "self",
        verbose_name=_("ligger i bydelen"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="children",
    )
    map_name = models.CharField(
        _("polygon på kortet"),
        max_length=200,
        blank=True,
        help_text=_("Navnet på den polygon i kortfilen, som bydelen tegnes som."),
    )
    partnership = models.ForeignKey(
        Partnership,
        verbose_name=_("partnerskab"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="survey_domains",
    )
    geometry = models.JSONField(_("omrids (GeoJSON)"), null=True, blank=True)
    geometry_source = models.CharField(_("kilde til omridset"), max_length=300, blank=True)
    order = models.PositiveSmallIntegerField(default=0)

    objects = DomainQuerySet.as_manager()

    class Meta:
        ordering = ["district_set", "order", "name"]
        verbose_name = _("område")
        verbose_name_plural = _("områder")
        constraints = [
            models.UniqueConstraint(fields=["district_set", "slug"], name="domain_slug_unique"),
            models.CheckConstraint(
                condition=Q(kind="area", parent__isnull=False) | ~Q(kind="area"),
                name="domain_area_lies_in_a_district",
            ),
        ]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        if self.kind == self.Kind.CITY:
            return reverse("surveys:city")
        return reverse("surveys:domain", args=[self.slug])

    @property
    def is_city(self) -> bool:
        return self.kind == self.Kind.CITY
