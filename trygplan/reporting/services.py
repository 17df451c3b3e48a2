"""Operations on report rounds, parts, recommendations and money spent. Each checks who may
do it, validates before saving, runs in one transaction and is recorded with `audit_record`;
the steps themselves go through the workflows (`workflow.py`)."""

from __future__ import annotations

import datetime

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from trygplan.audit.models import AuditEntry
from trygplan.audit.services import audit_record, form_changes
from trygplan.followup.models import Reporter
from trygplan.plans.history import budget_source

from . import access
from .models import (
    PartFigure,
    PartSpending,
    ReportPart,
    ReportRecommendation,
    ReportRound,
    Spending,
)
from .workflow import PART, RECOMMENDATION, ROUND

__all__ = [
    "part_save",
    "part_transition",
    "recommendation_decide",
    "recommendation_delete",
    "recommendation_save",
    "round_open",
    "round_sent",
    "round_texts_save",
    "round_transition",
    "spending_book",
    "spending_delete",
]


def _context(round_: ReportRound, **extra) -> dict:
    return {"partnership": round_.partnership, "plan": round_.plan, **extra}


def _reporting_organisation(description, reporting: set[int]):
    """The first responsible organisation with a reporter, else the first responsible one."""
    organisations = list(description.responsible_organisations.all())
    with_reporter = [org for org in organisations if org.pk in reporting]
    return (with_reporter or organisations or [None])[0]


@transaction.atomic
def round_open(*, partnership, year: int, kind: str, deadline, user, meeting_on=None, at=None):
    """Open a round on the year's approved plan: one part per described activity of the
    overview, each for the organisation that reports it."""
    if not access.can_manage(user, partnership):
        raise PermissionDenied(_("Kun koordinatoren kan åbne en afrapportering."))
    plan = budget_source(partnership, year)
    if plan is None or plan.year != year:
        raise ValidationError(
            {"year": _("Der er ingen godkendt tryghedsplan for %(year)s.") % {"year": year}}
        )
    if ReportRound.private_objects.filter(partnership=partnership, year=year, kind=kind).exists():
        raise ValidationError(
            {"kind": _("Afrapporteringen for %(year)s er allerede åbnet.") % {"year": year}}
        )
    round_ = ReportRound(
        partnership=partnership,
        plan=plan,
        year=year,
        kind=kind,
        deadline=deadline,
        meeting_on=meeting_on,
    )
    round_.full_clean()
    round_.save()
    ROUND.start(round_, user=user, at=at, changes={"deadline": [None, deadline]})
    reporting = set(
        Reporter.objects.filter(partnership=partnership).values_list("organisation", flat=True)
    )
    descriptions = (
        plan.descriptions.filter(parent__isnull=True, activities__isnull=False)
        .distinct()
        .prefetch_related("responsible_organisations")
        .order_by("order")
    )
    for description in descriptions:
        part = ReportPart(
            round=round_,
            description=description,
            organisation=_reporting_organisation(description, reporting),
        )
        part.full_clean()
        part.save()
        PART.start(part, user=user, at=at)
    return round_


@transaction.atomic
def round_texts_save(*, form, user) -> ReportRound:
    """The summary, the internal notes and the meeting day (a valid RoundTextsForm)."""
    round_ = ReportRound.private_objects.select_for_update().get(pk=form.instance.pk)
    if not access.can_compile(user, round_.partnership):
        raise PermissionDenied(_("Kun koordinator og arbejdsgruppe kan skrive rapporten."))
    if not round_.is_open:
        raise ValidationError(_("Rapporten er sendt til styregruppen og kan ikke ændres."))
    changes = form_changes(form)
    saved = form.save()
    if changes:
        audit_record(
            user=user,
            obj=saved,
            action=AuditEntry.Action.UPDATE,
            changes=changes,
            **_context(saved),
        )
    return saved


@transaction.atomic
def round_transition(
    *, round_: ReportRound, action: str, user, comment: str = "", at=None
) -> ReportRound:
    return ROUND.apply(round_, action, user=user, comment=comment, at=at)


def round_sent(*, round_: ReportRound) -> None:
    """After the report is sent (the `recommend` step): tell the steering group, queue the
    frozen files. Invented (demo) rounds send no mail."""
    from trygplan.notifications.services import report_waiting_notify

    from .documents import report_prepare_frozen

    if round_.is_invented:
        return

    report_waiting_notify(
        partnership=round_.partnership,
        title=str(round_),
        path=round_.get_absolute_url(),
        key=f"report:{round_.pk}",
    )
    report_prepare_frozen(round_)


# ---- parts ----------------------------------------------------------------------------------


@transaction.atomic
def part_save(*, part: ReportPart, form, user) -> ReportPart:
    """The partner's texts, deliverable figures and money so far (a valid PartForm): all or
    nothing, while the part is a draft of an open round."""
    part = ReportPart.private_objects.select_for_update().select_related("round").get(pk=part.pk)
    if not access.can_fill_part(user, part):
        raise PermissionDenied(_("Delrapporten kan ikke ændres nu."))
    changes = {
        name: change
        for name, change in form_changes(form).items()
        if name in ReportPart.TEXT_FIELDS
    }
    for name in ReportPart.TEXT_FIELDS:
        setattr(part, name, form.cleaned_data.get(name, ""))
    part.updated_by = user
    part.full_clean()
    part.save()
    for deliverable, count in form.figures():
        changes |= _save_figure(part, deliverable, count)
    for activity, source, amount in form.spending():
        changes |= _save_spending(part, activity, source, amount)
    if changes:
        audit_record(
            user=user,
            obj=part,
            action=AuditEntry.Action.UPDATE,
            changes=changes,
            activity_key=part.description.key,
            **_context(part.round),
        )
    return part


