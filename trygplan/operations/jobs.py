"""The scheduled jobs: a registry every module adds to, and the runner behind `trygplan run-jobs`.

A module registers a job in its own `jobs.py` (found at start-up like `admin.py`)::

    from trygplan.operations.jobs import job

    @job("erase-expired-contacts", daily_at=datetime.time(3, 15), description="…")
    def erase_expired_contacts() -> str:
        return "3 applications erased"   # one line for the log and the admin

A job runs when it is due: `daily_at` (local time, Europe/Copenhagen) once a day from that
time on, or `every` (a timedelta) that long after it last started. `run-jobs` runs every due
job once; `run-jobs --loop` does so every minute until stopped. Which job started when is kept
in `JobState`; claiming a run is one conditional UPDATE, so two runners (a cron line and the
compose file's `jobs` service, or two replicas) never run the same job twice.
A job must be idempotent within its slot: a runner that dies mid-job leaves it to the next slot.
"""

from __future__ import annotations

import datetime
import logging
import time
from collections.abc import Callable
from dataclasses import dataclass

from django.db import close_old_connections, connection
from django.db.models import Q
from django.utils import timezone
from django.utils.module_loading import autodiscover_modules

from .models import JobState

__all__ = ["Job", "JobOutcome", "job", "jobs_registered", "jobs_run_due", "jobs_run_loop"]

logger = logging.getLogger("trygplan.operations")

_REGISTRY: dict[str, Job] = {}


@dataclass(frozen=True)
class Job:
    name: str
    function: Callable[[], str | None]
    description: str
    every: datetime.timedelta | None = None
    daily_at: datetime.time | None = None

    def latest_slot(self, now: datetime.datetime) -> datetime.datetime:
        """The last moment at or before `now` from which the job is due."""
        if self.daily_at is None:
            return now - self.every
        local = timezone.localtime(now)
        slot = local.replace(
            hour=self.daily_at.hour, minute=self.daily_at.minute, second=0, microsecond=0
        )
        return slot if slot <= local else slot - datetime.timedelta(days=1)


@dataclass(frozen=True)
class JobOutcome:
    name: str
    succeeded: bool
    message: str


def job(
    name: str,
    *,
    description: str,
    every: datetime.timedelta | None = None,
    daily_at: datetime.time | None = None,
):
    """Register the decorated function as the job `name` (give `every` or `daily_at`)."""
    if (every is None) == (daily_at is None):
        raise ValueError(f"Job {name}: give exactly one of `every` and `daily_at`.")

    def register(function):
        _REGISTRY[name] = Job(name, function, description, every=every, daily_at=daily_at)
        return function

    return register


def jobs_registered() -> list[Job]:
    autodiscover_modules("jobs")
    return sorted(_REGISTRY.values(), key=lambda registered: registered.name)


def _claim(registered: Job, now: datetime.datetime, force: bool) -> bool:
    JobState.objects.get_or_create(name=registered.name)
    rows = JobState.objects.filter(name=registered.name)
    if not force:
        slot = registered.latest_slot(now)
        rows = rows.filter(Q(started_at__isnull=True) | Q(started_at__lt=slot))
    return rows.update(started_at=now, finished_at=None, succeeded=None, message="") == 1


def _run(registered: Job) -> JobOutcome:
    started = time.monotonic()
    try:
        message = registered.function() or ""
    except Exception as error:  # a failing job is recorded and logged; the others still run
        logger.exception("job_failed", extra={"job": registered.name})
        outcome = JobOutcome(registered.name, False, f"{type(error).__name__}: {error}")
    else:
        outcome = JobOutcome(registered.name, True, str(message))
        logger.info(
            "job_done",
            extra={
                "job": registered.name,
                "result": outcome.message,
                "duration_ms": round((time.monotonic() - started) * 1000),
            },
        )
    JobState.objects.filter(name=registered.name).update(
        finished_at=timezone.now(), succeeded=outcome.succeeded, message=outcome.message[:2000]
    )
    return outcome


def jobs_run_due(
    *, now: datetime.datetime | None = None, only: str | None = None, force: bool = False
) -> list[JobOutcome]:
    """Run each due job (or just `only`; with `force` whether due or not) and say how it went."""
    now = now or timezone.now()
    chosen = [registered for registered in jobs_registered() if only in (None, registered.name)]
    if only and not chosen:
        raise KeyError(only)
    return [_run(registered) for registered in chosen if _claim(registered, now, force)]


def jobs_run_loop(
    *, interval: float, rounds: int | None, should_stop: Callable[[], bool]
) -> list[JobOutcome]:
    """`run-jobs --loop`: run the due jobs every `interval` seconds until `should_stop()`."""
    outcomes: list[JobOutcome] = []
    done = 0
    while not should_stop() and (rounds is None or done < rounds):
        if not connection.in_atomic_block:  # never drop a connection mid-transaction
            close_old_connections()  # survive a database restart between rounds
        outcomes += jobs_run_due()
        done += 1
        deadline = time.monotonic() + interval
        while not should_stop() and time.monotonic() < deadline and rounds != done:
            time.sleep(min(1.0, max(0.0, deadline - time.monotonic())))
    return outcomes
