"""The notices that no workflow step causes (run by `trygplan run-jobs`). Each is idempotent:
a notice's key says what it is about, and (kind, key, recipient) is made once."""

import datetime

from django.db import transaction
from django.utils import timezone

from trygplan.operations.jobs import job

from . import notices
from .digest import digest_for, iso_week, partnerships_with_coordinators
from .models import Kind
from .services import notices_retry

SOON = datetime.timedelta(days=7)
# An expense is told about for this long after it was recorded (a job that was down for a
# day catches up; a first run does not mail every old expense).
EXPENSE_WINDOW = datetime.timedelta(days=3)


@job(
    "notify-expenses",
    every=datetime.timedelta(minutes=10),
    description="Skriver til ansøgere, når der er registreret en udgift på deres bevilling.",
)
def notify_expenses(now=None) -> str:
    from trygplan.pools.models import Expense

    now = now or timezone.now()
    expenses = Expense.private_objects.filter(
        created_at__gte=now - EXPENSE_WINDOW, amount__gt=0, is_invented=False
    ).select_related("grant__application__pool__partnership")
    made = 0
    for expense in expenses:
        with transaction.atomic():
            made += len(notices.application_paid(expense))
    return f"{made} notice(s) about expenses"


def _finding_notices(findings, *, kind, today) -> int:
    made = 0
    for finding in findings:
        key = f"finding:{finding.pk}:{finding.deadline.isoformat()}"
        with transaction.atomic():
            made += len(notices.finding_notice(finding, kind=kind, key=key, today=today))
    return made


@job(
    "notify-finding-deadlines",
    daily_at=datetime.time(7, 0),
    description="Skriver til den ansvarlige, når et fund har frist om 7 dage, og når fristen "
    "er overskredet (én gang pr. fund og frist).",
)
def notify_finding_deadlines(today=None) -> str:
    from trygplan.walks.models import Finding

    today = today or timezone.localdate()
    findings = (
        Finding.private_objects.open()
        .filter(deadline__isnull=False, owner_organisation__isnull=False, is_invented=False)
        .select_related("walk__partnership", "owner_organisation__parent")
    )
    soon = findings.filter(deadline__gte=today, deadline__lte=today + SOON)
    overdue = findings.filter(deadline__lt=today)
    made_soon = _finding_notices(soon, kind=Kind.FINDING_DEADLINE_SOON, today=None)
    made_overdue = _finding_notices(overdue, kind=Kind.FINDING_OVERDUE, today=today)
    return f"{made_soon} notice(s) of deadlines soon, {made_overdue} of overdue findings"


@job(
    "coordinator-digest",
    daily_at=datetime.time(7, 30),
    description="Sender koordinatoren en ugentlig oversigt over det, der venter "
    "(første kørsel hver uge, normalt mandag).",
)
def coordinator_digest(today=None) -> str:
    today = today or timezone.localdate()
    made = 0
    for partnership in partnerships_with_coordinators():
        digest = digest_for(partnership, today=today)
        if digest.is_empty:
            continue
        with transaction.atomic():
            made += len(notices.coordinator_digest(digest, key=f"week:{iso_week(today)}"))
    return f"{made} digest(s)"


@job(
    "retry-notices",
    every=datetime.timedelta(minutes=15),
    description="Sender e-mails igen, som ikke kunne sendes (fx når mailserveren var nede).",
)
def retry_notices() -> str:
    count = notices_retry(older_than=timezone.now() - datetime.timedelta(minutes=10))
    return f"{count} notice(s) queued again"
