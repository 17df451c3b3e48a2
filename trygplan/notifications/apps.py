from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class NotificationsConfig(AppConfig):
    name = "trygplan.notifications"
    verbose_name = _("E-mails")

    def ready(self):
        from . import listeners

        listeners.register()
