"""Who may edit the theory of change, and when: the one rule for pages and admin alike.

The theory of change (effects, results, focus areas and the links result → effects) belongs to
the partnership, not to a plan year: every plan of the partnership links to the same rows
(docs/architecture.md). So it is fixed as soon as one plan of the partnership is approved or
published: renaming a result afterwards would change what an approved plan says. The editing
pages (`theory_views`), their services (`theory_services`) and the admin
(`plans.admin.TheoryOfChangeAdmin`) all ask `frozen_by`.

Who: the working group and the coordinator (`partnerships.access.can_edit_plans`), and city
administrators; the partnership's other members see the editor's overview read-only.
"""

from django.core.exceptions import PermissionDenied
from django.utils.translation import gettext as _

from trygplan.partnerships.access import can_edit_plans, get_partnership, require_private
from trygplan.partnerships.models import Partnership

from .models import Plan

FROZEN_STATUSES = (Plan.Status.APPROVED, Plan.Status.PUBLISHED)


def frozen_by(partnership_id: int) -> Plan | None:
    """The first approved or published plan of the partnership, which fixes its theory of
    change; None while every plan is a draft or on its way to approval."""
    return (
        Plan.private_objects.filter(partnership_id=partnership_id, status__in=FROZEN_STATUSES)
        .order_by("year", "amendment")
        .first()
    )


def frozen_reason(plan: Plan) -> str:
    status = _("offentliggjort") if plan.is_public else _("godkendt")
    return _(
        "Forandringsteorien kan ikke længere ændres: %(title)s er %(status)s, og alle "
        "partnerskabets planer bygger på den samme forandringsteori."
    ) % {"title": plan.title, "status": status}


class TheoryFrozen(PermissionDenied):
    """An approved plan builds on the theory of change; the message says which."""

    def __init__(self, plan: Plan):
        self.plan = plan
        super().__init__(frozen_reason(plan))


def require_editor(user, partnership: Partnership) -> None:
    if not can_edit_plans(user, partnership):
        raise PermissionDenied(
            _("Kun arbejdsgruppen og koordinatoren kan redigere forandringsteorien.")
        )


def require_open(partnership: Partnership) -> None:
    plan = frozen_by(partnership.pk)
    if plan is not None:
        raise TheoryFrozen(plan)


def get_partnership_for_theory(user, slug: str) -> Partnership:
    """The editor's overview, with its history: the partnership's members (editors get the
    buttons while the theory is open)."""
    partnership = get_partnership(slug)
    require_private(user, partnership)
    return partnership


def get_partnership_for_theory_edit(user, slug: str) -> Partnership:
    """A change: editors only, and only while no plan of the partnership is approved."""
    partnership = get_partnership_for_theory(user, slug)
    require_editor(user, partnership)
    require_open(partnership)
    return partnership
