"""Input shapes for walks, findings, follow-up steps and re-ratings. Errors in plain Danish."""

import json

from django import forms
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext_lazy as _

from trygplan.core.forms import StyledMixin
from trygplan.lib.images import clean_photo
from trygplan.lib.money import format_kroner
from trygplan.lib.years import ALL, chosen_year, current_year
from trygplan.partnerships.models import Organisation
from trygplan.pools.models import Expense, Grant

from .models import SCORE_FIELDS, Category, Finding, FindingPhoto, Participants, ReRating, Walk
from .workflow import FINDING

SCORE_CHOICES = [("", _("Ikke vurderet")), (0, "0"), (1, "1"), (2, "2"), (3, "3")]


def season_of(date) -> str:
    return {
        12: "winter",
        1: "winter",
        2: "winter",
        3: "spring",
        4: "spring",
        5: "spring",
        6: "summer",
        7: "summer",
        8: "summer",
    }.get(date.month, "autumn")


class PhotoField(forms.FileField):
    """An uploaded photo, checked, resized and stripped of metadata (`lib.images`)."""

    def __init__(self, **kwargs):
        kwargs.setdefault("required", False)
        kwargs.setdefault("label", _("Foto"))
        super().__init__(**kwargs)
        self.widget.attrs.update({"accept": "image/*"})

    def clean(self, data, initial=None):
        upload = super().clean(data, initial)
        if not upload:
            return None
        return clean_photo(upload)


class RouteField(forms.CharField):
    """A GeoJSON LineString drawn on the map (a hidden input); empty means no route."""

    widget = forms.HiddenInput

    def to_python(self, value):
        value = super().to_python(value)
        if not value:
            return None
        try:
            geometry = json.loads(value)
            points = [[float(lon), float(lat)] for lon, lat in geometry["coordinates"]]
        except (ValueError, KeyError, TypeError) as error:
            raise forms.ValidationError(_("Ruten kunne ikke læses. Tegn den igen.")) from error
        # NaN and infinity are not JSON (PostgreSQL refuses them); nor are points off the globe.
        if not all(-180 <= lon <= 180 and -90 <= lat <= 90 for lon, lat in points):
            raise forms.ValidationError(_("Ruten kunne ikke læses. Tegn den igen."))
        return {"type": "LineString", "coordinates": points} if points else None

    def prepare_value(self, value):
        return json.dumps(value) if isinstance(value, dict) else value


