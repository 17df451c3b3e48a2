"""Forms for an activity's whole description, as the seed's activity sections have it:
title, focus area, description, target group, timeline, deliverables (typed, ranges too),
measurements, effect, economy text, responsible organisations and text, results, and
sub-activities (a description with a parent)."""

from django import forms
from django.forms import inlineformset_factory
from django.utils.translation import gettext_lazy as _

from trygplan.core.forms import StyledMixin, VersionedMixin
from trygplan.lib.text import ascii_slug
from trygplan.partnerships.models import Organisation

from .forms import PlanReasonMixin
from .models import ActivityDescription, Deliverable, FocusArea, Result

TEXT_ROWS = {"description": 8, "target_group": 3, "timeline": 3, "measurements": 3}


class OrganisationPicker(forms.SelectMultiple):
    """A multiple choice among the 60+ organisations; `static/js/organisation-picker.js`
    adds a search box that filters the list (without script it is a plain list)."""

    def __init__(self, attrs=None):
        super().__init__({"size": 10, "data-organisation-picker": "", **(attrs or {})})


class DescriptionForm(PlanReasonMixin, VersionedMixin, StyledMixin, forms.ModelForm):
    class Meta:
        model = ActivityDescription
        fields = [
            "title",
            "focus_area",
            "description",
            "target_group",
            "timeline",
            "measurements",
            "effect_text",
            "results",
            "responsible_organisations",
            "responsible_text",
            "economy_text",
        ]
        widgets = {
            "results": forms.CheckboxSelectMultiple,
            "responsible_organisations": OrganisationPicker,
        }
        help_texts = {
            "description": _(
                "Formål og indhold. Punkter skrives som linjer, der starter med “- ”."
            ),
            "responsible_organisations": _(
                "Vælg én eller flere. Skriv i søgefeltet for at finde en organisation."
            ),
            "economy_text": _("Tekst til aktivitetens økonomi; beløbene står i budgetlinjerne."),
        }
        error_messages = {"title": {"required": _("Beskrivelsen skal have en titel.")}}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        partnership = self.instance.plan.partnership
        self.fields["results"].queryset = Result.objects.filter(partnership=partnership)
        self.fields["focus_area"].queryset = FocusArea.objects.filter(partnership=partnership)
        self.fields["responsible_organisations"].queryset = Organisation.objects.order_by("name")
        for name, rows in TEXT_ROWS.items():
            self.fields[name].widget.attrs["rows"] = rows
        for name in ActivityDescription.TEXT_FIELDS:
            self.fields[name].max_length = 20_000
            self.fields[name].widget.attrs["maxlength"] = 20_000
        self.style_widgets()


class DeliverableForm(StyledMixin, forms.ModelForm):
    """One deliverable: its text as the plan writes it, and optionally its number."""

    class Meta:
        model = Deliverable
        fields = [
            "text",
            "comparator",
            "quantity",
            "quantity_max",
            "unit",
            "period",
            "counts_people",
            "counts_from",
            "counts_event_kind",
        ]
        widgets = {"text": forms.Textarea(attrs={"rows": 2})}
        labels = {"quantity": _("Antal (ved “mellem”: det mindste)")}
        error_messages = {"text": {"required": _("Skriv leverancen, som planen formulerer den.")}}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        from trygplan.followup.models import Event  # followup builds on plans, not the reverse

        self.fields["counts_event_kind"] = forms.ChoiceField(
            label=_("Slags arrangement"),
            choices=[("", _("Alle arrangementer"))] + list(Event.Kind.choices),
            required=False,
        )
        self.fields["text"].max_length = 2_000
        self.style_widgets()

    def clean(self):
        cleaned = super().clean()
        quantity, top = cleaned.get("quantity"), cleaned.get("quantity_max")
        comparator = cleaned.get("comparator")
        typed = [quantity is not None, bool(cleaned.get("unit")), bool(cleaned.get("period"))]
        if any(typed) and not all(typed + [bool(comparator)]):
            self.add_error(
                "quantity",
                _("Et talmål skal have krav, antal, enhed og periode, fx mindst 40 unge om året."),
            )
        if comparator == Deliverable.Comparator.BETWEEN:
            if top is None:
                self.add_error("quantity_max", _("Skriv det højeste antal, fx 2 i “1-2”."))
            elif quantity is not None and top < quantity:
                self.add_error(
                    "quantity_max", _("Det højeste antal kan ikke være mindre end det mindste.")
                )
        elif top is not None:
            cleaned["quantity_max"] = None
        if cleaned.get("counts_from") != Deliverable.CountsFrom.EVENTS:
            cleaned["counts_event_kind"] = ""
        return cleaned


DeliverableFormSet = inlineformset_factory(
    ActivityDescription,
    Deliverable,
    form=DeliverableForm,
    extra=1,
    can_delete=True,
)


class SubActivityForm(StyledMixin, forms.Form):
    """A new sub-activity ("delaktivitet") under a description: its title; the rest is
    written on its own page."""

    title = forms.CharField(
        label=_("Delaktivitetens titel"),
        max_length=300,
        error_messages={"required": _("Skriv delaktivitetens titel.")},
    )

    def __init__(self, *args, parent: ActivityDescription, **kwargs):
        super().__init__(*args, **kwargs)
        self.parent = parent
        self.style_widgets()

    def clean_title(self):
        title = self.cleaned_data["title"].strip()
        key = ascii_slug(title)
        if not key:
            raise forms.ValidationError(_("Titlen skal indeholde bogstaver eller tal."))
        if ActivityDescription.objects.filter(plan=self.parent.plan, key=key).exists():
            raise forms.ValidationError(_("Der findes allerede en beskrivelse med den titel."))
        self.key = key
        return title
