from django import forms
from django.utils.translation import gettext_lazy as _

from trygplan.core.forms import StyledMixin


class TokenForm(StyledMixin, forms.Form):
    name = forms.CharField(
        label=_("Navn på nøglen"),
        max_length=100,
        help_text=_("Fx det system, der skal bruge den: »SSP's indberetning«."),
        error_messages={"required": _("Giv nøglen et navn, så du kan kende den igen.")},
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.style_widgets()
