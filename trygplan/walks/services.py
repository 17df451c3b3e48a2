"""Operations on walks and findings. Each runs in one transaction and records who, when,
what and why through `audit_record`."""

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.db.models import Max
from django.utils import timezone
from django.utils.translation import gettext as _

from trygplan.audit.models import AuditEntry
from trygplan.audit.services import audit_record, form_changes

from .models import Finding, FindingPhoto, FindingStep, Participants, ReRating, Walk


@transaction.atomic
def walk_save(*, form, user, partnership=None) -> Walk:
    """Create (pass `partnership`) or update a walk from a valid WalkForm."""
    walk = form.save(commit=False)
    created = walk.pk is None
    if created:
        walk.partnership = partnership
    changes = form_changes(form)
    walk.full_clean()
    walk.save()
    audit_record(
        user=user,
        obj=walk,
        action=AuditEntry.Action.CREATE if created else AuditEntry.Action.UPDATE,
        changes=changes,
        partnership=walk.partnership,
    )
    return walk


@transaction.atomic
def walk_advance(*, walk: Walk, user) -> Walk:
    """Move the walk one step on: planned → walked → protocol sent → follow-up held."""
    if walk.next_status is None:
        return walk
    old = walk.get_status_display()
    walk.status = walk.next_status
    walk.full_clean()
    walk.save(update_fields=["status"])
    audit_record(
        user=user,
        obj=walk,
        action=AuditEntry.Action.TRANSITION,
        changes={str(_("Status")): [old, walk.get_status_display()]},
        partnership=walk.partnership,
    )
    return walk


@transaction.atomic
def participants_add(*, form, walk: Walk, user) -> Participants:
    """Add a count, or add to an existing count for the same group and organisation."""
    data = form.cleaned_data
    row, created = Participants.objects.get_or_create(
        walk=walk,
        group=data["group"],
        organisation=data.get("organisation"),
        defaults={"count": data["count"]},
    )
    if not created:
        row.count += data["count"]
        row.save(update_fields=["count"])
    audit_record(
        user=user,
        obj=walk,
        action=AuditEntry.Action.UPDATE,
        changes={str(_("Deltagere")): ["", f"{row.label}: {row.count}"]},
        partnership=walk.partnership,
    )
    return row


@transaction.atomic
def participants_remove(*, row: Participants, user) -> None:
    walk = row.walk
    audit_record(
        user=user,
        obj=walk,
        action=AuditEntry.Action.UPDATE,
        changes={str(_("Deltagere")): [f"{row.label}: {row.count}", ""]},
        partnership=walk.partnership,
    )
    row.delete()


def finding_create(*, walk: Walk, form, user) -> tuple[Finding, bool]:
    """Save a finding from a valid FindingCaptureForm. A repeat of the same `client_uuid`
    (a phone retrying) returns the finding already saved, and `created=False`."""
    client_uuid = form.cleaned_data["client_uuid"]
    existing = Finding.private_objects.filter(client_uuid=client_uuid).first()
    if existing is None:
        try:
            return _finding_insert(walk=walk, form=form, user=user, client_uuid=client_uuid), True
        except IntegrityError:  # the same retry, a moment earlier, in another request
            existing = Finding.private_objects.filter(client_uuid=client_uuid).first()
            if existing is None:
                raise
    if existing.walk_id != walk.pk:
        raise ValidationError({"client_uuid": _("Fundet er allerede gemt på en anden vandring.")})
    return existing, False


@transaction.atomic
def _finding_insert(*, walk, form, user, client_uuid) -> Finding:
    Walk.objects.select_for_update().filter(pk=walk.pk).first()
    finding = form.save(commit=False)
    finding.walk = walk
    finding.client_uuid = client_uuid
    finding.number = (walk.findings.aggregate(n=Max("number"))["n"] or 0) + 1
    finding.created_by = user if user.is_authenticated else None
    finding.full_clean()
    finding.save()
    step = FindingStep.objects.create(
        finding=finding, to_status=Finding.Status.NEW, user=finding.created_by
    )
    photo = form.cleaned_data.get("photo")
    if photo:
        FindingPhoto.objects.create(
            finding=finding, step=step, kind=FindingPhoto.Kind.FINDING, image=photo
        )
    audit_record(
        user=user,
        obj=finding,
        action=AuditEntry.Action.CREATE,
        changes={str(_("Kategori")): ["", finding.get_category_display()]},
        partnership=walk.partnership,
    )
    return finding


@transaction.atomic
def finding_update(*, form, user) -> Finding:
    changes = form_changes(form)
    finding = form.save(commit=False)
    finding.full_clean()
    finding.save()
    audit_record(
        user=user,
        obj=finding,
        action=AuditEntry.Action.UPDATE,
        changes=changes,
        partnership=finding.walk.partnership,
    )
    return finding


@transaction.atomic
def finding_step(*, finding: Finding, form, user) -> FindingStep:
    """Move a finding through its follow-up from a valid FindingStepForm."""
    data = form.cleaned_data
    old_status = finding.status
    old_label = finding.get_status_display()
    finding.status = data["to_status"]
    if finding.status == Finding.Status.FIXED:
        finding.fixed_at = timezone.now()
    elif finding.status == Finding.Status.NEW:
        finding.fixed_at = None
    if data.get("owner_organisation"):
        finding.owner_organisation = data["owner_organisation"]
        finding.owner = finding.owner or _owner_kind(data["owner_organisation"])
    for name in ("public_reason", "forwarded_to", "duplicate_of"):
        if data.get(name):
            setattr(finding, name, data[name])
    finding.full_clean()
    finding.save()
    step = FindingStep.objects.create(
        finding=finding,
        from_status=old_status,
        to_status=finding.status,
        comment=data.get("comment", ""),
        user=user,
    )
    if data.get("photo"):
        FindingPhoto.objects.create(
            finding=finding, step=step, kind=data["photo_kind"], image=data["photo"]
        )
    audit_record(
        user=user,
        obj=finding,
        action=AuditEntry.Action.TRANSITION,
        changes={str(_("Status")): [old_label, finding.get_status_display()]},
        reason=data.get("comment", "") or data.get("public_reason", ""),
        partnership=finding.walk.partnership,
    )
    return step


def _owner_kind(organisation) -> str:
    kinds = {
        "housing": Finding.Owner.HOUSING,
        "police": Finding.Owner.POLICE,
        "municipality": Finding.Owner.MUNICIPALITY,
        "administration": Finding.Owner.MUNICIPALITY,
        "unit": Finding.Owner.MUNICIPALITY,
    }
    return kinds.get(organisation.kind, "")


@transaction.atomic
def rerating_save(*, form, finding: Finding, walk: Walk, user) -> ReRating:
    """Store (or replace) a later walk's re-rating of an earlier finding."""
    data = form.cleaned_data
    rerating, created = ReRating.objects.update_or_create(
        finding=finding,
        walk=walk,
        defaults={
            "fixed": data["fixed"],
            "feeling": data["feeling"],
            "comment": data.get("comment", ""),
            "created_by": user,
        },
    )
    rerating.full_clean()
    audit_record(
        user=user,
        obj=finding,
        action=AuditEntry.Action.CREATE if created else AuditEntry.Action.UPDATE,
        changes={
            str(_("Genvurdering")): ["", f"{rerating.get_fixed_display()}, {rerating.feeling}/3"]
        },
        partnership=walk.partnership,
    )
    return rerating
