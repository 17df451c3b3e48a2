"""Who may see and do what with the pools. Every view calls one of these first.

- anyone: the public pool pages (purpose, allocation, what is left, funded projects without
  personal data) and the application form;
- an applicant: their own application, through its unguessable link, and nothing else;
- the partnership's members (partner staff, steering group, working group, coordinator) read
  cases, grants, expenses and the recommendations; users of another partnership get 404;
- only the working group (working group or coordinator role, or a city administrator)
  screens, assesses, recommends, grants, records expenses and writes the recommendations;
- the coordinator may also grant from the acute pool at once, up to its limit (fast track);
- contact details of applicants are shown to the working group only.
"""

from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext as _

from trygplan.partnerships import access as partnership_access
from trygplan.partnerships.models import Partnership, Role

from .models import Application, Expense, Grant, Pool


def can_read(user, partnership: Partnership) -> bool:
    return partnership_access.can_read_private(user, partnership)


def can_manage(user, partnership: Partnership) -> bool:
    return partnership_access.can_edit_plans(user, partnership)


def can_fast_track(user, partnership: Partnership) -> bool:
    return partnership_access.is_city_admin(user) or (
        partnership_access.role_of(user, partnership) == Role.COORDINATOR
    )


def require_read(user, partnership: Partnership) -> None:
    """Members read; everybody else (anonymous, other partnerships) gets 404."""
    if not can_read(user, partnership):
        raise Http404


def require_manage(user, partnership: Partnership) -> None:
    require_read(user, partnership)
    if not can_manage(user, partnership):
        raise PermissionDenied(_("Kun arbejdsgruppen kan behandle ansøgninger til puljerne."))


def visible_pools(user, partnership: Partnership):
    """Members see every pool; everybody else the pools whose money a published plan states."""
    pools = Pool.private_objects if can_read(user, partnership) else Pool.public_objects
    return pools.filter(partnership=partnership).select_related("partnership")


def get_public_pool(user, slug: str, year: int, kind: str) -> Pool:
    """The pool's public page: a pool of an unpublished year is 404 to the public."""
    partnership = partnership_access.get_partnership(slug)
    return get_object_or_404(visible_pools(user, partnership), year=year, kind=kind)


def get_pool_for_applications(slug: str, year: int, kind: str) -> Pool:
    """Only a pool whose plan is published takes applications, from anyone."""
    partnership = partnership_access.get_partnership(slug)
    pools = Pool.public_objects.filter(partnership=partnership).select_related("partnership")
    pool = get_object_or_404(pools, year=year, kind=kind)
    if not pool.accepts_applications:
        raise Http404(_("Puljen modtager ikke ansøgninger."))
    return pool


def get_pool_for_read(user, slug: str, year: int, kind: str) -> Pool:
    partnership = partnership_access.get_partnership(slug)
    require_read(user, partnership)
    return get_object_or_404(visible_pools(user, partnership), year=year, kind=kind)


def get_application_for_read(user, slug: str, pk: int) -> Application:
    partnership = partnership_access.get_partnership(slug)
    require_read(user, partnership)
    return get_object_or_404(
        Application.private_objects.select_related("pool__partnership"),
        pool__partnership=partnership,
        pk=pk,
    )


def get_application_for_manage(user, slug: str, pk: int) -> Application:
    application = get_application_for_read(user, slug, pk)
    require_manage(user, application.pool.partnership)
    return application


def get_application_for_applicant(slug: str, token: str) -> Application:
    """The applicant's own application; the token is the only key."""
    return get_object_or_404(
        Application.private_objects.select_related("pool__partnership"),
        pool__partnership__slug=slug,
        token=token,
    )


def get_grant_for_manage(user, slug: str, pk: int) -> Grant:
    partnership = partnership_access.get_partnership(slug)
    require_manage(user, partnership)
    return get_object_or_404(
        Grant.private_objects.select_related("pool__partnership", "application"),
        pool__partnership=partnership,
        pk=pk,
    )


def get_expense_for_read(user, slug: str, pk: int) -> Expense:
    partnership = partnership_access.get_partnership(slug)
    require_read(user, partnership)
    return get_object_or_404(Expense, grant__pool__partnership=partnership, pk=pk)
