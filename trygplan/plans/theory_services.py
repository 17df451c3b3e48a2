"""Changes to a partnership's theory of change. Each checks who may make it and that no
approved plan builds on the theory yet (`theory_access`), locks the partnership row (so two
people numbering at once cannot clash), validates before writing and records itself in the
audit log."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Count
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from trygplan.audit.models import AuditEntry
from trygplan.audit.services import audit_record, form_changes, raw_value
from trygplan.core.concurrency import require_unchanged
from trygplan.partnerships.models import Partnership

from .models import Effect, FocusArea, Result
from .theory_access import require_editor, require_open

# Numbers are unique per partnership; a renumbering parks the rows here first.
PARKING = 30_000


def _lock(partnership_id: int, user) -> Partnership:
    partnership = Partnership.objects.select_for_update().get(pk=partnership_id)
    require_editor(user, partnership)
    require_open(partnership)
    return partnership


def _audit(*, user, obj, action, changes=None, reason="") -> None:
    audit_record(
        user=user,
        obj=obj,
        action=action,
        changes=changes or {},
        reason=reason,
        partnership=obj.partnership,
    )


@transaction.atomic
def theory_item_save(*, form, user, reason: str = ""):
    """Save a valid effect, result or focus area form (`theory_forms`) and audit it."""
    _lock(form.instance.partnership_id, user)
    require_unchanged(form)
    created = form.instance.pk is None
    changes = form_changes(form)
    changes.pop("version", None)
    item = form.save(commit=False)
    item.full_clean()
    item.save()
    form.save_m2m()
    if created or changes:
        action = AuditEntry.Action.CREATE if created else AuditEntry.Action.UPDATE
        _audit(user=user, obj=item, action=action, changes=changes, reason=reason)
    return item


def item_uses(item) -> list[str]:
    """What still uses an item, in words ("3 aktivitetsbeskrivelser"); empty if nothing."""
    if isinstance(item, Effect):
        counts = Effect.objects.filter(pk=item.pk).aggregate(
            results=Count("results", distinct=True), indicators=Count("indicators", distinct=True)
        )
    elif isinstance(item, Result):
        counts = Result.objects.filter(pk=item.pk).aggregate(
            descriptions=Count("descriptions", distinct=True),
            indicators=Count("indicators", distinct=True),
        )
    else:
        counts = FocusArea.objects.filter(pk=item.pk).aggregate(
            descriptions=Count("descriptions", distinct=True),
            activities=Count("activities", distinct=True),
        )
    return uses_in_words(counts)


def uses_in_words(counts: dict) -> list[str]:
    words = {
        "results": lambda n: ngettext("%(n)s resultat", "%(n)s resultater", n),
        "indicators": lambda n: ngettext("%(n)s indikator", "%(n)s indikatorer", n),
        "descriptions": lambda n: ngettext(
            "%(n)s aktivitetsbeskrivelse", "%(n)s aktivitetsbeskrivelser", n
        ),
        "activities": lambda n: ngettext("%(n)s aktivitet", "%(n)s aktiviteter", n),
    }
    return [words[name](n) % {"n": n} for name, n in counts.items() if n]


@transaction.atomic
def theory_item_delete(*, item, user, reason: str = "") -> None:
    """Remove an effect, result or focus area that nothing uses."""
    _lock(item.partnership_id, user)
    uses = item_uses(item)
    if uses:
        raise ValidationError(
            _("“%(name)s” bruges af %(uses)s og kan ikke slettes.")
            % {"name": getattr(item, "name", item), "uses": ", ".join(uses)}
        )
    _audit(
        user=user,
        obj=item,
        action=AuditEntry.Action.DELETE,
        changes={"name": [item.name, None]},
        reason=reason,
    )
    item.delete()


@transaction.atomic
def theory_renumber(*, partnership, model, numbers: dict[int, int], user) -> int:
    """Give the partnership's items of `model` new numbers ({pk: number}, every item once).
    Returns how many changed."""
    _lock(partnership.pk, user)
    items = {item.pk: item for item in model.objects.filter(partnership=partnership)}
    if set(numbers) != set(items) or len(set(numbers.values())) != len(numbers):
        raise ValidationError(_("Listen er ændret imens. Indlæs siden igen."))
    changed = [items[pk] for pk, number in numbers.items() if items[pk].number != number]
    for offset, item in enumerate(changed, 1):
        model.objects.filter(pk=item.pk).update(number=PARKING + offset)
    for item in changed:
        old, item.number = item.number, numbers[item.pk]
        item.full_clean()
        item.save(update_fields=["number"])
        _audit(
            user=user,
            obj=item,
            action=AuditEntry.Action.UPDATE,
            changes={"number": [old, item.number]},
        )
    return len(changed)


@transaction.atomic
def theory_links_save(*, partnership, links: dict[int, set[int]], user) -> int:
    """Set which effects each result contributes to ({result pk: effect pks}). Returns how
    many results changed."""
    _lock(partnership.pk, user)
    effects = {effect.pk: effect for effect in Effect.objects.filter(partnership=partnership)}
    results = Result.objects.filter(partnership=partnership, pk__in=links)
    changed = 0
    for result in results.prefetch_related("effects"):
        old = {effect.pk for effect in result.effects.all()}
        new = {pk for pk in links[result.pk] if pk in effects}
        if old == new:
            continue
        result.effects.set([effects[pk] for pk in new])
        _audit(
            user=user,
            obj=result,
            action=AuditEntry.Action.UPDATE,
            changes={
                "effects": [
                    raw_value([effects[pk] for pk in old if pk in effects]),
                    raw_value([effects[pk] for pk in new]),
                ]
            },
        )
        changed += 1
    return changed
