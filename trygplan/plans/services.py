"""Operations that change a plan. Each records who changed what in the audit log."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from trygplan.audit.models import AuditEntry
from trygplan.audit.services import audit_record, form_changes
from trygplan.core.concurrency import require_unchanged

from .models import (
    Activity,
    ActivityDescription,
    BudgetLine,
    Deliverable,
    Footnote,
    Plan,
)
from .workflow import PLAN


def _activity_key(obj) -> str:
    if isinstance(obj, Activity | ActivityDescription):
        return obj.key
    if isinstance(obj, BudgetLine):
        return obj.activity.key
    return ""


def _plan_of(obj) -> Plan:
    if isinstance(obj, Plan):
        return obj
    if isinstance(obj, ActivityDescription | Activity):
        return obj.plan
    return obj.activity.plan


@transaction.atomic
def plan_item_save(*, form, user, reason: str = ""):
    """Save a valid ModelForm for a plan's settings, an activity, a description or a
    budget line, and audit it. Only a draft can be changed.

    Returns the saved object. Nothing is recorded when nothing changed.
    """
    created = form.instance.pk is None
    _require_draft(_plan_of(form.instance))
    require_unchanged(form)
    changes = form_changes(form)
    changes.pop("version", None)
    obj = form.save()
    if created or changes:
        plan = _plan_of(obj)
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


def _require_draft(plan: Plan) -> None:
    """Lock the plan row and check, on the locked row, that it is still a draft."""
    locked = Plan.private_objects.select_for_update().filter(pk=plan.pk).first()
    if locked is None or locked.status != Plan.Status.DRAFT:
        raise ValidationError(_("Kun en kladde kan ændres."))


@transaction.atomic
def activity_delete(*, activity: Activity, user, reason: str = "") -> None:
    """Remove an activity (and its money) from a draft plan."""
    plan = activity.plan
    _require_draft(plan)
    audit_record(
        user=user,
        obj=activity,
        action=AuditEntry.Action.DELETE,
        changes={"name": [activity.name, None]},
        reason=reason,
        partnership=plan.partnership,
        plan=plan,
        activity_key=activity.key,
    )
    activity.delete()


@transaction.atomic
def budget_line_delete(*, line: BudgetLine, user, reason: str = "") -> None:
    plan = line.activity.plan
    _require_draft(plan)
    audit_record(
        user=user,
        obj=line,
        action=AuditEntry.Action.DELETE,
        changes={"amount": [line.amount, None]},
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


def _copy_contents(*, plan: Plan, new_plan: Plan, activities, next_year: bool) -> None:
    """Copy descriptions, the given activities, their money and the footnotes to new_plan.

    For next year's plan, year N's money is also proposed for N+1, a footnote on the old
    plan year's cell moves to the new plan year's cell, and nothing is new any more.
    For an amendment everything is copied as it is.
    """
    descriptions = list(
        plan.descriptions.prefetch_related("results", "responsible_organisations", "deliverables")
    )
    activities = list(activities.prefetch_related("focus_areas", "budget_lines", "footnotes"))
    text_footnotes = list(plan.footnotes.filter(activity__isnull=True))

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
        changes = {"is_new": False} if next_year else {}
        new = _copy(
            activity, plan=new_plan, description=copied.get(activity.description_id), **changes
        )
        new.save()
        new.focus_areas.set(focus_areas)
        proposed = [
            BudgetLine(
                activity=new,
                year=new_plan.year,
                amount=line.amount,
                source=line.source,
                funder_id=line.funder_id,
                label=line.label,
                order=line.order,
            )
            for line in lines
            if next_year and line.year == plan.year
        ]
        BudgetLine.private_objects.bulk_create(
            [_copy(line, activity=new) for line in lines] + proposed
        )
        Footnote.objects.bulk_create(
            _copy(
                note,
                plan=new_plan,
                activity=new,
                year=_next(note.year, plan.year) if next_year else note.year,
            )
            for note in footnotes
        )
    Footnote.objects.bulk_create(_copy(note, plan=new_plan) for note in text_footnotes)


@transaction.atomic
def plan_create_next_year(*, plan: Plan, user) -> Plan:
    """A draft for year N+1 made from year N.

    Continuing activities are copied with their texts, results, responsibilities,
    their earlier years' money and a proposed budget for N+1 equal to year N's.
    Ended activities are left out (`plan_ended_activities` lists them).
    Activities keep their `key`, so their history can be followed across years.
    """
    year = plan.year + 1
    if not plan.is_frozen:
        raise ValidationError(_("Næste års plan laves ud fra en godkendt plan."))
    if Plan.private_objects.filter(partnership=plan.partnership, year=year).exists():
        raise ValidationError(
            _("Der findes allerede en tryghedsplan for %(year)s.") % {"year": year}
        )
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
    new_plan.full_clean()
    new_plan.save()
    _copy_contents(
        plan=plan,
        new_plan=new_plan,
        activities=plan.activities.filter(has_ended=False),
        next_year=True,
    )
    audit_record(
        user=user,
        obj=new_plan,
        action=AuditEntry.Action.CREATE,
        reason=_("Oprettet som revision af %(title)s.") % {"title": plan.title},
        partnership=plan.partnership,
        plan=new_plan,
    )
    return new_plan


@transaction.atomic
def plan_create_amendment(*, plan: Plan, user) -> Plan:
    """Amendment N+1 (tillæg): a draft copy of an approved or published plan of the same year.

    The approved version stays as it is (and public, if published); the amendment goes
    through the same approval.
    """
    plan = Plan.private_objects.select_for_update().get(pk=plan.pk)
    if not plan.is_frozen:
        raise ValidationError(_("Kun en godkendt plan kan få et tillæg."))
    newest = Plan.private_objects.for_partnership(plan.partnership).versions_of(plan.year).first()
    if newest.pk != plan.pk:
        raise ValidationError(
            _("Der findes allerede tillæg nr. %(n)s til planen for %(year)s.")
            % {"n": newest.amendment, "year": plan.year}
        )
    new_plan = _copy(
        Plan.private_objects.get(pk=plan.pk),
        amendment=plan.amendment + 1,
        status=Plan.Status.DRAFT,
        finance_committee_date=None,
        finance_committee_ref="",
        based_on=plan,
    )
    new_plan.full_clean()
    new_plan.save()
    _copy_contents(plan=plan, new_plan=new_plan, activities=plan.activities.all(), next_year=False)
    audit_record(
        user=user,
        obj=new_plan,
        action=AuditEntry.Action.CREATE,
        reason=_("Tillæg nr. %(n)s til %(title)s.")
        % {"n": new_plan.amendment, "title": plan.title},
        partnership=plan.partnership,
        plan=new_plan,
    )
    return new_plan


def plan_ended_activities(plan: Plan):
    """Activities of the plan this one was made from that were not carried over."""
    if plan.based_on_id is None:
        return Activity.objects.none()
    keys = plan.activities.values_list("key", flat=True)
    return plan.based_on.activities.exclude(key__in=keys).select_related("plan__partnership")


# Approval: the steps are declared in `plans.workflow`; these name them for callers.


@transaction.atomic
def plan_transition(*, plan: Plan, user, action: str, comment: str = "", **fields) -> Plan:
    """Take one approval step (see `plans.workflow.PLAN`); `fields` are set on the way."""
    return PLAN.apply(plan, action, user=user, comment=comment, fields=fields)


def plan_recommend(*, plan: Plan, user, comment: str = "") -> Plan:
    """The working group recommends the draft to the steering group."""
    return plan_transition(plan=plan, user=user, action="recommend", comment=comment)


def plan_decide(*, plan: Plan, user, comment: str = "") -> Plan:
    """The steering group decides on the recommended plan."""
    return plan_transition(plan=plan, user=user, action="decide", comment=comment)


def plan_send_back(*, plan: Plan, user, comment: str) -> Plan:
    """A body sends the plan back to draft; the comment says why."""
    return plan_transition(plan=plan, user=user, action="send_back", comment=comment)


def plan_approve(*, plan: Plan, user, date, reference: str, comment: str = "") -> Plan:
    """Record the finance committee's approval (date and case reference)."""
    return plan_transition(
        plan=plan,
        user=user,
        action="approve",
        comment=comment,
        finance_committee_date=date,
        finance_committee_ref=(reference or "").strip(),
    )


def plan_publish(*, plan: Plan, user, comment: str = "") -> Plan:
    """Make the approved plan public."""
    return plan_transition(plan=plan, user=user, action="publish", comment=comment)
