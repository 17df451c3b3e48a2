"""`trygplan erase-expired-contacts`: erases contact details a set time after a case closed."""

import datetime
import io

from django.core.management import call_command
from django.utils import timezone

from trygplan.audit.models import AuditEntry
from trygplan.pools.models import Application

from .conftest import S, advance, submit


def run() -> str:
    out = io.StringIO()
    call_command("erase-expired-contacts", stdout=out)
    return out.getvalue()


def test_contacts_of_cases_closed_long_ago_are_erased_once(urban, arbejdsgruppe, settings):
    settings.TRYGPLAN_POOLS_CONTACT_RETENTION_DAYS = 30
    old = advance(submit(urban, title="Gammel sag"), arbejdsgruppe, S.REJECTED)
    recent = advance(submit(urban, title="Ny afslået sag"), arbejdsgruppe, S.REJECTED)
    still_open = submit(urban, title="Åben sag")
    Application.private_objects.filter(pk=old.pk).update(
        closed_at=timezone.now() - datetime.timedelta(days=31)
    )
    output = run()
    assert "Gammel sag" in output and "1 ansøgning(er)" in output
    old.refresh_from_db()
    assert (old.applicant_name, old.applicant_email, old.applicant_phone) == ("", "", "")
    assert old.contacts_erased_at is not None
    for other in (recent, still_open):
        other.refresh_from_db()
        assert other.applicant_email == "tove@example.org"
    assert AuditEntry.objects.filter(code="pool_application.erase_contacts").count() == 1
    assert "0 ansøgning(er)" in run()
    assert AuditEntry.objects.filter(code="pool_application.erase_contacts").count() == 1
