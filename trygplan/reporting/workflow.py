"""The report's steps, declared once (see `trygplan.workflows.engine`).

- A round: open (the coordinator opens it) → sent to the steering group (the working group, or
  the coordinator, recommends the compiled report once every part is accepted; it is frozen
  as sent and the steering group is told) → closed (the steering group, once it has decided on
  every recommendation).
- A part: draft → submitted (the organisation's reporter, or the coordinator on its behalf)
  → accepted (the coordinator; its figures and money are booked); the coordinator may send a
  submitted part back, with a comment.
- A recommendation: proposed → approved, rejected or changed (the steering group, once the
  report is sent; a rejection or a change says why). A decision that moves money opens the
  matching amendment draft of the year's plan.
A city administrator may take every step.
"""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from trygplan.workflows.engine import Transition, Workflow

from . import access
from .models import ReportPart, ReportRecommendation, ReportRound

R = ReportRound.Status
P = ReportPart.Status
D = ReportRecommendation.Status


def _round_context(round_) -> dict:
    return {"partnership": round_.partnership, "plan": round_.plan}


def _compiles(user, round_) -> bool:
    return access.can_compile(user, round_.partnership)


def _decides(user, obj) -> bool:
    round_ = obj if isinstance(obj, ReportRound) else obj.round
    return access.can_decide(user, round_.partnership)


def _ready_to_send(round_, **_data) -> None:
    waiting = [
        part.description.title
        for part in round_.parts.select_related("description")
        if part.status != P.ACCEPTED
    ]
    errors = []
    if waiting:
        errors.append(
            _("Disse delrapporter er ikke godkendt endnu: %(parts)s.")
            % {"parts": ", ".join(waiting)}
        )
    if not round_.summary.strip():
        errors.append(_("Skriv sammenfatningen til styregruppen først."))
    if errors:
        raise ValidationError(errors, code="not_ready")


def _freeze(round_, *, at, **_data) -> None:
    from .report import snapshot

    round_.sent_at = at
    round_.snapshot = snapshot(round_)


def _tell_steering_group(round_, *, user, step, **_data) -> None:
    from .services import round_sent

    round_sent(round_=round_)


def _all_decided(round_, **_data) -> None:
    if round_.recommendations.filter(status=D.PROPOSED).exists():
        raise ValidationError(
            _("Styregruppen har ikke besluttet alle indstillinger endnu."), code="undecided"
        )


ROUND = Workflow(
    name="report_round",
    model=ReportRound,
    context=_round_context,
    wrong_state=gettext_lazy("Afrapporteringen er %(status)s, så det kan ikke lade sig gøre nu."),
    transitions=[
        Transition(
            "recommend",
            {R.OPEN},
            R.SENT,
            gettext_lazy("Indstil rapporten til styregruppen"),
            allowed=_compiles,
            refusal=gettext_lazy("Kun arbejdsgruppen kan indstille rapporten."),
            guard=_ready_to_send,
            prepare=_freeze,
            after=_tell_steering_group,
        ),
        Transition(
            "close",
            {R.SENT},
            R.CLOSED,
            gettext_lazy("Afslut behandlingen"),
            allowed=_decides,
            refusal=gettext_lazy("Kun styregruppen kan afslutte behandlingen."),
            guard=_all_decided,
        ),
    ],
)


def _submits(user, part) -> bool:
    return access.can_manage(user, part.round.partnership) or access.reports_for(user, part)


def _manages(user, part) -> bool:
    return access.can_manage(user, part.round.partnership)


def _open_round(part, **_data) -> None:
    if not part.round.is_open:
        raise ValidationError(_("Rapporten er sendt til styregruppen."), code="sent")


def _has_status(part, **_data) -> None:
    _open_round(part)
    if not part.status_text.strip():
        raise ValidationError(_("Skriv en kort status, før delrapporten sendes."), code="status")


def _book(part, *, user, step, **_data) -> None:
    from .booking import part_book

    part_book(part=part, user=user)


PART = Workflow(
    name="report_part",
    model=ReportPart,
    context=lambda part: {
        "partnership": part.round.partnership,
        "plan": part.round.plan,
        "activity_key": part.description.key,
    },
    wrong_state=gettext_lazy("Delrapporten er %(status)s, så det kan ikke lade sig gøre nu."),
    transitions=[
        Transition(
            "submit",
            {P.DRAFT},
            P.SUBMITTED,
            gettext_lazy("Send til koordinatoren"),
            allowed=_submits,
            refusal=gettext_lazy("Kun organisationens indberettere kan sende delrapporten."),
            guard=_has_status,
        ),
        Transition(
            "return",
            {P.SUBMITTED},
            P.DRAFT,
            gettext_lazy("Send tilbage til partneren"),
            allowed=_manages,
            refusal=gettext_lazy("Kun koordinatoren kan sende delrapporter tilbage."),
            comment_required=True,
            comment_prompt=gettext_lazy("Skriv hvad partneren skal rette."),
            guard=_open_round,
        ),
        Transition(
            "accept",
            {P.SUBMITTED},
            P.ACCEPTED,
            gettext_lazy("Godkend delrapporten"),
            allowed=_manages,
            refusal=gettext_lazy("Kun koordinatoren kan godkende delrapporter."),
            guard=_open_round,
            after=_book,
        ),
    ],
)


def _sent_round(recommendation, **_data) -> None:
    if recommendation.round.status != R.SENT:
        raise ValidationError(
            _("Styregruppen beslutter, når rapporten er sendt til den."), code="not_sent"
        )


def _changed_amount(recommendation, *, amount=None, **_data) -> None:
    _sent_round(recommendation)
    if recommendation.moves_money and not amount:
        raise ValidationError(
            {"amount": _("Skriv det beløb, styregruppen besluttede at flytte.")}, code="amount"
        )


def _record_decision(recommendation, *, user, comment, at, amount=None, **_data) -> None:
    recommendation.decision_text = comment
    recommendation.decided_at = at
    recommendation.decided_by = user if user.is_authenticated else None
    if recommendation.status == D.CHANGED and recommendation.moves_money:
        recommendation.decided_amount = amount


def _open_amendment(recommendation, *, user, step, **_data) -> None:
    from .amendments import amendment_for_decision

    amendment_for_decision(recommendation=recommendation, user=user)


def _decision(action, target, label, **options) -> Transition:
    return Transition(
        action,
        {D.PROPOSED},
        target,
        label,
        allowed=_decides,
        refusal=gettext_lazy("Kun styregruppen kan beslutte indstillingerne."),
        prepare=_record_decision,
        **options,
    )


RECOMMENDATION = Workflow(
    name="report_recommendation",
    model=ReportRecommendation,
    context=lambda recommendation: _round_context(recommendation.round),
    state_field="status",
    wrong_state=gettext_lazy("Indstillingen er allerede besluttet (%(status)s)."),
    transitions=[
        _decision(
            "approve",
            D.APPROVED,
            gettext_lazy("Godkend"),
            guard=_sent_round,
            after=_open_amendment,
        ),
        _decision(
            "change",
            D.CHANGED,
            gettext_lazy("Godkend med ændringer"),
            comment_required=True,
            comment_prompt=gettext_lazy("Skriv hvad styregruppen ændrede."),
            guard=_changed_amount,
            after=_open_amendment,
        ),
        _decision(
            "reject",
            D.REJECTED,
            gettext_lazy("Afvis"),
            comment_required=True,
            comment_prompt=gettext_lazy("Skriv hvorfor styregruppen afviser indstillingen."),
            guard=_sent_round,
        ),
    ],
)
