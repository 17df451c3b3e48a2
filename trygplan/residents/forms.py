"""The residents' "Meld et sted" form, Open311's POST fields, and the moderator's decisions."""

from django import forms
from django.utils.translation import gettext_lazy as _

from trygplan.core.forms import StyledMixin
from trygplan.walks.forms import PhotoField
from trygplan.walks.models import Category, Finding

from .models import Report

POINT_REQUIRED = _("Klik på kortet der, hvor stedet er, eller skriv koordinaterne.")
CONTACT_HELP = _(
    "Valgfrit: kun hvis vi må kontakte dig om meldingen. Oplysningerne ses kun af "
    "arbejdsgruppen og slettes automatisk et år efter, at meldingen er behandlet."
)


class ReportForm(StyledMixin, forms.ModelForm):
    """A resident's report from the public map. No login; contact details are optional."""

    submission_key = forms.UUIDField(widget=forms.HiddenInput)
    photo = PhotoField(
        help_text=_(
            "Valgfrit. Billedet gøres mindre, og placering og andre oplysninger i filen fjernes."
        )
    )

    class Meta:
        model = Report
        fields = [
            "category",
            "description",
            "address",
            "lat",
            "lon",
            "first_name",
            "last_name",
            "email",
            "phone",
        ]
        labels = {
            "category": _("Hvad drejer det sig om?"),
            "description": _("Beskriv stedet og problemet"),
            "lat": _("Breddegrad"),
            "lon": _("Længdegrad"),
        }
        help_texts = {
            "description": _("Skriv ikke navne på andre personer."),
            "address": _("Fx en adresse, en opgang eller »stien ved boldbanen«."),
            "lat": _("Sættes, når du klikker på kortet."),
            "email": CONTACT_HELP,
        }
        widgets = {
            "category": forms.RadioSelect,
            "description": forms.Textarea(attrs={"rows": 4}),
            "lat": forms.NumberInput(attrs={"step": "any"}),
            "lon": forms.NumberInput(attrs={"step": "any"}),
        }
        error_messages = {
            "category": {"required": _("Vælg hvad meldingen drejer sig om.")},
            "description": {"required": _("Beskriv kort, hvad der er galt.")},
            "lat": {"required": POINT_REQUIRED, "invalid": POINT_REQUIRED},
            "lon": {"required": POINT_REQUIRED, "invalid": POINT_REQUIRED},
            "email": {"invalid": _("Skriv en gyldig e-mailadresse, fx navn@example.dk.")},
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["category"].choices = list(Category.choices)
        self.style_widgets()

    def model_data(self) -> dict:
        return {name: self.cleaned_data[name] for name in self.Meta.fields}


class Open311RequestForm(forms.Form):
    """GeoReport v2 POST requests: the spec's field names. We need a point and a text."""

    service_code = forms.ChoiceField(choices=Category.choices)
    lat = forms.FloatField()
    long = forms.FloatField()
    description = forms.CharField(max_length=2000)
    address_string = forms.CharField(max_length=200, required=False)
    email = forms.EmailField(required=False)
    first_name = forms.CharField(max_length=60, required=False)
    last_name = forms.CharField(max_length=60, required=False)
    phone = forms.CharField(max_length=30, required=False)
    media_url = forms.URLField(max_length=500, required=False, assume_scheme="https")
    media = PhotoField()

    def model_data(self) -> dict:
        data = self.cleaned_data
        return {
            "category": data["service_code"],
            "lat": data["lat"],
            "lon": data["long"],
            "description": data["description"],
            "address": data["address_string"],
            "email": data["email"],
            "first_name": data["first_name"],
            "last_name": data["last_name"],
            "phone": data["phone"],
            "media_url": data["media_url"],
        }


class AcceptForm(StyledMixin, forms.Form):
    category = forms.ChoiceField(label=_("Kategori"), choices=Category.choices)
    visibility = forms.ChoiceField(label=_("Synlighed"), choices=Finding.Visibility.choices)
    place = forms.CharField(label=_("Sted"), max_length=200, required=False)
    description = forms.CharField(
        label=_("Beskrivelse på fundet"),
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Ret teksten, hvis den nævner personer."),
    )
    include_photo = forms.BooleanField(label=_("Tag beboerens foto med"), required=False)

    def __init__(self, *args, report, police: bool, **kwargs):
        initial = {
            "category": report.category,
            "visibility": Finding.Visibility.PUBLIC,
            "place": report.address,
            "description": report.description,
        }
        super().__init__(*args, initial=initial, **kwargs)
        if not police:
            self.fields["visibility"].choices = [
                choice
                for choice in Finding.Visibility.choices
                if choice[0] != Finding.Visibility.POLICE_ONLY
            ]
        if not report.photo:
            del self.fields["include_photo"]
        self.style_widgets()


class MergeForm(StyledMixin, forms.Form):
    finding = forms.ModelChoiceField(
        label=_("Fundet, meldingen handler om"),
        queryset=Finding.private_objects.none(),
        error_messages={"required": _("Vælg fundet."), "invalid_choice": _("Vælg fundet.")},
    )

    def __init__(self, *args, findings, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["finding"].queryset = findings.select_related("walk").order_by(
            "-walk__starts_at", "number"
        )
        self.fields["finding"].label_from_instance = lambda f: f"{f.walk.title}: {f}"
        self.style_widgets()


class RejectForm(StyledMixin, forms.Form):
    reason = forms.CharField(
        label=_("Begrundelse til beboeren"),
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Beboeren kan læse den på sin statusside."),
        error_messages={"required": _("Skriv en begrundelse, som beboeren kan se.")},
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.style_widgets()
