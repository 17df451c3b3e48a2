"""Who may see and do what with residents' reports. Every view calls one of these first.

- Anyone: the "Meld et sted" form of a partnership with an area (no login).
- The reporter: their own report's status page, through its private link (the only key).
- The working group (working group, coordinator, city administrator): the moderation queue,
  the reports with their contact details, and the decisions (`walks.access.can_edit_walks`).
  Other members do not see reports: they are unmoderated text with personal data; what is
  accepted becomes a finding, seen as findings are.
"""

from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext as _

from trygplan.partnerships import access as partnership_access
from trygplan.walks import access as walk_access

from .models import Report


def can_moderate(user, partnership) -> bool:
    return walk_access.can_edit_walks(user, partnership)


def get_partnership_for_reporting(slug: str):
    """A partnership takes reports once it has an area to put them in."""
    partnership = partnership_access.get_partnership(slug)
    if not partnership.area:
        raise Http404(_("Partnerskabet har intet område endnu."))
    return partnership


def get_partnership_for_moderation(user, slug: str):
    partnership = partnership_access.get_partnership(slug)
    partnership_access.require_private(user, partnership)
    if not can_moderate(user, partnership):
        raise PermissionDenied(_("Kun arbejdsgruppen kan behandle beboernes meldinger."))
    return partnership


def get_report_for_moderation(user, slug: str, pk: int) -> Report:
    partnership = get_partnership_for_moderation(user, slug)
    return get_object_or_404(
        Report.private_objects.select_related("partnership", "finding__walk__partnership"),
        partnership=partnership,
        pk=pk,
    )


def get_report_for_reporter(slug: str, token: str) -> Report:
    return get_object_or_404(
        Report.private_objects.select_related("partnership", "finding__walk__partnership"),
        partnership__slug=slug,
        token=token,
    )


def get_report_by_token(token: str) -> Report:
    """Open311's GET tokens/<token>: the token is the key, whichever partnership."""
    return get_object_or_404(
        Report.private_objects.select_related("partnership", "finding__walk__partnership"),
        token=token,
    )
