"""The plan's approval, declared once: draft → recommended (working group) → decided (steering
group) → approved (the finance committee, recorded by the coordinator) → published, and back to
draft with a comment by the body whose turn it is. A city administrator may take every step
(they administer the system for all partnerships).

Other modules react to a plan entering a state through `PLAN.on_enter` (the pools module opens
the year's pools when a plan is published); they register in their `AppConfig.ready()`.
"""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from trygplan.audit.models import AuditEntry
from trygplan.partnerships import access
from trygplan.partnerships.models import Role
from trygplan.workflows.engine import Transition, Workflow

from .checks import run_checks
from .models import Plan

S = Plan.Status


def _role(*roles):
    def allowed(user, plan) -> bool:
        return access.is_city_admin(user) or access.role_of(user, plan.partnership) in roles

    return allowed


def _without_errors(doing):
    def guard(plan, **_data) -> None:
        errors = [result.message for result in run_checks(plan) if result.is_error]
        if errors:
            raise ValidationError(
                [_("Planen kan ikke %(doing)s, fordi den har fejl:") % {"doing": doing}] + errors,
                code="check_errors",
            )

    return guard


def _approval_recorded(plan, **data) -> None:
    _without_errors(_("godkendes"))(plan)
    if plan.finance_committee_date is None or not plan.finance_committee_ref.strip():
        raise ValidationError(
            _("Skriv datoen for Økonomiudvalgets godkendelse og sagsnummeret."), code="missing"
        )


def _context(plan) -> dict:
    return {"partnership": plan.partnership, "plan": plan, "scope": AuditEntry.Scope.PLAN}


PLAN = Workflow(
    name="plan",
    model=Plan,
    context=_context,
    wrong_state=gettext_lazy("Planen er %(status)s, så det kan ikke lade sig gøre nu."),
    transitions=[
        Transition(
            "recommend",
            sources={S.DRAFT},
            target=S.RECOMMENDED,
            label=gettext_lazy("Indstil planen til styregruppen"),
            allowed=_role(Role.WORKING_GROUP, Role.COORDINATOR),
            refusal=gettext_lazy("Kun arbejdsgruppen kan indstille planen."),
            guard=_without_errors(gettext_lazy("indstilles")),
        ),
        Transition(
            "decide",
            sources={S.RECOMMENDED},
            target=S.DECIDED,
            label=gettext_lazy("Styregruppen beslutter planen"),
            allowed=_role(Role.STEERING_GROUP),
            refusal=gettext_lazy("Kun styregruppen kan beslutte planen."),
        ),
        Transition(
            "send_back",
            sources={S.RECOMMENDED, S.DECIDED},
            target=S.DRAFT,
            label=gettext_lazy("Send planen tilbage til kladde"),
            allowed=_role(Role.STEERING_GROUP, Role.WORKING_GROUP, Role.COORDINATOR),
            refusal=gettext_lazy("Du kan ikke sende planen tilbage."),
            comment_required=True,
            comment_prompt=gettext_lazy("Skriv hvorfor planen sendes tilbage."),
        ),
        Transition(
            "approve",
            sources={S.DECIDED},
            target=S.APPROVED,
            label=gettext_lazy("Registrér Økonomiudvalgets godkendelse"),
            allowed=_role(Role.COORDINATOR),
            refusal=gettext_lazy("Kun koordinatoren kan registrere Økonomiudvalgets godkendelse."),
            prepare=lambda plan, **_data: _approval_recorded(plan),
        ),
        Transition(
            "publish",
            sources={S.APPROVED},
            target=S.PUBLISHED,
            label=gettext_lazy("Offentliggør planen"),
            allowed=_role(Role.COORDINATOR),
            refusal=gettext_lazy("Kun koordinatoren kan offentliggøre planen."),
        ),
    ],
)
