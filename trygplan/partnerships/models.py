"""Partnerships, the organisations in them, their bodies, and who may do what."""

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _


class Partnership(models.Model):
    """A binding cooperation of municipality, police, SSP and a housing association for one area."""

    slug = models.SlugField(_("kort navn"), unique=True)
    name = models.CharField(_("navn"), max_length=200)
    also_known_as = models.CharField(_("også kaldet"), max_length=200, blank=True)
    area_name = models.CharField(_("område"), max_length=200, blank=True)
    period_start = models.PositiveSmallIntegerField(_("periode fra"))
    period_end = models.PositiveSmallIntegerField(_("periode til"))
    description = models.TextField(_("beskrivelse"), blank=True)
    # GeoJSON geometry (WGS 84, longitude first) of the partnership area.
    area = models.JSONField(_("område (GeoJSON)"), null=True, blank=True)
    area_source = models.CharField(_("kilde til området"), max_length=300, blank=True)
    is_invented = models.BooleanField(
        _("opdigtet demopartnerskab"),
        default=False,
        help_text=_("Demoens opdigtede partnerskab: vises med mærkaten “Opdigtede demodata”."),
    )

    class Meta:
        ordering = ["name"]
        verbose_name = _("partnerskab")
        verbose_name_plural = _("partnerskaber")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(period_end__gte=models.F("period_start")),
                name="partnership_period_ordered",
            )
        ]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("partnerships:home", args=[self.slug])

    @property
    def period(self) -> str:
        return f"{self.period_start}–{self.period_end}"


class Organisation(models.Model):
    """A party, an administration or a unit the plan names. Shared by all partnerships."""

    class Kind(models.TextChoices):
        MUNICIPALITY = "municipality", _("Kommune")
        ADMINISTRATION = "administration", _("Forvaltning")
        UNIT = "unit", _("Enhed")
        POLICE = "police", _("Politi")
        SSP = "ssp", _("SSP")
        HOUSING = "housing", _("Boligorganisation")
        COUNCIL = "council", _("Råd eller udvalg")
        NGO = "ngo", _("Forening eller NGO")
        INSTITUTION = "institution", _("Institution")
        SCHOOL = "school", _("Skole")
        OTHER = "other", _("Andet")

    key = models.SlugField(_("nøgle"), unique=True)
    short_name = models.CharField(_("forkortelse"), max_length=60)
    name = models.CharField(_("navn"), max_length=200)
    kind = models.CharField(_("type"), max_length=20, choices=Kind.choices, default=Kind.OTHER)
    parent = models.ForeignKey(
        "self",
        verbose_name=_("hører under"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="children",
    )

    class Meta:
        ordering = ["name"]
        verbose_name = _("organisation")
        verbose_name_plural = _("organisationer")

    def __str__(self) -> str:
        if self.short_name and self.short_name != self.name:
            return f"{self.name} ({self.short_name})"
        return self.name


class Party(models.Model):
    """One of the partnership's parties (for Amager: KK, Københavns Politi, SSP København, 3B)."""

    partnership = models.ForeignKey(Partnership, on_delete=models.CASCADE, related_name="parties")
    organisation = models.ForeignKey(Organisation, on_delete=models.PROTECT, related_name="+")
    order = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ["order"]
        verbose_name = _("part")
        verbose_name_plural = _("parter")
        constraints = [
            models.UniqueConstraint(
                fields=["partnership", "organisation"], name="party_unique_per_partnership"
            )
        ]

    def __str__(self) -> str:
        return str(self.organisation)


class Body(models.Model):
    """A steering group, working group, sub-working group or reference group."""

    class Kind(models.TextChoices):
        STEERING_GROUP = "steering_group", _("Styregruppe")
        WORKING_GROUP = "working_group", _("Arbejdsgruppe")
        SUB_WORKING_GROUP = "sub_working_group", _("Underarbejdsgruppe")
        REFERENCE_GROUP = "reference_group", _("Referencegruppe")

    partnership = models.ForeignKey(Partnership, on_delete=models.CASCADE, related_name="bodies")
    kind = models.CharField(_("type"), max_length=20, choices=Kind.choices)
    name = models.CharField(_("navn"), max_length=200)
    purpose = models.TextField(_("formål"), blank=True)
    order = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ["order", "name"]
        verbose_name = _("organ")
        verbose_name_plural = _("organer")

    def __str__(self) -> str:
        return self.name


class BodyMember(models.Model):
    """A seat in a body: a named person from an organisation, or a resident seat."""

    body = models.ForeignKey(Body, on_delete=models.CASCADE, related_name="members")
    name = models.CharField(_("navn"), max_length=200)
    title = models.CharField(_("titel eller rolle"), max_length=200, blank=True)
    organisation = models.ForeignKey(
        Organisation, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    is_chair = models.BooleanField(_("formand"), default=False)
    is_invented = models.BooleanField(
        _("opdigtede demodata"), default=False, help_text=_("Vises med en mærkat.")
    )

    class Meta:
        ordering = ["-is_chair", "organisation__name", "name"]
        verbose_name = _("medlem")
        verbose_name_plural = _("medlemmer")

    def __str__(self) -> str:
        return self.name


class Role(models.TextChoices):
    COORDINATOR = "coordinator", _("Koordinator")
    WORKING_GROUP = "working_group", _("Arbejdsgruppe")
    STEERING_GROUP = "steering_group", _("Styregruppe")
    PARTNER = "partner", _("Partnermedarbejder")


class MembershipQuerySet(models.QuerySet):
    def from_identity_provider(self):
        """Memberships that single sign-on keeps (`accounts.services.sso_user_sync`): in a
        partnership with group mappings, of a user who logs in through the provider. Their
        role follows the provider's groups at each login, so they are not edited by hand."""
        return self.filter(
            partnership__group_mappings__isnull=False, user__external_identities__isnull=False
        ).distinct()


class Membership(models.Model):
    """A user's role in one partnership. See `access.py` for what each role may do."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="memberships"
    )
    partnership = models.ForeignKey(
        Partnership, on_delete=models.CASCADE, related_name="memberships"
    )
    role = models.CharField(_("rolle"), max_length=20, choices=Role.choices)

    objects = MembershipQuerySet.as_manager()

    class Meta:
        verbose_name = _("adgang")
        verbose_name_plural = _("adgange")
        constraints = [
            models.UniqueConstraint(
                fields=["user", "partnership"], name="membership_one_role_per_partnership"
            )
        ]

    def __str__(self) -> str:
        return f"{self.user} – {self.get_role_display()} ({self.partnership})"
