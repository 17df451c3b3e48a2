"""Forms for editing a draft plan. Errors are in plain Danish beside the field."""

from django import forms
from django.utils.translation import gettext_lazy as _

from trygplan.lib.money import format_kroner, parse_kroner
from trygplan.partnerships.models import Organisation

from .models import Activity, ActivityDescription, BudgetLine, FocusArea, Result


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


class ActivityForm(StyledMixin, forms.ModelForm):
    class Meta:
        model = Activity
        fields = [
            "number",
            "name",
            "focus_areas",
            "description",
            "is_new",
            "has_ended",
            "co_finances_housing_plan",
        ]
        widgets = {"focus_areas": forms.CheckboxSelectMultiple}
        error_messages = {
            "name": {"required": _("Aktiviteten skal have et navn.")},
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        plan = self.instance.plan
        self.fields["focus_areas"].queryset = FocusArea.objects.filter(partnership=plan.partnership)
        self.fields["description"].queryset = ActivityDescription.objects.filter(plan=plan)
        self.style_widgets()

    def clean_number(self):
        number = self.cleaned_data.get("number")
        if number is not None:
            clash = Activity.objects.filter(plan=self.instance.plan, number=number).exclude(
                pk=self.instance.pk
            )
            if clash.exists():
                raise forms.ValidationError(
                    _("Nummer %(number)s bruges allerede af “%(name)s”."),
                    params={"number": number, "name": clash.first().name},
                )
        return number


class DescriptionForm(StyledMixin, forms.ModelForm):
    class Meta:
        model = ActivityDescription
        fields = [
            "title",
            "description",
            "target_group",
            "timeline",
            "results",
            "responsible_organisations",
            "responsible_text",
            "economy_text",
        ]
        widgets = {
            "results": forms.CheckboxSelectMultiple,
            "responsible_organisations": forms.SelectMultiple(attrs={"size": 8}),
        }
        error_messages = {"title": {"required": _("Beskrivelsen skal have en titel.")}}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["results"].queryset = Result.objects.filter(
            partnership=self.instance.plan.partnership
        )
        self.fields["responsible_organisations"].queryset = Organisation.objects.all()
        self.style_widgets()


class BudgetLineForm(StyledMixin, forms.ModelForm):
    amount = KronerField(label=_("Beløb (kr.)"))

    class Meta:
        model = BudgetLine
        fields = ["year", "label", "amount", "source", "funder", "note"]
        error_messages = {
            "year": {"required": _("Angiv året.")},
            "label": {"required": _("Skriv hvad pengene går til.")},
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["amount"].error_messages["required"] = _("Skriv et beløb i hele kroner.")
        self.fields["note"].widget.attrs["rows"] = 3
        self.style_widgets()

    def clean_year(self):
        year = self.cleaned_data["year"]
        plan_year = self.instance.activity.plan.year
        if not plan_year - 10 <= year <= plan_year + 5:
            raise forms.ValidationError(
                _("Året skal ligge mellem %(low)s og %(high)s."),
                params={"low": plan_year - 10, "high": plan_year + 5},
            )
        return year

    def clean(self):
        cleaned = super().clean()
        source, funder = cleaned.get("source"), cleaned.get("funder")
        if source == BudgetLine.Source.CO_FINANCING and funder is None:
            self.add_error("funder", _("Medfinansiering skal have en organisation, der betaler."))
        return cleaned
