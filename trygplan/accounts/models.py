from django.contrib.auth.models import AbstractUser
from django.db import models
from django.utils.translation import gettext_lazy as _


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
