"""Forms for the pools. Errors are in plain Danish beside the field; nothing is saved here."""

import uuid

from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from trygplan.core.forms import KronerField, StyledMixin
from trygplan.lib.geo import contains
from trygplan.lib.money import format_kroner
from trygplan.lib.uploads import CleanUpload, clean_attachment
from trygplan.plans.models import Result

from .models import Application, Recommendation

BUDGET_ROWS = 5
MAX_ATTACHMENTS = 5
MAX_ATTACHMENTS_BYTES = 20 * 1024 * 1024  # together; the app takes 25 MB in one request


# Pool amounts are IntegerFields (at most 2.147.483.647 in PostgreSQL); no pool comes near.
POOL_MAX_KRONER = 1_000_000_000


def max_upload_bytes() -> int:
    return int(getattr(settings, "TRYGPLAN_POOLS_MAX_UPLOAD_BYTES", 10 * 1024 * 1024))


class PositiveKronerField(KronerField):
    """Whole kroner, more than 0."""

    def __init__(self, **kwargs):
        kwargs.setdefault("max_value", POOL_MAX_KRONER)
        super().__init__(**kwargs)

    def validate(self, value):
        super().validate(value)
        if value is not None and value <= 0:
            raise forms.ValidationError(_("Beløbet skal være større end 0."), code="zero")


class SignedKronerField(KronerField):
    """Whole kroner; a leading minus is a refund."""

    def __init__(self, **kwargs):
        kwargs.setdefault("max_value", POOL_MAX_KRONER)
        super().__init__(**kwargs)

    def to_python(self, value):
        text = (value or "").strip()
        negative = text[:1] in {"-", "−"}
        amount = super().to_python(text[1:] if negative else text)
        if amount is not None and negative:
            return -amount
        return amount

    def validate(self, value):
        super().validate(value)
        if value == 0:
            raise forms.ValidationError(_("Beløbet kan ikke være 0."), code="zero")


def clean_upload(upload) -> CleanUpload:
    """The upload checked by content and size; images re-encoded without their metadata.

    Raises a Danish ValidationError for anything but PDF, JPEG and PNG, for files over the
    size limit, for images that do not open and for "PDFs" that are not built like one."""
    try:
        return clean_attachment(upload, max_bytes=max_upload_bytes())
    except ValidationError as error:
        raise forms.ValidationError(error.messages, code=error.code) from None


class MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class AttachmentsField(forms.FileField):
    """Several files at once; each checked by content. Cleans to [(upload, content_type)]."""

    widget = MultipleFileInput

    def clean(self, data, initial=None):
        uploads = data if isinstance(data, list | tuple) else ([data] if data else [])
        if len(uploads) > MAX_ATTACHMENTS:
            raise forms.ValidationError(_("Vedhæft højst 5 filer."))
        if sum(upload.size for upload in uploads) > MAX_ATTACHMENTS_BYTES:
            raise forms.ValidationError(_("Bilagene må højst fylde 20 MB tilsammen."))
        cleaned = [clean_upload(upload) for upload in uploads]
        return [(upload.file, upload.content_type) for upload in cleaned]


