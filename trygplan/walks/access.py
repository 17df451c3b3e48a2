"""Who may see and do what with safety walks. Every view in this module calls one of these first.

- Anyone (residents, the public, users of other partnerships): the map, GeoJSON and CSV of
  PUBLIC findings and their status, nothing else.
- The partnership's members (any role) and city admins: walks, protocols, the follow-up
  report, and public + partnership findings.
- Police-only findings: only users a city admin has given `PoliceAccess` for the partnership
  (and city admins themselves, who grant it). A Membership role is not enough: police officers
  sit in the working group beside 3B and municipal staff, and the role does not say which
  organisation a user comes from, so we ask for an explicit, auditable grant instead.
- Changing anything (walks, findings, follow-up, re-ratings): coordinator, working group
  and city admins (`partnerships.access.can_edit_plans`). Partner staff and the steering
  group read.
"""

from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext as _

from trygplan.partnerships import access as partnership_access

from .models import Finding, FindingPhoto, PoliceAccess, Walk


def is_police(user, partnership) -> bool:
    if partnership_access.is_city_admin(user):
        return True
    if not partnership_access.can_read_private(user, partnership):
        return False
    cache = user.__dict__.setdefault("_trygplan_police", {})
    if partnership.pk not in cache:
        cache[partnership.pk] = PoliceAccess.objects.filter(
            user=user, partnership=partnership
        ).exists()
    return cache[partnership.pk]


def can_edit_walks(user, partnership) -> bool:
    return partnership_access.can_edit_plans(user, partnership)


def visible_findings(user, partnership, *, public_only: bool = False):
    """The findings this user may see, or only the public ones when asked (public exports)."""
    qs = Finding.private_objects.for_partnership(partnership)
    if public_only or not partnership_access.can_read_private(user, partnership):
        return qs.public()
    return qs.for_members(police=is_police(user, partnership))


def get_partnership_for_read(user, slug):
    partnership = partnership_access.get_partnership(slug)
    partnership_access.require_private(user, partnership)
    return partnership


def get_partnership_for_edit(user, slug):
    partnership = get_partnership_for_read(user, slug)
    if not can_edit_walks(user, partnership):
        raise PermissionDenied(_("Kun arbejdsgruppen kan ændre tryghedsvandringer."))
    return partnership


def get_walk_for_read(user, slug, pk) -> Walk:
    partnership = get_partnership_for_read(user, slug)
    return get_object_or_404(
        Walk.private_objects.select_related("partnership"), partnership=partnership, pk=pk
    )


def get_walk_for_edit(user, slug, pk) -> Walk:
    partnership = get_partnership_for_edit(user, slug)
    return get_object_or_404(
        Walk.private_objects.select_related("partnership"), partnership=partnership, pk=pk
    )


def get_finding_for_read(user, slug, pk) -> Finding:
    """Members: their visible findings. Everyone else: public findings only (else 404)."""
    partnership = partnership_access.get_partnership(slug)
    qs = visible_findings(user, partnership).select_related(
        "walk__partnership", "owner_organisation", "duplicate_of"
    )
    return get_object_or_404(qs, pk=pk)


def get_finding_for_edit(user, slug, pk) -> Finding:
    partnership = get_partnership_for_edit(user, slug)
    qs = visible_findings(user, partnership).select_related("walk__partnership")
    return get_object_or_404(qs, pk=pk)


def get_photo_for_read(user, slug, pk) -> FindingPhoto:
    partnership = partnership_access.get_partnership(slug)
    findings = visible_findings(user, partnership)
    return get_object_or_404(FindingPhoto.private_objects.filter(finding__in=findings), pk=pk)
