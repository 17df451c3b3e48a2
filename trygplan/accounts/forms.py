from django import forms
from django.contrib.auth.forms import AuthenticationForm, PasswordResetForm, SetPasswordForm


def _design_system_inputs(form: forms.Form) -> None:
    for field in form.fields.values():
        field.widget.attrs["class"] = "form-input"


class LoginForm(AuthenticationForm):
    """Django's login form with the design system's input class."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        _design_system_inputs(self)


class ResetRequestForm(PasswordResetForm):
    """Asks for the e-mail address; Django mails a link to active users with a password (users
    who log in through the city's identity provider have none, and get nothing)."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        _design_system_inputs(self)


class ResetSetPasswordForm(SetPasswordForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        _design_system_inputs(self)