class ApplicationForm(StyledMixin, forms.ModelForm):
    """The public application form (also used by staff for applications they receive)."""

    submission_key = forms.UUIDField(widget=forms.HiddenInput)
    latitude = forms.FloatField(required=False, widget=forms.HiddenInput)
    longitude = forms.FloatField(required=False, widget=forms.HiddenInput)
    attachments = AttachmentsField(
        label=_("Bilag"),
        required=False,
        help_text=_("PDF, JPEG eller PNG, højst 10 MB pr. fil og 20 MB i alt, højst 5 filer."),
    )
    consent = forms.BooleanField(
        label=_(
            "Jeg giver samtykke til, at partnerskabet gemmer mit navn og min kontaktoplysning "
            "for at behandle ansøgningen. De slettes automatisk, når sagen har været afsluttet "
            "i et år."
        ),
        error_messages={"required": _("Du skal give samtykke, før vi kan modtage ansøgningen.")},
    )

    class Meta:
        model = Application
        fields = [
            "title",
            "purpose",
            "addresses",
            "place",
            "latitude",
            "longitude",
            "start_date",
            "end_date",
            "from_reference_group",
            "applicant_name",
            "applicant_email",
            "applicant_phone",
        ]
        labels = {
            "title": _("Titel på projektet"),
            "purpose": _("Hvad vil I gøre?"),
            "addresses": _("Hvilken utryghed eller hvilket problem løser det?"),
            "place": _("Hvor? (adresse eller sted)"),
            "from_reference_group": _("Vi søger via referencegruppen"),
            "applicant_name": _("Dit navn"),
            "applicant_email": _("Din e-mail"),
            "applicant_phone": _("Dit telefonnummer"),
        }
        help_texts = {
            "applicant_email": _("Skriv e-mail eller telefonnummer, så vi kan kontakte dig."),
        }
        widgets = {
            "purpose": forms.Textarea(attrs={"rows": 4}),
            "addresses": forms.Textarea(attrs={"rows": 3}),
            "start_date": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
            "end_date": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        }
        error_messages = {
            "title": {"required": _("Giv projektet en titel.")},
            "purpose": {"required": _("Beskriv, hvad I vil gøre.")},
            "addresses": {"required": _("Beskriv, hvad det skal løse.")},
            "applicant_email": {"invalid": _("Skriv en gyldig e-mailadresse.")},
        }

    def __init__(self, *args, pool, **kwargs):
        super().__init__(*args, **kwargs)
        self.pool = pool
        self.fields["applicant_name"].required = True
        self.fields["applicant_name"].error_messages["required"] = _("Skriv dit navn.")
        self.fields["applicant_email"].widget.attrs["autocomplete"] = "email"
        self.fields["applicant_phone"].widget.attrs.update(autocomplete="tel", inputmode="tel")
        self.fields["applicant_name"].widget.attrs["autocomplete"] = "name"
        self.fields["submission_key"].initial = uuid.uuid4()
        for row in range(1, BUDGET_ROWS + 1):
            self.fields[f"line_{row}_item"] = forms.CharField(
                label=_("Udgift %(row)s") % {"row": row}, required=False, max_length=200
            )
            self.fields[f"line_{row}_amount"] = PositiveKronerField(
                label=_("Beløb %(row)s (kr.)") % {"row": row}, required=False, help_text=""
            )
        self.style_widgets()
        for name in ("consent", "from_reference_group"):
            self.fields[name].widget.attrs["class"] = "form-checkbox"

    def budget_rows(self):
        return [
            (self[f"line_{row}_item"], self[f"line_{row}_amount"])
            for row in range(1, BUDGET_ROWS + 1)
        ]

    def contact_fields(self):
        return [self[name] for name in ("applicant_name", "applicant_email", "applicant_phone")]

    def project_fields(self):
        names = ["title", "purpose", "addresses", "place", "start_date", "end_date"]
        return [self[name] for name in names] + [self["from_reference_group"]]

    def clean(self):
        cleaned = super().clean()
        self._clean_lines(cleaned)
        self._clean_pin(cleaned)
        no_contact = not cleaned.get("applicant_email") and not cleaned.get("applicant_phone")
        if no_contact and "applicant_email" not in self.errors:
            self.add_error("applicant_email", _("Skriv en e-mail eller et telefonnummer."))
        start, end = cleaned.get("start_date"), cleaned.get("end_date")
        if start and end and end < start:
            self.add_error("end_date", _("Slutdatoen skal ligge efter startdatoen."))
        return cleaned

    def _clean_lines(self, cleaned):
        lines = []
        for row in range(1, BUDGET_ROWS + 1):
            item, amount = cleaned.get(f"line_{row}_item"), cleaned.get(f"line_{row}_amount")
            if f"line_{row}_amount" in self.errors:
                continue
            if item and amount is None:
                self.add_error(f"line_{row}_amount", _("Skriv beløbet for udgiften."))
            elif amount is not None and not item:
                self.add_error(f"line_{row}_item", _("Skriv, hvad beløbet går til."))
            elif item:
                lines.append((item, amount))
        if not lines and not any(name.startswith("line_") for name in self.errors):
            self.add_error("line_1_item", _("Skriv mindst én udgift med beløb."))
        total = sum(amount for _item, amount in lines)
        limit = self.pool.max_per_application
        if limit and total > limit:
            self.add_error(
                None,
                _("Der kan højst søges %(limit)s; ansøgningen er på %(total)s")
                % {"limit": format_kroner(limit), "total": format_kroner(total)},
            )
        self.lines = lines

    def _clean_pin(self, cleaned):
        lat, lon = cleaned.get("latitude"), cleaned.get("longitude")
        if (lat is None) != (lon is None):
            cleaned["latitude"] = cleaned["longitude"] = None
            return
        area = self.pool.partnership.area
        if lat is not None and area and not contains(area, lon, lat):
            self.add_error(None, _("Nålen på kortet skal sættes inden for partnerskabsområdet."))

    def model_data(self) -> dict:
        return {name: self.cleaned_data[name] for name in self.Meta.fields}


