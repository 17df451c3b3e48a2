"""Residents' reports ("Meld et sted"): a place a resident points out, from the public map's
form or an Open311 client, waiting in the coordinator's moderation queue.

A report is received, then accepted (it becomes a finding, public or not, on the
partnership's "Beboernes meldinger" pseudo-walk of its year), merged (into an existing
finding) or rejected (with a reason the reporter sees on their private status page). The
steps are declared in `residents.workflow.REPORT`. Contact details are optional and erased a
set time after the decision (`services.contacts_erase_expired`, the same rule as pool
applicants'). Reports hold personal data and unmoderated text: there is only
`private_objects`; the public sees findings, never reports.
"""

import secrets
import uuid

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from trygplan.lib.geo import DENMARK_BOUNDS
from trygplan.partnerships.models import Partnership
from trygplan.walks.models import Category, Finding


def _new_token() -> str:
    return secrets.token_urlsafe(32)


class ReportQuerySet(models.QuerySet):
    def for_partnership(self, partnership):
        return self.filter(partnership=partnership)

    def waiting(self):
        return self.filter(status=Report.Status.RECEIVED)

    def contacts_expired(self, before):
        """Decided reports whose contact details are still stored, decided before `before`."""
        return self.filter(decided_at__lt=before, contacts_erased_at__isnull=True)


class Report(models.Model):
    class Status(models.TextChoices):
        RECEIVED = "received", _("Modtaget")
        ACCEPTED = "accepted", _("Oprettet som fund")
        MERGED = "merged", _("Lagt sammen med et fund")
        REJECTED = "rejected", _("Afvist")

    class Source(models.TextChoices):
        WEB = "web", _("Kortet på hjemmesiden")
        OPEN311 = "open311", _("Open311")

    DECIDED = {Status.ACCEPTED, Status.MERGED, Status.REJECTED}

    partnership = models.ForeignKey(
        Partnership, on_delete=models.CASCADE, related_name="resident_reports"
    )
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.RECEIVED
    )
    source = models.CharField(_("kilde"), max_length=10, choices=Source.choices)
    category = models.CharField(_("kategori"), max_length=20, choices=Category.choices)
    lon = models.FloatField(_("længdegrad"))
    lat = models.FloatField(_("breddegrad"))
    address = models.CharField(_("adresse eller sted"), max_length=200, blank=True)
    description = models.TextField(_("beskrivelse"), max_length=2000)
    photo = models.ImageField(
        _("foto"), upload_to="residents/%Y/", blank=True, width_field="width", height_field="height"
    )
    width = models.PositiveIntegerField(null=True, blank=True)
    height = models.PositiveIntegerField(null=True, blank=True)
    # An Open311 client's link to its own copy of a photo: shown to the moderator as a link,
    # never fetched, embedded or published.
    media_url = models.URLField(_("link til foto"), max_length=500, blank=True)
    first_name = models.CharField(_("fornavn"), max_length=60, blank=True)
    last_name = models.CharField(_("efternavn"), max_length=60, blank=True)
    email = models.EmailField(_("e-mail"), blank=True)
    phone = models.CharField(_("telefon"), max_length=30, blank=True)
    # The reporter's private status link (and the Open311 token): the only key they have.
    token = models.CharField(max_length=64, unique=True, default=_new_token, editable=False)
    # The form's one-time key: the same form posted twice makes one report.
    submission_key = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    finding = models.ForeignKey(
        Finding,
        verbose_name=_("fund"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="resident_reports",
    )
    reason = models.TextField(_("begrundelse til beboeren"), blank=True)
    created_at = models.DateTimeField(_("modtaget"), auto_now_add=True)
    decided_at = models.DateTimeField(_("afgjort"), null=True, blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    contacts_erased_at = models.DateTimeField(
        _("kontaktoplysninger slettet"), null=True, blank=True
    )

    private_objects = ReportQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at", "-pk"]
        base_manager_name = "private_objects"
        default_manager_name = "private_objects"
        verbose_name = _("beboermelding")
        verbose_name_plural = _("beboermeldinger")
        constraints = [
            models.CheckConstraint(
                condition=Q(status__in=["received", "accepted", "merged", "rejected"]),
                name="report_status_valid",
            ),
            models.CheckConstraint(
                condition=Q(lon__gte=DENMARK_BOUNDS[0], lon__lte=DENMARK_BOUNDS[2])
                & Q(lat__gte=DENMARK_BOUNDS[1], lat__lte=DENMARK_BOUNDS[3]),
                name="report_in_denmark",
            ),
            models.CheckConstraint(
                condition=~Q(status="rejected") | ~Q(reason=""), name="report_rejected_has_reason"
            ),
            models.CheckConstraint(
                condition=~Q(status__in=["accepted", "merged"]) | Q(finding__isnull=False),
                name="report_accepted_has_finding",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.get_category_display()}: {self.description[:40]}"

    def get_absolute_url(self) -> str:
        return reverse("residents:report", args=[self.partnership.slug, self.pk])

    def get_reporter_url(self) -> str:
        return reverse("residents:status", args=[self.partnership.slug, self.token])

    @property
    def is_decided(self) -> bool:
        return self.status in self.DECIDED

    @property
    def has_contacts(self) -> bool:
        return any([self.first_name, self.last_name, self.email, self.phone])
