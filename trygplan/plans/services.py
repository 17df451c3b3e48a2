"""Operations that change a plan. Each records who changed what in the audit log."""

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import models, transaction
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
    if isinstance(obj, Footnote) and obj.activity_id:
        return obj.activity.key
    return ""


def _plan_of(obj) -> Plan:
    if isinstance(obj, Plan):
        return obj
    if isinstance(obj, ActivityDescription | Activity | Footnote):
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
    _require_own_year(form.instance)
    if isinstance(form.instance, BudgetLine):
        if not created:
            _require_own_year(BudgetLine.private_objects.get(pk=form.instance.pk))
        _guard_budget(form.instance)
    require_unchanged(form)
    changes = form_changes(form)
    changes.pop("version", None)
    changes.pop("reason", None)
    reason = reason or form.cleaned_data.get("reason", "")
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


# Checks other modules add in their AppConfig.ready(), called with a budget line about to be
# saved (or deleted: amount 0); each raises ValidationError to refuse (the pools module refuses
# a line that would leave a pool with less than it has granted).
BUDGET_GUARDS: list = []


def _guard_budget(line: BudgetLine, *, deleting: bool = False) -> None:
    for guard in BUDGET_GUARDS:
        guard(line, deleting=deleting)


def _require_own_year(obj) -> None:
    """A plan changes its own year (and later years), never an earlier year: that is what the
    approved plan of that year says, changed only by an amendment of that year's plan."""
    if isinstance(obj, BudgetLine) and obj.year < obj.activity.plan.year:
        raise ValidationError(
            _(
                "%(year)s er et tidligere år: beløbet er det, planen for %(year)s godkendte. "
                "Det ændres kun med et tillæg til planen for %(year)s."
            )
            % {"year": obj.year},
            code="earlier_year",
        )


def _require_draft(plan: Plan) -> None:
    """Lock the plan row and check, on the locked row, that it is still a draft."""
    locked = Plan.private_objects.select_for_update().filter(pk=plan.pk).first()
    if locked is None or locked.status != Plan.Status.DRAFT:
        raise ValidationError(_("Kun en kladde kan ændres."))


@transaction.atomic
def activity_create(*, form, user) -> Activity:
    """A new activity in a draft (a valid NewActivityForm). Unless it is described under an
    existing description, it gets one of its own (same key and title) to be written next."""
    activity = plan_item_save(form=form, user=user)
    if activity.description_id is None:
        focus_area = activity.focus_areas.order_by("number").first()
        description = ActivityDescription(
            plan=activity.plan,
            key=activity.key,
            title=activity.name,
            focus_area=focus_area,
            order=(activity.plan.descriptions.aggregate(n=models.Max("order"))["n"] or 0) + 1,
        )
        description.full_clean()
        description.save()
        activity.description = description
        activity.save(update_fields=["description"])
        audit_record(
            user=user,
            obj=description,
            action=AuditEntry.Action.CREATE,
            changes={"title": [None, description.title]},
            partnership=activity.plan.partnership,
            plan=activity.plan,
            activity_key=activity.key,
        )
    return activity


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
    stored = BudgetLine.private_objects.get(pk=line.pk)
    _require_own_year(stored)
    _guard_budget(stored, deleting=True)
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


@transaction.atomic
def footnote_delete(*, footnote: Footnote, user, reason: str = "") -> None:
    """Remove a footnote from a draft (in the plan's history, with the text it had)."""
    plan = footnote.plan
    _require_draft(plan)
    audit_record(
        user=user,
        obj=footnote,
        action=AuditEntry.Action.DELETE,
        changes={"text": [footnote.text, None]},
        reason=reason,
        partnership=plan.partnership,
        plan=plan,
        activity_key=_activity_key(footnote),
    )
    footnote.delete()


