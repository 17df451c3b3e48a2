"""Forms of the city level: a new partnership, an invitation, the overview's filters."""

import json
from functools import lru_cache

from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _

from trygplan.core.forms import StyledMixin
from trygplan.lib import geo
from trygplan.partnerships.models import Body, Organisation, Partnership, Role

AREAS_FILE = "kk_udsatte_byomraader.geojson"
AREA_CREDIT = _("Københavns Kommune (Open Data DK), CC BY 4.0: Udsatte byområder, “%(name)s”")
MAX_UPLOAD_BYTES = 2 * 1024 * 1024


@lru_cache(maxsize=1)
def designated_areas() -> dict[str, dict]:
    """delomraade name → its geometry (one MultiPolygon where the file splits an area)."""
    path = settings.TRYGPLAN_GEO_DIR / AREAS_FILE
    if not path.exists():
        return {}
    parts: dict[str, list] = {}
    for feature in geo.features_of(path):
        parts.setdefault(feature["properties"]["delomraade"], []).append(feature["geometry"])
    return {name: geo.merge_areas(parts[name]) for name in sorted(parts)}


class PartnershipForm(StyledMixin, forms.ModelForm):
    """Name, slug, period and description; the area from the city's list or a file; parties,
    bodies and where the theory of change comes from."""

    designated_area = forms.ChoiceField(
        label=_("Område fra byens udsatte byområder"),
        required=False,
        help_text=_("Københavns Kommunes åbne data. Eller upload et område nedenfor."),
    )
    area_file = forms.FileField(
        label=_("Eller upload området som GeoJSON"),
        required=False,
        help_text=_("En Polygon eller MultiPolygon i WGS 84 (længdegrad først), højst 2 MB."),
    )
    parties = forms.ModelMultipleChoiceField(
        label=_("Parter"),
        queryset=Organisation.objects.filter(parent__isnull=True),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    new_parties = forms.CharField(
        label=_("Nye parter"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Én organisation pr. linje, fx en boligorganisation."),
    )
    bodies = forms.MultipleChoiceField(
        label=_("Organer"),
        choices=Body.Kind.choices,
        initial=[Body.Kind.STEERING_GROUP, Body.Kind.WORKING_GROUP],
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    copy_from = forms.ModelChoiceField(
        label=_("Forandringsteori"),
        queryset=Partnership.objects.all(),
        required=False,
        empty_label=_("Start med en tom forandringsteori"),
        help_text=_("Kopiér effekter, resultater, deres sammenhænge og indsatsområder."),
    )

    class Meta:
        model = Partnership
        fields = ["name", "slug", "area_name", "period_start", "period_end", "description"]
        error_messages = {
            "name": {"required": _("Partnerskabet skal have et navn.")},
            "slug": {
                "required": _("Skriv et kort navn til adressen, fx tingbjerg-husum."),
                "unique": _("Det korte navn bruges allerede af et andet partnerskab."),
                "invalid": _("Kun små bogstaver a-z, tal og bindestreger, fx tingbjerg-husum."),
            },
            "period_start": {"required": _("Skriv det første år.")},
            "period_end": {"required": _("Skriv det sidste år.")},
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["designated_area"].choices = [("", _("Vælg et område"))] + [
            (name, name) for name in designated_areas()
        ]
        self.fields["slug"].help_text = _("Bruges i adressen: /p/<kort navn>/.")
        self.style_widgets()

    def clean(self):
        data = super().clean()
        start, end = data.get("period_start"), data.get("period_end")
        if start and end and end < start:
            self.add_error("period_end", _("Det sidste år kan ikke ligge før det første."))
        chosen, upload = data.get("designated_area"), data.get("area_file")
        if chosen and upload:
            self.add_error("area_file", _("Vælg et område fra listen eller upload et, ikke begge."))
        elif chosen:
            data["area"] = designated_areas()[chosen]
            data["area_source"] = str(AREA_CREDIT % {"name": chosen})
        elif upload:
            data["area"] = self._uploaded_area(upload)
            data["area_source"] = str(_("Uploadet af byens administrator"))
        else:
            self.add_error(
                "designated_area", _("Vælg partnerskabets område fra listen eller upload et.")
            )
        return data

    def _uploaded_area(self, upload):
        if upload.size > MAX_UPLOAD_BYTES:
            self.add_error("area_file", _("Filen er større end 2 MB."))
            return None
        try:
            return geo.validate_area(json.loads(upload.read().decode("utf-8-sig")))
        except (UnicodeDecodeError, json.JSONDecodeError):
            self.add_error("area_file", _("Filen er ikke gyldig JSON."))
        except geo.AreaError as error:
            self.add_error("area_file", str(error))
        return None

    def clean_new_parties(self):
        lines = self.cleaned_data.get("new_parties", "").splitlines()
        names = [line.strip() for line in lines if line.strip()]
        if any(len(name) > 200 for name in names):
            raise forms.ValidationError(_("Et navn må højst være 200 tegn."))
        return names

    def partnership_fields(self) -> dict:
        data = self.cleaned_data
        fields = {name: data[name] for name in self._meta.fields}
        return {**fields, "area": data.get("area"), "area_source": data.get("area_source", "")}


class InvitationForm(StyledMixin, forms.Form):
    email = forms.EmailField(
        label=_("E-mail"), error_messages={"required": _("Skriv personens e-mailadresse.")}
    )
    first_name = forms.CharField(label=_("Fornavn"), max_length=150)
    last_name = forms.CharField(label=_("Efternavn"), max_length=150, required=False)
    role = forms.ChoiceField(label=_("Rolle"), choices=Role.choices)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["first_name"].error_messages["required"] = _("Skriv personens fornavn.")
        self.style_widgets()


class OverviewFilterForm(StyledMixin, forms.Form):
    aar = forms.TypedChoiceField(label=_("År"), coerce=int, required=False, empty_value=None)
    bydel = forms.ChoiceField(label=_("Bydel"), required=False)

    def __init__(self, *args, years=(), districts=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["aar"].choices = [(year, year) for year in years]
        self.fields["bydel"].choices = [("", _("Alle bydele"))] + [(d, d) for d in districts]
        self.style_widgets()

    def values(self) -> tuple[int | None, str]:
        if not self.is_valid():
            return None, ""
        return self.cleaned_data.get("aar"), self.cleaned_data.get("bydel") or ""
