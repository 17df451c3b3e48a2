"""Setting up follow-up: indicators with their yearly targets, and who reports for which
organisation. Errors are in plain Danish beside the field."""

from django import forms
from django.contrib.auth import get_user_model
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from trygplan.core.forms import StyledMixin, VersionedMixin
from trygplan.partnerships.models import Organisation
from trygplan.plans.models import Effect, Result
from trygplan.surveys.models import StatisticSeries

from .forms import DecimalCommaField
from .models import ChartNote, Indicator, IndicatorTarget, Reporter

FIRST_YEAR, LAST_YEAR = 2000, 2100


def partnership_organisations(partnership):
    """The organisations that report for the partnership: its parties and those that report
    one of its indicators (all organisations while it has neither)."""
    reporting = Indicator.objects.filter(partnership=partnership).values("reported_by")
    found = Organisation.objects.filter(
        Q(pk__in=partnership.parties.values("organisation")) | Q(pk__in=reporting)
    )
    return (found if found.exists() else Organisation.objects.all()).order_by("name")


class IndicatorForm(VersionedMixin, StyledMixin, forms.ModelForm):
    """An indicator of a result or an effect; the key (its address) is made from the name."""

    parent = forms.ChoiceField(
        label=_("Hører til"),
        help_text=_("Det resultat eller den effekt, indikatoren måler."),
        error_messages={"required": _("Vælg et resultat eller en effekt.")},
    )
    baseline_value = DecimalCommaField(
        label=_("Basislinje"), required=False, help_text=_("Tallet før indsatsen, fx 33,5.")
    )

    class Meta:
        model = Indicator
        fields = [
            "name",
            "parent",
            "kind",
            "measure",
            "definition",
            "source",
            "reported_by",
            "unit",
            "higher_is_better",
            "counts_young_people",
            "baseline_value",
            "baseline_label",
            "baseline_source",
            "statistic_series",
            "statistic_per_1000",
            "order",
        ]
        labels = {"order": _("Rækkefølge")}
        help_texts = {
            "measure": _("Kun for præstationsmål."),
            "unit": _("Fx “procent”, “sager” eller “deltagere”."),
            "baseline_label": _("Fx “2010” eller “2013-2014”."),
        }
        widgets = {"definition": forms.Textarea(attrs={"rows": 3})}
        error_messages = {
            "name": {"required": _("Skriv indikatorens navn.")},
            "kind": {"required": _("Vælg befolkningsindikator eller præstationsmål.")},
            "definition": {"required": _("Skriv hvad der tælles, og hvordan.")},
            "source": {"required": _("Vælg hvor tallene kommer fra.")},
            "reported_by": {"required": _("Vælg den organisation, der indberetter tallene.")},
            "unit": {"required": _("Skriv enheden, fx “procent”.")},
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        partnership = self.instance.partnership
        self.fields["parent"].choices = self._parents(partnership)
        parent = self.instance.result_id and f"result:{self.instance.result_id}"
        self.initial.setdefault(
            "parent", parent or (self.instance.effect_id and f"effect:{self.instance.effect_id}")
        )
        self.fields["reported_by"].queryset = partnership_organisations(partnership)
        series = self.fields["statistic_series"]
        series.queryset = StatisticSeries.objects.filter(partnership=partnership)
        series.help_text = _("Politiets og SSP's tal hentes herfra og tastes ikke ind.")
        self.fields["order"].required = False
        self.style_widgets()
        for name in ("higher_is_better", "counts_young_people", "statistic_per_1000"):
            self.fields[name].widget.attrs["class"] = "form-checkbox"

    @staticmethod
    def _parents(partnership):
        effects = [
            (f"effect:{e.pk}", e.name) for e in Effect.objects.filter(partnership=partnership)
        ]
        results = [
            (f"result:{r.pk}", str(r)) for r in Result.objects.filter(partnership=partnership)
        ]
        return [("", "---------"), (_("Effekter"), effects), (_("Resultater"), results)]

    def parent_label(self, value) -> str | None:
        for _group, options in self.fields["parent"].choices[1:]:
            for key, label in options:
                if key == value:
                    return label
        return None

    def clean_order(self):
        return self.cleaned_data.get("order") or 0

    def clean(self):
        cleaned = super().clean()
        kind, measure = cleaned.get("kind"), cleaned.get("measure")
        if kind == Indicator.Kind.POPULATION and measure:
            self.add_error(
                "measure",
                _(
                    "En befolkningsindikator har intet spørgsmål. Vælg præstationsmål, eller lad "
                    "feltet stå tomt."
                ),
            )
        if cleaned.get("statistic_per_1000") and not cleaned.get("statistic_series"):
            self.add_error(
                "statistic_per_1000", _("En rate kræver en statistikserie at læse tallene fra.")
            )
        return cleaned

    def _post_clean(self):
        kind, _sep, pk = (self.cleaned_data.get("parent") or "").partition(":")
        self.instance.result_id = int(pk) if kind == "result" else None
        self.instance.effect_id = int(pk) if kind == "effect" else None
        super()._post_clean()


class TargetForm(StyledMixin, forms.ModelForm):
    year = forms.IntegerField(
        label=_("År"),
        min_value=FIRST_YEAR,
        max_value=LAST_YEAR,
        error_messages={
            "invalid": _("Skriv et årstal, fx 2017."),
            "min_value": _("Skriv et årstal, fx 2017."),
            "max_value": _("Skriv et årstal, fx 2017."),
        },
    )
    value = DecimalCommaField(label=_("Mål"))

    class Meta:
        model = IndicatorTarget
        fields = ["year", "value"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.style_widgets()


class BaseTargetFormSet(forms.BaseInlineFormSet):
    def clean(self):
        years = [
            form.cleaned_data["year"]
            for form in self.forms
            if form.cleaned_data.get("year") and not self._should_delete_form(form)
        ]
        twice = sorted({year for year in years if years.count(year) > 1})
        if twice:
            raise forms.ValidationError(
                _("Hvert år kan kun have ét mål. Flere mål for: %(years)s."),
                params={"years": ", ".join(str(year) for year in twice)},
            )
        super().clean()

    def add_fields(self, form, index):
        super().add_fields(form, index)
        if "DELETE" in form.fields:
            form.fields["DELETE"].label = _("Slet målet")
            form.fields["DELETE"].widget.attrs["class"] = "form-checkbox"


TargetFormSet = forms.inlineformset_factory(
    Indicator,
    IndicatorTarget,
    form=TargetForm,
    formset=BaseTargetFormSet,
    extra=2,
    can_delete=True,
)


class ReporterForm(StyledMixin, forms.ModelForm):
    """Who reports for which organisation: one organisation per user and partnership."""

    class Meta:
        model = Reporter
        fields = ["user", "organisation"]
        labels = {"user": _("Bruger"), "organisation": _("Indberetter for")}
        error_messages = {
            "user": {"required": _("Vælg brugeren.")},
            "organisation": {"required": _("Vælg organisationen.")},
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        partnership = self.instance.partnership
        users = get_user_model().objects.filter(memberships__partnership=partnership)
        self.fields["user"].queryset = users.order_by("first_name", "last_name", "username")
        self.fields["user"].help_text = _("Partnerskabets brugere (Organisation → Brugere).")
        self.fields["organisation"].queryset = partnership_organisations(partnership)
        self.style_widgets()

    def clean_user(self):
        user = self.cleaned_data["user"]
        taken = (
            Reporter.objects.filter(user=user, partnership=self.instance.partnership)
            .exclude(pk=self.instance.pk)
            .select_related("organisation")
            .first()
        )
        if taken is not None:
            raise forms.ValidationError(
                _("%(user)s indberetter allerede for %(org)s. Ret den i stedet."),
                params={"user": user, "org": taken.organisation.name},
            )
        return user


class ChartNoteForm(StyledMixin, forms.ModelForm):
    """Something that happened in the area and explains a curve (written on every chart)."""

    year = forms.IntegerField(label=_("År"), min_value=FIRST_YEAR, max_value=LAST_YEAR)

    class Meta:
        model = ChartNote
        fields = ["year", "text", "source"]
        labels = {"text": _("Note"), "source": _("Kilde")}
        help_texts = {
            "text": _("Kort, højst 80 tegn: den står på graferne ved året."),
            "source": _("Hvor det kan læses, fx en avisartikel eller en rapport."),
        }
        error_messages = {"text": {"required": _("Skriv noten.")}}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["year"].error_messages.update(
            required=_("Skriv året."),
            min_value=_("Året skal være %(limit_value)s eller senere."),
            max_value=_("Året skal være %(limit_value)s eller tidligere."),
        )
        self.style_widgets()
