"""Operations that change follow-up data. Every change is recorded with `audit_record`."""

from decimal import Decimal

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from trygplan.audit.models import AuditEntry
from trygplan.audit.services import audit_record, form_changes

from . import access
from .models import EventPhoto, IndicatorValue, Submission
from .workflow import SUBMISSION


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
    """Save all rows or none. A changed final value needs a reason (a final figure is only
    corrected with an explanation)."""
    submission = Submission.private_objects.select_for_update().get(pk=submission.pk)
    if not submission.is_draft:
        raise PermissionDenied(_("Indberetningen er sendt og kan ikke længere ændres."))
    if not access.can_edit_submission(user, submission):
        raise PermissionDenied(_("Kun organisationens indberettere kan ændre indberetningen."))
    existing = {value.indicator_id: value for value in submission.values.select_for_update()}
    return [
        _value_save(submission, existing.get(row["indicator"]), row, user=user, reason=reason)
        for row in rows
    ]


def _value_save(submission, value, row, *, user, reason):
    value = value or IndicatorValue(submission=submission, indicator_id=row["indicator"])
    old = {"value": value.value, "quality": value.quality, "note": value.note}
    new_value = _decimal(row["value"])
    changed = value.pk is not None and value.value != new_value
    downgraded = value.pk is not None and value.is_final and row["quality"] != old["quality"]
    if (changed or downgraded) and value.is_final and not reason.strip():
        raise ValidationError(
            _("%(indicator)s har en endelig værdi. Skriv en begrundelse for at ændre den.")
            % {"indicator": value.indicator}
        )
    value.value, value.quality, value.note = new_value, row["quality"], row["note"]
    value.full_clean(exclude=["submission", "indicator"])
    if value.indicator.reported_by_id != submission.organisation_id:
        raise ValidationError(_("Indikatoren indberettes af en anden organisation."))
    created = value.pk is None
    value.save()
    if created:
        changes = {"value": [None, value.value]}
    else:
        changes = {name: [was, getattr(value, name)] for name, was in old.items()}
        changes = {name: pair for name, pair in changes.items() if pair[0] != pair[1]}
    if changes:
        audit_record(
            user=user,
            obj=value,
            action=AuditEntry.Action.CREATE if created else AuditEntry.Action.UPDATE,
            changes=changes,
            reason=reason,
            partnership=submission.partnership,
        )
    return value


def _decimal(value) -> Decimal:
    return Decimal(str(value))


@transaction.atomic
def submission_transition(*, submission: Submission, action: str, user, reason: str = ""):
    """Move a submission along draft -> submitted -> approved -> locked (or back to draft)."""
    return SUBMISSION.apply(submission, action, user=user, comment=reason)


def _require_recordable(entry, user) -> None:
    """Who records progress (the people who run the plan), and when: in the plan's year."""
    plan = entry.deliverable.description.plan
    if not access.can_record(user, plan.partnership):
        raise PermissionDenied(_("Kun koordinator og arbejdsgruppe kan registrere opfølgning."))
    if entry.date > timezone.localdate() or entry.date.year != plan.year:
        raise ValidationError(
            {
                "date": _("Datoen skal ligge i %(year)s, planens år, og ikke i fremtiden.")
                % {"year": plan.year}
            }
        )


@transaction.atomic
def progress_add(*, form, user):
    """Save a DeliverableProgress form and record it on the activity's history."""
    entry = form.save(commit=False)
    entry.created_by = user if user.is_authenticated else None
    _require_recordable(entry, user)
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
    _require_recordable(entry, user)
    entry.full_clean()
    entry.save()
    changes = form_changes(form)
    changes.pop("reason", None)
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
        "date": [entry.date, None],
        "count": [entry.count, None],
        "note": [entry.note, None],
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
    if not access.can_record(user, event.partnership):
        raise PermissionDenied(_("Kun koordinator og arbejdsgruppe kan registrere opfølgning."))
    created = event.pk is None
    old_counts = {} if created else {row.group: row.count for row in event.attendance.all()}
    event.full_clean()
    event.save()
    changes = form_changes(form)
    for name in ("photo", "photo_caption", "photo_consent", "remove_photos"):
        changes.pop(name, None)
    for group, count in form.attendance().items():
        if count:
            event.attendance.update_or_create(group=group, defaults={"count": count})
        else:
            event.attendance.filter(group=group).delete()
        old = old_counts.get(group, 0)
        if old != count:
            changes[f"attendance.{group}"] = [old or None, count or None]
    for photo in form.cleaned_data.get("remove_photos") or []:
        changes["photo_removed"] = [photo.caption or photo.image.name, None]
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
        changes["photo_added"] = [None, photo.caption or photo.image.name]
    audit_record(
        user=user,
        obj=event,
        action=AuditEntry.Action.CREATE if created else AuditEntry.Action.UPDATE,
        changes=changes,
        partnership=event.partnership,
        activity_key=event.activity_key,
    )
    return event
