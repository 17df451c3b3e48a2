"""Forms for editing a draft plan. Errors are in plain Danish beside the field."""

from django import forms
from django.utils.translation import gettext_lazy as _

from trygplan.core.forms import KronerField, ReasonMixin, StyledMixin, VersionedMixin
from trygplan.lib.text import ascii_slug

from .models import Activity, ActivityDescription, BudgetLine, FocusArea, Footnote, Plan


class PlanReasonMixin(ReasonMixin):
    """An amendment (tillæg) of an approved plan asks why for each change."""

    def reason_required(self) -> bool:
        plan = plan_of(self.instance)
        return bool(plan and plan.amendment)


def plan_of(instance):
    if isinstance(instance, Plan):
        return instance
    if isinstance(instance, BudgetLine):
        return instance.activity.plan
    return getattr(instance, "plan", None)


class ActivityForm(PlanReasonMixin, VersionedMixin, StyledMixin, forms.ModelForm):
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


class BudgetLineForm(PlanReasonMixin, VersionedMixin, StyledMixin, forms.ModelForm):
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
        if year < plan_year:
            raise forms.ValidationError(
                _(
                    "%(year)s er et tidligere år: beløbet er det, planen for %(year)s godkendte, "
                    "og det ændres kun med et tillæg til den plan."
                ),
                params={"year": year},
            )
        if year > plan_year + 5:
            raise forms.ValidationError(
                _("Året skal ligge mellem %(low)s og %(high)s."),
                params={"low": plan_year, "high": plan_year + 5},
            )
        return year

    def clean(self):
        cleaned = super().clean()
        source, funder = cleaned.get("source"), cleaned.get("funder")
        if source == BudgetLine.Source.CO_FINANCING and funder is None:
            self.add_error("funder", _("Medfinansiering skal have en organisation, der betaler."))
        return cleaned


class PlanSettingsForm(PlanReasonMixin, VersionedMixin, StyledMixin, forms.ModelForm):
    """A draft plan's title, money frame and introduction texts."""

    frame = KronerField(label=_("Ramme (kr.)"), help_text=_("Partnerskabets egne midler i året."))
    co_financing_required = KronerField(
        label=_("Krævet medfinansiering af helhedsplanen (kr.)"), required=False
    )

    class Meta:
        model = Plan
        fields = [
            "title",
            "frame",
            "co_financing_required",
            "introduction",
            "theory_of_change_intro",
            "overview_intro",
        ]
        error_messages = {"title": {"required": _("Planen skal have en titel.")}}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["frame"].error_messages["required"] = _(
            "Skriv rammen i hele kroner, fx 1.500.000."
        )
        for name in ["introduction", "theory_of_change_intro", "overview_intro"]:
            self.fields[name].widget.attrs["rows"] = 6
        self.style_widgets()

    def clean_co_financing_required(self):
        return self.cleaned_data.get("co_financing_required") or 0


def activity_key(name: str) -> str:
    """ "Lys i Hørgården" -> "lys-i-hoergaarden", as the seed's keys are written."""
    return ascii_slug(name, max_length=80)


class NewActivityForm(StyledMixin, forms.ModelForm):
    """A new activity in a draft: its key is made from the name and kept across years. It is
    described in a description of its own (written next), or under an existing one."""

    class Meta:
        model = Activity
        fields = ["number", "name", "focus_areas", "description", "co_finances_housing_plan"]
        labels = {"description": _("Beskrives under")}
        help_texts = {
            "description": _(
                "Tom: aktiviteten får sin egen beskrivelse, som du skriver i næste trin."
            )
        }
        widgets = {"focus_areas": forms.CheckboxSelectMultiple}
        error_messages = {"name": {"required": _("Aktiviteten skal have et navn.")}}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        plan = self.instance.plan
        self.fields["focus_areas"].queryset = FocusArea.objects.filter(partnership=plan.partnership)
        self.fields["number"].error_messages["invalid"] = _("Nummeret skal være et helt tal.")
        self.fields["description"].queryset = ActivityDescription.objects.filter(
            plan=plan, parent__isnull=True
        )
        self.fields["description"].empty_label = _("En ny beskrivelse med aktivitetens navn")
        self.style_widgets()

    clean_number = ActivityForm.clean_number

    def clean(self):
        cleaned = super().clean()
        name = cleaned.get("name")
        if name:
            key = activity_key(name)
            if not key:
                self.add_error("name", _("Navnet skal indeholde bogstaver eller tal."))
            elif Activity.objects.filter(plan=self.instance.plan, key=key).exists():
                self.add_error("name", _("Der findes allerede en aktivitet med det navn."))
            else:
                self.instance.key = key
                self.instance.is_new = True
        return cleaned


