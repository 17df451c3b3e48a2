"""Operations that change follow-up data. Every change is recorded with `audit_record`."""

from decimal import Decimal

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from trygplan.audit.models import AuditEntry
from trygplan.audit.services import audit_record, form_changes

from .models import IndicatorValue, Submission

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
        old_value, old_quality = value.value, value.quality
        changed = value.pk is not None and value.value != _decimal(row["value"])
        if changed and value.is_final and not reason.strip():
            raise ValidationError(
                _("%(indicator)s har en endelig værdi. Skriv en begrundelse for at ændre den.")
                % {"indicator": value.indicator}
            )
        value.value, value.quality, value.note = row["value"], row["quality"], row["note"]
        value.full_clean(exclude=["submission", "indicator"])
        if value.indicator.reported_by_id != submission.organisation_id:
            raise ValidationError(_("Indikatoren indberettes af en anden organisation."))
        value.save()
        if value.pk and (changed or old_quality != value.quality or old_value is None):
            audit_record(
                user=user,
                obj=value,
                action=AuditEntry.Action.UPDATE
                if old_value is not None
                else AuditEntry.Action.CREATE,
                changes={
                    f"{value.indicator} {submission.year}": [
                        _number(old_value),
                        _number(_decimal(value.value)),
                    ]
                },
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


@transaction.atomic
def event_save(*, form, attendance: dict[str, int], user):
    """Save an Event form with its participant counts per group."""
    event = form.save(commit=False)
    created = event.pk is None
    event.full_clean()
    event.save()
    for group, count in attendance.items():
        if count:
            event.attendance.update_or_create(group=group, defaults={"count": count})
        else:
            event.attendance.filter(group=group).delete()
    changes = form_changes(form)
    changes.update({f"Deltagere: {group}": ["", str(count)] for group, count in attendance.items()})
    audit_record(
        user=user,
        obj=event,
        action=AuditEntry.Action.CREATE if created else AuditEntry.Action.UPDATE,
        changes=changes,
        partnership=event.partnership,
        activity_key=event.activity_key,
    )
    return event
