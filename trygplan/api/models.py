"""API tokens: a user's key for the REST API, made and revoked on their own page.

Only a SHA-256 hash of the key is stored (the key is shown once, when it is made); the first
characters are kept as a visible prefix so the user can tell their keys apart. A token acts as
its user: it sees and may do exactly what the user may on the pages (`trygplan.api.auth`).
"""

import hashlib

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

PREFIX_LENGTH = 8


def key_hash(key: str) -> str:
    return hashlib.sha256(key.encode("utf-8")).hexdigest()


class ApiTokenQuerySet(models.QuerySet):
    def active(self):
        return self.filter(revoked_at__isnull=True)

    def for_user(self, user):
        return self.filter(user=user)


class ApiToken(models.Model):
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="api_tokens"
    )
    name = models.CharField(
        _("navn"), max_length=100, help_text=_("Fx det system, der skal bruge nøglen.")
    )
    prefix = models.CharField(_("begynder med"), max_length=PREFIX_LENGTH)
    key_hash = models.CharField(max_length=64, unique=True, editable=False)
    created_at = models.DateTimeField(_("oprettet"), auto_now_add=True)
    last_used_at = models.DateTimeField(_("sidst brugt"), null=True, blank=True)
    revoked_at = models.DateTimeField(_("tilbagekaldt"), null=True, blank=True)

    # A user's own secrets: every query is the user's or the authenticator's.
    private_objects = ApiTokenQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at", "-pk"]
        base_manager_name = "private_objects"
        default_manager_name = "private_objects"
        verbose_name = _("API-nøgle")
        verbose_name_plural = _("API-nøgler")

    def __str__(self) -> str:
        return f"{self.name} ({self.prefix}…)"

    @property
    def is_active(self) -> bool:
        return self.revoked_at is None

    def touch(self) -> None:
        """Record use, at most once a minute (a busy client writes little)."""
        now = timezone.now()
        if self.last_used_at is None or (now - self.last_used_at).total_seconds() > 60:
            ApiToken.private_objects.filter(pk=self.pk).update(last_used_at=now)
            self.last_used_at = now
