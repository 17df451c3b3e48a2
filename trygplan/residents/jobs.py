"""The residents' reports' scheduled job (run by `trygplan run-jobs`; see operations/jobs.py)."""

import datetime

from trygplan.operations.jobs import job
from trygplan.pools.services import retention_days

from .services import contacts_erase_expired


@job(
    "erase-expired-reporter-contacts",
    daily_at=datetime.time(3, 20),
    description="Sletter beboeres kontaktoplysninger på meldinger, når meldingen har været "
    "behandlet i en fastsat tid.",
)
def erase_expired_reporter_contacts() -> str:
    erased = contacts_erase_expired()
    return (
        f"{len(erased)} resident report(s) had contact details erased "
        f"(retention {retention_days()} days)"
    )
