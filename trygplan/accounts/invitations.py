"""Invitations: a coordinator gives a person a role by e-mail (`partnerships.services`).

A person without an account gets a local account with no usable password and a mail with a
link to choose one. The link is Django's password-reset machinery (uid + token, checked by a
`PasswordResetConfirmView`) with a token generator of its own: its own salt, so a reset link
is no invitation and back, and a week's validity instead of a reset's three hours, because an
invitation is often read the next day. It works once: the token is made from the password
hash, which changes when the password is chosen. A person who already has an account gets a
short notice instead; nothing is sent that could change their password.
"""

import logging

from django.contrib.auth import views as auth_views
from django.contrib.auth.tokens import PasswordResetTokenGenerator
from django.core.mail import send_mail
from django.template.loader import render_to_string
from django.urls import reverse, reverse_lazy
from django.utils.crypto import constant_time_compare
from django.utils.encoding import force_bytes
from django.utils.http import base36_to_int, urlsafe_base64_encode

from .forms import ResetSetPasswordForm

logger = logging.getLogger("trygplan.accounts")

INVITATION_DAYS = 7


class InvitationTokenGenerator(PasswordResetTokenGenerator):
    key_salt = "trygplan.accounts.invitations.InvitationTokenGenerator"
    timeout = INVITATION_DAYS * 24 * 60 * 60

    def check_token(self, user, token) -> bool:
        """Django's check, with the invitation's time limit in place of
        PASSWORD_RESET_TIMEOUT (which Django's check reads from the settings)."""
        if not (user and token) or token.count("-") != 1:
            return False
        try:
            timestamp = base36_to_int(token.split("-")[0])
        except ValueError:
            return False
        if self._num_seconds(self._now()) - timestamp > self.timeout:
            return False
        return any(
            constant_time_compare(self._make_token_with_timestamp(user, timestamp, secret), token)
            for secret in [self.secret, *self.secret_fallbacks]
        )


invitation_token_generator = InvitationTokenGenerator()


def invitation_link(user, site_url: str) -> str:
    uid = urlsafe_base64_encode(force_bytes(user.pk))
    token = invitation_token_generator.make_token(user)
    return site_url + reverse("accounts:invitation_confirm", args=[uid, token])


def invitation_send(*, user, partnership, role: str, invited_by, site_url: str) -> None:
    """The mail with the set-your-password link (new accounts), or a notice that the person
    now has a role (accounts that can already log in)."""
    context = {
        "user": user,
        "partnership": partnership,
        "role": role,
        "invited_by": invited_by.get_full_name() or invited_by.get_username(),
        "login_url": site_url + reverse("accounts:login"),
    }
    if user.has_usable_password() or user.external_identities.exists():
        template = "accounts/access_given"
    else:
        template = "accounts/invitation"
        context.update(link=invitation_link(user, site_url), days=INVITATION_DAYS)
    subject = render_to_string(f"{template}_subject.txt", context).strip()
    body = render_to_string(f"{template}_email.txt", context)
    try:
        send_mail(subject, body, None, [user.email])
    except OSError:  # the mail server is away: the coordinator can send it again
        logger.exception("invitation_not_sent", extra={"user_id": user.pk})
        return
    logger.info("invitation_sent", extra={"user_id": user.pk, "partnership_id": partnership.pk})


class InvitationConfirmView(auth_views.PasswordResetConfirmView):
    """Choose a password from the invitation's link."""

    template_name = "accounts/invitation_confirm.html"
    form_class = ResetSetPasswordForm
    token_generator = invitation_token_generator
    success_url = reverse_lazy("accounts:password_reset_complete")

    def form_valid(self, form):
        logger.info("invitation_accepted", extra={"user_id": form.user.pk})
        return super().form_valid(form)