class WalkForm(StyledMixin, forms.ModelForm):
    route = RouteField(required=False, label=_("Rute"))

    class Meta:
        model = Walk
        fields = [
            "title",
            "starts_at",
            "light",
            "season",
            "theme",
            "meeting_point",
            "route",
            "pre_meeting_notes",
            "closing_meeting_notes",
        ]
        widgets = {
            "starts_at": forms.DateTimeInput(
                attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M"
            ),
            "pre_meeting_notes": forms.Textarea(attrs={"rows": 3}),
            "closing_meeting_notes": forms.Textarea(attrs={"rows": 3}),
        }
        error_messages = {
            "title": {"required": _("Giv vandringen en titel, fx “Aftenvandring i Urbanplanen”.")},
            "starts_at": {
                "required": _("Skriv dato og tidspunkt for vandringen."),
                "invalid": _("Skriv dato og tidspunkt som fx 12.10.2016 19:00."),
            },
            "light": {"required": _("Vælg lysforholdene.")},
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["season"].required = False
        self.fields["season"].help_text = _("Udfyldes ud fra datoen, hvis du ikke vælger.")
        self.style_widgets()

    def clean(self):
        cleaned = super().clean()
        if not cleaned.get("season") and cleaned.get("starts_at"):
            cleaned["season"] = season_of(timezone.localtime(cleaned["starts_at"]))
            self.instance.season = cleaned["season"]
        return cleaned


class ParticipantsForm(StyledMixin, forms.ModelForm):
    class Meta:
        model = Participants
        fields = ["group", "organisation", "count"]
        error_messages = {
            "count": {"required": _("Skriv hvor mange der deltog.")},
            "group": {"required": _("Vælg en gruppe.")},
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["organisation"].queryset = Organisation.objects.order_by("name")
        self.fields["count"].min_value = 1
        self.fields["count"].widget.attrs["min"] = 1
        self.style_widgets()

    def clean_count(self):
        count = self.cleaned_data["count"]
        if count < 1:
            raise forms.ValidationError(_("Antallet skal være mindst 1."))
        return count


class FindingCaptureForm(StyledMixin, forms.ModelForm):
    """The phone form on the walk: where, what, a photo. Everything else comes later."""

    client_uuid = forms.UUIDField(widget=forms.HiddenInput)
    photo = PhotoField()

    class Meta:
        model = Finding
        fields = ["lon", "lat", "category", "is_good_place", "description", "score_feeling"]
        widgets = {
            "lon": forms.HiddenInput,
            "lat": forms.HiddenInput,
            "category": forms.RadioSelect,
            "description": forms.Textarea(attrs={"rows": 2}),
            "score_feeling": forms.Select(choices=SCORE_CHOICES),
        }
        error_messages = {
            "lon": {"required": _("Tryk på kortet eller brug din position for at sætte nålen.")},
            "lat": {"required": _("Tryk på kortet eller brug din position for at sætte nålen.")},
            "category": {"required": _("Vælg hvad fundet handler om.")},
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["score_feeling"].label = _("Hvor trygt føles stedet? (0–3)")
        self.style_widgets()


class FindingForm(StyledMixin, forms.ModelForm):
    """Everything about a finding that the working group fills in after the walk."""

    class Meta:
        model = Finding
        fields = [
            "place",
            "lon",
            "lat",
            "category",
            "cpted",
            "is_good_place",
            "description",
            "proposed_measure",
            "owner",
            "owner_organisation",
            "assignee",
            "priority",
            "deadline",
            "visibility",
            "funding",
            "grant",
            "expense",
            *[name for name, _label in SCORE_FIELDS],
        ]
        widgets = {
            "deadline": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
            "description": forms.Textarea(attrs={"rows": 3}),
            "proposed_measure": forms.Textarea(attrs={"rows": 3}),
            **{name: forms.Select(choices=SCORE_CHOICES) for name, _label in SCORE_FIELDS},
        }
        error_messages = {
            "deadline": {"invalid": _("Skriv fristen som en dato, fx 1.3.2017.")},
        }

    def __init__(self, *args, police: bool = False, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["owner_organisation"].queryset = Organisation.objects.order_by("name")
        if not police:
            self.fields["visibility"].choices = [
                c for c in Finding.Visibility.choices if c[0] != Finding.Visibility.POLICE_ONLY
            ]
        for name, label in SCORE_FIELDS:
            self.fields[name].label = _("Safetipin: %(label)s") % {"label": label}
        self._limit_money(self.instance.walk.partnership)
        self.style_widgets()

    def _limit_money(self, partnership):
        """Only this partnership's pool grants and their expenses are accepted; offered are
        only the grants of the chosen pool (either pool while none is chosen) in the walk's
        year, labelled pool, year, title and amount. A mismatch gets a message in `clean`."""
        grants = Grant.private_objects.filter(pool__partnership=partnership).select_related(
            "application", "pool"
        )
        self.fields["grant"].queryset = grants
        self.fields["expense"].queryset = Expense.private_objects.filter(
            grant__pool__partnership=partnership
        ).select_related("grant__application")
        funding = self.data.get(self.add_prefix("funding")) if self.is_bound else None
        kinds = self._offered_kinds(self.instance.funding if funding is None else funding)
        offered = grants.filter(pool__year=self.instance.walk.date.year, pool__kind__in=kinds)
        offered = offered.exclude(status=Grant.Status.CANCELLED) | grants.filter(
            pk=self.instance.grant_id or 0
        )
        offered = list(offered.order_by("pool__kind", "decided_on", "pk"))
        self.fields["grant"].widget.choices = [("", "---------")] + [
            (grant.pk, grant_label(grant)) for grant in offered
        ]
        self.fields["expense"].widget.choices = [("", "---------")] + [
            (expense.pk, str(expense))
            for expense in Expense.private_objects.filter(grant__in=offered)
        ]
        self.fields["grant"].help_text = _(
            "Bevillinger fra den valgte pulje i vandringens år (%(year)s)."
        ) % {"year": self.instance.walk.date.year}

    @staticmethod
    def _offered_kinds(funding) -> list[str]:
        kind = Finding.POOL_KIND_OF_FUNDING.get(funding or "")
        return [kind] if kind else list(Finding.POOL_KIND_OF_FUNDING.values())

    def clean(self):
        cleaned = super().clean()
        grant, expense = cleaned.get("grant"), cleaned.get("expense")
        if expense and grant and expense.grant_id != grant.pk:
            self.add_error("expense", _("Udgiften hører til en anden bevilling."))
        if expense and not grant:
            grant = cleaned["grant"] = self.instance.grant = expense.grant
        if grant:
            self._check_grant(grant, cleaned)
        return cleaned

    def _check_grant(self, grant, cleaned) -> None:
        """The grant must come from the finding's pool and the walk's year."""
        funding = cleaned.get("funding") or ""
        by_kind = {kind: value for value, kind in Finding.POOL_KIND_OF_FUNDING.items()}
        pool = grant.pool
        if not funding and pool.kind in by_kind:
            funding = cleaned["funding"] = self.instance.funding = by_kind[pool.kind]
        if Finding.POOL_KIND_OF_FUNDING.get(funding) != pool.kind:
            self.add_error(
                "grant",
                _(
                    "Bevillingen er fra %(pool)s, men fundet betales af “%(funding)s”. "
                    "Vælg en bevilling fra den rigtige pulje, eller ret finansieringen."
                )
                % {"pool": pool.get_kind_display(), "funding": Finding.Funding(funding).label},
            )
        year = self.instance.walk.date.year
        if pool.year != year:
            self.add_error(
                "grant",
                _("Bevillingen er fra puljen for %(pool_year)s; vandringen var i %(year)s.")
                % {"pool_year": pool.year, "year": year},
            )


def grant_label(grant) -> str:
    """A grant as offered to a finding: “Byrumspulje 2016 · Nye lamper · 12.000 kr.”."""
    return (
        f"{grant.pool.get_kind_display()} {grant.pool.year} · {grant.application.title}"
        f" · {format_kroner(grant.amount)}"
    )


class FindingStepForm(StyledMixin, forms.Form):
    to_status = forms.ChoiceField(label=_("Ny status"), choices=Finding.Status.choices)
    done_on = forms.DateField(
        label=_("Dato"),
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        help_text=_("Dagen, arbejdet blev gjort (tom: i dag). Ikke i fremtiden."),
        error_messages={"invalid": _("Skriv en gyldig dato.")},
    )
    comment = forms.CharField(
        label=_("Kommentar"), required=False, widget=forms.Textarea(attrs={"rows": 2})
    )
    owner_organisation = forms.ModelChoiceField(
        label=_("Tildel til"),
        queryset=Organisation.objects.order_by("name"),
        required=False,
        help_text=_("Hvem skal udbedre det? Fx 3B eller en kommunal enhed."),
    )
    public_reason = forms.CharField(
        label=_("Offentlig begrundelse"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=_("Skal udfyldes, når det ikke er muligt. Vises på det offentlige kort."),
    )
    forwarded_to = forms.CharField(label=_("Sendt videre til"), required=False, max_length=200)
    duplicate_of = forms.ModelChoiceField(
        label=_("Dublet af"), queryset=Finding.private_objects.none(), required=False
    )
    photo = PhotoField(label=_("Foto (valgfrit)"))
    photo_kind = forms.ChoiceField(
        label=_("Fotoet viser"),
        choices=[c for c in FindingPhoto.Kind.choices if c[0] != FindingPhoto.Kind.FINDING],
        initial=FindingPhoto.Kind.AFTER,
    )

    def __init__(self, *args, finding: Finding, findings, **kwargs):
        super().__init__(*args, **kwargs)
        self.finding = finding
        self.fields["to_status"].choices = [
            (step.target, step.label) for step in FINDING.from_state(finding.status)
        ]
        self.fields["duplicate_of"].queryset = findings.exclude(pk=finding.pk).select_related(
            "walk"
        )
        self.fields["photo"].widget.attrs["capture"] = "environment"
        # the phone's date picker offers only the days allowed: from the finding until today
        self.fields["done_on"].widget.attrs.update(
            {"min": finding.found_on.isoformat(), "max": timezone.localdate().isoformat()}
        )
        self.style_widgets()

    def clean_done_on(self):
        day = self.cleaned_data.get("done_on")
        if day and day > timezone.localdate():
            raise forms.ValidationError(_("Datoen kan ikke ligge i fremtiden."))
        found_on = self.finding.found_on
        if day and day < found_on:
            raise forms.ValidationError(
                _("Datoen kan ikke ligge før fundet blev gjort (%(date)s).")
                % {"date": date_format(found_on, "j. F Y")}
            )
        return day

    def clean(self):
        cleaned = super().clean()
        status = cleaned.get("to_status")
        required = {
            Finding.Status.NOT_POSSIBLE: (
                "public_reason",
                _("Skriv en offentlig begrundelse for, hvorfor det ikke er muligt."),
            ),
            Finding.Status.NOT_OURS: ("forwarded_to", _("Skriv hvem fundet er sendt videre til.")),
            Finding.Status.DUPLICATE: ("duplicate_of", _("Vælg det fund, det er en dublet af.")),
        }
        if status in required:
            field, message = required[status]
            if not cleaned.get(field):
                self.add_error(field, message)
        if (
            status == Finding.Status.ASSIGNED
            and not cleaned.get("owner_organisation")
            and not self.finding.owner_organisation_id
        ):
            self.add_error("owner_organisation", _("Vælg hvem fundet tildeles."))
        return cleaned


class ReRatingForm(StyledMixin, forms.ModelForm):
    class Meta:
        model = ReRating
        fields = ["fixed", "feeling", "comment"]
        widgets = {
            "fixed": forms.RadioSelect,
            "feeling": forms.RadioSelect(choices=SCORE_CHOICES[1:]),
        }
        error_messages = {
            "fixed": {"required": _("Svar om det er udbedret.")},
            "feeling": {"required": _("Giv stedet en tryghedsvurdering fra 0 til 3.")},
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.style_widgets()

    def clean_feeling(self):
        feeling = self.cleaned_data["feeling"]
        if not 0 <= feeling <= 3:
            raise forms.ValidationError(_("Vurderingen skal være fra 0 til 3."))
        return feeling


class MapFilterForm(StyledMixin, forms.Form):
    category = forms.ChoiceField(
        label=_("Kategori"), required=False, choices=[("", _("Alle"))] + Category.choices
    )
    status = forms.ChoiceField(
        label=_("Status"), required=False, choices=[("", _("Alle"))] + Finding.Status.choices
    )
    walk = forms.ModelChoiceField(
        label=_("Vandring"),
        required=False,
        queryset=Walk.private_objects.none(),
        empty_label=_("Alle"),
    )
    year = forms.ChoiceField(label=_("År"), required=False)

    def __init__(self, *args, partnership, show_walks: bool, **kwargs):
        super().__init__(*args, **kwargs)
        walks = Walk.private_objects.for_partnership(partnership)
        self.years = sorted({d.year for d in walks.dates("starts_at", "year")}, reverse=True)
        self.fields["year"].choices = [(y, y) for y in self.years] + [(ALL, _("Alle år"))]
        self.default_year = current_year(self.years, timezone.localdate())
        self.fields["year"].initial = self.default_year
        if show_walks:
            self.fields["walk"].queryset = walks
        else:
            del self.fields["walk"]
        self.style_widgets()

    def filters(self) -> dict:
        """The valid filters (an invalid one is ignored, and shown as an error on the page).
        The year defaults to the current plan year (`lib.years`); "alle" is every year."""
        self.is_valid()
        data = getattr(self, "cleaned_data", {})
        walk = data.get("walk")
        asked = self.data.get("year") if self.is_bound else None
        return {
            "category": data.get("category") or "",
            "status": data.get("status") or "",
            "walk": walk.pk if walk else None,
            # a chosen walk shows all its findings unless a year is asked for as well
            "year": None
            if walk and not asked
            else chosen_year(asked, self.years, timezone.localdate()),
        }
