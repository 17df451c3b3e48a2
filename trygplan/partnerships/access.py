"""Who may see and do what. Every view calls one of these first.

Roles (per partnership, `Membership.role`):
- anonymous visitors and users of other partnerships: published plans and public pages only;
- partner staff (`partner`): read everything of their partnership, change nothing;
- steering group (`steering_group`): read everything; decides on plans (approval module);
- working group (`working_group`) and coordinator (`coordinator`): edit draft plans;
  the coordinator also records the finance committee's approval, and keeps the bodies, their
  members and the users' roles (`can_manage_organisation`);
- a city administrator (`User.is_city_admin`) or superuser: all of the above, everywhere.
"""

from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext as _

from .models import Membership, Partnership, Role

EDITOR_ROLES = {Role.COORDINATOR, Role.WORKING_GROUP}


def is_city_admin(user) -> bool:
    return bool(user.is_authenticated and (user.is_superuser or user.is_city_admin))


def role_of(user, partnership: Partnership) -> str | None:
    """The user's role in the partnership, cached on the user object for the request."""
    if not user.is_authenticated:
        return None
    cache = user.__dict__.setdefault("_trygplan_roles", {})
    if partnership.pk not in cache:
        cache[partnership.pk] = (
            Membership.objects.filter(user=user, partnership=partnership)
            .values_list("role", flat=True)
            .first()
        )
    return cache[partnership.pk]


def can_read_private(user, partnership: Partnership) -> bool:
    """Drafts, members' names, internal notes."""
    return is_city_admin(user) or role_of(user, partnership) is not None


def can_edit_plans(user, partnership: Partnership) -> bool:
    return is_city_admin(user) or role_of(user, partnership) in EDITOR_ROLES


def can_manage_organisation(user, partnership: Partnership) -> bool:
    """Bodies and their members, and who has which role: the coordinator (and city
    administrators)."""
    return is_city_admin(user) or role_of(user, partnership) == Role.COORDINATOR


def get_partnership(slug: str) -> Partnership:
    """Partnerships themselves are public; what is shown of them is decided per page."""
    return get_object_or_404(Partnership, slug=slug)


def require_private(user, partnership: Partnership) -> None:
    if not can_read_private(user, partnership):
        if not user.is_authenticated:
            raise Http404
        raise PermissionDenied(_("Siden er kun for partnerskabets medlemmer."))


def get_partnership_for_organisation(user, slug: str) -> Partnership:
    """The partnership, if the user may change its bodies, members and roles."""
    partnership = get_partnership(slug)
    require_private(user, partnership)
    if not can_manage_organisation(user, partnership):
        raise PermissionDenied(
            _("Kun koordinatoren kan ændre partnerskabets organer, medlemmer og brugere.")
        )
    return partnership
