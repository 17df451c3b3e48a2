"""Operations that change follow-up data. Every change is recorded with `audit_record`."""

from decimal import Decimal

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from trygplan.audit.models import AuditEntry
from trygplan.audit.services import audit_record, form_changes

from .models import EventAttendance, EventPhoto, IndicatorValue, Submission

# action -> (from statuses, to status, who: "reporter" or "coordinator")
TRANSITIONS = {
    "submit": ([Submission.Status.DRAFT], Submission.Status.SUBMITTED, "reporter"),
    "return": (
        [Submission.Status.SUBMITTED, Submission.Status.APPROVED],
        Submission.Status.DRAFT,
        "coordinator",
    ),
    "approve": ([Submission.Status.SUBMITTED], Submission.Status.APPROVED, "coordinator"),
    "lock": ([Submission.Status.APPROVED], Submission.Status.LOCKED, "coordinator"),
}


def _number(value) -> str:
    return f"{value.normalize():f}".replace(".", ",") if value is not None else "–"


@transaction.atomic
def submission_create(*, partnership, organisation, year: int, user) -> Submission:
    submission = Submission(partnership=partnership, organisation=organisation, year=year)
    submission.full_clean()
    submission.save()
    audit_record(
        user=user, obj=submission, action=AuditEntry.Action.CREATE, partnership=partnership
    )
    return submission


@transaction.atomic
def submission_values_save(*, submission: Submission, rows: list[dict], user, reason: str = ""):
    """Save all rows or none. A changed final value needs a reason (TolaData's rule)."""
    if not submission.is_draft:
        raise PermissionDenied(_("Indberetningen er sendt og kan ikke længere ændres."))
    existing = {value.indicator_id: value for value in submission.values.select_for_update()}
    saved = []
    for row in rows:
        value = existing.get(row["indicator"]) or IndicatorValue(
            submission=submission, indicator_id=row["indicator"]
        )
        old_value, old_quality, old_note = value.value, value.quality, value.note
        old_quality_label = value.get_quality_display()
        changed = value.pk is not None and value.value != _decimal(row["value"])
        downgraded = value.pk is not None and value.is_final and row["quality"] != old_quality
        if (changed or downgraded) and value.is_final and not reason.strip():
            raise ValidationError(
                _("%(indicator)s har en endelig værdi. Skriv en begrundelse for at ændre den.")
                % {"indicator": value.indicator}
            )
        value.value, value.quality, value.note = row["value"], row["quality"], row["note"]
        value.full_clean(exclude=["submission", "indicator"])
        if value.indicator.reported_by_id != submission.organisation_id:
            raise ValidationError(_("Indikatoren indberettes af en anden organisation."))
        value.save()
        changes = {}
        if changed or old_value is None:
            changes[f"{value.indicator} {submission.year}"] = [
                _number(old_value),
                _number(_decimal(value.value)),
            ]
        if old_value is not None and old_quality != value.quality:
            changes[str(_("Status"))] = [old_quality_label, value.get_quality_display()]
        if old_value is not None and old_note != value.note:
            changes[str(_("Note"))] = [old_note or "–", value.note or "–"]
        if changes:
            audit_record(
                user=user,
                obj=value,
                action=AuditEntry.Action.CREATE if old_value is None else AuditEntry.Action.UPDATE,
                changes=changes,
                reason=reason,
                partnership=submission.partnership,
            )
        saved.append(value)
    return saved


def _decimal(value) -> Decimal:
    return Decimal(str(value))


@transaction.atomic
def submission_transition(*, submission: Submission, action: str, user, reason: str = ""):
    """Move a submission along draft -> submitted -> approved -> locked (or back to draft)."""
    sources, target, _who = TRANSITIONS[action]
    submission = Submission.objects.select_for_update().get(pk=submission.pk)
    if submission.status not in sources:
        raise ValidationError(
            _("En indberetning med status “%(status)s” kan ikke det.")
            % {"status": submission.get_status_display()}
        )
    if action == "submit" and not submission.values.exists():
        raise ValidationError(_("Indberetningen har ingen værdier endnu."))
    if action == "return" and not reason.strip():
        raise ValidationError(_("Skriv hvorfor indberetningen sendes tilbage."))
    old = submission.get_status_display()
    submission.status = target
    submission.full_clean()
    submission.save(update_fields=["status", "updated_at"])
    audit_record(
        user=user,
        obj=submission,
        action=AuditEntry.Action.TRANSITION,
        changes={str(_("Status")): [old, submission.get_status_display()]},
        reason=reason,
        partnership=submission.partnership,
    )
    return submission


