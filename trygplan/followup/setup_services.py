"""Setting up follow-up: indicators, their yearly targets, the reporters and the charts'
notes. Each operation checks that the user may set up the partnership's follow-up
(`access.can_set_up`), validates before writing, runs in one transaction and records itself
in the audit log."""

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from trygplan.audit.models import AuditEntry
from trygplan.audit.services import audit_record, form_changes
from trygplan.core.concurrency import require_unchanged
from trygplan.lib.text import ascii_slug

from .access import can_set_up
from .models import ChartNote, Indicator, Reporter


def _require(user, partnership) -> None:
    if not can_set_up(user, partnership):
        raise PermissionDenied(_("Kun koordinatoren kan opsætte indikatorer og indberettere."))


def _audit(*, user, obj, partnership, action, changes=None) -> None:
    audit_record(user=user, obj=obj, action=action, changes=changes or {}, partnership=partnership)


def _action(created: bool) -> str:
    return AuditEntry.Action.CREATE if created else AuditEntry.Action.UPDATE


def indicator_key(partnership, name: str) -> str:
    """A free key made from the name: "Andel utrygge beboere" -> "andel-utrygge-beboere"."""
    wanted = ascii_slug(name, max_length=70) or "indikator"
    taken = set(
        Indicator.objects.filter(partnership=partnership, key__startswith=wanted).values_list(
            "key", flat=True
        )
    )
    key, number = wanted, 1
    while key in taken:
        number += 1
        key = f"{wanted}-{number}"
    return key


@transaction.atomic
def indicator_save(*, form, targets, user) -> Indicator:
    """Save a valid IndicatorForm and its TargetFormSet: all of it, or nothing."""
    indicator = form.instance
    partnership = indicator.partnership
    _require(user, partnership)
    require_unchanged(form)
    created = indicator.pk is None
    changes = form_changes(form)
    changes.pop("version", None)
    if "parent" in changes:
        changes["parent"] = [
            form.parent_label(form.initial.get("parent")),
            form.parent_label(form.cleaned_data["parent"]),
        ]
    indicator = form.save(commit=False)
    if created:
        indicator.key = indicator_key(partnership, indicator.name)
    indicator.full_clean()
    indicator.save()
    if created or changes:
        action = _action(created)
        _audit(user=user, obj=indicator, partnership=partnership, action=action, changes=changes)
    targets.instance = indicator
    _targets_save(targets, user=user, partnership=partnership)
    return indicator


def _targets_save(targets, *, user, partnership) -> None:
    deleted = targets.deleted_forms
    for target_form in targets.forms:
        target = target_form.instance
        if target_form in deleted:
            if target.pk is not None:
                changes = {"year": [target.year, None], "value": [target.value, None]}
                _audit(
                    user=user,
                    obj=target,
                    partnership=partnership,
                    action=AuditEntry.Action.DELETE,
                    changes=changes,
                )
                target.delete()
            continue
        if not target_form.has_changed():
            continue
        created = target.pk is None
        changes = form_changes(target_form)
        target = target_form.save(commit=False)
        target.indicator = targets.instance
        target.full_clean()
        target.save()
        _audit(
            user=user, obj=target, partnership=partnership, action=_action(created), changes=changes
        )


@transaction.atomic
def indicator_delete(*, indicator: Indicator, user) -> None:
    """Remove an indicator nobody has reported a value for yet (and its targets)."""
    _require(user, indicator.partnership)
    if indicator.values.exists():
        raise ValidationError(
            _("“%(name)s” har indberettede værdier og kan ikke slettes.") % {"name": indicator}
        )
    _audit(
        user=user,
        obj=indicator,
        partnership=indicator.partnership,
        action=AuditEntry.Action.DELETE,
        changes={"name": [indicator.name, None]},
    )
    indicator.delete()


def _item_save(form, user):
    """Save a setup row of the partnership's (a reporter, a chart note) and record it."""
    partnership = form.instance.partnership
    _require(user, partnership)
    created = form.instance.pk is None
    changes = form_changes(form)
    item = form.save(commit=False)
    item.full_clean()
    item.save()
    if created or changes:
        action = _action(created)
        _audit(user=user, obj=item, partnership=partnership, action=action, changes=changes)
    return item


def _item_delete(item, user, *, changes: dict) -> None:
    _require(user, item.partnership)
    action = AuditEntry.Action.DELETE
    _audit(user=user, obj=item, partnership=item.partnership, action=action, changes=changes)
    item.delete()


@transaction.atomic
def reporter_save(*, form, user) -> Reporter:
    return _item_save(form, user)


@transaction.atomic
def reporter_delete(*, reporter: Reporter, user) -> None:
    _item_delete(reporter, user, changes={"organisation": [reporter.organisation, None]})


@transaction.atomic
def chart_note_save(*, form, user) -> ChartNote:
    return _item_save(form, user)


@transaction.atomic
def chart_note_delete(*, note: ChartNote, user) -> None:
    _item_delete(note, user, changes={"text": [note.text, None], "year": [note.year, None]})
