"""Erase pool applicants' contact details a set time after their case closed.

Meant for a daily cron job, e.g.  15 3 * * *  trygplan erase-expired-contacts
The time is settings.TRYGPLAN_POOLS_CONTACT_RETENTION_DAYS (default 365 days). Running it
twice erases nothing the second time.
"""

from django.core.management.base import BaseCommand
from django.utils.translation import gettext as _

from trygplan.pools.services import contacts_erase_expired, retention_days


class Command(BaseCommand):
    help = "Sletter ansøgeres kontaktoplysninger, når sagen har været afsluttet i en fastsat tid."

    def handle(self, *args, **options):
        erased = contacts_erase_expired()
        for application in erased:
            self.stdout.write(
                _(
                    "Slettet kontaktoplysninger: ansøgning %(pk)s “%(title)s” (%(pool)s), "
                    "afsluttet %(closed)s"
                )
                % {
                    "pk": application.pk,
                    "title": application.title,
                    "pool": application.pool,
                    "closed": f"{application.closed_at:%Y-%m-%d}",
                }
            )
        self.stdout.write(
            _(
                "%(count)s ansøgning(er) fik slettet kontaktoplysninger "
                "(opbevaringstid %(days)s dage)."
            )
            % {"count": len(erased), "days": retention_days()}
        )