@transaction.atomic
def description_save(*, form, deliverables, user) -> ActivityDescription:
    """Save an activity's description (a DescriptionForm) and its deliverables (its
    DeliverableFormSet), all or nothing; each change is in the activity's history."""
    reason = form.cleaned_data.get("reason", "")
    description = plan_item_save(form=form, user=user, reason=reason)
    if not deliverables.is_bound:
        return description
    plan = description.plan
    changed = [
        f for f in deliverables.forms if f.has_changed() and f not in deliverables.deleted_forms
    ]
    changes = [(f, form_changes(f), f.instance.pk is None) for f in changed]
    for removed in deliverables.deleted_forms:
        if removed.instance.pk:
            audit_record(
                user=user,
                obj=removed.instance,
                action=AuditEntry.Action.DELETE,
                changes={"text": [removed.instance.text, None]},
                reason=reason,
                partnership=plan.partnership,
                plan=plan,
                activity_key=description.key,
            )
    deliverables.instance = description
    deliverables.save()
    for item_form, item_changes, created in changes:
        audit_record(
            user=user,
            obj=item_form.instance,
            action=AuditEntry.Action.CREATE if created else AuditEntry.Action.UPDATE,
            changes=item_changes,
            reason=reason,
            partnership=plan.partnership,
            plan=plan,
            activity_key=description.key,
        )
    return description


@transaction.atomic
def subactivity_create(*, parent: ActivityDescription, title: str, key: str, user):
    """A sub-activity (delaktivitet) under a description, in a draft."""
    _require_draft(parent.plan)
    child = ActivityDescription(
        plan=parent.plan,
        parent=parent,
        key=key,
        title=title,
        focus_area=parent.focus_area,
        order=(parent.children.aggregate(n=models.Max("order"))["n"] or parent.order) + 1,
    )
    child.full_clean()
    child.save()
    audit_record(
        user=user,
        obj=child,
        action=AuditEntry.Action.CREATE,
        changes={"title": [None, title], "parent": [None, parent]},
        partnership=parent.plan.partnership,
        plan=parent.plan,
        activity_key=parent.key,
    )
    return child


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


def _lines_for(new, lines, plan: Plan, new_plan: Plan, next_year: bool) -> list[BudgetLine]:
    """The copied activity's budget lines. An amendment copies them all. Next year's plan
    states its own year (proposed as this year's money, unless it already has lines for it)
    and any later years; its earlier years are read from the plans that approved them
    (`plans.history`), so they are never copied."""
    if not next_year:
        return [_copy(line, activity=new) for line in lines]
    kept = [_copy(line, activity=new) for line in lines if line.year > plan.year]
    if any(line.year == new_plan.year for line in kept):
        return kept
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
        if line.year == plan.year
    ]
    return kept + proposed


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
        BudgetLine.private_objects.bulk_create(_lines_for(new, lines, plan, new_plan, next_year))
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


@transaction.atomic
def plan_create_first(*, partnership, user, title: str, year: int, frame: int) -> Plan:
    """A new partnership's first plan: an empty draft with its title, year and frame.

    Later years are made from an approved plan (`plan_create_next_year`), so this is refused
    once the partnership has a plan."""
    from trygplan.partnerships.access import can_edit_plans

    if not can_edit_plans(user, partnership):
        raise PermissionDenied(_("Kun arbejdsgruppen kan oprette tryghedsplanen."))
    if Plan.private_objects.filter(partnership=partnership).exists():
        raise ValidationError(
            _("Partnerskabet har allerede en tryghedsplan. Næste års plan laves ud fra den.")
        )
    plan = Plan(partnership=partnership, year=year, title=title, frame=frame)
    plan.full_clean()
    plan.save()
    audit_record(
        user=user,
        obj=plan,
        action=AuditEntry.Action.CREATE,
        changes={"title": [None, title], "year": [None, year], "frame": [None, frame]},
        reason=_("Partnerskabets første tryghedsplan."),
        partnership=partnership,
        plan=plan,
    )
    return plan
