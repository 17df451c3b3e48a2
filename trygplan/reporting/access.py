"""Who may see and do what in the reports to the steering group. Every view calls one of these.

- The report itself (a round's page, the internal report, its files, money spent): the
  coordinator, the working group and the steering group of the partnership, and a city
  administrator.
- A partner's part: the reporters of its organisation (`followup.Reporter`) see, fill in and
  submit their organisation's parts only, and see the round's page with those parts; they do
  not see other organisations' parts or the internal report.
- The coordinator (or a city administrator) opens rounds, sends parts back or accepts them,
  books money spent and may fill in any part on a partner's behalf.
- The coordinator and the working group write the summary, the internal notes and the
  recommendations; the working group (or the coordinator) sends the report to the steering
  group; the steering group decides (the workflows in `workflow.py` say who takes each step).
- Everyone: the public version of a sent report. Users of other partnerships see only that;
  anything else is a 404 for them.
"""

from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext as _

from trygplan.followup.access import reporter_organisation
from trygplan.partnerships import access as partnership_access
from trygplan.partnerships.models import Role

from .models import ReportPart, ReportRound

READERS = {Role.COORDINATOR, Role.WORKING_GROUP, Role.STEERING_GROUP}
COMPILERS = {Role.COORDINATOR, Role.WORKING_GROUP}

__all__ = [
    "can_compile",
    "can_decide",
    "can_fill_part",
    "can_manage",
    "can_read_reports",
    "get_part_for_edit",
    "get_part_for_read",
    "get_partnership_for_members",
    "get_round_for_members",
    "get_round_for_public",
    "get_round_for_reading",
    "reporter_organisation",
]


def _has_role(user, partnership, roles) -> bool:
    return partnership_access.is_city_admin(user) or (
        partnership_access.role_of(user, partnership) in roles
    )


def can_read_reports(user, partnership) -> bool:
    return _has_role(user, partnership, READERS)


def can_manage(user, partnership) -> bool:
    return _has_role(user, partnership, {Role.COORDINATOR})


def can_compile(user, partnership) -> bool:
    return _has_role(user, partnership, COMPILERS)


def can_decide(user, partnership) -> bool:
    return _has_role(user, partnership, {Role.STEERING_GROUP})


def reports_for(user, part: ReportPart) -> bool:
    """Is the user one of the reporters of the part's organisation?"""
    organisation = reporter_organisation(user, part.round.partnership)
    return organisation is not None and organisation.pk == part.organisation_id


def can_see_part(user, part: ReportPart) -> bool:
    return can_read_reports(user, part.round.partnership) or reports_for(user, part)


def can_fill_part(user, part: ReportPart) -> bool:
    return (
        part.is_draft
        and part.round.is_open
        and (can_manage(user, part.round.partnership) or reports_for(user, part))
    )


def get_partnership_for_members(user, slug: str):
    partnership = partnership_access.get_partnership(slug)
    if not partnership_access.can_read_private(user, partnership):
        raise Http404
    return partnership


def _round(partnership, year: int, kind: str, manager=ReportRound.private_objects):
    return get_object_or_404(
        manager.select_related("partnership", "plan"),
        partnership=partnership,
        year=year,
        kind=kind,
    )


def get_round_for_members(user, slug: str, year: int, kind: str) -> ReportRound:
    """The round's page: for those who read reports, and for reporters (their parts only)."""
    partnership = get_partnership_for_members(user, slug)
    if not can_read_reports(user, partnership) and reporter_organisation(user, partnership) is None:
        raise PermissionDenied(
            _("Afrapporteringen er for koordinator, arbejdsgruppe og styregruppe.")
        )
    return _round(partnership, year, kind)


def get_round_for_reading(user, slug: str, year: int, kind: str) -> ReportRound:
    """The internal report (with notes and partners' comments)."""
    partnership = get_partnership_for_members(user, slug)
    if not can_read_reports(user, partnership):
        raise PermissionDenied(_("Rapporten er for koordinator, arbejdsgruppe og styregruppe."))
    return _round(partnership, year, kind)


def get_round_for_public(user, slug: str, year: int, kind: str) -> ReportRound:
    """The residents' version: public once sent; those who read reports may preview it."""
    partnership = partnership_access.get_partnership(slug)
    if can_read_reports(user, partnership):
        return _round(partnership, year, kind)
    return _round(partnership, year, kind, manager=ReportRound.public_objects)


def get_part_for_read(user, round_: ReportRound, pk: int) -> ReportPart:
    part = get_object_or_404(
        ReportPart.private_objects.select_related("description", "organisation", "round"),
        round=round_,
        pk=pk,
    )
    if not can_see_part(user, part):
        raise PermissionDenied(_("Delrapporten skrives af en anden organisation."))
    return part


def get_part_for_edit(user, round_: ReportRound, pk: int) -> ReportPart:
    part = get_part_for_read(user, round_, pk)
    if not can_fill_part(user, part):
        if not part.is_draft or not round_.is_open:
            raise PermissionDenied(_("Delrapporten er sendt og kan ikke længere ændres."))
        raise PermissionDenied(_("Delrapporten skrives af en anden organisation."))
    return part
