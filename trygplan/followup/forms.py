"""Input shapes for follow-up. Errors are in plain Danish beside the field."""

from django import forms
from django.core import signing
from django.utils.translation import gettext_lazy as _

from trygplan.plans.forms import StyledMixin
from trygplan.plans.models import Deliverable

from .models import DeliverableProgress, Event, EventAttendance

SIGNING_SALT = "followup.import"
MAX_UPLOAD = 5 * 1024 * 1024


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


class ProgressForm(StyledMixin, forms.ModelForm):
    class Meta:
        model = DeliverableProgress
        fields = ["deliverable", "date", "count", "note", "evidence"]
        widgets = {"date": forms.DateInput(attrs={"type": "date"})}
        error_messages = {"count": {"required": _("Skriv hvor mange der blev leveret.")}}

    def __init__(self, *args, plan, **kwargs):
        super().__init__(*args, **kwargs)
        field = self.fields["deliverable"]
        field.queryset = Deliverable.objects.filter(
            description__plan=plan, quantity__isnull=False
        ).select_related("description")
        field.label_from_instance = lambda item: f"{item.description.title}: {item.text[:80]}"
        self.style_widgets()


class EventForm(StyledMixin, forms.ModelForm):
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
            "starts_at": forms.DateTimeInput(attrs={"type": "datetime-local"}),
            "ends_at": forms.DateTimeInput(attrs={"type": "datetime-local"}),
            "story": forms.Textarea(attrs={"rows": 4}),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for group, label in EventAttendance.Group.choices:
            self.fields[f"attendance_{group}"] = forms.IntegerField(
                label=_("Deltagere: %(group)s") % {"group": label}, min_value=0, required=False
            )
        self.style_widgets()

    def clean(self):
        cleaned = super().clean()
        starts, ends = cleaned.get("starts_at"), cleaned.get("ends_at")
        if starts and ends and ends < starts:
            self.add_error("ends_at", _("Arrangementet kan ikke slutte før det starter."))
        return cleaned

    def attendance(self) -> dict[str, int]:
        return {
            group: self.cleaned_data.get(f"attendance_{group}") or 0
            for group, _label in EventAttendance.Group.choices
        }
