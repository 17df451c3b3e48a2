"""Who may read and edit a plan. Built on `partnerships.access` (roles per partnership).
Who may move a plan through its approval is declared with the workflow (`plans.workflow`).
"""

from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.utils.translation import gettext as _

from trygplan.partnerships.access import can_edit_plans, can_read_private, get_partnership
from trygplan.partnerships.models import Partnership

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


def can_start_next_year(user, plan: Plan) -> bool:
    return plan.is_frozen and can_edit_plans(user, plan.partnership)
