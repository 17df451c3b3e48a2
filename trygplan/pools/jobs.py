"""The pools' scheduled job (run by `trygplan run-jobs`; see trygplan/operations/jobs.py)."""

import datetime

from trygplan.operations.jobs import job

from .services import contacts_erase_expired, retention_days


@job(
    "erase-expired-contacts",
    daily_at=datetime.time(3, 15),
    description="Sletter ansøgeres kontaktoplysninger, når sagen har været afsluttet i en "
    "fastsat tid.",
)
def erase_expired_contacts() -> str:
    erased = contacts_erase_expired()
    return (
        f"{len(erased)} application(s) had contact details erased "
        f"(retention {retention_days()} days)"
    )
