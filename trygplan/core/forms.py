"""Form helpers every module's forms share: design-system classes and Danish kroner."""

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