@transaction.atomic
def progress_add(*, form, user):
    """Save a DeliverableProgress form and record it on the activity's history."""
    entry = form.save(commit=False)
    entry.created_by = user if user.is_authenticated else None
    entry.full_clean()
    entry.save()
    description = entry.deliverable.description
    audit_record(
        user=user,
        obj=entry,
        action=AuditEntry.Action.CREATE,
        changes=form_changes(form),
        partnership=description.plan.partnership,
        plan=description.plan,
        activity_key=description.key,
    )
    return entry


def _progress_audit(entry, *, user, action, changes, reason=""):
    description = entry.deliverable.description
    audit_record(
        user=user,
        obj=entry,
        action=action,
        changes=changes,
        reason=reason,
        partnership=description.plan.partnership,
        plan=description.plan,
        activity_key=description.key,
    )


@transaction.atomic
def progress_update(*, form, user, reason: str):
    """Correct a progress entry (a ProgressEditForm); who, when, old -> new and why are kept."""
    if not reason.strip():
        raise ValidationError(_("Skriv hvorfor registreringen rettes."))
    entry = form.save(commit=False)
    entry.full_clean()
    entry.save()
    changes = form_changes(form)
    changes.pop(str(form.fields["reason"].label), None)
    _progress_audit(
        entry, user=user, action=AuditEntry.Action.UPDATE, changes=changes, reason=reason
    )
    return entry


@transaction.atomic
def progress_delete(*, entry, user, reason: str):
    """Delete a progress entry; the audit trail keeps what it said and why it went."""
    if not reason.strip():
        raise ValidationError(_("Skriv hvorfor registreringen slettes."))
    changes = {
        str(_("Dato")): [entry.date.isoformat(), "–"],
        str(_("Antal")): [str(entry.count), "–"],
        str(_("Note")): [entry.note or "–", "–"],
    }
    _progress_audit(
        entry, user=user, action=AuditEntry.Action.DELETE, changes=changes, reason=reason
    )
    if entry.evidence:
        entry.evidence.delete(save=False)
    entry.delete()


@transaction.atomic
def event_save(*, form, user):
    """Save an EventForm: the event, its participant counts per group and its photos."""
    event = form.save(commit=False)
    created = event.pk is None
    old_counts = {} if created else {row.group: row.count for row in event.attendance.all()}
    event.full_clean()
    event.save()
    changes = form_changes(form)
    for name in ("photo", "photo_caption", "photo_consent", "remove_photos"):
        if name in form.fields:
            changes.pop(str(form.fields[name].label), None)
    labels = dict(EventAttendance.Group.choices)
    for group, count in form.attendance().items():
        if count:
            event.attendance.update_or_create(group=group, defaults={"count": count})
        else:
            event.attendance.filter(group=group).delete()
        old = old_counts.get(group, 0)
        if old != count:
            changes[str(_("Deltagere: %(group)s") % {"group": labels[group]})] = [
                str(old or "–"),
                str(count or "–"),
            ]
    for photo in form.cleaned_data.get("remove_photos") or []:
        changes[str(_("Billede fjernet"))] = [photo.caption or photo.image.name, "–"]
        photo.image.delete(save=False)
        photo.delete()
    if form.cleaned_data.get("photo"):
        photo = EventPhoto(
            event=event,
            image=form.cleaned_data["photo"],
            caption=form.cleaned_data.get("photo_caption", ""),
            consent=form.cleaned_data["photo_consent"],
        )
        photo.full_clean(exclude=["image"])
        photo.save()
        changes[str(_("Billede tilføjet"))] = ["–", photo.caption or photo.image.name]
    audit_record(
        user=user,
        obj=event,
        action=AuditEntry.Action.CREATE if created else AuditEntry.Action.UPDATE,
        changes=changes,
        partnership=event.partnership,
        activity_key=event.activity_key,
    )
    return event
