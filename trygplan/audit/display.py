"""An audit entry's changes as a person reads them, in the reader's language.

The entry holds field names and raw values; here they meet the model's field: its label
(translated now, not when it was written), its choices, and whether it is money. A key that is
not a field of the model is looked up in `EXTRA_LABELS` (values that services record beside the
fields, e.g. a grant's requested amount); older entries that stored a label as the key are shown
as they are.
"""

import datetime
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

from django.core.exceptions import FieldDoesNotExist
from django.db import models
from django.utils.formats import date_format
from django.utils.text import capfirst
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from trygplan.lib.money import format_kroner


def format_decimal(value) -> str:
    """ "12.50" -> "12,5", "13.00" -> "13" (Danish decimal comma, no trailing zeros)."""
    try:
        number = Decimal(str(value)).normalize()
    except (InvalidOperation, ValueError):
        return str(value)
    text = f"{number:f}"
    return text.replace(".", ",")


# Keys recorded beside a model's own fields: (label, kind) with kind "money", "date" or "text".
EXTRA_LABELS = {
    "requested": (gettext_lazy("Ansøgt beløb"), "money"),
    "released": (gettext_lazy("Frigivet til puljen"), "money"),
    "participants": (gettext_lazy("Deltagere"), "text"),
    "rerating": (gettext_lazy("Genvurdering"), "text"),
    "photo_added": (gettext_lazy("Billede tilføjet"), "text"),
    "photo_removed": (gettext_lazy("Billede fjernet"), "text"),
}


@dataclass(frozen=True)
class Change:
    label: str
    old: str
    new: str


def _model_field(model, name: str):
    if model is None:
        return None
    try:
        return model._meta.get_field(name)
    except FieldDoesNotExist:
        return None


def _is_money(model, name: str) -> bool:
    return name in getattr(model, "MONEY_FIELDS", ())


def _text(value, *, field=None, money=False, kind="text") -> str:
    if value is None or value == "" or value == []:
        return "–"
    if isinstance(value, bool):
        return _("ja") if value else _("nej")
    if isinstance(value, dict) and "repr" in value:
        return str(value["repr"])
    if isinstance(value, list):
        return ", ".join(_text(item, field=field) for item in value) or "–"
    if money or kind == "money":
        try:
            return format_kroner(int(value))
        except (TypeError, ValueError):
            return str(value)
    if field is not None and field.choices:
        return str(dict(field.flatchoices).get(value, value))
    if isinstance(field, models.DecimalField):
        return format_decimal(value)
    if kind == "date" or isinstance(field, models.DateField | models.DateTimeField):
        return _date(value)
    return str(value)


def _date(value) -> str:
    try:
        if "T" in str(value):
            return date_format(datetime.datetime.fromisoformat(str(value)), "j. F Y H:i")
        return date_format(datetime.date.fromisoformat(str(value)), "j. F Y")
    except ValueError:
        return str(value)


def _related_label(model, name: str) -> str | None:
    """ "attendance.children" on an event: the related rows' name and the choice's label,
    "Deltagere: Børn (0-12 år)"."""
    relation, _dot, choice = name.partition(".")
    field = _model_field(model, relation)
    if field is None or not choice or not field.is_relation:
        return None
    related = field.related_model
    for candidate in related._meta.get_fields():
        if getattr(candidate, "choices", None) and choice in dict(candidate.flatchoices):
            label = dict(candidate.flatchoices)[choice]
            return f"{capfirst(str(related._meta.verbose_name))}: {label}"
    return None


def _label(model, name: str, field) -> tuple[str, str]:
    if field is not None:
        return capfirst(str(field.verbose_name)), "text"
    if name in EXTRA_LABELS:
        label, kind = EXTRA_LABELS[name]
        return str(label), kind
    return _related_label(model, name) or name, "text"


def readable_changes(entry) -> list[Change]:
    model = entry.content_type.model_class() if entry.content_type_id else None
    rows = []
    for name, pair in (entry.changes or {}).items():
        old, new = (list(pair) + [None, None])[:2] if isinstance(pair, list) else (None, pair)
        field = _model_field(model, name)
        label, kind = _label(model, name, field)
        money = _is_money(model, name)
        rows.append(
            Change(
                label=label,
                old=_text(old, field=field, money=money, kind=kind),
                new=_text(new, field=field, money=money, kind=kind),
            )
        )
    return rows


def changes_by_label(entry) -> dict[str, list[str]]:
    """{label: [old, new]} as the reader sees it (tests and exports)."""
    return {change.label: [change.old, change.new] for change in readable_changes(entry)}
