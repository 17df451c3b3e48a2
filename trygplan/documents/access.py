"""Who may download which plan document. Called first in every documents view.

A document shows exactly what the plan page shows: anonymous visitors and users of other
partnerships get published plans only, members of the partnership (and city administrators)
get drafts too (`plans.access.get_plan_for_read`). Unknown formats are 404.
"""

from django.http import Http404

from trygplan.plans import access as plan_access
from trygplan.plans.models import Plan

from .plan_document import FORMATS


def get_plan_for_document(user, slug: str, year: int, fmt: str) -> Plan:
    if fmt not in FORMATS:
        raise Http404
    return plan_access.get_plan_for_read(user, slug, year)
