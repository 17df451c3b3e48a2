"""Who may read and edit a plan, and move it through its approval. Built on
`partnerships.access` (roles per partnership).

- recommend: the working group (roles working_group and coordinator);
- decide: the steering group;
- record the finance committee's approval, and publish: the coordinator;
- send back to draft (with a comment): the body whose turn it is, the working group
  (withdrawing its recommendation) and the coordinator;
- a city administrator may do all of it, everywhere (as in `partnerships.access`).
"""

from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.utils.translation import gettext as _

from trygplan.partnerships import access
from trygplan.partnerships.access import can_edit_plans, can_read_private, get_partnership
from trygplan.partnerships.models import Partnership, Role

from .models import Plan


def visible_plans(user, partnership: Partnership):
    if can_read_private(user, partnership):
        return Plan.private_objects.for_partnership(partnership)
    return Plan.public_objects.for_partnership(partnership)


class PlanFrozen(PermissionDenied):
    """The plan is approved: a change needs an amendment (tillæg). Views may offer one."""

    def __init__(self, plan: Plan):
        self.plan = plan
        super().__init__(_("Planen er godkendt. Ændringer kræver et tillæg."))


def get_plan_for_read(user, slug: str, year: int, amendment: int | None = None) -> Plan:
    """The newest version of the year's plan that the user may see, or 404.

    Anonymous visitors and other partnerships get the newest published version; members
    the newest version of any status. `amendment` asks for one exact version.
    """
    partnership = get_partnership(slug)
    plans = visible_plans(user, partnership).versions_of(year, amendment)
    plan = plans.select_related("partnership", "based_on").first()
    if plan is None:
        raise Http404(_("Der er ingen tryghedsplan for %(year)s.") % {"year": year})
    return plan


def get_plan_for_edit(user, slug: str, year: int) -> Plan:
    """The year's plan, if the user may edit it now; PermissionDenied with a reason if not.

    An approved or published plan raises PlanFrozen (a PermissionDenied), so that an edit
    view can lead to an amendment instead.
    """
    plan = get_plan_for_read(user, slug, year)
    if not can_edit_plans(user, plan.partnership):
        raise PermissionDenied(_("Kun arbejdsgruppen kan redigere tryghedsplanen."))
    if plan.is_frozen:
        raise PlanFrozen(plan)
    if not plan.is_draft:
        raise PermissionDenied(
            _("Planen er %(status)s og kan ikke længere ændres direkte.")
            % {"status": plan.get_status_display().lower()}
        )
    return plan


RECOMMEND = "recommend"
DECIDE = "decide"
SEND_BACK = "send_back"
APPROVE = "approve"
PUBLISH = "publish"

# action: (the statuses it starts from, the status it leads to, the roles that may take it)
TRANSITIONS = {
    RECOMMEND: (
        {Plan.Status.DRAFT},
        Plan.Status.RECOMMENDED,
        {Role.WORKING_GROUP, Role.COORDINATOR},
    ),
    DECIDE: ({Plan.Status.RECOMMENDED}, Plan.Status.DECIDED, {Role.STEERING_GROUP}),
    SEND_BACK: (
        {Plan.Status.RECOMMENDED, Plan.Status.DECIDED},
        Plan.Status.DRAFT,
        {Role.STEERING_GROUP, Role.WORKING_GROUP, Role.COORDINATOR},
    ),
    APPROVE: ({Plan.Status.DECIDED}, Plan.Status.APPROVED, {Role.COORDINATOR}),
    PUBLISH: ({Plan.Status.APPROVED}, Plan.Status.PUBLISHED, {Role.COORDINATOR}),
}


def may_take(user, plan: Plan, action: str) -> bool:
    """Does the user's role allow the action (whatever the plan's status)?"""
    roles = TRANSITIONS[action][2]
    return access.is_city_admin(user) or access.role_of(user, plan.partnership) in roles


def can_take(user, plan: Plan, action: str) -> bool:
    """May the user take the action on the plan now?"""
    return plan.status in TRANSITIONS[action][0] and may_take(user, plan, action)


def available_actions(user, plan: Plan) -> list[str]:
    return [action for action in TRANSITIONS if can_take(user, plan, action)]


def can_start_next_year(user, plan: Plan) -> bool:
    return plan.is_frozen and access.can_edit_plans(user, plan.partnership)
