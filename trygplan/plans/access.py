"""Who may move a plan through its approval. Built on `partnerships.access`.

- recommend: the working group (roles working_group and coordinator);
- decide: the steering group;
- record the finance committee's approval, and publish: the coordinator;
- send back to draft (with a comment): the body whose turn it is, the working group
  (withdrawing its recommendation) and the coordinator;
- a city administrator may do all of it, everywhere (as in `partnerships.access`).
"""

from trygplan.partnerships import access
from trygplan.partnerships.models import Role

from .models import Plan

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
