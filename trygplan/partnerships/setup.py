"""Setting up a partnership in the interface (a city administrator's work): the partnership
with its parties, bodies and area, its theory of change copied from another partnership or
started empty. People are invited per role by `services.membership_invite`, the one
invitation the organisation page uses too (`accounts.invitations`: a set-your-password link).
"""

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils.text import slugify
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from trygplan.audit.models import AuditEntry
from trygplan.audit.services import audit_record

from . import access
from .models import Body, Organisation, Partnership, Party

__all__ = [
    "BODY_NAMES",
    "partnership_create",
    "theory_of_change_copy",
]

BODY_NAMES = {
    Body.Kind.STEERING_GROUP: gettext_lazy("Styregruppen"),
    Body.Kind.WORKING_GROUP: gettext_lazy("Arbejdsgruppen"),
    Body.Kind.SUB_WORKING_GROUP: gettext_lazy("Underarbejdsgruppen"),
    Body.Kind.REFERENCE_GROUP: gettext_lazy("Referencegruppen"),
}


def _require_city_admin(user) -> None:
    if not access.is_city_admin(user):
        raise PermissionDenied(_("Kun byens administrator kan oprette partnerskaber."))


def _organisation_for(name: str) -> Organisation:
    """An organisation typed by name: the existing one of that name, or a new one."""
    existing = Organisation.objects.filter(name__iexact=name).first()
    if existing:
        return existing
    base = slugify(name)[:40] or "organisation"
    key, n = base, 2
    while Organisation.objects.filter(key=key).exists():
        key, n = f"{base}-{n}", n + 1
    organisation = Organisation(key=key, name=name, short_name=name[:60])
    organisation.full_clean()
    organisation.save()
    return organisation


@transaction.atomic
def partnership_create(
    *,
    user,
    fields: dict,
    parties: list[Organisation] = (),
    new_parties: list[str] = (),
    bodies: list[str] = (),
    copy_from: Partnership | None = None,
) -> Partnership:
    """A new partnership from `fields` (slug, name, area_name, period_start, period_end,
    description, area, area_source); parties in the order given (new names become
    organisations); one body of each kind in `bodies`; the theory of change of `copy_from`."""
    _require_city_admin(user)
    partnership = Partnership(**fields)
    partnership.full_clean()
    partnership.save()
    organisations = list(parties) + [_organisation_for(name) for name in new_parties]
    for order, organisation in enumerate(dict.fromkeys(organisations)):
        Party.objects.create(partnership=partnership, organisation=organisation, order=order)
    for order, kind in enumerate(bodies):
        body = Body(partnership=partnership, kind=kind, name=str(BODY_NAMES[kind]), order=order)
        body.full_clean()
        body.save()
    if copy_from is not None:
        theory_of_change_copy(source=copy_from, target=partnership)
    reason = _("Oprettet af byens administrator.")
    if copy_from is not None:
        reason += " " + _("Forandringsteori kopieret fra %(name)s.") % {"name": copy_from}
    audit_record(
        user=user,
        obj=partnership,
        action=AuditEntry.Action.CREATE,
        changes={"name": [None, partnership.name], "period": [None, partnership.period]},
        reason=reason,
        partnership=partnership,
    )
    return partnership


def theory_of_change_copy(*, source: Partnership, target: Partnership) -> None:
    """Effects, results (with their links to effects) and focus areas of `source`, copied
    to `target`, which must have none yet. Numbers and texts are kept; indicators are not
    copied (they are measured per partnership)."""
    from trygplan.plans.models import Effect, FocusArea, Result

    if target.effects.exists() or target.results.exists() or target.focus_areas.exists():
        raise ValidationError(_("Partnerskabet har allerede en forandringsteori."))
    effects = {
        effect.pk: Effect.objects.create(partnership=target, number=effect.number, name=effect.name)
        for effect in source.effects.all()
    }
    links = Result.effects.through
    new_links = []
    for result in source.results.prefetch_related("effects"):
        copy = Result.objects.create(partnership=target, number=result.number, name=result.name)
        new_links += [
            links(result_id=copy.pk, effect_id=effects[e.pk].pk) for e in result.effects.all()
        ]
    links.objects.bulk_create(new_links)
    FocusArea.objects.bulk_create(
        FocusArea(
            partnership=target,
            number=area.number,
            short_name=area.short_name,
            name=area.name,
            description=area.description,
        )
        for area in source.focus_areas.all()
    )
