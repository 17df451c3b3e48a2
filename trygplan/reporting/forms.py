"""Input shapes for the reports. Errors are in plain Danish beside the field."""

from django import forms
from django.utils import formats
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from trygplan.core.forms import KronerField, StyledMixin
from trygplan.lib.money import format_kroner
from trygplan.plans.models import BudgetLine

from .booking import booked_spending, recorded_progress
from .models import ReportRecommendation, ReportRound, Spending

DATE = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


class RoundOpenForm(StyledMixin, forms.Form):
    year = forms.TypedChoiceField(label=gettext_lazy("År"), coerce=int)
    kind = forms.ChoiceField(label=gettext_lazy("Afrapportering"), choices=ReportRound.Kind.choices)
    deadline = forms.DateField(
        label=gettext_lazy("Frist for partnernes delrapporter"),
        widget=DATE,
        error_messages={"required": gettext_lazy("Skriv fristen for delrapporterne.")},
    )
    meeting_on = forms.DateField(label=gettext_lazy("Styregruppemøde"), required=False, widget=DATE)

    def __init__(self, *args, years: list[int], **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["year"].choices = [(year, str(year)) for year in years]
        self.style_widgets()


class RoundTextsForm(StyledMixin, forms.ModelForm):
    class Meta:
        model = ReportRound
        fields = ["summary", "internal_note", "meeting_on"]
        widgets = {
            "summary": forms.Textarea(attrs={"rows": 6}),
            "internal_note": forms.Textarea(attrs={"rows": 3}),
            "meeting_on": DATE,
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.style_widgets()


class PartForm(StyledMixin, forms.Form):
    """A partner's part: the texts, one figure per typed deliverable ("so far in the year")
    and the money spent so far per overview row (and co-financing where the row has any).
    A figure below what is already recorded for the report's day is refused beside its
    field. The pools' rows are not asked: their spending is their expenses."""

    status_text = forms.CharField(
        label=gettext_lazy("Kort status"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=gettext_lazy("Hvordan går aktiviteten? Står også i beboerversionen."),
    )
    obstacles = forms.CharField(
        label=gettext_lazy("Udfordringer"), required=False, widget=forms.Textarea(attrs={"rows": 3})
    )
    proposals = forms.CharField(
        label=gettext_lazy("Forslag til styregruppen"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
    )
    comment = forms.CharField(
        label=gettext_lazy("Bemærkning til koordinatoren"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=gettext_lazy("Kun for partnerskabet; kommer ikke med i beboerversionen."),
    )

    def __init__(self, *args, part, pool_keys=(), **kwargs):
        self.part = part
        round_ = part.round
        self.day = round_.figures_day()
        initial = {name: getattr(part, name) for name in part.TEXT_FIELDS}
        super().__init__(*args, initial=initial, **kwargs)
        figures = {f.deliverable_id: f.count for f in part.figures.all()}
        self._figures = []
        for deliverable in part.deliverables():
            name = f"figure_{deliverable.pk}"
            recorded = recorded_progress(deliverable, year=round_.year, day=self.day)
            self.fields[name] = forms.IntegerField(
                label=self._figure_label(deliverable),
                required=False,
                min_value=0,
                initial=figures.get(deliverable.pk),
                help_text=_(
                    "Leveret i alt i %(year)s til og med %(day)s. Registreret indtil nu: %(n)s."
                )
                % {"year": round_.year, "day": self._day(), "n": recorded},
                error_messages={
                    "invalid": _("Skriv et helt tal, fx 19."),
                    "min_value": _("Tallet kan ikke være negativt."),
                },
            )
            self._figures.append((name, deliverable, recorded))
        self._spending = []
        spent = {(s.activity_id, s.source): s.amount for s in part.spending.all()}
        for activity in part.activities().prefetch_related("budget_lines"):
            if activity.key in pool_keys or activity.has_ended:
                continue
            for source, label in self._sources(activity):
                name = f"spent_{activity.pk}_{source}"
                booked = booked_spending(
                    round_.partnership,
                    year=round_.year,
                    key=activity.key,
                    source=source,
                    day=self.day,
                )
                self.fields[name] = KronerField(
                    label=label,
                    required=False,
                    initial=spent.get((activity.pk, source)),
                    help_text=_(
                        "Brugt i alt i %(year)s til og med %(day)s. Bogført indtil nu: %(kr)s."
                    )
                    % {"year": round_.year, "day": self._day(), "kr": format_kroner(booked)},
                )
                self._spending.append((name, activity, source, booked))
        self.style_widgets()

    def _day(self) -> str:
        return formats.date_format(self.day, "j. F Y")

    @staticmethod
    def _figure_label(deliverable) -> str:
        label = deliverable.target_text() or deliverable.text[:80]
        if deliverable.description.parent_id:
            label = f"{deliverable.description.title}: {label}"
        return _("Leveret: %(target)s") % {"target": label}

    def _sources(self, activity):
        year = self.part.round.year
        label = f"{activity}: " + _("brugt af partnerskabets midler (kr.)")
        yield BudgetLine.Source.PARTNERSHIP, label
        if any(
            line.year == year and line.source != BudgetLine.Source.PARTNERSHIP
            for line in activity.budget_lines.all()
        ):
            yield (
                BudgetLine.Source.CO_FINANCING,
                f"{activity}: " + _("brugt af medfinansieringen (kr.)"),
            )

    def clean(self):
        cleaned = super().clean()
        for name, _deliverable, recorded in self._figures:
            value = cleaned.get(name)
            if value is not None and value < recorded:
                self.add_error(
                    name,
                    _("Der er allerede registreret %(n)s til og med %(day)s. Skriv mindst det.")
                    % {"n": recorded, "day": self._day()},
                )
        for name, _activity, _source, booked in self._spending:
            value = cleaned.get(name)
            if value is not None and value < booked:
                self.add_error(
                    name,
                    _("Der er allerede bogført %(kr)s til og med %(day)s. Skriv mindst det.")
                    % {"kr": format_kroner(booked), "day": self._day()},
                )
        return cleaned

    @property
    def figure_fields(self):
        return [self[name] for name, _deliverable, _recorded in self._figures]

    @property
    def spending_fields(self):
        return [self[name] for name, _activity, _source, _booked in self._spending]

    def figures(self):
        return [
            (deliverable, self.cleaned_data.get(name)) for name, deliverable, _r in self._figures
        ]

    def spending(self):
        return [
            (activity, source, self.cleaned_data.get(name))
            for name, activity, source, _booked in self._spending
        ]


def _activity_choices(plan) -> list[tuple[str, str]]:
    return [("", "—")] + [(a.key, str(a)) for a in plan.activities.filter(has_ended=False)]


class RecommendationForm(StyledMixin, forms.ModelForm):
    move_amount = KronerField(label=gettext_lazy("Flyt beløb (kr.)"), required=False)
    move_from_key = forms.ChoiceField(label=gettext_lazy("Fra aktivitet"), required=False)
    move_to_key = forms.ChoiceField(label=gettext_lazy("Til aktivitet"), required=False)

    class Meta:
        model = ReportRecommendation
        fields = ["title", "text", "part", "move_amount", "move_from_key", "move_to_key"]
        widgets = {"text": forms.Textarea(attrs={"rows": 4})}
        error_messages = {
            "title": {"required": gettext_lazy("Giv indstillingen en overskrift.")},
            "text": {"required": gettext_lazy("Skriv hvad styregruppen skal tage stilling til.")},
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        round_ = self.instance.round
        choices = _activity_choices(round_.plan)
        self.fields["move_from_key"].choices = choices
        self.fields["move_to_key"].choices = choices
        self.fields["part"].queryset = round_.parts.select_related("description")
        self.fields["part"].label_from_instance = lambda part: part.description.title
        self.fields["move_amount"].help_text = _(
            "Kun hvis indstillingen flytter penge mellem to aktiviteter i planen."
        )
        self.style_widgets()

    def clean(self):
        cleaned = super().clean()
        amount, source, target = (
            cleaned.get("move_amount"),
            cleaned.get("move_from_key"),
            cleaned.get("move_to_key"),
        )
        if not (amount or source or target):
            cleaned["move_amount"], cleaned["move_from_key"], cleaned["move_to_key"] = None, "", ""
            return cleaned
        if not amount:
            self.add_error("move_amount", _("Skriv beløbet, der skal flyttes."))
        if not source:
            self.add_error("move_from_key", _("Vælg den aktivitet, pengene flyttes fra."))
        if not target:
            self.add_error("move_to_key", _("Vælg den aktivitet, pengene flyttes til."))
        elif source == target:
            self.add_error("move_to_key", _("Pengene skal flyttes til en anden aktivitet."))
        return cleaned


class DecisionForm(StyledMixin, forms.Form):
    action = forms.ChoiceField(
        label=gettext_lazy("Beslutning"),
        widget=forms.RadioSelect,
        choices=[
            ("approve", gettext_lazy("Godkendt")),
            ("change", gettext_lazy("Godkendt med ændringer")),
            ("reject", gettext_lazy("Afvist")),
        ],
        error_messages={"required": gettext_lazy("Vælg styregruppens beslutning.")},
    )
    text = forms.CharField(
        label=gettext_lazy("Styregruppens beslutning"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=gettext_lazy("Kræves ved afvisning og ændringer."),
    )
    amount = KronerField(
        label=gettext_lazy("Besluttet beløb (kr.)"),
        required=False,
        help_text=gettext_lazy("Ved ændringer: det beløb, styregruppen besluttede at flytte."),
    )

    def __init__(self, *args, moves_money: bool, **kwargs):
        super().__init__(*args, **kwargs)
        if not moves_money:
            del self.fields["amount"]
        self.style_widgets()
        self.fields["action"].widget.attrs["class"] = "form-radio"


class SpendingForm(StyledMixin, forms.ModelForm):
    activity_key = forms.ChoiceField(label=gettext_lazy("Aktivitet"))
    amount = KronerField(label=gettext_lazy("Beløb (kr.)"))

    class Meta:
        model = Spending
        fields = ["activity_key", "source", "date_from", "date_to", "amount", "note"]
        widgets = {"date_from": DATE, "date_to": DATE}
        error_messages = {
            "date_from": {"required": gettext_lazy("Skriv periodens første dag.")},
            "date_to": {"required": gettext_lazy("Skriv periodens sidste dag.")},
        }

    def __init__(self, *args, plan, pool_keys=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["activity_key"].choices = [
            (a.key, str(a)) for a in plan.activities.all() if a.key not in pool_keys
        ]
        self.fields["source"].choices = [
            (value, label)
            for value, label in BudgetLine.Source.choices
            if value != BudgetLine.Source.EXTERNAL
        ]
        self.fields["note"].help_text = _("Fx faktura, lønperiode eller hvad beløbet dækker.")
        self.style_widgets()


class ReasonForm(StyledMixin, forms.Form):
    reason = forms.CharField(
        label=gettext_lazy("Begrundelse"),
        required=False,
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 2}),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.style_widgets()
