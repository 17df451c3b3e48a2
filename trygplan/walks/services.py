"""Operations on walks and findings. Each runs in one transaction and records who, when,
what and why through `audit_record`."""

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.db.models import Max
from django.utils.translation import gettext as _

from trygplan.audit.models import AuditEntry
from trygplan.audit.services import audit_record, form_changes

from . import access
from .models import Finding, FindingPhoto, Participants, ReRating, Walk
from .workflow import FINDING, WALK, WALK_FORWARD, finding_action_to


def require_editor(user, partnership) -> None:
    """Every change to walks and findings is the working group's (`walks.access`)."""
    if not access.can_edit_walks(user, partnership):
        raise PermissionDenied(_("Kun arbejdsgruppen kan ændre tryghedsvandringer."))


@transaction.atomic
def walk_save(*, form, user, partnership=None) -> Walk:
    """Create (pass `partnership`) or update a walk from a valid WalkForm."""
    walk = form.save(commit=False)
    require_editor(user, partnership or walk.partnership)
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
    action = WALK_FORWARD.get(walk.status)
    if action is None:
        return walk
    return WALK.apply(walk, action, user=user)


@transaction.atomic
def walk_cancel(*, walk: Walk, user, reason: str) -> Walk:
    """A planned walk that will not happen is cancelled, with a reason, never deleted."""
    return WALK.apply(walk, "cancel", user=user, comment=reason)


@transaction.atomic
def participants_add(*, form, walk: Walk, user) -> Participants:
    """Add a count, or add to an existing count for the same group and organisation."""
    require_editor(user, walk.partnership)
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
        changes={"participants": [None, f"{row.label}: {row.count}"]},
        partnership=walk.partnership,
    )
    return row


@transaction.atomic
def participants_remove(*, row: Participants, user) -> None:
    walk = row.walk
    require_editor(user, walk.partnership)
    audit_record(
        user=user,
        obj=walk,
        action=AuditEntry.Action.UPDATE,
        changes={"participants": [f"{row.label}: {row.count}", None]},
        partnership=walk.partnership,
    )
    row.delete()


def finding_create(*, walk: Walk, form, user) -> tuple[Finding, bool]:
    """Save a finding from a valid FindingCaptureForm. A repeat of the same `client_uuid`
    (a phone retrying) returns the finding already saved, and `created=False`."""
    require_editor(user, walk.partnership)
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
    Walk.private_objects.select_for_update().filter(pk=walk.pk).first()
    finding = form.save(commit=False)
    finding.walk = walk
    finding.client_uuid = client_uuid
    finding.number = (walk.findings.aggregate(n=Max("number"))["n"] or 0) + 1
    finding.created_by = user if user.is_authenticated else None
    finding.full_clean()
    finding.save()
    FINDING.start(finding, user=user, changes={"category": [None, finding.category]})
    photo = form.cleaned_data.get("photo")
    if photo:
        FindingPhoto.private_objects.create(
            finding=finding, kind=FindingPhoto.Kind.FINDING, image=photo
        )
    return finding


@transaction.atomic
def finding_update(*, form, user) -> Finding:
    require_editor(user, form.instance.walk.partnership)
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
def finding_step(*, finding: Finding, form, user):
    """Move a finding through its follow-up from a valid FindingStepForm; the step may be
    dated to the day the work was done. Returns the workflow step."""
    data = form.cleaned_data
    fields = {}
    if data.get("owner_organisation"):
        fields["owner_organisation"] = data["owner_organisation"]
        if not finding.owner:
            fields["owner"] = _owner_kind(data["owner_organisation"])
    for name in ("public_reason", "forwarded_to", "duplicate_of"):
        if data.get(name):
            fields[name] = data[name]
    finding = FINDING.apply(
        finding,
        finding_action_to(finding, data["to_status"]),
        user=user,
        comment=data.get("comment", "") or data.get("public_reason", ""),
        at=data.get("done_on"),
        fields=fields,
    )
    step = FINDING.steps(finding).order_by("recorded_at", "pk").last()
    if data.get("photo"):
        FindingPhoto.private_objects.create(
            finding=finding, step=step, kind=data["photo_kind"], image=data["photo"]
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
    """Store (or replace) a later walk's re-rating of an earlier finding (validated first)."""
    require_editor(user, walk.partnership)
    data = form.cleaned_data
    rerating = ReRating.objects.filter(finding=finding, walk=walk).first() or ReRating(
        finding=finding, walk=walk
    )
    created = rerating.pk is None
    rerating.fixed, rerating.feeling = data["fixed"], data["feeling"]
    rerating.comment, rerating.created_by = data.get("comment", ""), user
    rerating.full_clean()
    rerating.save()
    audit_record(
        user=user,
        obj=finding,
        action=AuditEntry.Action.CREATE if created else AuditEntry.Action.UPDATE,
        changes={"rerating": [None, f"{rerating.get_fixed_display()}, {rerating.feeling}/3"]},
        partnership=walk.partnership,
    )
    return rerating
