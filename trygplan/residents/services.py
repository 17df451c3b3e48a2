"""Operations on residents' reports. Each runs in one transaction; the workflow engine (and
`audit_record` for what is not a step) records who, when, what and why."""

import datetime
import uuid

from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from trygplan.audit.models import AuditEntry
from trygplan.audit.services import audit_record
from trygplan.lib.geo import contains
from trygplan.pools.services import retention_days
from trygplan.walks import access as walk_access
from trygplan.walks.forms import FindingCaptureForm
from trygplan.walks.models import Finding, FindingPhoto, Walk
from trygplan.walks.services import finding_create

from .models import Report
from .workflow import REPORT

CONTACT_FIELDS = ("first_name", "last_name", "email", "phone")


def outside_area_message() -> str:
    return _("Punktet ligger uden for partnerskabets område. Sæt nålen der, hvor stedet er.")


@transaction.atomic
def report_submit(
    *, partnership, data: dict, source: str, photo=None, submission_key=None
) -> tuple[Report, bool]:
    """Save a resident's report (from the map's form or Open311) into the moderation queue.

    `data` holds the model fields (category, lon, lat, description, address, media_url and the
    optional contact fields); the point must lie inside the partnership's area. The same
    `submission_key` posted twice makes one report. Returns (report, created)."""
    if submission_key is not None:
        existing = Report.private_objects.filter(submission_key=submission_key).first()
        if existing is not None:
            if existing.partnership_id != partnership.pk:
                raise ValidationError(_("Meldingen er allerede sendt til et andet partnerskab."))
            return existing, False
    report = Report(partnership=partnership, source=source, **data)
    if submission_key is not None:
        report.submission_key = submission_key
    if photo:
        report.photo = photo
    report.full_clean()
    if not (partnership.area and contains(partnership.area, report.lon, report.lat)):
        raise ValidationError({"lat": outside_area_message()})
    try:
        with transaction.atomic():
            report.save()
    except IntegrityError:  # the same form, posted twice at the same moment
        return Report.private_objects.get(submission_key=report.submission_key), False
    REPORT.start(report, user=None, changes={"category": [None, report.category]})
    return report, True


def resident_walk(*, partnership, year: int, user) -> Walk:
    """The partnership's "Beboernes meldinger" pseudo-walk of the year (made when needed):
    accepted reports become its findings, so every finding still belongs to a walk."""
    starts_at = timezone.make_aware(datetime.datetime(year, 1, 1))
    walk = (
        Walk.private_objects.select_for_update()
        .filter(partnership=partnership, kind=Walk.Kind.RESIDENT_REPORTS, starts_at=starts_at)
        .first()
    )
    if walk is not None:
        return walk
    walk = Walk(
        partnership=partnership,
        kind=Walk.Kind.RESIDENT_REPORTS,
        title=_("Beboernes meldinger %(year)s") % {"year": year},
        starts_at=starts_at,
        light=Walk.Light.DAYLIGHT,
        season=Walk.Season.WINTER,
        status=Walk.Status.WALKED,
        meeting_point=_("Meldt af beboere via kortet eller Open311"),
    )
    walk.full_clean()
    walk.save()
    audit_record(
        user=user,
        obj=walk,
        action=AuditEntry.Action.CREATE,
        changes={"kind": [None, walk.kind]},
        partnership=partnership,
    )
    return walk


@transaction.atomic
def report_accept(
    *,
    report: Report,
    user,
    category: str,
    visibility: str,
    description: str,
    place: str = "",
    include_photo: bool = False,
) -> Finding:
    """Accept a report as a new finding (public or not) on the year's residents' walk.
    The moderator may correct the category and the text (e.g. remove a name) first."""
    partnership = report.partnership
    if visibility == Finding.Visibility.POLICE_ONLY and not walk_access.is_police(
        user, partnership
    ):
        raise ValidationError({"visibility": _("Kun politiet kan oprette fund kun for politiet.")})
    walk = resident_walk(partnership=partnership, year=timezone.localdate().year, user=user)
    form = FindingCaptureForm(
        data={
            "lon": report.lon,
            "lat": report.lat,
            "category": category,
            "description": description,
            "client_uuid": uuid.uuid4(),
        },
        instance=Finding(walk=walk, visibility=visibility, place=place or report.address[:200]),
    )
    if not form.is_valid():
        raise ValidationError(form.errors)
    finding, _created = finding_create(walk=walk, form=form, user=user)
    if include_photo and report.photo:
        with report.photo.open("rb") as image:
            content = ContentFile(image.read(), name=f"melding-{report.pk}.jpg")
        FindingPhoto.private_objects.create(
            finding=finding, kind=FindingPhoto.Kind.FINDING, image=content
        )
    REPORT.apply(report, "accept", user=user, fields={"finding": finding})
    return finding


@transaction.atomic
def report_merge(*, report: Report, finding: Finding, user) -> Report:
    """The place is already a finding: the report joins it (the reporter sees which)."""
    return REPORT.apply(report, "merge", user=user, fields={"finding": finding})


@transaction.atomic
def report_reject(*, report: Report, reason: str, user) -> Report:
    """Not a matter for the partnership (or not a report at all): the reason is shown to the
    reporter on their status page."""
    return REPORT.apply(report, "reject", user=user, comment=reason)


@transaction.atomic
def contacts_erase_expired(*, now=None) -> list[Report]:
    """Erase reporters' contact details `retention_days()` after the decision, the rule the
    pools use for applicants (one setting: TRYGPLAN_POOLS_CONTACT_RETENTION_DAYS).
    Idempotent; the history records that they were erased, never what they were."""
    now = now or timezone.now()
    before = now - datetime.timedelta(days=retention_days())
    expired = list(Report.private_objects.contacts_expired(before).select_related("partnership"))
    for report in expired:
        for name in CONTACT_FIELDS:
            setattr(report, name, "")
        report.contacts_erased_at = now
        report.save(update_fields=[*CONTACT_FIELDS, "contacts_erased_at"])
        audit_record(
            user=None,
            obj=report,
            action=AuditEntry.Action.UPDATE,
            changes={"contacts_erased_at": [None, now]},
            reason=_("Slettet automatisk %(days)s dage efter afgørelsen.")
            % {"days": retention_days()},
            partnership=report.partnership,
            code="resident_report.erase_contacts",
            source=AuditEntry.Source.COMMAND,
        )
    return expired
