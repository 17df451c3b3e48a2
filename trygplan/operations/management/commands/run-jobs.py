"""Run the scheduled jobs that are due: for cron (`*/15 * * * * trygplan run-jobs`) or, with
`--loop`, as a long-running process (the compose file's `jobs` service).

  trygplan run-jobs                 every job that is due, once
  trygplan run-jobs --loop          the same every minute until SIGTERM/SIGINT
  trygplan run-jobs --list          the jobs, their schedule and last run
  trygplan run-jobs --job NAME --force   run one job now, due or not
"""

import signal

from django.core.management.base import BaseCommand, CommandError

from trygplan.operations.jobs import jobs_registered, jobs_run_due, jobs_run_loop
from trygplan.operations.models import JobState


class Command(BaseCommand):
    help = "Kører de planlagte job, der er forfaldne (sletning af kontaktoplysninger m.m.)."

    def add_arguments(self, parser):
        parser.add_argument("--loop", action="store_true", help="Keep running; check every minute.")
        parser.add_argument("--interval", type=float, default=60.0, help="Seconds between checks.")
        parser.add_argument("--rounds", type=int, help="With --loop: stop after this many rounds.")
        parser.add_argument("--job", help="Only this job.")
        parser.add_argument("--force", action="store_true", help="Run even if not due.")
        parser.add_argument("--list", action="store_true", help="List the jobs and stop.")

    def handle(self, *args, **options):
        if options["list"]:
            return self._list()
        if options["loop"]:
            stop = []
            for signum in (signal.SIGTERM, signal.SIGINT):
                signal.signal(signum, lambda *_: stop.append(True))
            outcomes = jobs_run_loop(
                interval=options["interval"], rounds=options["rounds"], should_stop=lambda: stop
            )
        else:
            try:
                outcomes = jobs_run_due(only=options["job"], force=options["force"])
            except KeyError as error:
                raise CommandError(f"No job named {error}.") from error
        for outcome in outcomes:
            mark = "ok" if outcome.succeeded else "FAILED"
            self.stdout.write(f"{outcome.name}: {mark} {outcome.message}")
        if not options["loop"] and not outcomes:
            self.stdout.write("No job was due.")
        if any(not outcome.succeeded for outcome in outcomes):
            raise CommandError("A job failed; see the log.")

    def _list(self):
        states = {state.name: state for state in JobState.objects.all()}
        for registered in jobs_registered():
            when = (
                f"daily at {registered.daily_at:%H:%M}"
                if registered.daily_at
                else f"every {registered.every}"
            )
            state = states.get(registered.name)
            last = (
                f"last started {state.started_at:%Y-%m-%d %H:%M}"
                if state and state.started_at
                else "never run"
            )
            self.stdout.write(f"{registered.name}  {when}  {last}  {registered.description}")