class AmendForm(StyledMixin, forms.ModelForm):
    """What the applicant may change when the working group asks for more information."""

    answer = forms.CharField(
        label=_("Dit svar til arbejdsgruppen"),
        widget=forms.Textarea(attrs={"rows": 4}),
        error_messages={"required": _("Skriv dit svar.")},
    )

    class Meta:
        model = Application
        fields = ["title", "purpose", "addresses", "place", "start_date", "end_date"]
        labels = ApplicationForm.Meta.labels
        widgets = ApplicationForm.Meta.widgets

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.style_widgets()


class TransitionForm(StyledMixin, forms.Form):
    to = forms.ChoiceField(choices=Application.Status.choices, widget=forms.HiddenInput)
    comment = forms.CharField(
        label=_("Kommentar"), required=False, widget=forms.Textarea(attrs={"rows": 3})
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.style_widgets()


class GrantForm(StyledMixin, forms.Form):
    amount = PositiveKronerField(label=_("Bevilget beløb (kr.)"))
    reason = forms.CharField(
        label=_("Begrundelse"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Skal udfyldes, når beløbet er forskelligt fra det ansøgte."),
    )
    decided_on = forms.DateField(
        label=_("Beslutningsdato"),
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        required=False,
        help_text=_("Mødedatoen (tom: i dag). Afgør, hvilken afrapportering bevillingen indgår i."),
        error_messages={"invalid": _("Skriv en gyldig dato.")},
    )
    results = forms.ModelMultipleChoiceField(
        label=_("Bidrager til resultater i forandringsteorien"),
        queryset=Result.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )

    def __init__(self, *args, application, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["amount"].initial = application.requested_total
        self.fields["decided_on"].initial = application.pool.default_day()
        self.fields["results"].queryset = Result.objects.filter(
            partnership=application.pool.partnership
        )
        self.style_widgets()

    def clean_decided_on(self):
        decided_on = self.cleaned_data["decided_on"]
        if decided_on and decided_on > timezone.localdate():
            raise forms.ValidationError(_("Beslutningsdatoen kan ikke ligge i fremtiden."))
        return decided_on


class ExpenseForm(StyledMixin, forms.Form):
    date = forms.DateField(
        label=_("Dato"),
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        error_messages={"required": _("Angiv datoen."), "invalid": _("Skriv en gyldig dato.")},
    )
    amount = SignedKronerField(
        label=_("Beløb (kr.)"), help_text=_("Hele kroner. Skriv minus foran ved tilbagebetaling.")
    )
    supplier = forms.CharField(
        label=_("Leverandør"), max_length=200, error_messages={"required": _("Skriv leverandøren.")}
    )
    note = forms.CharField(
        label=_("Note"), required=False, widget=forms.Textarea(attrs={"rows": 2})
    )
    receipt = forms.FileField(
        label=_("Kvittering"), required=False, help_text=_("PDF, JPEG eller PNG, højst 10 MB.")
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.style_widgets()

    def clean_receipt(self):
        receipt = self.cleaned_data.get("receipt")
        return clean_upload(receipt).file if receipt else None


class ReasonForm(StyledMixin, forms.Form):
    reason = forms.CharField(
        label=_("Begrundelse"),
        widget=forms.Textarea(attrs={"rows": 2}),
        error_messages={"required": _("Skriv en begrundelse.")},
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.style_widgets()


class RecommendationForm(StyledMixin, forms.ModelForm):
    class Meta:
        model = Recommendation
        fields = ["proposal"]
        labels = {"proposal": _("Forslag")}
        widgets = {"proposal": forms.Textarea(attrs={"rows": 4})}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.style_widgets()
