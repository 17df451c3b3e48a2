"""Operations that change a plan. Each records who changed what in the audit log."""

import datetime

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils.formats import date_format
from django.utils.text import capfirst
from django.utils.translation import gettext as _

from trygplan.audit.models import AuditEntry
from trygplan.audit.services import audit_record, form_changes

from . import access
from .checks import run_checks
from .models import (
    Activity,
    ActivityDescription,
    BudgetLine,
    Deliverable,
    Footnote,
    Plan,
    PlanTransition,
)


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
    changes = form_changes(form)
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
    if not Plan.private_objects.filter(pk=plan.pk, status=Plan.Status.DRAFT).exists():
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
        changes={str(Activity._meta.get_field("name").verbose_name): [activity.name, "–"]},
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
        BudgetLine.objects.bulk_create([_copy(line, activity=new) for line in lines] + proposed)
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


# Approval: draft -> recommended -> decided -> approved -> published, or back to draft.

REFUSALS = {
    access.RECOMMEND: _("Kun arbejdsgruppen kan indstille planen."),
    access.DECIDE: _("Kun styregruppen kan beslutte planen."),
    access.SEND_BACK: _("Du kan ikke sende planen tilbage."),
    access.APPROVE: _("Kun koordinatoren kan registrere Økonomiudvalgets godkendelse."),
    access.PUBLISH: _("Kun koordinatoren kan offentliggøre planen."),
}


def _require_no_errors(plan: Plan, doing: str) -> None:
    errors = [result.message for result in run_checks(plan) if result.is_error]
    if errors:
        raise ValidationError(
            [_("Planen kan ikke %(doing)s, fordi den har fejl:") % {"doing": doing}] + errors,
            code="check_errors",
        )


def _label(name: str) -> str:
    return capfirst(str(Plan._meta.get_field(name).verbose_name))


def _readable(value) -> str:
    if isinstance(value, datetime.date):
        return date_format(value, "j. F Y")
    return str(value) if value not in (None, "") else "–"


def _transition(
    *, plan: Plan, user, action: str, comment: str = "", clean_as: str = "", **fields
) -> Plan:
    """Move the plan (row locked) one step, store the step and audit it. Call inside atomic.

    With `clean_as` (the Danish verb, "indstilles"), a plan with check errors is refused.
    """
    plan = Plan.private_objects.select_for_update().select_related("partnership").get(pk=plan.pk)
    if not access.may_take(user, plan, action):
        raise PermissionDenied(str(REFUSALS[action]))
    if not access.can_take(user, plan, action):
        raise ValidationError(
            _("Planen er %(status)s, så det kan ikke lade sig gøre nu.")
            % {"status": plan.get_status_display().lower()},
            code="wrong_status",
        )
    if clean_as:
        _require_no_errors(plan, clean_as)
    old_status, new_status = plan.status, access.TRANSITIONS[action][1]
    changes = {
        _label("status"): [
            str(Plan.Status(old_status).label),
            str(Plan.Status(new_status).label),
        ]
    }
    for name, value in fields.items():
        changes[_label(name)] = [_readable(getattr(plan, name)), _readable(value)]
        setattr(plan, name, value)
    plan.status = new_status
    plan.full_clean()
    plan.save()
    transition = PlanTransition(
        plan=plan, from_status=old_status, to_status=new_status, user=user, comment=comment
    )
    transition.full_clean()
    transition.save()
    audit_record(
        user=user,
        obj=plan,
        action=AuditEntry.Action.TRANSITION,
        changes=changes,
        reason=comment,
        partnership=plan.partnership,
        plan=plan,
    )
    return plan


@transaction.atomic
def plan_recommend(*, plan: Plan, user, comment: str = "") -> Plan:
    """The working group recommends the draft to the steering group."""
    return _transition(
        plan=plan, user=user, action=access.RECOMMEND, comment=comment, clean_as=_("indstilles")
    )


@transaction.atomic
def plan_decide(*, plan: Plan, user, comment: str = "") -> Plan:
    """The steering group decides on the recommended plan."""
    return _transition(plan=plan, user=user, action=access.DECIDE, comment=comment)


@transaction.atomic
def plan_send_back(*, plan: Plan, user, comment: str) -> Plan:
    """A body sends the plan back to draft; the comment says why."""
    if not (comment or "").strip():
        raise ValidationError(_("Skriv hvorfor planen sendes tilbage."), code="comment")
    return _transition(plan=plan, user=user, action=access.SEND_BACK, comment=comment.strip())


@transaction.atomic
def plan_approve(*, plan: Plan, user, date, reference: str, comment: str = "") -> Plan:
    """Record the finance committee's approval (date and case reference)."""
    if date is None or not (reference or "").strip():
        raise ValidationError(
            _("Skriv datoen for Økonomiudvalgets godkendelse og sagsnummeret."), code="missing"
        )
    return _transition(
        plan=plan,
        user=user,
        action=access.APPROVE,
        comment=comment,
        clean_as=_("godkendes"),
        finance_committee_date=date,
        finance_committee_ref=reference.strip(),
    )


@transaction.atomic
def plan_publish(*, plan: Plan, user, comment: str = "") -> Plan:
    """Make the approved plan public."""
    return _transition(plan=plan, user=user, action=access.PUBLISH, comment=comment)
