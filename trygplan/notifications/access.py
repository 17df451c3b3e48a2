"""Who may use the notification pages. Called first in every view.

- a user's own choices: any logged-in user (their own, never another's);
- stopping mails: whoever holds a signed stop link (an applicant, a contact);
- the coordinator's page (ask for figures, contacts for findings): the partnership's
  coordinator or a city administrator; other members are refused, outsiders get a 404.
"""

from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.utils.translation import gettext as _

from trygplan.partnerships import access as partnership_access
from trygplan.partnerships.models import Partnership, Role

from .services import recipient_from_stop_token


def can_coordinate(user, partnership: Partnership) -> bool:
    return partnership_access.is_city_admin(user) or (
        partnership_access.role_of(user, partnership) == Role.COORDINATOR
    )


def get_partnership_for_coordinator(user, slug: str) -> Partnership:
    partnership = partnership_access.get_partnership(slug)
    if not partnership_access.can_read_private(user, partnership):
        raise Http404
    if not can_coordinate(user, partnership):
        raise PermissionDenied(_("Kun koordinatoren kan bede om tal og angive kontakter."))
    return partnership


def get_stop_recipient(token: str) -> str:
    recipient = recipient_from_stop_token(token)
    if recipient is None:
        raise Http404
    return recipient
