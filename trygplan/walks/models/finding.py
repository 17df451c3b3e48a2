"""A finding: a pin from a walk, followed up until it is fixed (workflow in
`walks.workflow.FINDING`)."""

import uuid

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext_lazy as _

from trygplan.lib.geo import DENMARK_BOUNDS, contains, in_denmark
from trygplan.partnerships.models import Organisation

from ..presentation import GOOD_PLACE_COLOUR, GOOD_PLACE_LETTER, STATUS_COLOURS, STATUS_LETTERS
from .walk import Walk


class Category(models.TextChoices):
    LIGHTING = "lighting", _("Belysning")
    VEGETATION = "vegetation", _("Beplantning")
    SIGHTLINES = "sightlines", _("Overblik og udsyn")
    GRAFFITI = "graffiti", _("Graffiti og hærværk")
    LITTER = "litter", _("Affald")
    MAINTENANCE = "maintenance", _("Vedligehold")
    TRAFFIC = "traffic", _("Trafik")
    BEHAVIOUR = "behaviour", _("Grupper og adfærd")
    OTHER = "other", _("Andet")


class Cpted(models.TextChoices):
    NATURAL_SURVEILLANCE = "natural_surveillance", _("Naturlig overvågning")
    ACCESS_CONTROL = "access_control", _("Adgangskontrol")
    TERRITORIAL = "territorial", _("Territorial markering")
    MAINTENANCE = "maintenance", _("Vedligehold og image")


class Status(models.TextChoices):
    NEW = "new", _("Ny")
    ASSIGNED = "assigned", _("Tildelt")
    PLANNED = "planned", _("Planlagt")
    WAITING_FOR_MONEY = "waiting_for_money", _("Afventer penge")
    IN_PROGRESS = "in_progress", _("I gang")
    FIXED = "fixed", _("Udbedret")
    NOT_POSSIBLE = "not_possible", _("Ikke muligt")
    NOT_OURS = "not_ours", _("Sendt videre")
    DUPLICATE = "duplicate", _("Dublet")


CLOSED_STATUSES = {Status.FIXED, Status.NOT_POSSIBLE, Status.NOT_OURS, Status.DUPLICATE}
OPEN_STATUSES = [s for s in Status if s not in CLOSED_STATUSES]
SCORE_FIELDS = [
    ("score_lighting", _("Belysning")),
    ("score_openness", _("Åbenhed")),
    ("score_visibility", _("Synlighed")),
    ("score_people", _("Mennesker")),
    ("score_security", _("Sikkerhed")),
    ("score_walk_path", _("Gangsti")),
    ("score_public_transport", _("Offentlig transport")),
    ("score_gender_usage", _("Kønsfordeling")),
    ("score_feeling", _("Følelse af tryghed")),
]


class FindingQuerySet(models.QuerySet):
    def for_partnership(self, partnership):
        return self.filter(walk__partnership=partnership)

    def public(self):
        return self.filter(visibility=Finding.Visibility.PUBLIC)

    def for_members(self, *, police: bool):
        if police:
            return self
        return self.exclude(visibility=Finding.Visibility.POLICE_ONLY)

    def open(self):
        return self.filter(status__in=OPEN_STATUSES)

    def overdue(self, today=None):
        return self.open().filter(deadline__lt=today or timezone.localdate())

    def fixed(self):
        return self.filter(status=Status.FIXED)

    def paid_by(self, grants):
        """The findings these grants pay for, in walk order (for the grant and pool pages)."""
        return (
            self.filter(grant__in=grants)
            .select_related("walk__partnership")
            .order_by("walk__starts_at", "number")
        )

    def in_bbox(self, box):
        """Inside (min_lon, min_lat, max_lon, max_lat): a map's view or a route's box."""
        min_lon, min_lat, max_lon, max_lat = box
        return self.filter(lon__gte=min_lon, lon__lte=max_lon, lat__gte=min_lat, lat__lte=max_lat)

    def filtered(self, *, category="", status="", walk=None, year=None):
        qs = self
        if category:
            qs = qs.filter(category=category)
        if status:
            qs = qs.filter(status=status)
        if walk:
            qs = qs.filter(walk_id=walk)
        if year:
            qs = qs.filter(walk__starts_at__year=year)
        return qs


class PublicFindingManager(models.Manager.from_queryset(FindingQuerySet)):
    def get_queryset(self):
        return super().get_queryset().public()


