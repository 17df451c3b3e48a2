"""`trygplan check-plan amager 2016`: print the plan's check results; exit 1 on errors."""

import sys

from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _

from trygplan.plans.checks import run_checks, summary_line
from trygplan.plans.models import Plan


class Command(BaseCommand):
    help = "Checks a plan (money against the frame, responsibilities, footnotes, ...)."

    def add_arguments(self, parser):
        parser.add_argument("partnership", help="the partnership's slug, e.g. amager")
        parser.add_argument("year", type=int)
        parser.add_argument(
            "--amendment", type=int, default=None, help="a version (default: the newest)"
        )

    def handle(self, *args, partnership, year, amendment, **options):
        plans = Plan.private_objects.filter(partnership__slug=partnership)
        plan = plans.versions_of(year, amendment).select_related("partnership").first()
        if plan is None:
            raise CommandError(
                _("Der er ingen tryghedsplan for %(year)s i %(slug)s.")
                % {"year": year, "slug": partnership}
            )
        results = run_checks(plan)
        self.stdout.write(f"{plan} ({plan.get_status_display()})")
        for result in results:
            label = _("FEJL") if result.is_error else _("ADVARSEL")
            self.stdout.write(f"{label} {result.code}: {result.message}")
            for target, url in result.targets:
                self.stdout.write(f"    - {target} ({url})")
        errors = sum(result.is_error for result in results)
        self.stdout.write(summary_line(results))
        if errors:
            sys.exit(1)
