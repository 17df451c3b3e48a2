"""Form helpers every module's forms share: design-system classes, Danish kroner, and the
input rules every text field follows (no control characters, a length limit)."""

import hashlib
import json
import re

from django import forms
from django.core.validators import MaxLengthValidator
from django.utils.translation import gettext_lazy as _

from trygplan.lib.money import MAX_KRONER, format_kroner, parse_kroner, too_large


class KronerField(forms.CharField):
    """Whole Danish kroner, typed as people type them: 150000, 150.000, 150.000 kr.

    `max_value` (kroner) fits the model field: 999.999.999.999 for a BigIntegerField;
    smaller for an IntegerField (pools).
    """

    def __init__(self, *, max_value: int = MAX_KRONER, **kwargs):
        kwargs.setdefault("help_text", _("Hele kroner, fx 150.000."))
        super().__init__(**kwargs)
        self.max_value = max_value
        self.widget.attrs.update({"inputmode": "numeric", "autocomplete": "off"})

    def prepare_value(self, value):
        if isinstance(value, int):
            return format_kroner(value, unit=False)
        return value

    def to_python(self, value):
        value = super().to_python(value)
        if value in self.empty_values:
            return None
        amount = parse_kroner(value)
        if amount > self.max_value:
            raise too_large(self.max_value)
        return amount


# C0 control characters other than tab, newline and carriage return, and the two XML
# non-characters: Word and Excel files cannot hold them (a vertical tab breaks a .docx).
CONTROL_CHARACTERS = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")
# Free text (a TextField's form field, a comment) is at most this long; 10.000 characters is
# about four pages.
TEXT_MAX_LENGTH = 10_000


def without_control_characters(data):
    """A copy of form data (a QueryDict or a dict) with control characters removed."""
    if hasattr(data, "lists"):
        cleaned = data.copy()
        for key, values in data.lists():
            cleaned.setlist(key, [_strip(value) for value in values])
        return cleaned
    return {key: _strip(value) for key, value in data.items()}


def _strip(value):
    return CONTROL_CHARACTERS.sub("", value) if isinstance(value, str) else value


def _is_free_text(field) -> bool:
    return type(field) is forms.CharField or isinstance(field.widget, forms.Textarea)


class StyledMixin:
    """Adds DKFDS classes to widgets, and the input rules every form follows: control
    characters are dropped from what was typed before any field sees it, and a text field
    without a length limit gets TEXT_MAX_LENGTH."""

    def full_clean(self):
        if self.is_bound:
            self.data = without_control_characters(self.data)
        for field in self.fields.values():
            if _is_free_text(field) and field.max_length is None:
                field.max_length = TEXT_MAX_LENGTH
                field.validators.append(MaxLengthValidator(TEXT_MAX_LENGTH))
        super().full_clean()

    def style_widgets(self):
        for field in self.fields.values():
            if _is_free_text(field) and field.max_length is None:
                field.widget.attrs["maxlength"] = str(TEXT_MAX_LENGTH)
            widget = field.widget
            if isinstance(widget, forms.CheckboxSelectMultiple | forms.CheckboxInput):
                continue
            css = "form-select" if isinstance(widget, forms.Select) else "form-input"
            widget.attrs["class"] = f"{widget.attrs.get('class', '')} {css}".strip()


def fingerprint(instance, names) -> str:
    """A short digest of the instance's stored values for the given model fields."""
    values = {}
    for name in names:
        field = instance._meta.get_field(name)
        value = field.value_from_object(instance)
        if field.many_to_many:
            value = sorted(getattr(item, "pk", item) for item in value)
        values[name] = value
    text = json.dumps(values, sort_keys=True, default=str)
    return hashlib.sha256(text.encode()).hexdigest()[:20]


class VersionedMixin:
    """Optimistic locking for a ModelForm: the form carries a fingerprint of the row it was
    made from (`version`), and `core.concurrency.require_unchanged` refuses a save when the
    row has changed since, instead of silently overwriting the other person's change."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk:
            self.fields["version"] = forms.CharField(
                widget=forms.HiddenInput, required=False, initial=self.current_version()
            )

    def versioned_fields(self) -> list[str]:
        model_fields = {field.name for field in self.instance._meta.get_fields()}
        return [name for name in self._meta.fields if name in model_fields]

    def current_version(self, instance=None) -> str:
        return fingerprint(instance or self.instance, self.versioned_fields())

    def renew_version(self, version: str) -> None:
        """After a refused save: the next save of this (bound) form overwrites knowingly."""
        if self.is_bound:
            self.data = self.data.copy()
            self.data[self.add_prefix("version")] = version


class ReasonMixin:
    """A "why" field on a form that changes something recorded: required where the change
    must be explained (`reason_required()`, e.g. in an amendment of an approved plan), and
    stored as the audit entry's reason."""

    reason_label = _("Hvorfor ændres det?")

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        required = self.reason_required()
        self.fields["reason"] = forms.CharField(
            label=self.reason_label,
            required=required,
            max_length=1000,
            widget=forms.Textarea(attrs={"rows": 2}),
            help_text=_("Står i planens historik.")
            if not required
            else _("Et tillæg skal begrunde hver ændring; begrundelsen står i historikken."),
            error_messages={"required": _("Skriv hvorfor det ændres.")},
        )

    def reason_required(self) -> bool:
        return False
