"""A partner's submission of figures, declared once: draft → submitted (by the organisation's
reporter) → approved → locked (by the coordinator); the coordinator may send a submitted or
approved one back to draft, with a comment. Values are public only once approved."""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from trygplan.workflows.engine import Transition, Workflow

from . import access
from .models import Submission

S = Submission.Status


def _reports(user, submission) -> bool:
    """The organisation's reporter sends it; the coordinator may send it on their behalf."""
    return access.can_approve(user, submission.partnership) or (
        access.reporter_organisation(user, submission.partnership) == submission.organisation
    )


def _approves(user, submission) -> bool:
    return access.can_approve(user, submission.partnership)


def _has_values(submission, **_data) -> None:
    if not submission.values.exists():
        raise ValidationError(_("Indberetningen har ingen værdier endnu."))


SUBMISSION = Workflow(
    name="submission",
    model=Submission,
    context=lambda submission: {"partnership": submission.partnership},
    wrong_state=gettext_lazy("En indberetning med status “%(Status)s” kan ikke det."),
    transitions=[
        Transition(
            "submit",
            {S.DRAFT},
            S.SUBMITTED,
            gettext_lazy("Send til koordinatoren"),
            allowed=_reports,
            refusal=gettext_lazy("Kun organisationens indberettere kan ændre indberetningen."),
            guard=_has_values,
        ),
        Transition(
            "return",
            {S.SUBMITTED, S.APPROVED},
            S.DRAFT,
            gettext_lazy("Send tilbage"),
            allowed=_approves,
            refusal=gettext_lazy("Kun koordinatoren kan godkende og låse indberetninger."),
            comment_required=True,
            comment_prompt=gettext_lazy("Skriv hvorfor indberetningen sendes tilbage."),
        ),
        Transition(
            "approve",
            {S.SUBMITTED},
            S.APPROVED,
            gettext_lazy("Godkend"),
            allowed=_approves,
            refusal=gettext_lazy("Kun koordinatoren kan godkende og låse indberetninger."),
        ),
        Transition(
            "lock",
            {S.APPROVED},
            S.LOCKED,
            gettext_lazy("Lås"),
            allowed=_approves,
            refusal=gettext_lazy("Kun koordinatoren kan godkende og låse indberetninger."),
        ),
    ],
)
