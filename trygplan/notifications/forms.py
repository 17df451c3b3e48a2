from django import forms
from django.utils.translation import gettext_lazy as _

from trygplan.core.forms import StyledMixin

from .models import AUDIENCES, Kind


class PreferencesForm(forms.Form):
    """One checkbox per kind of notice the user can get."""

    def __init__(self, *args, kinds, turned_off: set[str], **kwargs):
        super().__init__(*args, **kwargs)
        for kind in kinds:
            self.fields[kind] = forms.BooleanField(
                label=Kind(kind).label,
                required=False,
                initial=kind not in turned_off,
                help_text=AUDIENCES[kind].label,
                widget=forms.CheckboxInput(attrs={"class": "form-checkbox"}),
            )

    def enabled(self) -> set[str]:
        return {kind for kind, on in self.cleaned_data.items() if on}


class FiguresRequestForm(StyledMixin, forms.Form):
    prefix = "figures"
    year = forms.TypedChoiceField(label=_("År"), coerce=int)
    organisations = forms.ModelMultipleChoiceField(
        label=_("Hvem skal bedes om tal?"),
        queryset=None,
        widget=forms.CheckboxSelectMultiple(attrs={"class": "form-checkbox"}),
        error_messages={"required": _("Vælg mindst én organisation.")},
    )
    message = forms.CharField(
        label=_("Besked"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Fx en frist. Kommer med i e-mailen."),
    )

    def __init__(self, *args, years, organisations, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["year"].choices = [(year, str(year)) for year in years]
        self.fields["organisations"].queryset = organisations
        self.style_widgets()


class ContactsForm(StyledMixin, forms.Form):
    """One e-mail field per organisation; empty removes the contact."""

    prefix = "contacts"

    def __init__(self, *args, organisations, current: dict[int, str], **kwargs):
        super().__init__(*args, **kwargs)
        self.organisations = list(organisations)
        for organisation in self.organisations:
            self.fields[f"email_{organisation.pk}"] = forms.EmailField(
                label=str(organisation),
                required=False,
                initial=current.get(organisation.pk, ""),
                error_messages={"invalid": _("Skriv en gyldig e-mailadresse.")},
            )
        self.style_widgets()

    def addresses(self):
        return [
            (organisation, self.cleaned_data[f"email_{organisation.pk}"])
            for organisation in self.organisations
        ]
