"""Forms: the upload, the mapping step (which column is what), and a police/SSP figure."""

import re

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from trygplan.lib.text import ascii_slug

from . import importer
from .models import AnswerScale, DistrictSet, StatisticSeries, StatisticValue

GUESSES = {
    "weight": re.compile(r"v(æ|ae)gt|weight|wgt", re.I),
    "stratum": re.compile(r"bydel|stratum|strata", re.I),
    "area": re.compile(r"s(æ|ae)rm(å|aa)l|omr(å|aa)de|area", re.I),
}


def question_key(column: str) -> str:
    """A column's question key: "tryg_nabolag" -> "tryg-nabolag", the same every year."""
    return ascii_slug(column.replace("_", "-")) or "spoergsmaal"


class UploadForm(forms.Form):
    file = forms.FileField(
        label=_("Datafil"),
        help_text=_(
            "CSV (semikolon eller komma), Excel (.xlsx) eller SPSS (.sav); én række pr. respondent."
        ),
        widget=forms.ClearableFileInput(
            attrs={"class": "form-input", "accept": ".csv,.txt,.xlsx,.sav"}
        ),
    )


class MappingForm(forms.Form):
    """The mapping step. For each column: is it a question, on which scale, with what text."""

    year = forms.IntegerField(
        label=_("År"),
        min_value=2000,
        max_value=2100,
        widget=forms.NumberInput(attrs={"class": "form-input"}),
    )
    district_set = forms.ModelChoiceField(
        label=_("Bydelsinddeling"),
        queryset=DistrictSet.objects.all(),
        empty_label=None,
        widget=forms.Select(attrs={"class": "form-select"}),
    )
    weight = forms.ChoiceField(label=_("Vægt"), widget=forms.Select(attrs={"class": "form-select"}))
    stratum = forms.ChoiceField(
        label=_("Stratum (bydel)"),
        help_text=_("Bydelens navn eller kode, som i bydelsinddelingen."),
        widget=forms.Select(attrs={"class": "form-select"}),
    )
    area = forms.ChoiceField(
        label=_("Særmålingsområde"),
        required=False,
        help_text=_("Tom celle: respondenten bor ikke i et særmålingsområde."),
        widget=forms.Select(attrs={"class": "form-select"}),
    )
    fieldwork = forms.CharField(
        label=_("Indsamlingsperiode"),
        required=False,
        max_length=100,
        widget=forms.TextInput(attrs={"class": "form-input"}),
    )
    replace = forms.BooleanField(
        label=_("Erstat en eksisterende undersøgelse for året"),
        required=False,
        widget=forms.CheckboxInput(attrs={"class": "form-checkbox"}),
    )

    def __init__(self, *args, columns: list[str], summaries: dict[str, str], **kwargs):
        super().__init__(*args, **kwargs)
        self.columns = [column for column in columns if column]
        choices = [(column, column) for column in self.columns]
        self.fields["weight"].choices = [("", _("Vælg kolonne"))] + choices
        self.fields["stratum"].choices = [("", _("Vælg kolonne"))] + choices
        self.fields["area"].choices = [("", _("Ingen særmåling"))] + choices
        for role in ("weight", "stratum", "area"):
            self.fields[role].initial = next(
                (column for column in self.columns if GUESSES[role].search(column)), ""
            )
        self.scales = list(AnswerScale.objects.all())
        scale_choices = [("", _("Ikke et spørgsmål"))] + [(s.slug, str(s)) for s in self.scales]
        self.question_rows = []
        for index, column in enumerate(self.columns):
            self.fields[f"scale_{index}"] = forms.ChoiceField(
                label=_("Svarskala for »%(column)s«") % {"column": column},
                choices=scale_choices,
                required=False,
                initial=self._guess_scale(column, summaries.get(column, "")),
                help_text=summaries.get(column, ""),
                widget=forms.Select(attrs={"class": "form-select"}),
            )
            self.fields[f"text_{index}"] = forms.CharField(
                label=_("Spørgsmålets tekst for »%(column)s«") % {"column": column},
                required=False,
                max_length=300,
                widget=forms.TextInput(attrs={"class": "form-input"}),
            )
            self.fields[f"headline_{index}"] = forms.BooleanField(
                label=_("Hovedtal på multi-sitet"),
                required=False,
                widget=forms.CheckboxInput(attrs={"class": "form-checkbox"}),
            )
            self.question_rows.append(
                (column, self[f"scale_{index}"], self[f"text_{index}"], self[f"headline_{index}"])
            )

    def _guess_scale(self, column: str, summary: str) -> str:
        if any(pattern.search(column) for pattern in GUESSES.values()) or ":" not in summary:
            return ""
        values = {value.strip() for value in summary.split(":", 1)[1].split(",")}
        for scale in self.scales:
            known = {str(v) for v in scale.values + scale.missing_values}
            if values and values <= known and len(values & {str(v) for v in scale.values}) > 1:
                return scale.slug
        return ""

    def clean(self):
        cleaned = super().clean()
        roles = [cleaned.get("weight"), cleaned.get("stratum")]
        if cleaned.get("area"):
            roles.append(cleaned["area"])
        if len(set(roles)) < len(roles):
            raise ValidationError(_("Vægt, stratum og særmåling skal være forskellige kolonner."))
        scales = {scale.slug: scale for scale in self.scales}
        questions = []
        for index, column in enumerate(self.columns):
            slug = cleaned.get(f"scale_{index}")
            if not slug:
                continue
            if column in roles:
                self.add_error(f"scale_{index}", _("Kolonnen har allerede en anden rolle."))
                continue
            questions.append(
                importer.QuestionMapping(
                    column=column,
                    key=question_key(column),
                    text=cleaned.get(f"text_{index}") or column,
                    scale=scales[slug],
                    headline=bool(cleaned.get(f"headline_{index}")),
                )
            )
        if not questions:
            raise ValidationError(_("Vælg en svarskala for mindst ét spørgsmål."))
        cleaned["mapping"] = importer.Mapping(
            weight=cleaned.get("weight", ""),
            stratum=cleaned.get("stratum", ""),
            area=cleaned.get("area", ""),
            questions=questions,
        )
        return cleaned


class StatisticValueForm(forms.Form):
    year = forms.IntegerField(
        label=_("År"),
        min_value=2000,
        max_value=2100,
        widget=forms.NumberInput(attrs={"class": "form-input"}),
    )
    quarter = forms.TypedChoiceField(
        label=_("Kvartal"),
        coerce=int,
        choices=[(0, _("Hele året")), (1, "1"), (2, "2"), (3, "3"), (4, "4")],
        widget=forms.Select(attrs={"class": "form-select"}),
    )
    value = forms.IntegerField(
        label=_("Antal"), min_value=0, widget=forms.NumberInput(attrs={"class": "form-input"})
    )
    status = forms.ChoiceField(
        label=_("Status"),
        choices=StatisticValue.Status.choices,
        widget=forms.Select(attrs={"class": "form-select"}),
    )
    note = forms.CharField(
        label=_("Note"),
        required=False,
        max_length=300,
        help_text=_("Påkrævet, når et endeligt tal revideres."),
        widget=forms.TextInput(attrs={"class": "form-input"}),
    )

    def __init__(self, *args, series: StatisticSeries, **kwargs):
        super().__init__(*args, **kwargs)
        if series.period == StatisticSeries.Period.YEAR:
            self.fields["quarter"].choices = [(0, _("Hele året"))]
        else:
            self.fields["quarter"].choices = self.fields["quarter"].choices[1:]
