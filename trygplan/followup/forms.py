"""Input shapes for follow-up. Errors are in plain Danish beside the field."""

from decimal import Decimal

from django import forms
from django.core import signing
from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from trygplan.core.forms import StyledMixin
from trygplan.lib.images import clean_photo
from trygplan.lib.uploads import clean_attachment
from trygplan.plans.models import Activity, Deliverable

from .importers import parse_decimal, value_problem
from .models import DeliverableProgress, Event, EventAttendance, EventPhoto, IndicatorValue

SIGNING_SALT = "followup.import"
MAX_UPLOAD = 5 * 1024 * 1024
EVIDENCE_MAX_BYTES = 10 * 1024 * 1024
MAX_PARTICIPANTS = 1_000_000  # an integer column overflows long before the form would


class UploadForm(StyledMixin, forms.Form):
    file = forms.FileField(
        label=_("Fil med værdier"),
        help_text=_(
            "Excel (.xlsx) eller CSV med kolonnerne indikator, værdi, status og note. "
            "Decimaltal med komma, fx 12,5."
        ),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.style_widgets()

    def clean_file(self):
        upload = self.cleaned_data["file"]
        if upload.size > MAX_UPLOAD:
            raise forms.ValidationError(_("Filen er for stor (højst 5 MB)."))
        return upload


class ConfirmImportForm(StyledMixin, forms.Form):
    """The previewed rows, signed so they cannot be changed between preview and saving."""

    rows = forms.CharField(widget=forms.HiddenInput)
    reason = forms.CharField(
        label=_("Begrundelse"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=_("Kræves hvis en endelig værdi ændres."),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.style_widgets()

    @staticmethod
    def sign(rows: list[dict], submission_pk: int) -> str:
        return signing.dumps({"submission": submission_pk, "rows": rows}, salt=SIGNING_SALT)

    def rows_for(self, submission_pk: int) -> list[dict]:
        try:
            data = signing.loads(self.cleaned_data["rows"], salt=SIGNING_SALT, max_age=3600)
        except signing.BadSignature as error:
            raise forms.ValidationError(
                _("Forhåndsvisningen er udløbet. Upload filen igen.")
            ) from error
        if data["submission"] != submission_pk:
            raise forms.ValidationError(_("Forhåndsvisningen hører til en anden indberetning."))
        return data["rows"]


class SubmissionCreateForm(StyledMixin, forms.Form):
    year = forms.TypedChoiceField(label=_("År"), coerce=int)

    def __init__(self, *args, years: list[int], **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["year"].choices = [(year, str(year)) for year in years]
        self.style_widgets()


class ReasonForm(StyledMixin, forms.Form):
    reason = forms.CharField(
        label=_("Begrundelse"), required=False, widget=forms.Textarea(attrs={"rows": 2})
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.style_widgets()


def require_plan_year(day, plan) -> None:
    """What was delivered belongs to the plan's year, and has happened."""
    if day > timezone.localdate():
        raise forms.ValidationError(_("Datoen kan ikke ligge i fremtiden."))
    if day.year != plan.year:
        raise forms.ValidationError(
            _("Datoen skal ligge i %(year)s, planens år.") % {"year": plan.year}
        )


class ProgressForm(StyledMixin, forms.ModelForm):
    class Meta:
        model = DeliverableProgress
        fields = ["deliverable", "date", "count", "note", "evidence"]
        labels = {"deliverable": _("Leverance")}
        widgets = {"date": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")}
        error_messages = {"count": {"required": _("Skriv hvor mange der blev leveret.")}}

    def __init__(self, *args, plan, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["evidence"].help_text = _("PDF, JPEG eller PNG, højst 10 MB.")
        self.plan = plan
        field = self.fields["deliverable"]
        # Deliverables counted from walks or events held are never typed twice.
        field.queryset = Deliverable.objects.filter(
            description__plan=plan, quantity__isnull=False, counts_from=""
        ).select_related("description")
        field.label_from_instance = lambda item: f"{item.description.title}: {item.text[:80]}"
        self.style_widgets()

    def clean_evidence(self):
        """A new file is checked by content and size, and an image loses its metadata."""
        evidence = self.cleaned_data.get("evidence")
        if not evidence or not hasattr(evidence, "content_type"):  # none, or the stored one
            return evidence
        try:
            return clean_attachment(evidence, max_bytes=EVIDENCE_MAX_BYTES).file
        except ValidationError as error:
            raise forms.ValidationError(error.messages) from None

    def clean_date(self):
        day = self.cleaned_data.get("date")
        if day:
            require_plan_year(day, self.plan)
        return day


class DecimalCommaField(forms.CharField):
    """A number as Danes type it: 12,5 or 1.234,5 (also 12.5). At most two decimals."""

    def __init__(self, **kwargs):
        super().__init__(**kwargs)
        self.widget.attrs.update({"inputmode": "decimal", "autocomplete": "off"})

    def prepare_value(self, value):
        if isinstance(value, Decimal):
            return f"{value.normalize():f}".replace(".", ",")
        return value

    def to_python(self, value):
        value = super().to_python(value)
        if value in self.empty_values:
            return None
        try:
            number = parse_decimal(value)
        except ValueError:
            raise forms.ValidationError(
                _("“%(value)s” er ikke et tal. Skriv fx 12 eller 12,5."),
                params={"value": value[:40]},
            ) from None
        problem = value_problem(number)
        if problem:
            raise forms.ValidationError(problem)
        return number.quantize(Decimal("0.01"))


class SubmissionValuesForm(StyledMixin, forms.Form):
    """One row per indicator the submission's organisation reports: value, quality and note."""

    reason = forms.CharField(
        label=_("Begrundelse"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=_("Kræves hvis en endelig værdi ændres."),
    )

    def __init__(self, *args, indicators, values: dict, **kwargs):
        super().__init__(*args, **kwargs)
        self.indicators = list(indicators)
        self.values = values  # indicator pk -> IndicatorValue
        for indicator in self.indicators:
            saved = values.get(indicator.pk)
            self.fields[f"value_{indicator.pk}"] = DecimalCommaField(
                label=_("Værdi (%(unit)s)") % {"unit": indicator.unit},
                required=False,
                initial=saved.value if saved else None,
            )
            self.fields[f"quality_{indicator.pk}"] = forms.ChoiceField(
                label=_("Status"),
                choices=IndicatorValue.Quality.choices,
                initial=saved.quality if saved else IndicatorValue.Quality.PROVISIONAL,
            )
            self.fields[f"note_{indicator.pk}"] = forms.CharField(
                label=_("Note"),
                required=False,
                max_length=300,
                initial=saved.note if saved else "",
                help_text=_("Ingen navne eller oplysninger om enkeltpersoner."),
            )
        self.order_fields([name for name in self.fields if name != "reason"] + ["reason"])
        self.style_widgets()

    def groups(self):
        """(indicator, value field, quality field, note field) for the template."""
        return [
            (
                indicator,
                self[f"value_{indicator.pk}"],
                self[f"quality_{indicator.pk}"],
                self[f"note_{indicator.pk}"],
            )
            for indicator in self.indicators
        ]

    def clean(self):
        cleaned = super().clean()
        for indicator in self.indicators:
            name = f"value_{indicator.pk}"
            if name in cleaned and cleaned[name] is None and indicator.pk in self.values:
                self.add_error(
                    name, _("Værdien er gemt og kan ikke fjernes her. Skriv et tal i stedet.")
                )
        return cleaned

    def rows(self) -> list[dict]:
        return [
            {
                "indicator": indicator.pk,
                "value": self.cleaned_data[f"value_{indicator.pk}"],
                "quality": self.cleaned_data[f"quality_{indicator.pk}"],
                "note": self.cleaned_data[f"note_{indicator.pk}"],
            }
            for indicator in self.indicators
            if self.cleaned_data.get(f"value_{indicator.pk}") is not None
        ]


class ProgressEditForm(ProgressForm):
    """Correcting an entry: the reason is required and recorded."""

    reason = forms.CharField(
        label=_("Begrundelse for rettelsen"),
        widget=forms.Textarea(attrs={"rows": 2}),
        error_messages={"required": _("Skriv hvorfor registreringen rettes.")},
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["reason"].widget.attrs["class"] = "form-input"


class DeleteForm(StyledMixin, forms.Form):
    reason = forms.CharField(
        label=_("Begrundelse for sletningen"),
        widget=forms.Textarea(attrs={"rows": 2}),
        error_messages={"required": _("Skriv hvorfor registreringen slettes.")},
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.style_widgets()


class PhotoField(forms.FileField):
    """A photo, checked, turned upright, shrunk and stripped of EXIF (`lib.images`)."""

    def __init__(self, **kwargs):
        kwargs.setdefault("required", False)
        super().__init__(**kwargs)
        self.widget.attrs.update({"accept": "image/*"})

    def clean(self, data, initial=None):
        upload = super().clean(data, initial)
        return clean_photo(upload) if upload else None


class EventForm(StyledMixin, forms.ModelForm):
    activity_key = forms.ChoiceField(label=_("Aktivitet i tryghedsplanen"), required=False)
    photo = PhotoField(
        label=_("Billede"),
        help_text=_("Billedet gøres mindre, og oplysninger om kamera og sted fjernes."),
    )
    photo_caption = forms.CharField(label=_("Billedtekst"), max_length=200, required=False)
    photo_consent = forms.BooleanField(
        label=_("De genkendelige på billedet har givet samtykke til, at det vises"),
        required=False,
    )
    remove_photos = forms.ModelMultipleChoiceField(
        label=_("Fjern billeder"),
        queryset=EventPhoto.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )

    class Meta:
        model = Event
        fields = [
            "title",
            "kind",
            "starts_at",
            "ends_at",
            "place",
            "organiser",
            "activity_key",
            "is_public",
            "story",
        ]
        widgets = {
            "starts_at": forms.DateTimeInput(
                attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M"
            ),
            "ends_at": forms.DateTimeInput(
                attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M"
            ),
            "story": forms.Textarea(attrs={"rows": 4}),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        event = self.instance
        counts = {row.group: row.count for row in event.attendance.all()} if event.pk else {}
        for group, label in EventAttendance.Group.choices:
            self.fields[f"attendance_{group}"] = forms.IntegerField(
                label=_("Deltagere: %(group)s") % {"group": label},
                min_value=0,
                max_value=MAX_PARTICIPANTS,
                required=False,
                initial=counts.get(group),
                error_messages={
                    "min_value": _("Antallet kan ikke være negativt."),
                    "max_value": _("Skriv et antal på højst %(limit_value)s."),
                },
            )
        self.fields["activity_key"].choices = [("", _("Ingen bestemt aktivitet"))] + list(
            _activity_choices(event.partnership, current=event.activity_key)
        )
        if event.pk and event.photos.exists():
            self.fields["remove_photos"].queryset = event.photos.all()
        else:
            del self.fields["remove_photos"]
        self.order_fields([name for name in self.fields if not name.startswith("photo")])
        self.style_widgets()
        for field in self.fields.values():
            if isinstance(field.widget, forms.CheckboxInput | forms.CheckboxSelectMultiple):
                field.widget.attrs["class"] = "form-checkbox"

    def clean(self):
        cleaned = super().clean()
        starts, ends = cleaned.get("starts_at"), cleaned.get("ends_at")
        if starts and ends and ends < starts:
            self.add_error("ends_at", _("Arrangementet kan ikke slutte før det starter."))
        key = cleaned.get("activity_key")
        if starts and key:
            year = timezone.localtime(starts).year
            if not Activity.objects.filter(
                plan__partnership=self.instance.partnership, plan__year=year, key=key
            ).exists():
                self.add_error(
                    "activity_key",
                    _(
                        "Aktiviteten er ikke med i tryghedsplanen for %(year)s, arrangementets "
                        "år. Vælg en aktivitet fra %(year)s, eller ingen bestemt aktivitet."
                    )
                    % {"year": year},
                )
        if cleaned.get("photo") and not cleaned.get("photo_consent"):
            self.add_error(
                "photo_consent",
                _(
                    "Sæt kryds, når de genkendelige på billedet har givet samtykke. "
                    "Uden samtykke kan billedet ikke bruges."
                ),
            )
        return cleaned

    def attendance(self) -> dict[str, int]:
        return {
            group: self.cleaned_data.get(f"attendance_{group}") or 0
            for group, _label in EventAttendance.Group.choices
        }


def _activity_choices(partnership, *, current: str = ""):
    """(key, "number. name") for the activities of the partnership's plans, newest name first."""
    seen = {}
    activities = Activity.objects.filter(plan__partnership=partnership).order_by(
        "-plan__year", "-plan__amendment", "number"
    )
    for key, number, name in activities.values_list("key", "number", "name"):
        seen.setdefault(key, (number, f"{number}. {name}"))
    if current and current not in seen:
        seen[current] = (0, current)
    return [(key, label) for key, (_number, label) in sorted(seen.items(), key=lambda i: i[1])]