class TransitionForm(StyledMixin, forms.Form):
    """A step of the approval; sending back needs a comment."""

    comment = forms.CharField(
        label=_("Kommentar"), required=False, widget=forms.Textarea(attrs={"rows": 3})
    )

    def __init__(self, *args, comment_required: bool = False, **kwargs):
        super().__init__(*args, **kwargs)
        if comment_required:
            self.fields["comment"].required = True
            self.fields["comment"].label = _("Hvorfor sendes planen tilbage?")
            self.fields["comment"].error_messages["required"] = _(
                "Skriv hvorfor planen sendes tilbage."
            )
        self.style_widgets()


class ApprovalForm(TransitionForm):
    """The finance committee's approval: its date and case reference."""

    date = forms.DateField(
        label=_("Dato for Økonomiudvalgets godkendelse"),
        help_text=_("Fx 2.2.2017 eller 2017-02-02."),
        input_formats=["%d.%m.%Y", "%d-%m-%Y", "%Y-%m-%d", "%d/%m/%Y"],
        error_messages={
            "required": _("Skriv datoen for godkendelsen."),
            "invalid": _("Skriv datoen som dag.måned.år, fx 2.2.2017."),
        },
    )
    reference = forms.CharField(
        label=_("Sagsnummer"),
        max_length=100,
        error_messages={"required": _("Skriv Økonomiudvalgets sagsnummer.")},
    )
    field_order = ["date", "reference", "comment"]


class FirstPlanForm(StyledMixin, forms.Form):
    """A new partnership's first plan: title, year and frame; the rest is edited after."""

    title = forms.CharField(
        label=_("Titel"),
        max_length=300,
        error_messages={"required": _("Planen skal have en titel.")},
    )
    year = forms.IntegerField(
        label=_("År"),
        min_value=2000,
        max_value=2100,
        error_messages={
            "required": _("Skriv planens år, fx 2016."),
            "invalid": _("Skriv planens år med fire cifre, fx 2016."),
            "min_value": _("Skriv planens år med fire cifre, fx 2016."),
            "max_value": _("Skriv planens år med fire cifre, fx 2016."),
        },
    )
    frame = KronerField(label=_("Ramme (kr.)"), help_text=_("Partnerskabets egne midler i året."))

    def __init__(self, *args, partnership, **kwargs):
        super().__init__(*args, **kwargs)
        self.partnership = partnership
        self.fields["frame"].error_messages["required"] = _(
            "Skriv rammen i hele kroner, fx 1.500.000."
        )
        self.style_widgets()

    def clean_year(self):
        year = self.cleaned_data["year"]
        partnership = self.partnership
        if not partnership.period_start <= year <= partnership.period_end:
            raise forms.ValidationError(
                _("Året skal ligge i partnerskabets periode, %(period)s.")
                % {"period": partnership.period}
            )
        return year


class FootnoteForm(PlanReasonMixin, StyledMixin, forms.ModelForm):
    """A footnote on the overview table (an activity's name, or one of its years' amounts) or
    in a text (a key that texts refer to as [^key])."""

    class Meta:
        model = Footnote
        fields = ["activity", "year", "key", "text"]
        labels = {
            "activity": _("På aktiviteten i oversigten"),
            "year": _("Ved beløbet for året"),
            "key": _("Eller: nøgle i en tekst"),
            "text": _("Fodnotens tekst"),
        }
        help_texts = {
            "year": _("Tomt: ved aktivitetens navn."),
            "key": _("Skriv [^nøglen] i en tekst i planen, hvor fodnoten skal stå."),
        }
        error_messages = {"text": {"required": _("Skriv fodnotens tekst.")}}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        plan = self.instance.plan
        self.fields["activity"].queryset = plan.activities.order_by("number", "name")
        self.fields["activity"].empty_label = _("Ingen (en fodnote i en tekst)")
        self.fields["text"].widget.attrs["rows"] = 3
        self.style_widgets()

    def clean(self):
        cleaned = super().clean()
        activity, year, key = (cleaned.get(name) for name in ("activity", "year", "key"))
        plan = self.instance.plan
        if bool(activity) == bool(key):
            raise forms.ValidationError(
                _("Vælg enten en aktivitet i oversigten eller en nøgle i en tekst (ikke begge).")
            )
        if year and not activity:
            self.add_error("year", _("Et år hører til en aktivitet i oversigten."))
        if year and not plan.year - 5 <= year <= plan.year + 5:
            self.add_error("year", _("Året skal være et af oversigtens år."))
        if key and plan.footnotes.filter(key=key).exclude(pk=self.instance.pk).exists():
            self.add_error("key", _("Planen har allerede en fodnote med den nøgle."))
        return cleaned
