"""Operations that change a plan. Each records who changed what in the audit log."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from trygplan.audit.models import AuditEntry
from trygplan.audit.services import audit_record, form_changes

from .models import Activity, ActivityDescription, BudgetLine, Deliverable, Footnote, Plan


def _activity_key(obj) -> str:
    if isinstance(obj, Activity | ActivityDescription):
        return obj.key
    if isinstance(obj, BudgetLine):
        return obj.activity.key
    return ""


@transaction.atomic
def plan_item_save(*, form, user, reason: str = ""):
    """Save a valid ModelForm for an activity, description or budget line, and audit it.

    Returns the saved object. Nothing is recorded when nothing changed.
    """
    created = form.instance.pk is None
    changes = form_changes(form)
    obj = form.save()
    if created or changes:
        plan = obj.plan if isinstance(obj, ActivityDescription | Activity) else obj.activity.plan
        audit_record(
            user=user,
            obj=obj,
            action=AuditEntry.Action.CREATE if created else AuditEntry.Action.UPDATE,
            changes=changes,
            reason=reason,
            partnership=plan.partnership,
            plan=plan,
            activity_key=_activity_key(obj),
        )
    return obj


@transaction.atomic
def budget_line_delete(*, line: BudgetLine, user, reason: str = "") -> None:
    plan = line.activity.plan
    audit_record(
        user=user,
        obj=line,
        action=AuditEntry.Action.DELETE,
        changes={str(BudgetLine._meta.get_field("amount").verbose_name): [str(line.amount), "–"]},
        reason=reason,
        partnership=plan.partnership,
        plan=plan,
        activity_key=line.activity.key,
    )
    line.delete()


def _next(year: int | None, plan_year: int) -> int | None:
    """A footnote on the old plan year's cell moves to the new plan year's cell."""
    return plan_year + 1 if year == plan_year else year


def _copy(obj, **changes):
    """An unsaved copy of a model instance with some fields changed."""
    obj.pk = None
    obj._state.adding = True
    obj._prefetched_objects_cache = {}
    for name, value in changes.items():
        setattr(obj, name, value)
    return obj


@transaction.atomic
def plan_create_next_year(*, plan: Plan, user) -> Plan:
    """A draft for year N+1 made from year N.

    Continuing activities are copied with their texts, results, responsibilities,
    their earlier years' money and a proposed budget for N+1 equal to year N's.
    Ended activities are left out (`plan_ended_activities` lists them).
    Activities keep their `key`, so their history can be followed across years.
    """
    year = plan.year + 1
    if Plan.private_objects.filter(partnership=plan.partnership, year=year).exists():
        raise ValidationError(
            _("Der findes allerede en tryghedsplan for %(year)s.") % {"year": year}
        )
    descriptions = list(
        plan.descriptions.prefetch_related("results", "responsible_organisations", "deliverables")
    )
    activities = list(
        plan.activities.filter(has_ended=False).prefetch_related(
            "focus_areas", "budget_lines", "footnotes"
        )
    )
    text_footnotes = list(plan.footnotes.filter(activity__isnull=True))

    new_plan = _copy(
        Plan.private_objects.get(pk=plan.pk),
        year=year,
        amendment=0,
        status=Plan.Status.DRAFT,
        title=plan.title.replace(str(plan.year), str(year)),
        finance_committee_date=None,
        finance_committee_ref="",
        based_on=plan,
    )
    new_plan.save()

    copied: dict[int, ActivityDescription] = {}
    # Parents before their sub-descriptions.
    for description in sorted(descriptions, key=lambda d: (d.parent_id is not None, d.order)):
        results = list(description.results.all())
        organisations = list(description.responsible_organisations.all())
        deliverables = list(description.deliverables.all())
        old_pk = description.pk
        new = _copy(
            description,
            plan=new_plan,
            parent=copied.get(description.parent_id) if description.parent_id else None,
        )
        new.save()
        new.results.set(results)
        new.responsible_organisations.set(organisations)
        Deliverable.objects.bulk_create(_copy(item, description=new) for item in deliverables)
        copied[old_pk] = new

    for activity in activities:
        focus_areas = list(activity.focus_areas.all())
        lines = list(activity.budget_lines.all())
        footnotes = list(activity.footnotes.all())
        new = _copy(
            activity,
            plan=new_plan,
            description=copied.get(activity.description_id),
            is_new=False,
        )
        new.save()
        new.focus_areas.set(focus_areas)
        proposed = [
            BudgetLine(
                activity=new,
                year=year,
                amount=line.amount,
                source=line.source,
                funder_id=line.funder_id,
                label=line.label,
                order=line.order,
            )
            for line in lines
            if line.year == plan.year
        ]
        BudgetLine.objects.bulk_create([_copy(line, activity=new) for line in lines] + proposed)
        Footnote.objects.bulk_create(
            _copy(note, plan=new_plan, activity=new, year=_next(note.year, plan.year))
            for note in footnotes
        )
    Footnote.objects.bulk_create(_copy(note, plan=new_plan) for note in text_footnotes)

    audit_record(
        user=user,
        obj=new_plan,
        action=AuditEntry.Action.CREATE,
        reason=_("Oprettet som revision af %(title)s.") % {"title": plan.title},
        partnership=plan.partnership,
        plan=new_plan,
    )
    return new_plan


def plan_ended_activities(plan: Plan):
    """Activities of the plan this one was made from that were not carried over."""
    if plan.based_on_id is None:
        return Activity.objects.none()
    keys = plan.activities.values_list("key", flat=True)
    return plan.based_on.activities.exclude(key__in=keys)