def _save_figure(part, deliverable, count) -> dict:
    figure = PartFigure.private_objects.filter(part=part, deliverable=deliverable).first()
    old = figure.count if figure else None
    if count is None:
        if figure:
            figure.delete()
    elif figure is None:
        PartFigure.private_objects.create(part=part, deliverable=deliverable, count=count)
    elif figure.count != count:
        figure.count = count
        figure.save(update_fields=["count"])
    return {f"figure:{deliverable.pk}": [old, count]} if old != count else {}


def _save_spending(part, activity, source, amount) -> dict:
    line = PartSpending.private_objects.filter(part=part, activity=activity, source=source).first()
    old = line.amount if line else None
    if amount is None:
        if line:
            line.delete()
    elif line is None:
        PartSpending.private_objects.create(
            part=part, activity=activity, source=source, amount=amount
        )
    elif line.amount != amount:
        line.amount = amount
        line.save(update_fields=["amount"])
    return {f"spent:{activity.key}:{source}": [old, amount]} if old != amount else {}


@transaction.atomic
def part_transition(
    *, part: ReportPart, action: str, user, comment: str = "", at=None
) -> ReportPart:
    """Submit, send back or accept a part (accepting books its figures and money)."""
    return PART.apply(part, action, user=user, comment=comment, at=at)


# ---- recommendations ------------------------------------------------------------------------


def _require_compilable(round_: ReportRound, user) -> None:
    if not access.can_compile(user, round_.partnership):
        raise PermissionDenied(_("Kun koordinator og arbejdsgruppe kan skrive indstillinger."))
    if not round_.is_open:
        raise ValidationError(_("Rapporten er sendt til styregruppen og kan ikke ændres."))


@transaction.atomic
def recommendation_save(*, form, user) -> ReportRecommendation:
    """A new or changed recommendation (a valid RecommendationForm) of an open round."""
    recommendation = form.instance
    round_ = ReportRound.private_objects.select_for_update().get(pk=recommendation.round_id)
    _require_compilable(round_, user)
    created = recommendation.pk is None
    changes = form_changes(form)
    recommendation = form.save()
    audit_record(
        user=user,
        obj=recommendation,
        action=AuditEntry.Action.CREATE if created else AuditEntry.Action.UPDATE,
        changes=changes,
        **_context(round_),
    )
    if created:
        RECOMMENDATION.start(recommendation, user=user)
    return recommendation


@transaction.atomic
def recommendation_delete(*, recommendation: ReportRecommendation, user, reason: str = "") -> None:
    round_ = ReportRound.private_objects.select_for_update().get(pk=recommendation.round_id)
    _require_compilable(round_, user)
    audit_record(
        user=user,
        obj=recommendation,
        action=AuditEntry.Action.DELETE,
        changes={"title": [recommendation.title, None]},
        reason=reason,
        **_context(round_),
    )
    recommendation.delete()


@transaction.atomic
def recommendation_decide(
    *, recommendation: ReportRecommendation, action: str, user, text: str = "", amount=None, at=None
) -> ReportRecommendation:
    """The steering group's decision (approve, change, reject); a decision that moves money
    opens the matching amendment draft in the same transaction (or nothing is saved)."""
    return RECOMMENDATION.apply(
        recommendation, action, user=user, comment=text, at=at, amount=amount
    )


# ---- money spent ----------------------------------------------------------------------------


@transaction.atomic
def spending_book(*, form, user) -> Spending:
    """The coordinator books money spent on an activity for a period (a valid SpendingForm)."""
    spending = form.instance
    if not access.can_manage(user, spending.partnership):
        raise PermissionDenied(_("Kun koordinatoren kan bogføre forbrug."))
    spending.created_by = user
    spending.full_clean()
    spending.save()
    audit_record(
        user=user,
        obj=spending,
        action=AuditEntry.Action.CREATE,
        changes=form_changes(form),
        reason=spending.note,
        partnership=spending.partnership,
        activity_key=spending.activity_key,
    )
    return spending


@transaction.atomic
def spending_delete(*, spending: Spending, user, reason: str) -> None:
    """Remove a wrongly booked row, with a reason. Rows counted in a sent report stay: a
    correction is booked as its own row instead (the report as sent keeps its figures, and
    so does the money)."""
    if not access.can_manage(user, spending.partnership):
        raise PermissionDenied(_("Kun koordinatoren kan bogføre forbrug."))
    if not reason.strip():
        raise ValidationError({"reason": _("Skriv hvorfor bogføringen slettes.")})
    frozen = spending.sent_report()
    if frozen is not None:
        raise ValidationError(
            _("Beløbet indgår i %(round)s, som er sendt til styregruppen, og kan ikke slettes.")
            % {"round": frozen}
        )
    audit_record(
        user=user,
        obj=spending,
        action=AuditEntry.Action.DELETE,
        changes={"amount": [spending.amount, None]},
        reason=reason,
        partnership=spending.partnership,
        activity_key=spending.activity_key,
    )
    spending.delete()


def default_deadline(year: int, kind: str) -> datetime.date:
    """A sensible deadline: mid-August for the mid-year status, mid-April of the next year
    for the annual report (presented in May)."""
    if kind == ReportRound.Kind.MIDYEAR:
        return datetime.date(year, 8, 15)
    return datetime.date(year + 1, 4, 15)
