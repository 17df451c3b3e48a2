"""A steering-group decision that moves money opens the matching amendment draft.

The move is made in the year's amendment in preparation: the draft amendment when there is
one, else a new amendment (tillæg) of the newest approved version (`plans.services.
plan_create_amendment`). The amendment goes through its own approval; the decision links to
it (`ReportRecommendation.amendment`) and its page links back (`reporting.links`). An
amendment already on its way through approval cannot take another change, so the decision is
refused with a message (nothing is saved).
"""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from trygplan.audit.models import AuditEntry
from trygplan.audit.services import audit_record
from trygplan.plans.history import budget_source
from trygplan.plans.models import Plan
from trygplan.plans.moves import budget_move
from trygplan.plans.services import plan_create_amendment

from .models import ReportRecommendation


def _draft_for(partnership, year: int, user) -> Plan:
    approved = budget_source(partnership, year)
    newest = Plan.private_objects.for_partnership(partnership).versions_of(year).first()
    if approved is None or newest is None:
        raise ValidationError(_("Der er ingen godkendt plan for %(year)s.") % {"year": year})
    if newest.pk == approved.pk:
        return plan_create_amendment(plan=approved, user=user)
    if newest.is_draft:
        return newest
    raise ValidationError(
        _(
            "Tillæg nr. %(n)s til planen for %(year)s er under godkendelse (%(status)s). "
            "Beslutningen kan føres ind, når det er godkendt eller sendt tilbage til kladde."
        )
        % {"n": newest.amendment, "year": year, "status": newest.get_status_display().lower()},
        code="amendment_busy",
    )


def amendment_for_decision(*, recommendation: ReportRecommendation, user) -> Plan | None:
    """Carry an approved or changed money move into the year's amendment draft."""
    amount = recommendation.amount_to_move()
    if amount is None:
        return None
    round_ = recommendation.round
    draft = _draft_for(round_.partnership, round_.year, user)
    reason = _("Styregruppens beslutning om “%(title)s” (%(round)s): %(text)s") % {
        "title": recommendation.title,
        "round": round_,
        "text": recommendation.decision_text or recommendation.get_status_display(),
    }
    budget_move(
        plan=draft,
        from_key=recommendation.move_from_key,
        to_key=recommendation.move_to_key,
        amount=amount,
        user=user,
        reason=reason[:1000],
    )
    recommendation.amendment = draft
    recommendation.save(update_fields=["amendment"])
    audit_record(
        user=user,
        obj=recommendation,
        action=AuditEntry.Action.UPDATE,
        changes={"amendment": [None, draft]},
        reason=reason[:1000],
        partnership=round_.partnership,
        plan=draft,
    )
    return draft
