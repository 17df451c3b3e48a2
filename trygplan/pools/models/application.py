"""Applications to a pool: their budget lines, attachments and case steps."""

import secrets
import uuid
from pathlib import PurePath

from django.conf import settings
from django.db import models
from django.db.models import Q, Sum
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from trygplan.core.uploads import private_storage

from .pool import INVENTED_HELP, Pool


def _new_token() -> str:
    return secrets.token_urlsafe(32)


def private_file_path(instance, filename: str) -> str:
    """Attachments and receipts are stored under random names (never the uploader's name),
    and served only through views that check access."""
    suffix = PurePath(filename).suffix.lower()
    suffix = suffix if suffix in {".pdf", ".png", ".jpg", ".jpeg"} else ""
    return f"pools/private/{uuid.uuid4().hex}{suffix}"


class ApplicationQuerySet(models.QuerySet):
    def for_pool(self, pool):
        return self.filter(pool=pool)

    def with_totals(self):
        return self.annotate(requested=Sum("lines__amount"))

    def contacts_expired(self, before):
        """Closed cases whose contact details are still stored and were closed before `before`."""
        return self.filter(closed_at__lt=before, contacts_erased_at__isnull=True)


class Application(models.Model):
    """An application to a pool: from a resident through the public form, or typed by staff."""

    class Status(models.TextChoices):
        RECEIVED = "received", _("Modtaget")
        SCREENING = "screening", _("Under screening")
        MORE_INFO_REQUESTED = "more_info_requested", _("Flere oplysninger ønsket")
        ASSESSED = "assessed", _("Vurderet")
        RECOMMENDED = "recommended", _("Indstillet")
        GRANTED = "granted", _("Bevilget")
        REJECTED = "rejected", _("Afslået")
        WITHDRAWN = "withdrawn", _("Trukket tilbage")
        IN_PROGRESS = "in_progress", _("I gang")
        REPORTED = "reported", _("Afrapporteret")
        CLOSED = "closed", _("Afsluttet")

    # Statuses in which a case is over (contact details are erased some time after).
    FINAL = {Status.REJECTED, Status.WITHDRAWN, Status.CLOSED}
    # Statuses in which no decision on money has been made yet.
    UNDECIDED = {
        Status.RECEIVED,
        Status.SCREENING,
        Status.MORE_INFO_REQUESTED,
        Status.ASSESSED,
        Status.RECOMMENDED,
    }

    pool = models.ForeignKey(Pool, on_delete=models.CASCADE, related_name="applications")
    status = models.CharField(
        _("status"), max_length=20, choices=Status.choices, default=Status.RECEIVED
    )
    title = models.CharField(_("titel"), max_length=200)
    purpose = models.TextField(_("hvad vil I gøre?"))
    addresses = models.TextField(_("hvilken utryghed løser det?"))
    place = models.CharField(_("sted"), max_length=200, blank=True)
    latitude = models.FloatField(_("breddegrad"), null=True, blank=True)
    longitude = models.FloatField(_("længdegrad"), null=True, blank=True)
    start_date = models.DateField(_("startdato"), null=True, blank=True)
    end_date = models.DateField(_("slutdato"), null=True, blank=True)
    from_reference_group = models.BooleanField(_("søges via referencegruppen"), default=False)
    applicant_name = models.CharField(_("navn"), max_length=120, blank=True)
    applicant_email = models.EmailField(_("e-mail"), blank=True)
    applicant_phone = models.CharField(_("telefon"), max_length=30, blank=True)
    consent_at = models.DateTimeField(_("samtykke givet"), null=True, blank=True)
    token = models.CharField(max_length=64, unique=True, default=_new_token, editable=False)
    # The form's one-time key: a double post makes one application. Unique within its pool
    # only, so a key known from one pool leads nowhere in another.
    submission_key = models.UUIDField(default=uuid.uuid4, editable=False)
    info_request = models.TextField(_("ønskede oplysninger"), blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("oprettet af"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    created_at = models.DateTimeField(_("modtaget"), auto_now_add=True)
    closed_at = models.DateTimeField(_("afsluttet"), null=True, blank=True)
    contacts_erased_at = models.DateTimeField(
        _("kontaktoplysninger slettet"), null=True, blank=True
    )
    is_invented = models.BooleanField(
        _("opdigtede demodata"), default=False, help_text=INVENTED_HELP
    )

    # Applications hold personal data: never listed publicly (funded projects are shown
    # through their grants, without personal data).
    private_objects = ApplicationQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at", "-pk"]
        base_manager_name = "private_objects"
        default_manager_name = "private_objects"
        verbose_name = _("ansøgning")
        verbose_name_plural = _("ansøgninger")
        constraints = [
            models.UniqueConstraint(
                fields=["pool", "submission_key"], name="application_submission_key_per_pool"
            ),
            models.CheckConstraint(
                condition=Q(latitude__isnull=True, longitude__isnull=True)
                | Q(latitude__isnull=False, longitude__isnull=False),
                name="application_pin_has_both_coordinates",
            ),
            models.CheckConstraint(
                condition=Q(end_date__isnull=True)
                | Q(start_date__isnull=True)
                | Q(end_date__gte=models.F("start_date")),
                name="application_ends_after_start",
            ),
        ]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("pools:application", args=[self.pool.partnership.slug, self.pk])

    def get_applicant_url(self) -> str:
        return reverse("pools:applicant", args=[self.pool.partnership.slug, self.token])

    @property
    def requested_total(self) -> int:
        if hasattr(self, "requested"):
            return self.requested or 0
        return sum(line.amount for line in self.lines.all())

    @property
    def is_final(self) -> bool:
        return self.status in self.FINAL

    @property
    def awaits_applicant(self) -> bool:
        return self.status == self.Status.MORE_INFO_REQUESTED

    @property
    def has_contacts(self) -> bool:
        return self.contacts_erased_at is None


class ApplicationLine(models.Model):
    """One line of an application's budget: an item and its price in whole kroner."""

    application = models.ForeignKey(Application, on_delete=models.CASCADE, related_name="lines")
    order = models.PositiveSmallIntegerField(default=0)
    item = models.CharField(_("udgift"), max_length=200)
    amount = models.PositiveIntegerField(_("beløb (kr.)"))

    class Meta:
        ordering = ["order", "pk"]
        verbose_name = _("budgetlinje")
        verbose_name_plural = _("budgetlinjer")
        constraints = [
            models.CheckConstraint(condition=Q(amount__gt=0), name="application_line_positive")
        ]

    def __str__(self) -> str:
        return f"{self.item}: {self.amount} kr."


class Attachment(models.Model):
    """A PDF, JPEG or PNG sent with an application (type checked by content in the form)."""

    application = models.ForeignKey(
        Application, on_delete=models.CASCADE, related_name="attachments"
    )
    file = models.FileField(upload_to=private_file_path, storage=private_storage)
    original_name = models.CharField(_("filnavn"), max_length=200)
    content_type = models.CharField(max_length=40)
    size = models.PositiveIntegerField()
    uploaded_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["pk"]
        verbose_name = _("bilag")
        verbose_name_plural = _("bilag")

    def __str__(self) -> str:
        return self.original_name