class Finding(models.Model):
    Category = Category
    Cpted = Cpted
    Status = Status

    class Owner(models.TextChoices):
        UNKNOWN = "", _("Ikke afklaret")
        HOUSING = "housing", _("Boligorganisationen")
        MUNICIPALITY = "municipality", _("Kommunen")
        POLICE = "police", _("Politiet")
        PRIVATE = "private", _("Privat ejer")

    class Priority(models.IntegerChoices):
        HIGH = 1, _("Høj")
        MEDIUM = 2, _("Middel")
        LOW = 3, _("Lav")

    class Visibility(models.TextChoices):
        PUBLIC = "public", _("Offentlig")
        PARTNERSHIP = "partnership", _("Kun partnerskabet")
        POLICE_ONLY = "police_only", _("Kun politiet")

    class Funding(models.TextChoices):
        NONE = "", _("Ikke afklaret")
        OPERATIONS = "operations", _("Almindelig drift")
        BYRUMSPULJE = "byrumspulje", _("Byrumspuljen")
        AKUTPULJE = "akutpulje", _("Akutpuljen")
        OTHER = "other", _("Anden finansiering")

    # Which pool (pools.Pool.Kind) pays a finding of each pool funding; a test keeps them equal.
    POOL_KIND_OF_FUNDING = {"byrumspulje": "urban_space", "akutpulje": "acute"}

    walk = models.ForeignKey(Walk, on_delete=models.CASCADE, related_name="findings")
    number = models.PositiveSmallIntegerField(_("nummer"))
    # Made by the phone before it sends the finding: a retry sends the same one.
    client_uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    lon = models.FloatField(_("længdegrad"))
    lat = models.FloatField(_("breddegrad"))
    place = models.CharField(_("sted"), max_length=200, blank=True)
    category = models.CharField(_("kategori"), max_length=20, choices=Category.choices)
    cpted = models.CharField(_("CPTED-princip"), max_length=30, choices=Cpted.choices, blank=True)
    is_good_place = models.BooleanField(
        _("et godt sted"), default=False, help_text=_("Et sted der føles trygt.")
    )
    description = models.TextField(_("beskrivelse"), blank=True)
    proposed_measure = models.TextField(_("forslag til tiltag"), blank=True)
    owner = models.CharField(
        _("ansvarlig"), max_length=20, choices=Owner.choices, blank=True, default=""
    )
    owner_organisation = models.ForeignKey(
        Organisation,
        verbose_name=_("ansvarlig enhed"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    assignee = models.CharField(
        _("tovholder"), max_length=200, blank=True, help_text=_("Fx en driftsleder eller enhed.")
    )
    priority = models.PositiveSmallIntegerField(
        _("prioritet"), choices=Priority.choices, default=Priority.MEDIUM
    )
    deadline = models.DateField(_("frist"), null=True, blank=True)
    visibility = models.CharField(
        _("synlighed"), max_length=20, choices=Visibility.choices, default=Visibility.PARTNERSHIP
    )
    status = models.CharField(_("status"), max_length=20, choices=Status.choices, default="new")
    public_reason = models.TextField(_("offentlig begrundelse"), blank=True)
    forwarded_to = models.CharField(_("sendt videre til"), max_length=200, blank=True)
    duplicate_of = models.ForeignKey(
        "self",
        verbose_name=_("dublet af"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="duplicates",
    )
    funding = models.CharField(
        _("finansiering"), max_length=20, choices=Funding.choices, blank=True, default=""
    )
    # Byrumspulje fixes: the pool grant that pays, and optionally the expense itself.
    grant = models.ForeignKey(
        "pools.Grant",
        verbose_name=_("bevilling fra puljen"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="findings",
    )
    expense = models.ForeignKey(
        "pools.Expense",
        verbose_name=_("udgift"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="findings",
    )
    fixed_at = models.DateTimeField(_("udbedret"), null=True, blank=True)
    created_at = models.DateTimeField(_("oprettet"), auto_now_add=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    is_invented = models.BooleanField(_("opdigtede demodata"), default=False)

    score_lighting = models.PositiveSmallIntegerField(_("belysning"), null=True, blank=True)
    score_openness = models.PositiveSmallIntegerField(_("åbenhed"), null=True, blank=True)
    score_visibility = models.PositiveSmallIntegerField(_("synlighed"), null=True, blank=True)
    score_people = models.PositiveSmallIntegerField(_("mennesker"), null=True, blank=True)
    score_security = models.PositiveSmallIntegerField(_("sikkerhed"), null=True, blank=True)
    score_walk_path = models.PositiveSmallIntegerField(_("gangsti"), null=True, blank=True)
    score_public_transport = models.PositiveSmallIntegerField(
        _("offentlig transport"), null=True, blank=True
    )
    score_gender_usage = models.PositiveSmallIntegerField(_("kønsfordeling"), null=True, blank=True)
    score_feeling = models.PositiveSmallIntegerField(_("følelse af tryghed"), null=True, blank=True)

    private_objects = FindingQuerySet.as_manager()
    public_objects = PublicFindingManager()

    class Meta:
        ordering = ["walk", "number"]
        base_manager_name = "private_objects"
        default_manager_name = "private_objects"
        verbose_name = _("fund")
        verbose_name_plural = _("fund")
        constraints = [
            models.UniqueConstraint(fields=["walk", "number"], name="finding_number_per_walk"),
            models.CheckConstraint(
                condition=Q(lon__gte=DENMARK_BOUNDS[0], lon__lte=DENMARK_BOUNDS[2])
                & Q(lat__gte=DENMARK_BOUNDS[1], lat__lte=DENMARK_BOUNDS[3]),
                name="finding_in_denmark",
            ),
            models.CheckConstraint(
                condition=~Q(status="not_possible") | ~Q(public_reason=""),
                name="finding_not_possible_has_reason",
            ),
            models.CheckConstraint(
                condition=~Q(status="not_ours") | ~Q(forwarded_to=""),
                name="finding_not_ours_has_recipient",
            ),
            models.CheckConstraint(
                condition=Q(visibility__in=["public", "partnership", "police_only"]),
                name="finding_visibility_valid",
            ),
            *[
                models.CheckConstraint(
                    condition=Q(**{f"{name}__isnull": True}) | Q(**{f"{name}__lte": 3}),
                    name=f"finding_{name}_0_3",
                )
                for name, _label in SCORE_FIELDS
            ],
        ]

    def __str__(self) -> str:
        return f"{self.number}. {self.get_category_display()}" + (
            f" – {self.place}" if self.place else ""
        )

    def get_absolute_url(self) -> str:
        return reverse("walks:finding_detail", args=[self.walk.partnership.slug, self.pk])

    def clean(self):
        errors = {}
        if self.lon is not None and self.lat is not None and not in_denmark(self.lon, self.lat):
            errors["lon"] = _(
                "Punktet ligger uden for Danmark. Sæt nålen der, hvor fundet blev gjort."
            )
        if self.deadline and self.walk_id and self.deadline < self.walk.date:
            errors["deadline"] = _("Fristen kan ikke ligge før vandringen (%(date)s).") % {
                "date": date_format(self.walk.date, "j. F Y")
            }
        if self.duplicate_of_id and self.duplicate_of_id == self.pk:
            errors["duplicate_of"] = _("Et fund kan ikke være en dublet af sig selv.")
        if errors:
            raise ValidationError(errors)

    @property
    def is_closed(self) -> bool:
        return self.status in CLOSED_STATUSES

    @property
    def status_letter(self) -> str:
        return GOOD_PLACE_LETTER if self.is_good_place else STATUS_LETTERS[self.status]

    @property
    def status_colour(self) -> str:
        return GOOD_PLACE_COLOUR if self.is_good_place else STATUS_COLOURS[self.status]

    @property
    def owner_label(self) -> str:
        if self.owner_organisation_id:
            return self.owner_organisation.short_name
        return self.get_owner_display() if self.owner else str(_("Ikke afklaret"))

    @property
    def pool_kind(self) -> str:
        """The pool kind that pays this finding, or "" (ordinary operations, not settled)."""
        return self.POOL_KIND_OF_FUNDING.get(self.funding, "")

    def public_grant(self):
        """The grant that paid the fix, if the public may see it (a published plan's pool)."""
        from trygplan.pools.models import Grant

        if not self.grant_id:
            return None
        return (
            Grant.public_objects.select_related("pool", "application")
            .filter(pk=self.grant_id)
            .first()
        )

    def is_inside(self, partnership) -> bool:
        return bool(partnership.area) and contains(partnership.area, self.lon, self.lat)

    def is_overdue(self, today=None) -> bool:
        today = today or timezone.localdate()
        return bool(self.deadline and not self.is_closed and self.deadline < today)

    @property
    def found_on(self):
        """The day it was found: the walk's, or for a resident's report the day it was
        accepted (the residents' pseudo-walk starts on 1 January)."""
        if self.walk.is_resident_reports and self.created_at:
            return timezone.localdate(self.created_at)
        return self.walk.date

    def days_to_fix(self) -> int | None:
        if not self.fixed_at:
            return None
        return (timezone.localdate(self.fixed_at) - self.found_on).days

    def scores(self) -> list[tuple[str, int]]:
        return [
            (label, getattr(self, name))
            for name, label in SCORE_FIELDS
            if getattr(self, name) is not None
        ]
