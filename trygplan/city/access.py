"""Who sees what at the city level (Sikker By). Every city view calls this first.

The city overview shows every partnership in one table. What a row shows depends on the
reader's relation to that partnership, decided here once for all rows (two queries, not two
per partnership):
- a city administrator (or superuser) sees every partnership's private version (drafts,
  internal findings, police-only findings, pools of unpublished plans);
- a member sees the private version of the partnerships they belong to (one membership
  each; police-only findings only with a `walks.PoliceAccess` grant there) and the public
  version of all others;
- anonymous visitors see the public version of every partnership.
Setting partnerships up and inviting people is the city administrator's.
"""

from dataclasses import dataclass

from django.core.exceptions import PermissionDenied
from django.utils.translation import gettext as _

from trygplan.partnerships import access as partnership_access
from trygplan.partnerships.models import Membership


@dataclass(frozen=True)
class CityReader:
    """The partnerships a reader sees privately, and those whose police-only findings they
    see; `everything` for a city administrator."""

    everything: bool
    private_ids: frozenset[int]
    police_ids: frozenset[int]

    def is_private(self, partnership_id: int) -> bool:
        return self.everything or partnership_id in self.private_ids

    def sees_police(self, partnership_id: int) -> bool:
        return self.everything or partnership_id in self.police_ids


def city_reader(user) -> CityReader:
    if partnership_access.is_city_admin(user):
        return CityReader(True, frozenset(), frozenset())
    if not user.is_authenticated:
        return CityReader(False, frozenset(), frozenset())
    from trygplan.walks.models import PoliceAccess

    private = Membership.objects.filter(user=user).values_list("partnership_id", flat=True)
    police = PoliceAccess.objects.filter(user=user, partnership_id__in=private)
    return CityReader(
        False,
        frozenset(private),
        frozenset(police.values_list("partnership_id", flat=True)),
    )


def require_city_admin(user) -> None:
    if not partnership_access.is_city_admin(user):
        raise PermissionDenied(_("Kun byens administrator kan oprette og opsætte partnerskaber."))


def can_invite(user, partnership) -> bool:
    return partnership_access.is_city_admin(user) or (
        partnership_access.role_of(user, partnership) == "coordinator"
    )


def require_invite(user, partnership) -> None:
    partnership_access.require_private(user, partnership)
    if not can_invite(user, partnership):
        raise PermissionDenied(_("Kun byens administrator og koordinatoren kan invitere."))
