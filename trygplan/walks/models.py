"""Safety walks (tryghedsvandringer), the findings made on them and their follow-up.

- `Walk`: one walk in a partnership area: when, light, season, theme, route (GeoJSON
  LineString), participants counted by organisation or group (never residents' names),
  notes from the pre-meeting and the closing meeting, and a status
  planned → walked → protocol sent → follow-up meeting held.
- `Finding`: a pin from a walk: category, CPTED principle, Safetipin scores 0–3, owner,
  deadline, visibility and a follow-up status. Each step of the follow-up is a
  `FindingStep` (who, when, comment, optional before/after `FindingPhoto`).
- `ReRating`: a later walk's "fixed? does it feel safer?" for an earlier finding.
- `PoliceAccess`: who may see police-only findings (see `access.py`).

Findings have no `objects` manager: every query says whether it may see non-public
findings (`private_objects`, through `walks.access`) or only public ones (`public_objects`).
"""

import uuid

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext_lazy as _

from trygplan.core.uploads import RandomName, private_storage
from trygplan.lib.geo import contains
from trygplan.partnerships.models import Organisation, Partnership

# Denmark including Bornholm, with a little margin (WGS 84).
DENMARK_BOUNDS = (7.8, 54.5, 15.3, 57.8)  # min_lon, min_lat, max_lon, max_lat


def in_denmark(lon: float, lat: float) -> bool:
    min_lon, min_lat, max_lon, max_lat = DENMARK_BOUNDS
    return min_lon <= lon <= max_lon and min_lat <= lat <= max_lat


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

    STATUS_ORDER = [s.value for s in Status]

    partnership = models.ForeignKey(Partnership, on_delete=models.CASCADE, related_name="walks")
    title = models.CharField(_("titel"), max_length=200)
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

    objects = WalkQuerySet.as_manager()

    class Meta:
        ordering = ["-starts_at", "-pk"]
        verbose_name = _("tryghedsvandring")
        verbose_name_plural = _("tryghedsvandringer")
        constraints = [
            models.CheckConstraint(
                condition=Q(status__in=["planned", "walked", "protocol_sent", "follow_up_held"]),
                name="walk_status_valid",
            ),
            models.CheckConstraint(
                condition=Q(light__in=["daylight", "dusk", "dark"]), name="walk_light_valid"
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
    def next_status(self) -> str | None:
        index = self.STATUS_ORDER.index(self.status)
        return self.STATUS_ORDER[index + 1] if index + 1 < len(self.STATUS_ORDER) else None

    @property
    def next_status_label(self) -> str:
        return self.Status(self.next_status).label if self.next_status else ""

    @property
    def route_points(self) -> list:
        return (self.route or {}).get("coordinates") or []

    def participant_total(self) -> int:
        return sum(p.count for p in self.participants.all())


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
    count = models.PositiveSmallIntegerField(_("antal"))

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
# One letter per status, so the map does not rely on colour alone.
STATUS_LETTERS = {
    Status.NEW: "N",
    Status.ASSIGNED: "T",
    Status.PLANNED: "P",
    Status.WAITING_FOR_MONEY: "Ø",
    Status.IN_PROGRESS: "G",
    Status.FIXED: "U",
    Status.NOT_POSSIBLE: "X",
    Status.NOT_OURS: "V",
    Status.DUPLICATE: "D",
}
STATUS_COLOURS = {
    Status.NEW: "#c4001a",
    Status.ASSIGNED: "#e66f00",
    Status.PLANNED: "#8a6d00",
    Status.WAITING_FOR_MONEY: "#7a2e9b",
    Status.IN_PROGRESS: "#0059b3",
    Status.FIXED: "#358000",
    Status.NOT_POSSIBLE: "#5c5c5c",
    Status.NOT_OURS: "#5c5c5c",
    Status.DUPLICATE: "#5c5c5c",
}
# Good places are not problems to follow up: their own pin (a square "+", see walks.css).
GOOD_PLACE_LETTER = "+"
GOOD_PLACE_COLOUR = "#00607a"
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
        OTHER = "other", _("Anden finansiering")

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

    def allowed_steps(self) -> list[tuple[str, str]]:
        """(status, label) a person may move the finding to now. Closed findings can only be
        reopened."""
        if self.is_closed:
            return [(Status.NEW.value, str(_("Genåbn")))]
        return [(value, label) for value, label in Status.choices if value != self.status]

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

    def is_inside(self, partnership) -> bool:
        return bool(partnership.area) and contains(partnership.area, self.lon, self.lat)

    def is_overdue(self, today=None) -> bool:
        today = today or timezone.localdate()
        return bool(self.deadline and not self.is_closed and self.deadline < today)

    def days_to_fix(self) -> int | None:
        if not self.fixed_at:
            return None
        return (timezone.localdate(self.fixed_at) - self.walk.date).days

    def scores(self) -> list[tuple[str, int]]:
        return [
            (label, getattr(self, name))
            for name, label in SCORE_FIELDS
            if getattr(self, name) is not None
        ]


class FindingStep(models.Model):
    """One step of a finding's follow-up: who moved it, when, to what, and why."""

    finding = models.ForeignKey(Finding, on_delete=models.CASCADE, related_name="steps")
    from_status = models.CharField(_("fra"), max_length=20, choices=Status.choices, blank=True)
    to_status = models.CharField(_("til"), max_length=20, choices=Status.choices)
    comment = models.TextField(_("kommentar"), blank=True)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(_("tidspunkt"), default=timezone.now)
    is_invented = models.BooleanField(_("opdigtede demodata"), default=False)

    class Meta:
        ordering = ["created_at", "pk"]
        verbose_name = _("opfølgning")
        verbose_name_plural = _("opfølgning")

    def __str__(self) -> str:
        return f"{self.finding}: {self.get_to_status_display()}"


class FindingPhoto(models.Model):
    """A photo, resized and stripped of EXIF (including GPS) before it is stored."""

    class Kind(models.TextChoices):
        FINDING = "finding", _("Fra vandringen")
        BEFORE = "before", _("Før")
        AFTER = "after", _("Efter")

    finding = models.ForeignKey(Finding, on_delete=models.CASCADE, related_name="photos")
    step = models.ForeignKey(
        FindingStep, null=True, blank=True, on_delete=models.CASCADE, related_name="photos"
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

    class Meta:
        ordering = ["created_at", "pk"]
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


class PoliceAccess(models.Model):
    """A user who may see the partnership's police-only findings (granted by a city admin)."""

    partnership = models.ForeignKey(
        Partnership, on_delete=models.CASCADE, related_name="police_access"
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="police_access"
    )

    class Meta:
        verbose_name = _("adgang til politiets fund")
        verbose_name_plural = _("adgange til politiets fund")
        constraints = [
            models.UniqueConstraint(fields=["partnership", "user"], name="police_access_unique")
        ]

    def __str__(self) -> str:
        return f"{self.user} ({self.partnership})"
