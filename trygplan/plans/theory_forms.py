"""Forms for the theory of change: effects, results, focus areas, their numbers and the links
result → effects. Errors are in plain Danish beside the field."""

from dataclasses import dataclass

from django import forms
from django.db.models import Max
from django.utils.translation import gettext_lazy as _

from trygplan.core.forms import StyledMixin, VersionedMixin

from .models import Effect, FocusArea, Result

NUMBER_ERRORS = {
    "required": _("Skriv et nummer."),
    "invalid": _("Skriv et helt tal, fx 3."),
    "min_value": _("Nummeret skal være 1 eller større."),
    "max_value": _("Nummeret er for stort."),
}


def next_number(model, partnership) -> int:
    highest = model.objects.filter(partnership=partnership).aggregate(n=Max("number"))["n"]
    return (highest or 0) + 1


class TheoryItemForm(VersionedMixin, StyledMixin, forms.ModelForm):
    """One effect, result or focus area of a partnership; the number is unique in it."""

    number = forms.IntegerField(
        label=_("Nummer"), min_value=1, max_value=999, error_messages=NUMBER_ERRORS
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk is None and not self.is_bound:
            self.initial["number"] = next_number(self._meta.model, self.instance.partnership)
        self.style_widgets()

    def clean_number(self):
        number = self.cleaned_data["number"]
        clash = (
            self._meta.model.objects.filter(partnership=self.instance.partnership, number=number)
            .exclude(pk=self.instance.pk)
            .first()
        )
        if clash is not None:
            raise forms.ValidationError(
                _("Nummer %(number)s bruges allerede af “%(name)s”."),
                params={"number": number, "name": getattr(clash, "name", clash)},
            )
        return number


class EffectForm(TheoryItemForm):
    class Meta:
        model = Effect
        fields = ["number", "name"]
        labels = {"name": _("Effekt")}
        help_texts = {"name": _("Et af forandringsteoriens mål, fx “Øget oplevet tryghed”.")}
        error_messages = {"name": {"required": _("Skriv effekten.")}}


class ResultForm(TheoryItemForm):
    class Meta:
        model = Result
        fields = ["number", "name", "effects"]
        labels = {"name": _("Resultat"), "effects": _("Bidrager til effekterne")}
        help_texts = {"name": _("Et delresultat, fx “Antallet af sigtelser falder”.")}
        widgets = {"effects": forms.CheckboxSelectMultiple}
        error_messages = {"name": {"required": _("Skriv resultatet.")}}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        field = self.fields["effects"]
        field.queryset = Effect.objects.filter(partnership=self.instance.partnership)
        field.required = False
        field.widget.attrs["class"] = "form-checkbox"


class FocusAreaForm(TheoryItemForm):
    class Meta:
        model = FocusArea
        fields = ["number", "short_name", "name", "description"]
        labels = {"name": _("Fulde navn")}
        help_texts = {"short_name": _("Vises i tabeller, fx “Det trygge byrum”.")}
        widgets = {"description": forms.Textarea(attrs={"rows": 4})}
        error_messages = {
            "short_name": {"required": _("Skriv et kort navn.")},
            "name": {"required": _("Skriv indsatsområdets navn.")},
        }


@dataclass(frozen=True)
class TheoryKind:
    """What the pages need to know about one kind of theory-of-change item."""

    slug: str
    model: type
    form: type
    new_title: str
    edit_title: str
    numbers_title: str


KINDS = {
    kind.slug: kind
    for kind in [
        TheoryKind(
            "effects",
            Effect,
            EffectForm,
            _("Ny effekt"),
            _("Ret effekt"),
            _("Effekternes numre"),
        ),
        TheoryKind(
            "results",
            Result,
            ResultForm,
            _("Nyt resultat"),
            _("Ret resultat"),
            _("Resultaternes numre"),
        ),
        TheoryKind(
            "focus-areas",
            FocusArea,
            FocusAreaForm,
            _("Nyt indsatsområde"),
            _("Ret indsatsområde"),
            _("Indsatsområdernes numre"),
        ),
    ]
}


class RenumberForm(StyledMixin, forms.Form):
    """Every item of one kind with its number: reorder by giving new numbers."""

    def __init__(self, *args, items, **kwargs):
        super().__init__(*args, **kwargs)
        self.items = list(items)
        for item in self.items:
            self.fields[f"number_{item.pk}"] = forms.IntegerField(
                label=getattr(item, "name", str(item)),
                min_value=1,
                max_value=999,
                initial=item.number,
                error_messages=NUMBER_ERRORS,
            )
        self.style_widgets()

    def clean(self):
        cleaned = super().clean()
        numbers = [cleaned.get(f"number_{item.pk}") for item in self.items]
        given = [number for number in numbers if number is not None]
        twice = sorted({number for number in given if given.count(number) > 1})
        if twice:
            raise forms.ValidationError(
                _("Hvert nummer må kun bruges én gang. Brugt flere gange: %(numbers)s."),
                params={"numbers": ", ".join(str(number) for number in twice)},
            )
        return cleaned

    def numbers(self) -> dict[int, int]:
        """{item pk: new number}."""
        return {item.pk: self.cleaned_data[f"number_{item.pk}"] for item in self.items}


class LinksForm(forms.Form):
    """The links result → effects for every result at once: one group of checkboxes a result."""

    def __init__(self, *args, results, effects, **kwargs):
        super().__init__(*args, **kwargs)
        self.results = list(results)
        choices = [(effect.pk, effect.name) for effect in effects]
        for result in self.results:
            self.fields[f"result_{result.pk}"] = forms.TypedMultipleChoiceField(
                label=str(result),
                choices=choices,
                coerce=int,
                required=False,
                initial=[effect.pk for effect in result.effects.all()],
                widget=forms.CheckboxSelectMultiple(attrs={"class": "form-checkbox"}),
            )

    def links(self) -> dict[int, set[int]]:
        """{result pk: the effect pks it contributes to}."""
        return {result.pk: set(self.cleaned_data[f"result_{result.pk}"]) for result in self.results}
