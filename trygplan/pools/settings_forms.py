"""A pool's settings (purpose, who may apply, limits, open for applications) and opening a
pool by hand for an activity of a year's plan. Errors are in plain Danish beside the field."""

from django import forms
from django.utils.translation import gettext_lazy as _

from trygplan.core.forms import StyledMixin, VersionedMixin

from .forms import PositiveKronerField
from .models import Pool

SETTINGS_FIELDS = [
    "purpose",
    "who_may_apply",
    "max_per_application",
    "fast_track_limit",
    "accepts_applications",
]
SETTINGS_ERRORS = {
    "purpose": {"required": _("Skriv puljens formål.")},
    "who_may_apply": {"required": _("Skriv hvem der kan søge puljen.")},
}


class PoolSettingsForm(VersionedMixin, StyledMixin, forms.ModelForm):
    max_per_application = PositiveKronerField(
        label=_("Højst pr. ansøgning (kr.)"),
        required=False,
        help_text=_("Hele kroner, fx 25.000. Tomt: intet loft."),
    )
    fast_track_limit = PositiveKronerField(
        label=_("Koordinatoren kan bevilge straks op til (kr.)"),
        required=False,
        help_text=_("Hurtigbevillingen skal derefter godkendes af arbejdsgruppen."),
    )

    class Meta:
        model = Pool
        fields = SETTINGS_FIELDS
        widgets = {
            "purpose": forms.Textarea(attrs={"rows": 4}),
            "who_may_apply": forms.Textarea(attrs={"rows": 3}),
        }
        help_texts = {"accepts_applications": _("Slået fra: ansøgningsskemaet er lukket.")}
        error_messages = SETTINGS_ERRORS

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.kind and self.instance.kind != Pool.Kind.ACUTE:
            del self.fields["fast_track_limit"]  # only the acute pool has a fast track
        self.style_widgets()
        self.fields["accepts_applications"].widget.attrs["class"] = "form-checkbox"


class PoolCreateForm(PoolSettingsForm):
    """A pool for an activity of the year's plan (the first year of a partnership: no pools
    of an earlier year to carry over)."""

    kind = forms.ChoiceField(label=_("Pulje"))
    activity_key = forms.ChoiceField(
        label=_("Aktivitet i planen"),
        help_text=_("Aktiviteten, hvis budget finansierer puljen."),
        error_messages={
            "required": _("Vælg aktiviteten."),
            "invalid_choice": _("Vælg en aktivitet fra årets plan."),
        },
    )

    class Meta(PoolSettingsForm.Meta):
        fields = ["kind", "activity_key", *SETTINGS_FIELDS]

    def __init__(self, *args, plan, **kwargs):
        super().__init__(*args, **kwargs)
        taken = set(
            Pool.private_objects.filter(
                partnership=self.instance.partnership, year=self.instance.year
            ).values_list("kind", flat=True)
        )
        self.fields["kind"].choices = [c for c in Pool.Kind.choices if c[0] not in taken]
        self.fields["kind"].error_messages["invalid_choice"] = _(
            "Den pulje findes allerede i året. Ret den i stedet."
        )
        self.fields["activity_key"].choices = [("", "---------")] + [
            (activity.key, str(activity)) for activity in plan.activities.all()
        ]
        self.fields["fast_track_limit"].help_text = _("Kun akutpuljen.")
        self.order_fields(self.Meta.fields)
        self.style_widgets()

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("fast_track_limit") and cleaned.get("kind") != Pool.Kind.ACUTE:
            self.add_error("fast_track_limit", _("Kun akutpuljen har en hurtigbevilling."))
        return cleaned
