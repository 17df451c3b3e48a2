"""E-mail notifications: who wants which notice, what was sent, and the addresses that are not
people with an account (an applicant, an organisation's contact for findings).

- `Kind`: every kind of notice, with who gets it (`AUDIENCES`).
- `Preference`: a user's choice per kind (no row: on; the page writes a row per choice).
- `OrganisationContact`: the e-mail address the coordinator gives for an organisation in a
  partnership, to which findings it owns are notified.
- `StoppedRecipient`: a recipient without an account (an application, a contact) who asked,
  through the link in a mail, to get no more.
- `Notice`: one mail to one recipient. The key makes a job's notice once per thing
  (a finding's deadline, an expense, a week's digest); the body is kept only until it is sent.
"""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from trygplan.partnerships.models import Organisation, Partnership


class Kind(models.TextChoices):
    APPLICATION_RECEIVED = "application_received", _("Ansøgningen er modtaget")
    APPLICATION_INFO_REQUESTED = "application_info_requested", _("Vi beder om flere oplysninger")
    APPLICATION_DECIDED = "application_decided", _("Ansøgningen er afgjort")
    APPLICATION_PAID = "application_paid", _("Der er betalt fra bevillingen")
    FINDING_ASSIGNED = "finding_assigned", _("Et fund er tildelt jer")
    FINDING_DEADLINE_SOON = "finding_deadline_soon", _("Et fund har frist om 7 dage")
    FINDING_OVERDUE = "finding_overdue", _("Et fund har overskredet fristen")
    FIGURES_REQUESTED = "figures_requested", _("Koordinatoren beder om tal")
    SUBMISSION_RETURNED = "submission_returned", _("En indberetning er sendt tilbage")
    SUBMISSION_APPROVED = "submission_approved", _("En indberetning er godkendt")
    PLAN_WAITING = "plan_waiting", _("En plan venter på styregruppens beslutning")
    REPORT_WAITING = "report_waiting", _("En rapport venter på styregruppen")
    COORDINATOR_DIGEST = "coordinator_digest", _("Ugens oversigt over det, der venter")


class Audience(models.TextChoices):
    APPLICANT = "applicant", _("Ansøgere til puljerne")
    CONTACT = "contact", _("Organisationernes kontakter for fund")
    REPORTER = "reporter", _("Indberettere")
    STEERING_GROUP = "steering_group", _("Styregruppen")
    COORDINATOR = "coordinator", _("Koordinatoren")


AUDIENCES = {
    Kind.APPLICATION_RECEIVED: Audience.APPLICANT,
    Kind.APPLICATION_INFO_REQUESTED: Audience.APPLICANT,
    Kind.APPLICATION_DECIDED: Audience.APPLICANT,
    Kind.APPLICATION_PAID: Audience.APPLICANT,
    Kind.FINDING_ASSIGNED: Audience.CONTACT,
    Kind.FINDING_DEADLINE_SOON: Audience.CONTACT,
    Kind.FINDING_OVERDUE: Audience.CONTACT,
    Kind.FIGURES_REQUESTED: Audience.REPORTER,
    Kind.SUBMISSION_RETURNED: Audience.REPORTER,
    Kind.SUBMISSION_APPROVED: Audience.REPORTER,
    Kind.PLAN_WAITING: Audience.STEERING_GROUP,
    Kind.REPORT_WAITING: Audience.STEERING_GROUP,
    Kind.COORDINATOR_DIGEST: Audience.COORDINATOR,
}
# The kinds a logged-in user chooses on their page. The others go to addresses without an
# account (an applicant, an organisation's contact), which stop through the link in the mail.
USER_KINDS = [
    kind
    for kind, audience in AUDIENCES.items()
    if audience not in (Audience.APPLICANT, Audience.CONTACT)
]


class PreferenceQuerySet(models.QuerySet):
    def turned_off(self, user):
        return set(self.filter(user=user, enabled=False).values_list("kind", flat=True))


class Preference(models.Model):
    """A user's choice for one kind of notice. Without a row the notice is sent."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="notification_preferences"
    )
    kind = models.CharField(_("slags"), max_length=40, choices=Kind.choices)
    enabled = models.BooleanField(_("send e-mail"), default=True)

    objects = PreferenceQuerySet.as_manager()

    class Meta:
        verbose_name = _("valg af e-mails")
        verbose_name_plural = _("valg af e-mails")
        constraints = [
            models.UniqueConstraint(fields=["user", "kind"], name="preference_once_per_kind")
        ]

    def __str__(self) -> str:
        return f"{self.user} – {self.get_kind_display()}: {'til' if self.enabled else 'fra'}"


class OrganisationContactQuerySet(models.QuerySet):
    def for_partnership(self, partnership):
        return self.filter(partnership=partnership)


class OrganisationContact(models.Model):
    """Where a partnership's findings owned by an organisation are notified (set by the
    coordinator): typically the unit's shared mailbox or its operations manager."""

    partnership = models.ForeignKey(Partnership, on_delete=models.CASCADE, related_name="+")
    organisation = models.ForeignKey(Organisation, on_delete=models.CASCADE, related_name="+")
    email = models.EmailField(_("e-mail til fund"))
    updated_at = models.DateTimeField(auto_now=True)

    objects = OrganisationContactQuerySet.as_manager()

    class Meta:
        ordering = ["organisation__name"]
        verbose_name = _("kontakt for fund")
        verbose_name_plural = _("kontakter for fund")
        constraints = [
            models.UniqueConstraint(
                fields=["partnership", "organisation"], name="contact_once_per_organisation"
            )
        ]

    def __str__(self) -> str:
        return f"{self.organisation.short_name}: {self.email}"


class StoppedRecipient(models.Model):
    """A recipient without an account who asked for no more mails ("application:12",
    "contact:3"): the key, never the address, so nothing personal outlives an erasure."""

    recipient = models.CharField(max_length=60, unique=True)
    stopped_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("frameldt modtager")
        verbose_name_plural = _("frameldte modtagere")

    def __str__(self) -> str:
        return self.recipient


class NoticeQuerySet(models.QuerySet):
    def unsent(self):
        return self.filter(sent_at__isnull=True, skipped=False)


class Notice(models.Model):
    """One mail to one recipient, made in the transaction that caused it and sent after commit
    by a task. `key` says what it is about; (kind, key, recipient) is unique, so a job that
    runs again, or a task that runs twice, never sends the same notice twice. The address and
    the body are erased once the mail is sent."""

    kind = models.CharField(_("slags"), max_length=40, choices=Kind.choices)
    key = models.CharField(_("om"), max_length=120)
    recipient = models.CharField(_("modtager"), max_length=60)  # "user:5", "application:12"
    partnership = models.ForeignKey(
        Partnership, null=True, blank=True, on_delete=models.CASCADE, related_name="+"
    )
    email = models.EmailField(_("e-mail"), blank=True)
    subject = models.CharField(_("emne"), max_length=250)
    body_text = models.TextField(blank=True)
    body_html = models.TextField(blank=True)
    created_at = models.DateTimeField(_("oprettet"), auto_now_add=True)
    sent_at = models.DateTimeField(_("sendt"), null=True, blank=True)
    skipped = models.BooleanField(_("ikke sendt"), default=False)
    attempts = models.PositiveSmallIntegerField(_("forsøg"), default=0)
    error = models.TextField(_("fejl"), blank=True)

    objects = NoticeQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("e-mail")
        verbose_name_plural = _("e-mails")
        constraints = [
            models.UniqueConstraint(
                fields=["kind", "key", "recipient"], name="notice_once_per_recipient"
            )
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} → {self.recipient}"
