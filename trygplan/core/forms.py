"""Form helpers every module's forms share: design-system classes and Danish kroner."""

import hashlib
import json

from django import forms
from django.utils.translation import gettext_lazy as _

from trygplan.lib.money import format_kroner, parse_kroner


class KronerField(forms.CharField):
    """Whole Danish kroner, typed as people type them: 150000, 150.000, 150.000 kr."""

    def __init__(self, **kwargs):
        kwargs.setdefault("help_text", _("Hele kroner, fx 150.000."))
        super().__init__(**kwargs)
        self.widget.attrs.update({"inputmode": "numeric", "autocomplete": "off"})

    def prepare_value(self, value):
        if isinstance(value, int):
            return format_kroner(value, unit=False)
        return value

    def to_python(self, value):
        value = super().to_python(value)
        if value in self.empty_values:
            return None
        return parse_kroner(value)


class StyledMixin:
    """Adds DKFDS classes to widgets."""

    def style_widgets(self):
        for field in self.fields.values():
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
