"""Forms for a partnership's bodies, their members and its users' roles. Errors are in plain
Danish beside the field."""

from django import forms
from django.utils.translation import gettext_lazy as _

from trygplan.core.forms import StyledMixin, VersionedMixin

from .models import Body, BodyMember, Organisation, Role

# A reference group's seats. Residents are listed by seat, never by name; the value is what
# the organisation page shows (Danish, as the seed writes it: "Beboerrepræsentant").
SEATS = [
    ("Beboerrepræsentant", _("Beboerrepræsentant")),
    ("Nabo", _("Nabo")),
    ("Foreningsrepræsentant", _("Repræsentant for en forening")),
    ("Erhvervsdrivende", _("Erhvervsdrivende")),
]


class BodyForm(VersionedMixin, StyledMixin, forms.ModelForm):
    class Meta:
        model = Body
        fields = ["kind", "name", "purpose", "order"]
        labels = {"order": _("Rækkefølge på siden")}
        help_texts = {"order": _("Organer med lavt tal vises først.")}
        widgets = {"purpose": forms.Textarea(attrs={"rows": 3})}
        error_messages = {
            "name": {"required": _("Skriv organets navn, fx “Arbejdsgruppen”.")},
            "kind": {"required": _("Vælg hvilken slags organ det er.")},
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["order"].required = False
        self.style_widgets()

    def clean_order(self):
        return self.cleaned_data.get("order") or 0


class BodyMemberForm(VersionedMixin, StyledMixin, forms.ModelForm):
    """A seat of a steering, working or sub-working group: a person from an organisation."""

    class Meta:
        model = BodyMember
        fields = ["organisation", "title", "name", "is_chair"]
        labels = {"name": _("Personens navn"), "title": _("Titel eller rolle")}
        help_texts = {"name": _("Vises kun for partnerskabets egne brugere.")}
        error_messages = {
            "name": {"required": _("Skriv navnet på den, der sidder i organet.")},
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        organisation = self.fields["organisation"]
        organisation.queryset = Organisation.objects.order_by("name")
        organisation.required = True
        organisation.error_messages["required"] = _("Vælg den organisation, medlemmet kommer fra.")
        self.style_widgets()
        self.fields["is_chair"].widget.attrs["class"] = "form-checkbox"


class ReferenceSeatForm(VersionedMixin, StyledMixin, forms.ModelForm):
    """A seat of a reference group: residents and neighbours by seat and place, never by
    name."""

    name = forms.ChoiceField(
        label=_("Plads"),
        choices=SEATS,
        help_text=_("Beboere og naboer skrives aldrig med navn."),
        error_messages={
            "invalid_choice": _("Vælg en af pladserne. Beboere og naboer skrives aldrig med navn.")
        },
    )

    class Meta:
        model = BodyMember
        fields = ["name", "title", "is_chair"]
        labels = {"title": _("Område eller forening"), "is_chair": _("Formand")}
        help_texts = {"title": _("Fx “Urbanplanen” eller “Hørgården”.")}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        current = self.instance.name
        if current and current not in dict(SEATS):
            self.fields["name"].choices = [*SEATS, (current, current)]
        self.style_widgets()
        self.fields["is_chair"].widget.attrs["class"] = "form-checkbox"


def member_form_class(body: Body):
    if body.kind == Body.Kind.REFERENCE_GROUP:
        return ReferenceSeatForm
    return BodyMemberForm


class InviteForm(StyledMixin, forms.Form):
    email = forms.EmailField(
        label=_("E-mail"),
        error_messages={
            "required": _("Skriv personens e-mail."),
            "invalid": _("Skriv en gyldig e-mail, fx navn@kk.dk."),
        },
    )
    first_name = forms.CharField(label=_("Fornavn"), max_length=150, required=False)
    last_name = forms.CharField(label=_("Efternavn"), max_length=150, required=False)
    role = forms.ChoiceField(
        label=_("Rolle"),
        choices=Role.choices,
        error_messages={"required": _("Vælg en rolle.")},
        help_text=_(
            "Partnermedarbejdere læser; arbejdsgruppen og koordinatoren redigerer planen; "
            "styregruppen beslutter."
        ),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["email"].widget.attrs["autocomplete"] = "off"
        self.style_widgets()

    def clean_email(self):
        return self.cleaned_data["email"].strip().lower()


class RoleForm(StyledMixin, forms.Form):
    role = forms.ChoiceField(label=_("Rolle"), choices=Role.choices)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.style_widgets()
