"""Login (password, and the city's identity provider when configured) and password reset."""

from __future__ import annotations

import logging
import time

from axes.utils import reset as axes_reset
from django.conf import settings
from django.contrib.auth import views as auth_views
from django.urls import reverse, reverse_lazy

from .forms import LoginForm, ResetRequestForm, ResetSetPasswordForm
from .lockout import client_ip
from .middleware import LAST_SEEN, STARTED

logger = logging.getLogger("trygplan.accounts")


def sso_providers() -> list[dict]:
    """The single sign-on buttons for the login page, from the settings."""
    providers = []
    if settings.TRYGPLAN_OIDC_ENABLED:
        url = reverse("oidc_authentication_init")
        providers.append({"name": settings.TRYGPLAN_OIDC_NAME, "url": url})
    if settings.TRYGPLAN_SAML_ENABLED:
        providers.append({"name": settings.TRYGPLAN_SAML_NAME, "url": reverse("saml2_login")})
    return providers


class LoginView(auth_views.LoginView):
    template_name = "accounts/login.html"
    authentication_form = LoginForm

    def get_context_data(self, **kwargs):
        return super().get_context_data(sso_providers=sso_providers(), **kwargs)

    def form_valid(self, form):
        response = super().form_valid(form)
        self.request.session[STARTED] = self.request.session[LAST_SEEN] = time.time()
        logger.info("login", extra={"user_id": form.get_user().pk, "method": "password"})
        return response

    def form_invalid(self, form):
        logger.warning(
            "login_failed",
            extra={
                "username": form.data.get("username", "")[:150],
                "ip": client_ip(self.request),
                "method": "password",
            },
        )
        return super().form_invalid(form)


class PasswordResetView(auth_views.PasswordResetView):
    template_name = "accounts/password_reset_form.html"
    email_template_name = "accounts/password_reset_email.txt"
    subject_template_name = "accounts/password_reset_subject.txt"
    form_class = ResetRequestForm
    success_url = reverse_lazy("accounts:password_reset_done")

    def form_valid(self, form):
        logger.info("password_reset_requested", extra={"ip": client_ip(self.request)})
        return super().form_valid(form)


class PasswordResetConfirmView(auth_views.PasswordResetConfirmView):
    template_name = "accounts/password_reset_confirm.html"
    form_class = ResetSetPasswordForm
    success_url = reverse_lazy("accounts:password_reset_complete")

    def form_valid(self, form):
        # Whoever got the mail controls the account: a lock-out of its user name ends here.
        axes_reset(username=form.user.get_username())
        logger.info("password_reset_done", extra={"user_id": form.user.pk})
        return super().form_valid(form)
