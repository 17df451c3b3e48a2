"""Applicants' contact details are erased a set time after their case closed."""

import datetime

from django.conf import settings
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from trygplan.audit.models import AuditEntry

from ..models import Application
from ._common import pool_audit

CONTACT_FIELDS = ("applicant_name", "applicant_email", "applicant_phone")


def retention_days() -> int:
    return int(getattr(settings, "TRYGPLAN_POOLS_CONTACT_RETENTION_DAYS", 365))


@transaction.atomic
def contacts_erase_expired(*, now=None) -> list[Application]:
    """Erase applicants' contact details a set time after their case closed. Idempotent.
    The history records that they were erased, never what they were."""
    now = now or timezone.now()
    before = now - datetime.timedelta(days=retention_days())
    expired = list(Application.private_objects.contacts_expired(before).select_related("pool"))
    for application in expired:
        for name in CONTACT_FIELDS:
            setattr(application, name, "")
        application.contacts_erased_at = now
        application.save(update_fields=[*CONTACT_FIELDS, "contacts_erased_at"])
        pool_audit(
            user=None,
            obj=application,
            pool=application.pool,
            action=AuditEntry.Action.UPDATE,
            changes={"contacts_erased_at": [None, now]},
            reason=_("Slettet automatisk %(days)s dage efter sagens afslutning.")
            % {"days": retention_days()},
            code="pool_application.erase_contacts",
        )
    return expired
