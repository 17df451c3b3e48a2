from django.conf import settings
from django.contrib.auth.models import AbstractUser
from django.db import models
from django.utils.translation import gettext_lazy as _

from trygplan.partnerships.models import Role


class User(AbstractUser):
    """A person who logs in. What they may do is decided per partnership by
    `partnerships.Membership`; a city administrator sees every partnership."""

    is_city_admin = models.BooleanField(
        _("byens administrator"),
        default=False,
        help_text=_("Ser og redigerer alle partnerskaber."),
    )

    def __str__(self) -> str:
        return self.get_full_name() or self.username


class ExternalIdentity(models.Model):
    """A user as the city's identity provider knows them: the provider's stable subject (OIDC
    `sub`, SAML NameID) under its issuer. Single sign-on finds users by this, never by name or
    e-mail, so an IdP account cannot take over a local account that happens to share a name."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="external_identities"
    )
    issuer = models.CharField(_("identitetsudbyder"), max_length=300)
    subject = models.CharField(_("id hos udbyderen"), max_length=300)
    last_login_at = models.DateTimeField(_("sidst logget ind"), null=True, blank=True)

    class Meta:
        verbose_name = _("ekstern identitet")
        verbose_name_plural = _("eksterne identiteter")
        constraints = [
            models.UniqueConstraint(fields=["issuer", "subject"], name="external_identity_unique")
        ]

    def __str__(self) -> str:
        return f"{self.subject} @ {self.issuer}"


class GroupMappingQuerySet(models.QuerySet):
    def for_groups(self, groups):
        return self.filter(group__in=list(groups))


class GroupMapping(models.Model):
    """An identity-provider group (OIDC claim or SAML attribute value) and what it gives:
    a role in one partnership, or city administration. Kept by the city administrator in the
    admin. A partnership that has any mapping gets its members from the identity provider at
    each login; a partnership without mappings keeps the memberships given by hand."""

    group = models.CharField(
        _("gruppe hos identitetsudbyderen"),
        max_length=300,
        help_text=_("Præcis som udbyderen sender den, fx “/trygplan/amager/arbejdsgruppe”."),
    )
    partnership = models.ForeignKey(
        "partnerships.Partnership",
        verbose_name=_("partnerskab"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="group_mappings",
    )
    role = models.CharField(_("rolle"), max_length=20, choices=Role.choices, blank=True)
    is_city_admin = models.BooleanField(
        _("giver byens administrator"),
        default=False,
        help_text=_("Medlemmer af gruppen ser og redigerer alle partnerskaber."),
    )

    objects = GroupMappingQuerySet.as_manager()

    class Meta:
        ordering = ["group"]
        verbose_name = _("gruppe fra identitetsudbyder")
        verbose_name_plural = _("grupper fra identitetsudbyder")
        constraints = [
            models.CheckConstraint(
                condition=(
                    models.Q(partnership__isnull=False, is_city_admin=False) & ~models.Q(role="")
                )
                | models.Q(partnership__isnull=True, role="", is_city_admin=True),
                name="group_mapping_role_or_city_admin",
                violation_error_message=_(
                    "Vælg enten et partnerskab og en rolle, eller byens administrator."
                ),
            ),
            models.UniqueConstraint(
                fields=["group", "partnership"], name="group_mapping_unique_per_partnership"
            ),
        ]

    def __str__(self) -> str:
        if self.is_city_admin:
            return f"{self.group} → {_('byens administrator')}"
        return f"{self.group} → {self.get_role_display()} ({self.partnership})"
